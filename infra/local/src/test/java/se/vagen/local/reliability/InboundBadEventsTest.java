package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInRepository;
import se.vagen.inbound.InboundMessagesFunction;
import se.vagen.local.LocalStack;
import se.vagen.local.outbox.OutboxMessage;
import se.vagen.local.testing.VagenStack;
import se.vagen.time.WorkingCalendar;

/**
 * One SNS batch mixing events of the wrong shape (empty, 200 KB, binary garbage, not JSON, JSON of another shape,
 * an SES notification naming an S3 object that does not exist, a record without a message) with one valid two-way
 * SMS in the middle: the handler does not throw, the valid answer is stored and replied to, and nothing else is
 * stored or sent.
 */
class InboundBadEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VagenStack stack = VagenStack.shared();

    @Test
    void wrongShapesAreDroppedAndTheValidMessageInTheMiddleIsHandled() throws Exception {
        String digits = String.format("%07d", RANDOM.nextInt(10_000_000));
        String e164 = "+4676" + digits;
        String staff = stack.staffToken("inbound-bad-events", "staff");
        LocalDate today = LocalDate.now(STOCKHOLM);
        ObjectNode body = JSON.createObjectNode();
        body.put("name", "Inkorg Provsson").put("phone", e164).put("email", "inkorg." + digits + "@example.org")
                .put("language", "sv").put("channel", "sms").put("contactRoleOwner", "arbetskonsulent")
                .put("checkInCadence", "WEEKLY");
        ObjectNode plan = body.putObject("plan");
        plan.put("start", today.minusDays(40).toString()).put("end", today.plusDays(120).toString());
        plan.putArray("activities").addObject().put("type", "SFI").put("hoursPerWeek", 15).put("provider", "Kc")
                .put("start", today.minusDays(40).toString()).put("end", today.plusDays(120).toString());
        HttpResponse<String> created = stack.post("/staff/aspirants", "application/json", body.toString(), staff);
        assertEquals(201, created.statusCode(), created.body());
        String aspirantId = JSON.readTree(created.body()).get("id").asText();

        WorkingCalendar calendar = stack.context().getBean(WorkingCalendar.class);
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (!calendar.isWorkingDay(monday)) {
            monday = monday.plusWeeks(1);
        }
        stack.runJob("checkin-reminders", monday.atTime(9, 30).atZone(STOCKHOLM).toOffsetDateTime());
        assertTrue(stack.outboxTo(e164).size() == 1, "the aspirant got the reminder that opens the conversation");

        String validId = UUID.randomUUID().toString();
        byte[] garbage = new byte[4096];
        RANDOM.nextBytes(garbage);
        List<SNSEvent.SNSRecord> records = new ArrayList<>();
        records.add(record("vagen-inbound-sms", null, ""));
        records.add(record("vagen-inbound-sms", null, sms(e164, "1 " + "x".repeat(200 * 1024), UUID.randomUUID().toString())));
        records.add(record("vagen-inbound-sms", null, new String(garbage, StandardCharsets.ISO_8859_1)));
        records.add(record("vagen-inbound-sms", null, "1 hej, det här är inte JSON"));
        records.add(record("vagen-inbound-sms", null, "[1, 2, 3]"));
        records.add(record("vagen-inbound-sms", null, sms(e164, "1", validId)));
        records.add(record("vagen-inbound-sms", null, "{\"originationNumber\": 46, \"messageBody\": [\"1\"]}"));
        records.add(record("vagen-inbound-sms", null, sms(e164, "1", null)));
        records.add(record("vagen-inbound-sms", null, sms("inte ett nummer", "1", UUID.randomUUID().toString())));
        records.add(record("vagen-inbound-sms", null, sms(e164, "\u0000\u0001\u0002", UUID.randomUUID().toString())));
        records.add(record("vagen-inbound-mail", "Amazon SES Email Receipt Notification", missingMail(e164, digits)));
        records.add(record("vagen-inbound-mail", "Amazon SES Email Receipt Notification", "{\"notificationType\":\"Received\"}"));
        records.add(new SNSEvent.SNSRecord().withEventSource("aws:sns"));
        SNSEvent event = new SNSEvent().withRecords(records);

        Map<String, Set<String>> before = TableKeys.snapshot(stack);
        int outboxBefore = stack.outboxSize();
        InboundMessagesFunction handler = new InboundMessagesFunction(stack.context());
        LocalStack local = stack.stack();
        assertDoesNotThrow(() -> handler.handleRequest(event, local.lambdaBudget().newContext("inbound-messages")));
        List<OutboxMessage> sent = stack.outboxSince(outboxBefore);
        Map<String, Set<String>> after = TableKeys.snapshot(stack);

        assertEquals(1, sent.size(), "one reply, to the valid SMS: " + sent);
        assertEquals(e164, sent.get(0).to());
        List<CheckIn> history = stack.context().getBean(CheckInRepository.class).history(aspirantId, 1);
        assertEquals(1, history.size());
        assertNotNull(history.get(0).participation(), "the valid SMS's answer is stored: " + history.get(0));
        assertTrue(history.get(0).freeText() == null || history.get(0).freeText().length() < 1000,
                "the 200 KB body was not stored as free text");
        List<String> changes = TableKeys.changes(before, after);
        System.out.println("InboundBadEventsTest: " + records.size() + " records, changed: " + changes);
        // The check-in and conversation items existed already (the reminder opened them) and are updated in
        // place; the only new key is the valid message's inbound id.
        for (String change : changes) {
            assertTrue(!change.startsWith("-"), "nothing removed: " + change);
            assertTrue(change.contains(validId), "only the valid message added an item: " + changes);
        }
    }

    private static String sms(String from, String text, String messageId) {
        ObjectNode message = JSON.createObjectNode();
        message.put("originationNumber", from);
        message.put("destinationNumber", LocalStack.SMS_ORIGINATION_IDENTITY);
        message.put("messageKeyword", "KEYWORD_000000000000");
        message.put("messageBody", text);
        if (messageId != null) {
            message.put("inboundMessageId", messageId);
        }
        message.putNull("previousPublishedMessageId");
        return message.toString();
    }

    /** An SES "Received" notification whose S3 object was never written. */
    private static String missingMail(String e164, String digits) {
        ObjectNode notification = JSON.createObjectNode();
        notification.put("notificationType", "Received");
        ObjectNode mail = notification.putObject("mail");
        mail.put("source", "inkorg." + digits + "@example.org");
        mail.put("messageId", "missing" + digits);
        mail.putObject("commonHeaders").putArray("from").add("inkorg." + digits + "@example.org");
        ObjectNode action = notification.putObject("receipt").putObject("action");
        action.put("type", "S3");
        action.put("bucketName", LocalStack.INBOUND_MAIL_BUCKET);
        action.put("objectKey", "inbound/does-not-exist-" + digits);
        return notification.toString();
    }

    private static SNSEvent.SNSRecord record(String topic, String subject, String message) {
        String topicArn = "arn:aws:sns:eu-north-1:000000000000:local-" + topic;
        SNSEvent.SNS sns = new SNSEvent.SNS().withType("Notification").withMessageId(UUID.randomUUID().toString())
                .withTopicArn(topicArn).withSubject(subject).withMessage(message)
                .withTimestamp(new DateTime(DateTimeZone.UTC)).withMessageAttributes(Map.of());
        return new SNSEvent.SNSRecord().withEventSource("aws:sns").withEventVersion("1.0")
                .withEventSubscriptionArn(topicArn + ":" + UUID.randomUUID()).withSns(sns);
    }
}
