package se.vagen.aws.ses;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.ProviderErrors;
import se.vagen.messaging.EmailSender;
import se.vagen.messaging.OutgoingEmail;
import se.vagen.messaging.SendFailedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * E-mail out through SES v2 {@code SendEmail}: a simple message with a plain-text and an HTML part, UTF-8, from
 * {@code vagen.email.from}. Throttling and SES's own failures become a retryable {@link SendFailedException};
 * a rejected message (bad address, unverified sender, suspended account) does not.
 */
@Singleton
@Requires(classes = SesV2Client.class)
public class SesEmailSender implements EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(SesEmailSender.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SesV2Client ses;
    private final String from;

    public SesEmailSender(SesV2Client ses, @Property(name = "vagen.email.from") String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public String send(OutgoingEmail email) throws SendFailedException {
        Body.Builder body = Body.builder().text(content(email.text()));
        if (email.html() != null) {
            body.html(content(email.html()));
        }
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(m -> m.subject(content(email.subject())).body(body.build())))
                .build();
        try {
            String id = ses.sendEmail(request).messageId();
            LOG.debug("SES accepted message {}", id);
            return id;
        } catch (SdkServiceException e) {
            boolean retryable = ProviderErrors.retryable(e);
            LOG.warn("SES SendEmail failed: {} (status {}, retryable {})", ProviderErrors.errorCode(e), e.statusCode(), retryable);
            throw new SendFailedException("SES SendEmail failed: " + ProviderErrors.errorCode(e), retryable, e);
        } catch (SdkClientException e) {
            LOG.warn("SES SendEmail did not reach SES: {}", e.getClass().getSimpleName());
            throw new SendFailedException("SES SendEmail did not reach SES", true, e);
        }
    }

    private static Content content(String data) {
        return Content.builder().data(data == null ? "" : data).charset(UTF_8).build();
    }
}
