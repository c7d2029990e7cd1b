package se.vagen.common;

/** A pagination cursor that this service did not hand out (tampered, truncated or from another listing). */
public class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException(String message) {
        super(message);
    }
}
