package se.vagen.local.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * One captured SMS or e-mail, as the provider received it.
 *
 * @param channel    "sms" or "email"
 * @param to         E.164 number or e-mail address (several e-mail recipients are comma-separated)
 * @param from       sender: e-mail address, or the SMS origination identity when given
 * @param subject    e-mail subject (null for SMS)
 * @param body       text part (SMS text, or the e-mail's plain-text part)
 * @param html       e-mail HTML part, or null
 * @param attributes SNS message attributes (AWS.SNS.SMS.SMSType, AWS.MM.SMS.OriginationNumber, ...) or SES
 *                   details (charset, configuration set)
 * @param sentAt     when the outbox received it
 * @param messageId  the id answered to the SDK
 */
public record OutboxMessage(String channel, String to, String from, String subject, String body, String html,
                            Map<String, String> attributes, Instant sentAt, String messageId) {

    public boolean isSms() {
        return "sms".equals(channel);
    }

    public boolean isEmail() {
        return "email".equals(channel);
    }
}
