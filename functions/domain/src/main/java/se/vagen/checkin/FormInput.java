package se.vagen.checkin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check-in form's fields, validated: {@code participation} (YES, PARTLY, NO), {@code wellbeing} (1-5),
 * {@code helpNeeded} (repeated), {@code freeText} (at most {@link #MAX_FREE_TEXT} characters). {@code errors} maps a
 * field to the text key of its error; the form is stored only when there are no errors and at least one answer.
 */
public record FormInput(Answers answers, Map<String, String> errors) {

    public static final int MAX_FREE_TEXT = 1000;

    public boolean valid() {
        return errors.isEmpty();
    }

    public static FormInput parse(Map<String, List<String>> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        Participation participation = null;
        String p = single(fields, "participation");
        if (p != null) {
            try {
                participation = Participation.valueOf(p);
            } catch (IllegalArgumentException e) {
                errors.put("participation", "form.error.required");
            }
        }
        Integer wellbeing = null;
        String w = single(fields, "wellbeing");
        if (w != null) {
            if (w.matches("[1-5]")) {
                wellbeing = Integer.valueOf(w);
            } else {
                errors.put("wellbeing", "form.error.required");
            }
        }
        Set<HelpTopic> help = EnumSet.noneOf(HelpTopic.class);
        for (String h : fields.getOrDefault("helpNeeded", List.of())) {
            if (h == null || h.isBlank()) {
                continue;
            }
            try {
                help.add(HelpTopic.valueOf(h.strip()));
            } catch (IllegalArgumentException e) {
                errors.put("helpNeeded", "form.error.required");
            }
        }
        if (help.contains(HelpTopic.NONE) && help.size() > 1) {
            errors.put("helpNeeded", "form.error.help.conflict");
        }
        String freeText = clean(single(fields, "freeText"));
        if (freeText != null && freeText.codePointCount(0, freeText.length()) > MAX_FREE_TEXT) {
            errors.put("freeText", "form.error.freetext.length");
        }
        Answers answers = new Answers(participation, wellbeing, help.isEmpty() ? null : new ArrayList<>(help), freeText);
        if (errors.isEmpty() && answers.isEmpty()) {
            errors.put("participation", "form.error.required");
        }
        return new FormInput(answers, Map.copyOf(errors));
    }

    private static String single(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        if (values == null) {
            return null;
        }
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** Removes control characters other than line breaks and tabs; blank becomes null. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        String s = out.toString().replace("\r", "").strip();
        return s.isEmpty() ? null : s;
    }
}
