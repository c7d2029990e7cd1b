package se.vagen.idempotency;

import java.time.Duration;
import java.time.Instant;

/**
 * A claim in the {@link SendLedger} is a lease: it keeps every other run away from the key while the claiming run
 * sends, and no longer than that. A key still CLAIMED when its claim is older than the lease belongs to a run that
 * died between the claim and the send (Lambda timeout, out of memory, a killed process); a later run may claim it
 * again, so that aspirant still gets the message instead of never getting it.
 *
 * <p>The lease must be longer than any run can live after the instant it claims with, or a live run's key could be
 * taken over and sent twice. Runs claim with their "as of" instant (EventBridge Scheduler's scheduled time), and
 * a run can start late: Scheduler retries delivery for up to an hour and Lambda keeps an async event for up to an
 * hour more, then the run has its 15 minutes (template.yaml: MaximumEventAgeInSeconds 3600 twice, Timeout 900).
 * So the latest a run as of T can still send is T + 2 h 15 min; {@link #DEFAULT_LENGTH} is 2 h 30 min. With the
 * reminder schedule (every two hours from 09:05) the run two hours later leaves such a key alone, the one four
 * hours later (or the next working morning) sends it. See docs/reliability.md.
 *
 * <p>Rules, in full ({@link #claimable}): no entry, or FAILED: claimable. SENT: never. CLAIMED: only when
 * {@code claimedAt} is strictly before {@code now - length}; a CLAIMED entry without a known claim time is never
 * taken over (the safe side: a missing message, not a duplicate one).
 */
public record ClaimLease(Duration length) {

    /** 2 h 30 min: longer than a run can live after its as-of instant (2 h 15 min, see above). */
    public static final Duration DEFAULT_LENGTH = Duration.ofMinutes(150);

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
