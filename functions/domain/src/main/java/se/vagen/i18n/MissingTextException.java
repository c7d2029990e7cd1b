package se.vagen.i18n;

import se.vagen.common.Language;

/** A text key (or a placeholder value) is missing: a programming or translation error, never user input. */
public class MissingTextException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public MissingTextException(String message) {
        super(message);
    }

    static MissingTextException key(Language lang, String key) {
        return new MissingTextException("No text '" + key + "' for language '" + lang.code() + "'");
    }
}
