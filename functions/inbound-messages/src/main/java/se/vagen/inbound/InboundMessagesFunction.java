package se.vagen.inbound;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.LazyBeans;
import se.vagen.checkin.Chatbot;
import se.vagen.checkin.DeliveryInFlightException;
import se.vagen.common.Channel;
import se.vagen.messaging.InboundMessage;
import se.vagen.messaging.RawMailStore;
import se.vagen.messaging.SendFailedException;

/**
 * Lambda handler of inbound messages (SNS). Each record is either the JSON AWS End User Messaging SMS publishes for
 * a two-way SMS ({@code originationNumber}, {@code destinationNumber}, {@code messageBody}, {@code inboundMessageId})
 * or an SES receipt notification ({@code notificationType: Received}, raw MIME in S3). A record of another shape,
 * or one that cannot be read, is logged without personal data and skipped: it never breaks the batch. When a record
 * failed for a reason outside it (storage, provider), the others are still handled and the invocation then fails,
 * so Lambda delivers the event again; what was handled already is recognised by its message id and not repeated.
 */
public class InboundMessagesFunction extends MicronautRequestHandler<SNSEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMessagesFunction.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer SMS bodies are cut; a check-in answer is a few characters. */
    static final int MAX_SMS_CHARS = 2_000;

    public InboundMessagesFunction() {
        super();
    }

    public InboundMessagesFunction(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyBeans.lazy(super.newApplicationContextBuilder());
    }

    @Override
    public Void execute(SNSEvent event) {
        if (event == null || event.getRecords() == null) {
            LOG.warn("inbound: event without records; dropped");
            return null;
        }
        ApplicationContext context = getApplicationContext();
        Chatbot chatbot = context.getBean(Chatbot.class);
        Instant now = context.getBean(Clock.class).instant();
        int failed = 0;
        int index = 0;
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            index++;
            try {
                Optional<InboundMessage> message = message(record, now);
                if (message.isPresent()) {
                    chatbot.handle(message.get());
                }
            } catch (SendFailedException e) {
                failed++;
                LOG.warn("inbound record {}: the reply could not be sent (retryable={})", index, e.retryable());
            } catch (DeliveryInFlightException e) {
                failed++;
                LOG.info("inbound record {}: another delivery of the same message is not finished; retried later", index);
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("inbound record {} failed: {}", index, e.getClass().getSimpleName());
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " inbound record(s) failed; the delivery will be retried");
        }
        return null;
    }

    private Optional<InboundMessage> message(SNSEvent.SNSRecord record, Instant now) {
        if (record == null || record.getSNS() == null || record.getSNS().getMessage() == null) {
            LOG.warn("inbound: record without an SNS message; skipped");
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(record.getSNS().getMessage());
        } catch (JsonProcessingException e) {
            LOG.warn("inbound: SNS message is not JSON; skipped");
            return Optional.empty();
        }
        if (json == null || !json.isObject()) {
            LOG.warn("inbound: SNS message is not a JSON object; skipped");
            return Optional.empty();
        }
        if (json.hasNonNull("originationNumber")) {
            return sms(json, now);
        }
        if ("Received".equals(json.path("notificationType").asText(null))) {
            return email(json, now);
        }
        LOG.warn("inbound: SNS message of an unknown shape; skipped");
        return Optional.empty();
    }

    private Optional<InboundMessage> sms(JsonNode json, Instant now) {
        String id = json.path("inboundMessageId").asText("");
        String body = json.path("messageBody").asText("");
        Optional<String> from = e164(json.path("originationNumber").asText(""));
        if (id.isBlank() || from.isEmpty()) {
            LOG.warn("inbound SMS without message id or with an unreadable number; skipped");
            return Optional.empty();
        }
        if (body.length() > MAX_SMS_CHARS) {
            LOG.warn("inbound SMS body over {} characters; dropped", MAX_SMS_CHARS);
            return Optional.empty();
        }
        String text = printable(body);
        if (text.isBlank()) {
            LOG.warn("inbound SMS with an empty or unprintable body; dropped");
            return Optional.empty();
        }
        return Optional.of(new InboundMessage(Channel.SMS, from.get(), text, id, now));
    }

    private Optional<InboundMessage> email(JsonNode json, Instant now) {
        String id = json.path("mail").path("messageId").asText("");
        JsonNode action = json.path("receipt").path("action");
        String bucket = action.path("bucketName").asText(null);
        String key = action.path("objectKey").asText(null);
        byte[] raw = null;
        if (key != null && !key.isBlank()) {
            raw = getApplicationContext().getBean(RawMailStore.class).read(bucket, key).orElse(null);
        } else if (json.hasNonNull("content")) {
            // SNS action with the message inline (SES "SNS" receipt action, UTF-8 or Base64 encoding).
            String content = json.path("content").asText("");
            raw = "BASE64".equalsIgnoreCase(action.path("encoding").asText(""))
                    ? decodeBase64(content) : content.getBytes(StandardCharsets.UTF_8);
        }
        if (id.isBlank() || raw == null) {
            LOG.warn("inbound e-mail without message id or content; skipped");
            return Optional.empty();
        }
        Optional<MailReader.Mail> mail = MailReader.read(raw);
        if (mail.isEmpty() || mail.get().from() == null) {
            LOG.warn("inbound e-mail could not be read; skipped");
            return Optional.empty();
        }
        if (printable(mail.get().replyText()).isBlank()) {
            LOG.warn("inbound e-mail without reply text; dropped");
            return Optional.empty();
        }
        return Optional.of(new InboundMessage(Channel.EMAIL, mail.get().from(), mail.get().replyText(), id, now));
    }

    /** The text without control characters (line breaks become spaces). */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(cp) && cp != 0xFFFD) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    private static byte[] decodeBase64(String content) {
        try {
            return java.util.Base64.getMimeDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Optional<String> e164(String number) {
        if (number == null || number.isBlank() || number.length() > 32) {
            return Optional.empty();
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber parsed = util.parse(number, "SE");
            return util.isPossibleNumber(parsed)
                    ? Optional.of(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
