package se.vagen.validation;

/** Rules for short one-line texts (names, providers, industries). */
public final class Texts {

    private Texts() {
    }

    /** 1..max characters (code points) and no control characters; reports and returns false otherwise. */
    public static boolean checkLine(String value, int max, String field, Errors errors) {
        if (value.isEmpty()) {
            errors.add(field, "field.required");
            return false;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(field, "text.too-long", max);
            return false;
        }
        if (value.codePoints().anyMatch(Texts::isControl)) {
            errors.add(field, "text.control-characters");
            return false;
        }
        return true;
    }

    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        // Zero-width (non-)joiners and the left-to-right/right-to-left marks occur in real Persian and Arabic
        // names; other format characters (bidi overrides and the like) are refused.
        boolean allowedFormat = cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F;
        return type == Character.CONTROL || type == Character.FORMAT && !allowedFormat
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
