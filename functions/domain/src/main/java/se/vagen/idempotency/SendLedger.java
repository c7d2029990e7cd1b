package se.vagen.idempotency;

import java.time.Instant;

/**
 * Exactly-once bookkeeping for outbound messages and inbound deliveries, by key (see template.yaml,
 * IdempotencyTable). A key is claimed by one caller only (conditional write); a failed send can be
 * claimed again by a later run; a sent one never.
 */
public interface SendLedger {

    /** Claims the key for sending; true for exactly one caller, and again after {@link #markFailed}. */
    boolean claim(String key, Instant now, Instant expiresAt);

    void markSent(String key, Instant now);

    /** Records a failed attempt (no personal data in {@code reason}); a later run may claim it again. */
    void markFailed(String key, Instant now, String reason);
}
