package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.aws.ses.SesEmailSender;
import se.vagen.aws.sns.SnsSmsSender;
import se.vagen.local.outbox.Fault;
import se.vagen.local.outbox.OutboxMessage;
import se.vagen.local.testing.VagenStack;
import se.vagen.messaging.OutgoingEmail;
import se.vagen.messaging.OutgoingSms;
import se.vagen.messaging.SendFailedException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The SES v2 and SNS adapters, through the real SDK clients of the shared context, land in the outbox. */
class MessageAdaptersTest {

    private final VagenStack stack = VagenStack.shared();

    @AfterEach
    void noFaultsLeft() {
        stack.clearFaults();
    }

    static String uniqueNumber() {
        return "+4670" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    static String uniqueAddress() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void anEmailArrivesWithTextHtmlSubjectAndSender() throws Exception {
        String to = uniqueAddress();
        String id = stack.context().getBean(SesEmailSender.class).send(new OutgoingEmail(to,
                "Hur går det? – كيف حالك؟", "Hej Åsa!\nSvara gärna.", "<p>Hej Åsa!</p>"));
        List<OutboxMessage> sent = stack.outboxTo(to);
        assertEquals(1, sent.size());
        OutboxMessage mail = sent.get(0);
        assertEquals(id, mail.messageId());
        assertEquals("email", mail.channel());
        assertEquals("noreply@vagen.local", mail.from());
        assertEquals("Hur går det? – كيف حالك؟", mail.subject());
        assertEquals("Hej Åsa!\nSvara gärna.", mail.body());
        assertEquals("<p>Hej Åsa!</p>", mail.html());
        assertEquals("UTF-8", mail.attributes().get("textCharset"));
        assertEquals("UTF-8", mail.attributes().get("htmlCharset"));
        assertEquals("UTF-8", mail.attributes().get("subjectCharset"));
        assertTrue(mail.sentAt() != null);
    }

    @Test
    void anSmsArrivesAsATransactionalMessageFromTheOriginationNumber() throws Exception {
        String to = uniqueNumber();
        String id = stack.context().getBean(SnsSmsSender.class).send(new OutgoingSms(to, "Hej! Svara 1, 2 eller 3. Привіт"));
        List<OutboxMessage> sent = stack.outboxTo(to);
        assertEquals(1, sent.size());
        OutboxMessage sms = sent.get(0);
        assertEquals(id, sms.messageId());
        assertEquals("sms", sms.channel());
        assertEquals("Hej! Svara 1, 2 eller 3. Привіт", sms.body());
        assertNull(sms.subject());
        assertEquals("Transactional", sms.attributes().get("AWS.SNS.SMS.SMSType"));
        assertEquals("+46700000000", sms.attributes().get("AWS.MM.SMS.OriginationNumber"));
        assertEquals("+46700000000", sms.from());
    }

    @Test
    void aRawEmailIsReadToo() {
        String to = uniqueAddress();
        String mime = "From: noreply@vagen.local\r\nTo: " + to + "\r\nSubject: Raw\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder().encodeToString("Hallå".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\r\n"
                + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Hallå</p>\r\n--b1--\r\n";
        stack.context().getBean(SesV2Client.class).sendEmail(b -> b.content(c -> c.raw(r -> r.data(
                SdkBytes.fromUtf8String(mime)))));
        OutboxMessage mail = stack.outboxTo(to).get(0);
        assertEquals("Raw", mail.subject());
        assertEquals("Hallå", mail.body());
        assertEquals("<p>Hallå</p>", mail.html());
    }

    @ParameterizedTest
    @CsvSource({
            "email, THROTTLE, true",
            "email, SERVER_ERROR, true",
            "email, REJECT, false",
            "sms, THROTTLE, true",
            "sms, SERVER_ERROR, true",
            "sms, REJECT, false"})
    void injectedFaultsReachTheAdapterAsSendFailures(String channel, Fault fault, boolean retryable) throws Exception {
        String to = channel.equals("sms") ? uniqueNumber() : uniqueAddress();
        stack.failNext(channel, 1, fault);
        SendFailedException failure = assertThrows(SendFailedException.class, () -> send(channel, to));
        assertEquals(retryable, failure.retryable());
        assertFalse(failure.getMessage().contains(to), "no personal data in the message");
        assertTrue(stack.outboxTo(to).isEmpty());
        send(channel, to);
        assertEquals(1, stack.outboxTo(to).size(), "the next send goes through");
    }

    private void send(String channel, String to) throws SendFailedException {
        if (channel.equals("sms")) {
            stack.context().getBean(SnsSmsSender.class).send(new OutgoingSms(to, "Test"));
        } else {
            stack.context().getBean(SesEmailSender.class).send(new OutgoingEmail(to, "Test", "Test", "<p>Test</p>"));
        }
    }
}
