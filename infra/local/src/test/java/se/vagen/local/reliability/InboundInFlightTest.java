package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.ActivityType;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.aws.dynamodb.DynamoSendLedger;
import se.vagen.checkin.CheckinCycle;
import se.vagen.checkin.Conversation;
import se.vagen.checkin.ConversationRepository;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.idempotency.SendLedger;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An inbound SMS whose handler died after claiming its message id (the process killed, out of memory, a time-out):
 * the claim stays. A redelivery within the lease is not dropped as a duplicate (that would lose the answer) but
 * fails, so Lambda delivers it again and, after its retries, parks it in the dead-letter queue; the delivery after
 * the lease (a retry or the replay from the queue) stores the answer once and replies once.
 */
class InboundInFlightTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private final VagenStack stack = VagenStack.shared();

    @Test
    void aMessageClaimedByADeadHandlerIsRetriedNotDroppedAndHandledOnceAfterTheLease() {
        AspirantRepository aspirants = stack.context().getBean(AspirantRepository.class);
        ConversationRepository conversations = stack.context().getBean(ConversationRepository.class);
        CheckinCycle cycles = stack.context().getBean(CheckinCycle.class);
        LocalDate today = LocalDate.now(STOCKHOLM);
        String phone = "+4670" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        ActivityPlan plan = new ActivityPlan(today.minusDays(30), today.plusDays(180),
                List.of(new Activity(ActivityType.SFI, 15, "Kompetenscenter", today.minusDays(30), today.plusDays(180))),
                List.of());
        Aspirant a = new Aspirant("inflight-" + UUID.randomUUID(), "Test Avbruten", phone, null, Language.SV,
                Channel.SMS, "arbetskonsulent", Cadence.WEEKLY, OptOuts.NONE, plan, null, 0, false, Instant.now(),
                Instant.now());
        aspirants.save(a);
        String cycle = cycles.dueCycle(a, today).orElseGet(() -> cycles.dueCycle(a, today.plusDays(7)).orElseThrow());
        conversations.open(Conversation.start(a.id(), cycle, Channel.SMS, Instant.now()));

        // A handler claimed the message and died before answering: only its claim is left.
        String messageId = "dead-" + UUID.randomUUID();
        String key = "inbound#sms#" + messageId;
        SendLedger ledger = stack.context().getBean(SendLedger.class);
        assertTrue(ledger.claim(key, Instant.now(), Instant.now().plus(Duration.ofDays(30))));

        // Lambda's retries within the lease: each delivery fails (so it is kept), nothing is stored or sent.
        for (int retry = 0; retry < 2; retry++) {
            assertThrows(RuntimeException.class, () -> stack.smsInbound(phone, "1", messageId));
        }
        assertEquals(0, stack.outboxTo(phone).size(), "no reply while the claim holds");
        assertEquals(1, conversations.find(a.id()).orElseThrow().step(), "the round did not move");
        assertFalse(checkIn(a.id(), cycle).containsKey("participation"), "no answer stored");

        // The lease passes (the claim's write time moved back by the lease and a minute), then the replay.
        long lease = stack.context().getBean(DynamoSendLedger.class).lease().length().toMillis();
        stack.directDynamoDb().updateItem(r -> r.tableName(stack.tableName("IdempotencyTable"))
                .key(Map.of("key", AttributeValue.fromS(key)))
                .updateExpression("SET claimedAtMillis = claimedAtMillis - :by")
                .expressionAttributeValues(Map.of(":by", AttributeValue.fromN(Long.toString(lease + 60_000)))));
        String reply = stack.smsInbound(phone, "1", messageId);
        assertNotNull(reply, "question 2 is sent");
        assertEquals("YES", checkIn(a.id(), cycle).get("participation").s(), "the answer is stored");
        assertEquals(2, conversations.find(a.id()).orElseThrow().step());
        assertEquals(1, stack.outboxTo(phone).size(), "one reply");

        // Any later delivery of it is a plain duplicate: nothing more.
        assertNull(stack.smsInbound(phone, "1", messageId));
        assertEquals(1, stack.outboxTo(phone).size());
    }

    private Map<String, AttributeValue> checkIn(String aspirantId, String cycle) {
        Map<String, AttributeValue> item = stack.directDynamoDb().getItem(r -> r
                .tableName(stack.tableName("CheckInsTable")).consistentRead(true)
                .key(Map.of("aspirantId", AttributeValue.fromS(aspirantId), "cycle", AttributeValue.fromS(cycle))))
                .item();
        return item == null ? Map.of() : item;
    }
}
