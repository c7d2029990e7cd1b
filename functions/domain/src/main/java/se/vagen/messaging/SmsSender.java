package se.vagen.messaging;

/** Sends an SMS. In AWS: SNS Publish to the phone number; another operator's HTTP API can implement it too. */
public interface SmsSender {
    /** Returns the provider's message id. */
    String send(OutgoingSms sms) throws SendFailedException;
}
