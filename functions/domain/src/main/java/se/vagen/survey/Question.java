package se.vagen.survey;

import java.util.Map;

/**
 * One question of the survey, as read from {@code survey/questionnaire.json}. {@code code} is both the form
 * field name and the result key. Texts are keyed by language code ("sv", "en").
 */
public record Question(
        String code,
        Kind kind,
        Map<String, String> label,
        Map<String, String> text,
        Map<String, String> hint,
        Map<String, String> low,
        Map<String, String> high) {

    /** factor: 1-10 or "don't know", optional; nki: 1-10, required; yes_no; text: free text. */
    public enum Kind { FACTOR, NKI, YES_NO, TEXT }

    public Question {
        label = label == null ? Map.of() : Map.copyOf(label);
        text = text == null ? Map.of() : Map.copyOf(text);
        hint = hint == null ? Map.of() : Map.copyOf(hint);
        low = low == null ? Map.of() : Map.copyOf(low);
        high = high == null ? Map.of() : Map.copyOf(high);
    }

    public boolean required() {
        return kind == Kind.NKI;
    }

    public boolean scale() {
        return kind == Kind.FACTOR || kind == Kind.NKI;
    }

    /** A short name for tables and charts ("Bemötande"). */
    public String label(String language) {
        return pick(label, language);
    }

    public String text(String language) {
        return pick(text, language);
    }

    public String hint(String language) {
        return pick(hint, language);
    }

    public String low(String language) {
        return pick(low, language);
    }

    public String high(String language) {
        return pick(high, language);
    }

    private static String pick(Map<String, String> texts, String language) {
        String value = texts.get(language);
        return value != null ? value : texts.getOrDefault("sv", "");
    }
}
