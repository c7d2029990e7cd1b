package se.vagen.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The claim-as-a-lease rule as a table; the same cases run against DynamoDB Local in SendLedgerLeaseTest. */
class ClaimLeaseTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:05:00Z");

    @ParameterizedTest(name = "{0}, claimed {1} min before, lease {2} min -> {3}")
    @CsvSource(nullValues = "none", value = {
            // status,  claimed minutes before now (none = unknown), lease minutes, claimable
            "none,      none, 30, true",    // never claimed
            "FAILED,    0,    30, true",    // a failed send is retried at once
            "FAILED,    1000, 30, true",
            "SENT,      0,    30, false",   // sent is final
            "SENT,      31,   30, false",
            "SENT,      100000, 30, false",
            "CLAIMED,   0,    30, false",   // a live run's claim (the concurrent run)
            "CLAIMED,   15,   30, false",   // a run at its 900 s timeout is still alive
            "CLAIMED,   29,   30, false",
            "CLAIMED,   30,   30, false",   // exactly at the lease: not yet
            "CLAIMED,   31,   30, true",    // older than the lease: the run died, take it over
            "CLAIMED,   120,  30, true",    // the next scheduled reminder run
            "CLAIMED,   1080, 30, true",    // the next working morning
            "CLAIMED,   -60,  30, false",   // written later than now (clock skew): not stale
            "CLAIMED,   none, 30, false",   // claim time unknown (written before leases): never taken over
            "CLAIMED,   151,  150, true",   // a configured longer lease
            "CLAIMED,   149,  150, false",
    })
    void claimable(LedgerStatus status, Long minutesBefore, long leaseMinutes, boolean expected) {
        Instant claimedAt = minutesBefore == null ? null : NOW.minus(Duration.ofMinutes(minutesBefore));
        assertEquals(expected, new ClaimLease(Duration.ofMinutes(leaseMinutes)).claimable(status, claimedAt, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1M"})
    void aLeaseMustBePositive(String length) {
        assertThrows(IllegalArgumentException.class, () -> new ClaimLease(Duration.parse(length)));
        assertThrows(IllegalArgumentException.class, () -> new ClaimLease(null));
    }

    @Test
    void theDefaultOutlivesTheLongestTimeout() {
        // 900 s is the Lambda maximum and the longest timeout in template.yaml (ClaimLeaseTemplateTest checks it).
        assertTrue(ClaimLease.DEFAULT_LENGTH.compareTo(Duration.ofSeconds(900)) > 0);
        assertEquals(ClaimLease.DEFAULT_LENGTH, ClaimLease.defaults().length());
    }

    /**
     * A run killed between claim and send, told as the sequence of claims that follow it: the concurrent run and
     * a run while the first could still be alive leave the key alone, the next scheduled run takes it, and only one of two runs
     * at that instant does.
     */
    @Test
    void aKilledRunsKeyIsSentByTheFirstRunAfterTheLeaseAndOnlyOnce() {
        InMemorySendLedger ledger = new InMemorySendLedger(ClaimLease.defaults());
        String key = "send#checkin#a1#2026-W49#R1";
        Instant killed = Instant.parse("2026-11-30T08:05:00Z");
        Instant keep = killed.plus(Duration.ofDays(120));
        assertTrue(ledger.claim(key, killed, keep));
        // ...the run dies here: neither markSent nor markFailed.
        record Attempt(Instant at, boolean wins) {
        }
        List<Attempt> later = List.of(
                new Attempt(killed, false),                              // a second run at the same instant
                new Attempt(killed.plus(Duration.ofMinutes(15)), false), // the first could still be alive
                new Attempt(killed.plus(Duration.ofHours(2)), true),     // the next scheduled run: taken over
                new Attempt(killed.plus(Duration.ofHours(2)), false));   // its concurrent twin
        for (Attempt a : later) {
            assertEquals(a.wins(), ledger.claim(key, a.at(), keep), "claim as of " + a.at());
        }
        ledger.markSent(key, killed.plus(Duration.ofHours(2)));
        assertEquals(Optional.of(LedgerStatus.SENT), ledger.status(key));
        assertEquals(false, ledger.claim(key, killed.plus(Duration.ofDays(30)), keep), "sent is final");
    }
}
