package se.vagen.messaging;

/** Sends an e-mail. In AWS: SES v2 SendEmail with a text and an HTML part. */
public interface EmailSender {
    /** Returns the provider's message id. */
    String send(OutgoingEmail email) throws SendFailedException;
}
