package se.vagen.aws.ses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.AwsSettings;
import se.vagen.aws.SignedRequests;
import se.vagen.aws.SignedRequests.AwsCallException;
import se.vagen.aws.SignedRequests.Response;
import se.vagen.messaging.EmailSender;
import se.vagen.messaging.OutgoingEmail;
import se.vagen.messaging.SendFailedException;

/**
 * E-mail out through SES v2 {@code SendEmail}: a simple message with a plain-text and an HTML part, UTF-8, from
 * {@code vagen.email.from}. Throttling and SES's own failures become a retryable {@link SendFailedException};
 * a rejected message (bad address, unverified sender, suspended account) does not.
 *
 * <p>The request is the SES v2 REST-JSON call ({@code POST /v2/email/outbound-emails}), signed with the SDK's SigV4
 * signer ({@link SignedRequests}) instead of the SES v2 SDK module: that module is 3.2 MB of an artifact for this one
 * call (docs/performance.md). The body is exactly what the SDK's {@code SesV2Client} sends for the same message.
 */
@Singleton
public class SesEmailSender implements EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(SesEmailSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    static final String PATH = "/v2/email/outbound-emails";

    private final SignedRequests aws;
    private final URI endpoint;
    private final String from;

    @Inject
    public SesEmailSender(SignedRequests aws, AwsSettings settings, @Property(name = "vagen.email.from") String from) {
        this(aws, settings.sesEndpoint() != null ? settings.sesEndpoint() : aws.regionalEndpoint("email"), from);
    }

    /** With an explicit endpoint (scheme, host, port): the SES v2 API of the region, or a stand-in. */
    public SesEmailSender(SignedRequests aws, URI endpoint, String from) {
        this.aws = aws;
        this.endpoint = endpoint;
        this.from = from;
    }

    @Override
    public String send(OutgoingEmail email) throws SendFailedException {
        byte[] body = requestBody(from, email);
        try {
            Response response = aws.post("ses", endpoint, PATH, "application/json", body, SesEmailSender::errorCode);
            String id = JSON.readTree(response.body()).path("MessageId").asText(null);
            if (id == null || id.isBlank()) {
                LOG.warn("SES SendEmail answered {} without a MessageId", response.status());
                throw new SendFailedException("SES SendEmail answered without a MessageId", true, null);
            }
            LOG.debug("SES accepted message {}", id);
            return id;
        } catch (AwsCallException e) {
            if (e.status() == 0) {
                LOG.warn("SES SendEmail did not reach SES: {}", e.getCause() == null ? "?" : e.getCause().getClass().getSimpleName());
                throw new SendFailedException("SES SendEmail did not reach SES", true, e);
            }
            LOG.warn("SES SendEmail failed: {} (status {}, retryable {})", e.errorCode(), e.status(), e.retryable());
            throw new SendFailedException("SES SendEmail failed: " + e.errorCode(), e.retryable(), e);
        } catch (IOException e) {
            LOG.warn("SES SendEmail answer is not JSON");
            throw new SendFailedException("SES SendEmail answer is not JSON", true, e);
        }
    }

    /** The SendEmail request: {@code FromEmailAddress}, {@code Destination.ToAddresses}, {@code Content.Simple}. */
    static byte[] requestBody(String from, OutgoingEmail email) {
        ObjectNode request = JSON.createObjectNode();
        if (from != null) {
            request.put("FromEmailAddress", from);
        }
        request.putObject("Destination").putArray("ToAddresses").add(email.to());
        ObjectNode simple = request.putObject("Content").putObject("Simple");
        content(simple.putObject("Subject"), email.subject());
        ObjectNode body = simple.putObject("Body");
        content(body.putObject("Text"), email.text());
        if (email.html() != null) {
            content(body.putObject("Html"), email.html());
        }
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An e-mail request could not be written as JSON", e);
        }
    }

    private static void content(ObjectNode node, String data) {
        node.put("Data", data == null ? "" : data);
        node.put("Charset", UTF_8);
    }

    /**
     * SES v2's error code: the {@code x-amzn-ErrorType} header (without the {@code :uri} suffix it may carry), else
     * {@code __type} or {@code code} of a JSON body (without a {@code namespace#} prefix); null if there is none.
     */
    static String errorCode(Response response) {
        String code = response.header("x-amzn-ErrorType").orElse(null);
        if (code == null && response.body().length > 0) {
            try {
                JsonNode error = JSON.readTree(response.body());
                code = error.path("__type").asText(error.path("code").asText(null));
            } catch (IOException e) {
                code = null;
            }
        }
        if (code == null || code.isBlank()) {
            return null;
        }
        int colon = code.indexOf(':');
        code = colon >= 0 ? code.substring(0, colon) : code;
        int hash = code.lastIndexOf('#');
        return hash >= 0 ? code.substring(hash + 1) : code;
    }
}
