package se.vagen.aws.sns;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.AwsSettings;
import se.vagen.aws.SignedRequests;
import se.vagen.aws.SignedRequests.AwsCallException;
import se.vagen.aws.SignedRequests.Response;
import se.vagen.messaging.OutgoingSms;
import se.vagen.messaging.SendFailedException;
import se.vagen.messaging.SmsSender;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * SMS out through SNS {@code Publish} to a phone number, as a transactional message from
 * {@code vagen.sms.origination-identity} (a number in E.164 goes as {@code AWS.MM.SMS.OriginationNumber}, an
 * alphanumeric sender id as {@code AWS.SNS.SMS.SenderID}). Throttling and SNS's own failures are retryable.
 *
 * <p>The request is SNS's query-protocol call (form-encoded {@code Action=Publish}, XML answer), signed with the SDK's
 * SigV4 signer ({@link SignedRequests}) instead of the SNS SDK module (1.1 MB of an artifact for this one call;
 * docs/performance.md); the form is the one the SDK's {@code SnsClient} sends.
 */
@Singleton
public class SnsSmsSender implements SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(SnsSmsSender.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]{1,200})</MessageId>");
    private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");

    private final SignedRequests aws;
    private final URI endpoint;
    private final Map<String, String> attributes;

    @Inject
    public SnsSmsSender(SignedRequests aws, AwsSettings settings,
                        @Property(name = "vagen.sms.origination-identity") String originationIdentity) {
        this(aws, settings.snsEndpoint() != null ? settings.snsEndpoint() : aws.regionalEndpoint("sns"),
                originationIdentity);
    }

    /** With an explicit endpoint (scheme, host, port): SNS in the region, or a stand-in. */
    public SnsSmsSender(SignedRequests aws, URI endpoint, String originationIdentity) {
        this.aws = aws;
        this.endpoint = endpoint;
        Map<String, String> a = new LinkedHashMap<>();
        a.put("AWS.SNS.SMS.SMSType", "Transactional");
        String identity = originationIdentity.trim();
        a.put(identity.startsWith("+") ? "AWS.MM.SMS.OriginationNumber" : "AWS.SNS.SMS.SenderID", identity);
        this.attributes = Map.copyOf(a);
    }

    @Override
    public String send(OutgoingSms sms) throws SendFailedException {
        byte[] body = form(sms.toE164(), sms.text(), attributes);
        try {
            Response response = aws.post("sns", endpoint, "/", "application/x-www-form-urlencoded; charset=utf-8", body,
                    SnsSmsSender::errorCode);
            Matcher id = MESSAGE_ID.matcher(new String(response.body(), StandardCharsets.UTF_8));
            if (!id.find()) {
                LOG.warn("SNS Publish answered {} without a MessageId", response.status());
                throw new SendFailedException("SNS Publish answered without a MessageId", true, null);
            }
            LOG.debug("SNS accepted message {}", id.group(1));
            return id.group(1);
        } catch (AwsCallException e) {
            if (e.status() == 0) {
                LOG.warn("SNS Publish did not reach SNS: {}", e.getCause() == null ? "?" : e.getCause().getClass().getSimpleName());
                throw new SendFailedException("SNS Publish did not reach SNS", true, e);
            }
            LOG.warn("SNS Publish failed: {} (status {}, retryable {})", e.errorCode(), e.status(), e.retryable());
            throw new SendFailedException("SNS Publish failed: " + e.errorCode(), e.retryable(), e);
        }
    }

    /** The Publish form: phone number, message and the SMS attributes as string message attributes. */
    static byte[] form(String phoneNumber, String message, Map<String, String> attributes) {
        StringBuilder form = new StringBuilder("Action=Publish&Version=2010-03-31");
        add(form, "PhoneNumber", phoneNumber);
        add(form, "Message", message);
        int entry = 1;
        for (Map.Entry<String, String> a : new java.util.TreeMap<>(attributes).entrySet()) {
            String prefix = "MessageAttributes.entry." + entry++;
            add(form, prefix + ".Name", a.getKey());
            add(form, prefix + ".Value.DataType", "String");
            add(form, prefix + ".Value.StringValue", a.getValue());
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void add(StringBuilder form, String name, String value) {
        form.append('&').append(SdkHttpUtils.urlEncode(name)).append('=').append(SdkHttpUtils.urlEncode(value));
    }

    /** SNS's error code from its XML error answer; null if there is none. */
    static String errorCode(Response response) {
        Matcher code = CODE.matcher(new String(response.body(), StandardCharsets.UTF_8));
        return code.find() ? code.group(1) : null;
    }
}
