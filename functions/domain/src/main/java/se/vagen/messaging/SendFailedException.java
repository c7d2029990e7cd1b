package se.vagen.messaging;

/**
 * A message could not be handed to the provider. {@code retryable} says whether a later attempt may
 * succeed (throttling, 5xx) or not (a rejected recipient). The message never contains personal data.
 */
public class SendFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public SendFailedException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
