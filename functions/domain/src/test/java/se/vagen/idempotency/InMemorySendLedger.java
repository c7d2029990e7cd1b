package se.vagen.idempotency;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's contract in memory, on the same {@link ClaimLease} rule the DynamoDB adapter writes as a condition. Here
 * the {@code now} passed in is also the clock the lease is measured on.
 */
final class InMemorySendLedger implements SendLedger {

    private record Entry(LedgerStatus status, Instant claimedAt) {
    }

    private final ClaimLease lease;
    private final Map<String, Entry> entries = new HashMap<>();

    InMemorySendLedger(ClaimLease lease) {
        this.lease = lease;
    }

    @Override
    public synchronized boolean claim(String key, Instant now, Instant expiresAt) {
        Entry e = entries.get(key);
        if (!lease.claimable(e == null ? null : e.status(), e == null ? null : e.claimedAt(), now)) {
            return false;
        }
        entries.put(key, new Entry(LedgerStatus.CLAIMED, now));
        return true;
    }

    @Override
    public synchronized void markSent(String key, Instant now) {
        Entry e = entries.get(key);
        entries.put(key, new Entry(LedgerStatus.SENT, e == null ? null : e.claimedAt()));
    }

    @Override
    public synchronized void markFailed(String key, Instant now, String reason) {
        Entry e = entries.get(key);
        if (e != null && e.status() != LedgerStatus.SENT) {
            entries.put(key, new Entry(LedgerStatus.FAILED, e.claimedAt()));
        }
    }

    @Override
    public synchronized Optional<LedgerStatus> status(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.status());
    }
}
