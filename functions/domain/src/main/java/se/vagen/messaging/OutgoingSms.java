package se.vagen.messaging;

/** An SMS to send: the recipient in E.164 and the text (already within the segment limits). */
public record OutgoingSms(String toE164, String text) {
}
