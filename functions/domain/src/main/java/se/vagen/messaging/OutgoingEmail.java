package se.vagen.messaging;

/** An e-mail to send, always with a plain-text and an HTML part. */
public record OutgoingEmail(String to, String subject, String text, String html) {
}
