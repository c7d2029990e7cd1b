package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.aws.TableNames;
import se.vagen.aws.dynamodb.DynamoSendLedger;
import se.vagen.aws.dynamodb.LedgerItem;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The claim lease in DynamoSendLedger against DynamoDB Local: the same table of cases as the domain's
 * ClaimLeaseTest, each state written through the adapter itself (claimed by a ledger whose clock reads an earlier
 * instant, then marked sent or failed), then claimed by a ledger whose clock reads now; and many claims at one
 * instant on one key, stale or fresh.
 */
class SendLedgerLeaseTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:05:00Z");
    private static final Instant KEEP = NOW.plus(Duration.ofDays(120));

    private static VagenStack stack;
    private static TableNames names;

    @BeforeAll
    static void setUp() {
        stack = VagenStack.shared();
        names = stack.context().getBean(TableNames.class);
    }

    /** A ledger whose wall clock reads {@code clock}. */
    private static DynamoSendLedger ledger(long leaseMinutes, Instant clock) {
        return new DynamoSendLedger(stack.enhanced(), names, Duration.ofMinutes(leaseMinutes),
                Clock.fixed(clock, ZoneOffset.UTC));
    }

    private static String key() {
        return "test#lease#" + UUID.randomUUID();
    }

    @ParameterizedTest(name = "{0}, claimed {1} min before, lease {2} min -> {3}")
    @CsvSource(nullValues = "none", value = {
            "none,      none, 30, true",
            "FAILED,    0,    30, true",
            "FAILED,    1000, 30, true",
            "SENT,      0,    30, false",
            "SENT,      31,   30, false",
            "SENT,      100000, 30, false",
            "CLAIMED,   0,    30, false",
            "CLAIMED,   15,   30, false",
            "CLAIMED,   29,   30, false",
            "CLAIMED,   30,   30, false",
            "CLAIMED,   31,   30, true",
            "CLAIMED,   120,  30, true",
            "CLAIMED,   1080, 30, true",
            "CLAIMED,   -60,  30, false",
            "CLAIMED,   none, 30, false",
            "CLAIMED,   151,  150, true",
            "CLAIMED,   149,  150, false",
    })
    void claimAsOfNow(String status, Long minutesBefore, long leaseMinutes, boolean expected) {
        DynamoSendLedger ledger = ledger(leaseMinutes, NOW);
        String key = key();
        Instant before = minutesBefore == null ? null : NOW.minus(Duration.ofMinutes(minutesBefore));
        DynamoSendLedger earlier = before == null ? null : ledger(leaseMinutes, before);
        if (status != null && before == null) {
            // A CLAIMED entry as written before leases: no claimedAtMillis.
            LedgerItem legacy = new LedgerItem();
            legacy.setKey(key);
            legacy.setStatus(status);
            legacy.setClaimedAt("2026-11-30T09:00:00Z");
            legacy.setExpiresAt(KEEP.getEpochSecond());
            table().putItem(legacy);
        } else if (status != null) {
            assertEquals(true, earlier.claim(key, before, KEEP), "setting up " + status);
            switch (status) {
                case "SENT" -> earlier.markSent(key, before);
                case "FAILED" -> earlier.markFailed(key, before, "injected");
                default -> { }
            }
        }
        assertEquals(status, ledger.status(key).map(Enum::name).orElse(null));

        assertEquals(expected, ledger.claim(key, NOW, KEEP));

        LedgerItem after = table().getItem(r -> r.key(k -> k.partitionValue(key)).consistentRead(true));
        if (expected) {
            assertEquals("CLAIMED", after.getStatus());
            assertEquals(NOW.toEpochMilli(), after.getClaimedAtMillis(), "the new claim's time");
        } else {
            assertEquals(status, after.getStatus(), "unchanged");
            assertEquals(before == null ? null : before.toEpochMilli(), after.getClaimedAtMillis(), "unchanged");
        }
    }

    @Test
    void sixteenRunsAtOneInstantTakeOverAStaleClaimOnceAndAFreshOneNever() throws Exception {
        DynamoSendLedger ledger = ledger(30, NOW);
        String stale = key();
        String fresh = key();
        ledger(30, NOW.minus(Duration.ofHours(2))).claim(stale, NOW.minus(Duration.ofHours(2)), KEEP);
        ledger(30, NOW.minus(Duration.ofMinutes(15))).claim(fresh, NOW.minus(Duration.ofMinutes(15)), KEEP);
        assertEquals(1, claimsWon(ledger, stale, 16), "stale claim taken over by exactly one");
        assertEquals(0, claimsWon(ledger, fresh, 16), "a claim within the lease is never taken over");
        String none = key();
        assertTrue(ledger.status(none).isEmpty());
        assertEquals(1, claimsWon(ledger, none, 16), "a new key is claimed by exactly one");
    }

    private static int claimsWon(DynamoSendLedger ledger, String key, int runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return ledger.claim(key, NOW, KEEP);
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get() ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }

    private static DynamoDbTable<LedgerItem> table() {
        return stack.enhanced().table(names.idempotency(), TableSchema.fromBean(LedgerItem.class));
    }
}
