package se.vagen.checkin;

/**
 * An inbound message whose id is claimed but not yet handled: another delivery of it is being handled right now,
 * or one died while handling it. Thrown so the delivery fails and the platform delivers it again later (Lambda's
 * retries, then the dead-letter queue): by then it is handled (and the retry is a duplicate) or the dead claim has
 * lapsed ({@link se.vagen.idempotency.ClaimLease}) and the retry handles it. Dropping it instead could lose an
 * answer.
 */
public class DeliveryInFlightException extends RuntimeException {

    public DeliveryInFlightException(String key) {
        super("inbound message " + key + " is claimed by another delivery; deliver it again later");
    }
}
