package se.vagen.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurveyAnswersTest {

    private static final Questionnaire QUESTIONNAIRE = new Questionnaire();
    private static final SurveyRules RULES = new SurveyRules();

    static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return form;
    }

    static Map<String, List<String>> valid(String... extra) {
        Map<String, List<String>> form = form("nki_overall", "8", "nki_expectations", "7", "nki_ideal", "6");
        form.putAll(form(extra));
        return form;
    }

    @Test
    void questionnaireHasTheAgreedCodes() {
        assertEquals(List.of("information", "tillganglighet", "bemotande", "kompetens", "rattssakerhet", "effektivitet",
                        "nki_overall", "nki_expectations", "nki_ideal", "would_recommend", "comment"),
                QUESTIONNAIRE.questions().stream().map(Question::code).toList());
        for (Question q : QUESTIONNAIRE.questions()) {
            assertTrue(!q.text("sv").isBlank() && !q.label("sv").isBlank() && !q.label("en").isBlank(), q.code());
            assertTrue(q.text("en") != null && !q.text("en").isBlank(), q.code());
            if (q.scale()) {
                assertTrue(q.low("sv") != null && q.high("en") != null, q.code());
            }
        }
    }

    @Test
    void parsesAFullAnswer() {
        SurveyAnswers.Parsed parsed = SurveyAnswers.parse(valid("information", "10", "tillganglighet", "vet_ej",
                "bemotande", "1", "would_recommend", "ja", "comment", "  Bra jobbat!\r\nTack  ", "lang", "en",
                "submit", "Skicka"), QUESTIONNAIRE, RULES);
        assertTrue(parsed.valid(), parsed.errors().toString());
        SurveyAnswers a = parsed.answers();
        assertEquals(8, a.nkiOverall());
        assertEquals(Map.of("information", 10, "bemotande", 1, "nki_overall", 8, "nki_expectations", 7, "nki_ideal", 6),
                a.scores());
        assertEquals(Set.of("tillganglighet"), a.dontKnow());
        assertEquals("Bra jobbat!\nTack", a.comment());
        assertEquals(Boolean.TRUE, a.wouldRecommend());
        assertEquals(7.0, a.nkiMean());
    }

    @Test
    void optionalQuestionsMayBeSkipped() {
        SurveyAnswers.Parsed parsed = SurveyAnswers.parse(valid("information", "", "comment", "   "), QUESTIONNAIRE, RULES);
        assertTrue(parsed.valid());
        assertNull(parsed.answers().comment());
        assertNull(parsed.answers().wouldRecommend());
        assertEquals(3, parsed.answers().scores().size());
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
            "nki_overall, '', required",
            "nki_overall, 0, outOfRange",
            "nki_overall, 11, outOfRange",
            "nki_overall, vet_ej, outOfRange",
            "nki_ideal, 7.5, outOfRange",
            "nki_expectations, -3, outOfRange",
            "information, 0, outOfRange",
            "information, abc, outOfRange",
            "effektivitet, 100, outOfRange",
            "would_recommend, kanske, outOfRange",
    })
    void rejects(String field, String value, String error) {
        Map<String, List<String>> form = valid();
        form.put(field, List.of(value));
        SurveyAnswers.Parsed parsed = SurveyAnswers.parse(form, QUESTIONNAIRE, RULES);
        assertFalse(parsed.valid());
        assertEquals(Map.of(field, error), parsed.errors());
        assertNull(parsed.answers());
    }

    @Test
    void missingNkiAnswersAreAllReported() {
        SurveyAnswers.Parsed parsed = SurveyAnswers.parse(form("information", "5"), QUESTIONNAIRE, RULES);
        assertEquals(Map.of("nki_overall", "required", "nki_expectations", "required", "nki_ideal", "required"), parsed.errors());
    }

    @Test
    void twoDifferentValuesAreAmbiguousButARepeatIsFine() {
        assertEquals(Map.of("information", "ambiguous"),
                SurveyAnswers.parse(valid("information", "3", "information", "4"), QUESTIONNAIRE, RULES).errors());
        assertTrue(SurveyAnswers.parse(valid("information", "3", "information", "3"), QUESTIONNAIRE, RULES).valid());
    }

    @Test
    void commentLengthIsLimited() {
        assertTrue(SurveyAnswers.parse(valid("comment", "å".repeat(2000)), QUESTIONNAIRE, RULES).valid());
        assertEquals(Map.of("comment", "tooLong"),
                SurveyAnswers.parse(valid("comment", "å".repeat(2001)), QUESTIONNAIRE, RULES).errors());
    }
}
