package se.vagen.survey;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One respondent's answers. {@code scores}: question code to 1-10 for every answered scale question (factors
 * and the three NKI questions); {@code dontKnow}: factors answered "vet ej"; a factor in neither was skipped.
 * {@code comment} is trimmed text or null; {@code wouldRecommend} is null when not answered.
 */
public record SurveyAnswers(Map<String, Integer> scores, Set<String> dontKnow, String comment, Boolean wouldRecommend) {

    public static final String NKI_OVERALL = "nki_overall";
    public static final String NKI_EXPECTATIONS = "nki_expectations";
    public static final String NKI_IDEAL = "nki_ideal";
    public static final String COMMENT = "comment";
    public static final String WOULD_RECOMMEND = "would_recommend";
    public static final String YES = "ja";
    public static final String NO = "nej";

    public SurveyAnswers {
        scores = Map.copyOf(scores);
        dontKnow = Set.copyOf(dontKnow);
    }

    public int nkiOverall() {
        return scores.get(NKI_OVERALL);
    }

    /** The mean of the three NKI answers on 1-10. */
    public double nkiMean() {
        return (scores.get(NKI_OVERALL) + scores.get(NKI_EXPECTATIONS) + scores.get(NKI_IDEAL)) / 3.0;
    }

    /** The outcome of reading a form post: either answers, or errors by field code (values: error keys). */
    public record Parsed(SurveyAnswers answers, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Error keys (texts in survey/texts.json, "error." + key). */
    public static final String REQUIRED = "required";
    public static final String OUT_OF_RANGE = "outOfRange";
    public static final String AMBIGUOUS = "ambiguous";
    public static final String TOO_LONG = "tooLong";

    /**
     * Reads form fields (name to values). Decision for a public form: fields that are not questions (the
     * language switch, the submit button, anything a browser add-on injects) are IGNORED; a question given
     * two different values, a value outside its scale or a comment over the limit is an error, so is a
     * missing NKI answer. An empty value means "not answered".
     */
    public static Parsed parse(Map<String, List<String>> fields, Questionnaire questionnaire, SurveyRules rules) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> scores = new LinkedHashMap<>();
        Set<String> dontKnow = new LinkedHashSet<>();
        String comment = null;
        Boolean recommend = null;
        for (Question q : questionnaire.questions()) {
            List<String> values = fields.getOrDefault(q.code(), List.of()).stream()
                    .map(v -> v == null ? "" : v.strip())
                    .filter(v -> !v.isEmpty())
                    .distinct()
                    .toList();
            if (q.kind() == Question.Kind.TEXT) {
                String text = String.join("\n", values).strip();
                if (text.codePointCount(0, text.length()) > rules.commentMaxLength()) {
                    errors.put(q.code(), TOO_LONG);
                } else if (!text.isEmpty()) {
                    comment = text.replace("\r\n", "\n");
                }
                continue;
            }
            if (values.isEmpty()) {
                if (q.required()) {
                    errors.put(q.code(), REQUIRED);
                }
                continue;
            }
            if (values.size() > 1) {
                errors.put(q.code(), AMBIGUOUS);
                continue;
            }
            String value = values.get(0);
            switch (q.kind()) {
                case YES_NO -> {
                    if (YES.equalsIgnoreCase(value)) {
                        recommend = Boolean.TRUE;
                    } else if (NO.equalsIgnoreCase(value)) {
                        recommend = Boolean.FALSE;
                    } else {
                        errors.put(q.code(), OUT_OF_RANGE);
                    }
                }
                case FACTOR, NKI -> {
                    if (q.kind() == Question.Kind.FACTOR && questionnaire.dontKnowValue().equalsIgnoreCase(value)) {
                        dontKnow.add(q.code());
                        continue;
                    }
                    Integer score = score(value, questionnaire);
                    if (score == null) {
                        errors.put(q.code(), OUT_OF_RANGE);
                    } else {
                        scores.put(q.code(), score);
                    }
                }
                default -> throw new IllegalStateException("unhandled kind " + q.kind());
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, Map.copyOf(errors));
        }
        return new Parsed(new SurveyAnswers(scores, dontKnow, comment, recommend), Map.of());
    }

    private static Integer score(String value, Questionnaire questionnaire) {
        if (!value.matches("[0-9]{1,2}")) {
            return null;
        }
        int n = Integer.parseInt(value);
        return n >= questionnaire.scaleMin() && n <= questionnaire.scaleMax() ? n : null;
    }
}
