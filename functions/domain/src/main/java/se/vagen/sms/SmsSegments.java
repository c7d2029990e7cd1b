package se.vagen.sms;

/**
 * Counts SMS segments the way carriers do. A text made only of GSM 03.38 characters is sent as GSM-7:
 * 160 septets in one segment, 153 per segment when concatenated; characters from the extension table
 * ({@code ^ { } \ [ ] ~ | €} and form feed) take two septets and are never split across segments.
 * Anything else makes the whole text UCS-2: 70 UTF-16 code units in one segment, 67 per segment when
 * concatenated (an emoji is two units; a surrogate pair is never split).
 *
 * <p>Vägen's rule: an SMS may use at most {@value #MAX_GSM7_SEGMENTS} GSM-7 segments or
 * {@value #MAX_UCS2_SEGMENTS} UCS-2 segments.
 */
public final class SmsSegments {

    public static final int MAX_GSM7_SEGMENTS = 2;
    public static final int MAX_UCS2_SEGMENTS = 3;

    static final int GSM7_SINGLE = 160;
    static final int GSM7_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    public enum Encoding { GSM7, UCS2 }

    /** How a text is sent: encoding, number of segments, and length in septets (GSM7) or UTF-16 units (UCS2). */
    public record Segments(Encoding encoding, int segments, int units) {
    }

    private SmsSegments() {
    }

    /** An empty text counts as one (empty) segment. */
    public static Segments count(String text) {
        if (isGsm7(text)) {
            int units = 0;
            for (int i = 0; i < text.length(); i++) {
                units += septets(text.charAt(i));
            }
            if (units <= GSM7_SINGLE) {
                return new Segments(Encoding.GSM7, 1, units);
            }
            int parts = 1;
            int used = 0;
            for (int i = 0; i < text.length(); i++) {
                int w = septets(text.charAt(i));
                if (used + w > GSM7_PART) {
                    parts++;
                    used = 0;
                }
                used += w;
            }
            return new Segments(Encoding.GSM7, parts, units);
        }
        int units = text.length();
        if (units <= UCS2_SINGLE) {
            return new Segments(Encoding.UCS2, 1, units);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int w = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            if (used + w > UCS2_PART) {
                parts++;
                used = 0;
            }
            used += w;
            i += w;
        }
        return new Segments(Encoding.UCS2, parts, units);
    }

    /** At most 2 GSM-7 segments or 3 UCS-2 segments. */
    public static boolean withinLimit(String text) {
        Segments s = count(text);
        return s.segments() <= (s.encoding() == Encoding.GSM7 ? MAX_GSM7_SEGMENTS : MAX_UCS2_SEGMENTS);
    }

    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7_BASIC.indexOf(c) < 0 && GSM7_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int septets(char c) {
        return GSM7_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
    }
}
