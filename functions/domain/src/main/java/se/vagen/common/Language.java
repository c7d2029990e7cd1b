package se.vagen.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The seven languages every aspirant-facing text exists in. Codes are ISO 639-1, as in the API. */
public enum Language {
    SV("sv", false), EN("en", false), AR("ar", true), FA("fa", true), SO("so", false), TI("ti", false), UK("uk", false);

    private final String code;
    private final boolean rightToLeft;

    Language(String code, boolean rightToLeft) {
        this.code = code;
        this.rightToLeft = rightToLeft;
    }

    public String code() {
        return code;
    }

    /** Arabic and Persian (Dari) are written right to left; pages set dir="rtl" for them. */
    public boolean rightToLeft() {
        return rightToLeft;
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
    }
}
