package se.vagen.idempotency;

/** Where a key of the {@link SendLedger} stands. No entry at all means never claimed. */
public enum LedgerStatus {
    /** A run took the key and is sending (or died while sending: see {@link ClaimLease}). */
    CLAIMED,
    /** The provider accepted the message; never claimed again. */
    SENT,
    /** The send failed and was recorded; the next run may claim it again. */
    FAILED
}
