package se.vagen.local.outbox;

/** Kinds of injected provider failure. */
public enum Fault {
    /** SES: 400 ThrottlingException; SNS: 429 Throttled. The SDK and the adapters treat it as retryable. */
    THROTTLE,
    /** 500 InternalFailure. Retryable. */
    SERVER_ERROR,
    /** SES: 400 MessageRejected; SNS: 400 InvalidParameter. Not retryable. */
    REJECT,
    /**
     * The request is read and then never answered: a provider that hangs. The message is not accepted (not in the
     * outbox). Held requests are let go by {@link Outbox#clearFaults()} (answered 503) or when the outbox stops.
     */
    HOLD
}
