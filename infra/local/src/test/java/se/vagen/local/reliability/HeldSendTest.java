package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.vagen.local.outbox.Fault;
import se.vagen.local.outbox.OutboxMessage;
import se.vagen.local.testing.VagenStack;
import se.vagen.messaging.OutgoingSms;
import se.vagen.messaging.SendFailedException;
import se.vagen.messaging.SmsSender;

/**
 * The outbox's HOLD fault (a provider that hangs): a held SMS is not accepted while it hangs; let go, it is answered
 * 503 and the SDK's own retry of the call delivers it once. ReminderRunsOwnStackTest kills a run while its sends hang.
 */
class HeldSendTest {

    private final VagenStack stack = VagenStack.shared();

    @AfterEach
    void noFaultsLeft() {
        stack.clearFaults();
    }

    @Test
    void aHeldSmsIsNotSentUntilLetGoThenTheSdksRetryDeliversItOnce() throws Exception {
        String to = "+4670" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        SmsSender sms = stack.context().getBean(SmsSender.class);
        stack.failNext("sms", 1, Fault.HOLD);
        CompletableFuture<String> send = CompletableFuture.supplyAsync(() -> {
            try {
                return sms.send(new OutgoingSms(to, "Hej!"));
            } catch (SendFailedException e) {
                throw new IllegalStateException("the retry should have gone through", e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stack.held("sms") < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, stack.held("sms"), "the Publish hangs");
        assertFalse(send.isDone(), "the sender waits");
        assertEquals(List.of(), stack.outboxTo(to), "nothing accepted while held");

        stack.clearFaults();
        String id = send.get(30, TimeUnit.SECONDS);
        List<OutboxMessage> sent = stack.outboxTo(to);
        assertEquals(1, sent.size(), "delivered once, by the SDK's retry after the 503");
        assertEquals(id, sent.get(0).messageId());
        assertEquals(0, stack.held("sms"));
        assertTrue(sent.get(0).body().contains("Hej!"));
    }
}
