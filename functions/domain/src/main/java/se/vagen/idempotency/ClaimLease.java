package se.vagen.idempotency;

import java.time.Duration;
import java.time.Instant;

/**
 * A claim in the {@link SendLedger} is a lease: it keeps every other run away from the key while the claiming run
 * sends, and no longer than that. A key still CLAIMED when its claim is older than the lease belongs to a process
 * that died between the claim and the send (Lambda timeout, out of memory, a killed process); a later run may claim
 * it again, so that aspirant still gets the message instead of never getting it.
 *
 * <p>The lease is measured on the clock processes live by (the ledger's wall clock when it writes the claim), not
 * on a run's "as of" instant: a scheduled run can start an hour or more after its scheduled time (Scheduler's and
 * Lambda's retries), and a replayed event runs "as of" its original time days later, but no process lives longer
 * than its function's timeout after it wrote a claim. The longest timeout of a function that claims is 900 s
 * (template.yaml; infra/local's ClaimLeaseTemplateTest checks it); {@link #DEFAULT_LENGTH} is twice that, so a live
 * run's claim is never taken over, and the next scheduled run (two hours later for the reminders) takes over what
 * a dead run left.
 *
 * <p>Rules, in full ({@link #claimable}): no entry, or FAILED: claimable. SENT: never. CLAIMED: only when
 * {@code claimedAt} is strictly before {@code now - length}; a CLAIMED entry without a known claim time is never
 * taken over (the safe side: a missing message, not a duplicate one).
 */
public record ClaimLease(Duration length) {

    /** 30 minutes: twice the longest timeout of a function that claims (900 s, see above). */
    public static final Duration DEFAULT_LENGTH = Duration.ofMinutes(30);

    public ClaimLease {
        if (length == null || length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("A claim lease must be a positive duration, was " + length);
        }
    }

    public static ClaimLease defaults() {
        return new ClaimLease(DEFAULT_LENGTH);
    }

    /** Claims made before this instant are stale at {@code now}. */
    public Instant staleBefore(Instant now) {
        return now.minus(length);
    }

    /** Whether a key in {@code status} (null: no entry), claimed at {@code claimedAt}, may be claimed at {@code now}. */
    public boolean claimable(LedgerStatus status, Instant claimedAt, Instant now) {
        if (status == null) {
            return true;
        }
        return switch (status) {
            case FAILED -> true;
            case SENT -> false;
            case CLAIMED -> claimedAt != null && claimedAt.isBefore(staleBefore(now));
        };
    }
}
