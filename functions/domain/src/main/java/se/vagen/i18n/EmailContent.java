package se.vagen.i18n;

/** A rendered e-mail: subject, plain-text part and HTML part (the HTML has every value escaped). */
public record EmailContent(String subject, String text, String html) {
}
