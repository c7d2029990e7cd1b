package se.vagen.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Exactly-once bookkeeping for outbound messages and inbound deliveries, by key (see template.yaml,
 * IdempotencyTable). A key is claimed by one caller only (conditional write); a failed send can be claimed again by
 * a later run; a sent one never. A claim is a lease ({@link ClaimLease}): a key left CLAIMED by a run that died
 * before it could mark it sent or failed can be claimed again once the claim is older than the lease. The lease is
 * measured on the ledger's own clock (when the claim was written), not on the {@code now} a caller passes.
 */
public interface SendLedger {

    /**
     * Claims the key for sending, recorded as of {@code now} (the run's "as of" instant); true for exactly one caller,
     * again after {@link #markFailed}, and again once an earlier claim is older than the lease.
     */
    boolean claim(String key, Instant now, Instant expiresAt);

    void markSent(String key, Instant now);

    /** Records a failed attempt (no personal data in {@code reason}); a later run may claim it again. */
    void markFailed(String key, Instant now, String reason);

    /** Where the key stands (read consistently); empty when it was never claimed. */
    Optional<LedgerStatus> status(String key);
}
