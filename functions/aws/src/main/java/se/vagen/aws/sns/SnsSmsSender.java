package se.vagen.aws.sns;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.ProviderErrors;
import se.vagen.messaging.OutgoingSms;
import se.vagen.messaging.SendFailedException;
import se.vagen.messaging.SmsSender;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * SMS out through SNS {@code Publish} to a phone number, as a transactional message from
 * {@code vagen.sms.origination-identity} (a number in E.164 goes as {@code AWS.MM.SMS.OriginationNumber}, an
 * alphanumeric sender id as {@code AWS.SNS.SMS.SenderID}). Throttling and SNS's own failures are retryable.
 */
@Singleton
@Requires(classes = SnsClient.class)
public class SnsSmsSender implements SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(SnsSmsSender.class);

    private final SnsClient sns;
    private final Map<String, MessageAttributeValue> attributes;

    public SnsSmsSender(SnsClient sns, @Property(name = "vagen.sms.origination-identity") String originationIdentity) {
        this.sns = sns;
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("AWS.SNS.SMS.SMSType", string("Transactional"));
        String identity = originationIdentity.trim();
        a.put(identity.startsWith("+") ? "AWS.MM.SMS.OriginationNumber" : "AWS.SNS.SMS.SenderID", string(identity));
        this.attributes = Map.copyOf(a);
    }

    @Override
    public String send(OutgoingSms sms) throws SendFailedException {
        PublishRequest request = PublishRequest.builder()
                .phoneNumber(sms.toE164())
                .message(sms.text())
                .messageAttributes(attributes)
                .build();
        try {
            String id = sns.publish(request).messageId();
            LOG.debug("SNS accepted message {}", id);
            return id;
        } catch (SdkServiceException e) {
            boolean retryable = ProviderErrors.retryable(e);
            LOG.warn("SNS Publish failed: {} (status {}, retryable {})", ProviderErrors.errorCode(e), e.statusCode(), retryable);
            throw new SendFailedException("SNS Publish failed: " + ProviderErrors.errorCode(e), retryable, e);
        } catch (SdkClientException e) {
            LOG.warn("SNS Publish did not reach SNS: {}", e.getClass().getSimpleName());
            throw new SendFailedException("SNS Publish did not reach SNS", true, e);
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
