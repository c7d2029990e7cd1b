package se.vagen.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-computed cases for NKI, share satisfied, factor indexes and the breakdown merge rule (docs/survey.md). */
class SurveyResultsTest {

    private static final Questionnaire QUESTIONNAIRE = new Questionnaire();
    private static final SurveyRules RULES = new SurveyRules();

    /** "o/e/i o/e/i ..." -> responses (industry null). */
    static List<SurveyResponse> nkiResponses(String spec) {
        List<SurveyResponse> list = new ArrayList<>();
        for (String triple : spec.trim().split("\\s+")) {
            String[] p = triple.split("/");
            list.add(response(null, Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), Map.of(), Set.of(), null));
        }
        return list;
    }

    static SurveyResponse response(String industry, int overall, int expectations, int ideal,
                                   Map<String, Integer> factors, Set<String> dontKnow, String comment) {
        Map<String, Integer> scores = new HashMap<>(factors);
        scores.put("nki_overall", overall);
        scores.put("nki_expectations", expectations);
        scores.put("nki_ideal", ideal);
        return new SurveyResponse("2026", industry, null, new SurveyAnswers(scores, dontKnow, comment, null));
    }

    @ParameterizedTest(name = "{0} -> NKI {1}, share {2} (threshold {3})")
    @CsvSource(delimiter = '|', value = {
            // answers (overall/expectations/ideal)         | NKI | share  | threshold
            "10/10/10                                         | 100 | 1.0000 | 7",
            "1/1/1                                            | 0   | 0.0000 | 7",
            // mean 8 -> (8-1)/9*100 = 77.78 -> 78
            "7/8/9                                            | 78  | 1.0000 | 7",
            // 77.78 and 44.44 -> 61.11 -> 61; one of two has overall >= 7
            "7/8/9 5/5/5                                      | 61  | 0.5000 | 7",
            // S = 67, n = 3: 100*(67-9)/81 = 71.60 -> 72; overall 6,7,9 -> 2 of 3
            "6/7/8 7/6/5 9/9/10                               | 72  | 0.6667 | 7",
            // same answers, threshold 8 -> 1 of 3
            "6/7/8 7/6/5 9/9/10                               | 72  | 0.3333 | 8",
            // exactly half: S = 51, n = 8: 2700/216 = 12.5 -> rounds up to 13
            "2/2/2 2/2/2 2/2/2 2/2/2 2/2/2 2/2/2 2/2/2 3/3/3  | 13  | 0.0000 | 7",
            // 66.67 + 100 + 0 + 44.44 = 211.11 / 4 = 52.78 -> 53; overall 7,10 of 4
            "7/7/7 10/10/10 1/1/1 5/5/5                       | 53  | 0.5000 | 7",
            // 6 is not satisfied at threshold 7: 6/6/6 -> 55.56 -> 56
            "6/6/6                                            | 56  | 0.0000 | 7",
    })
    void nkiAndShareSatisfied(String answers, int nki, String share, int threshold) {
        List<SurveyResponse> responses = nkiResponses(answers);
        SurveyResults results = SurveyResults.compute("2026", 10, responses, QUESTIONNAIRE, new SurveyRules(threshold, 7));
        assertEquals(nki, results.nki());
        assertEquals(new BigDecimal(share), results.shareSatisfied());
    }

    @ParameterizedTest(name = "information {0} -> n {1}, dontKnow {2}, mean {3}, index {4}")
    @CsvSource(delimiter = '|', value = {
            // values ('x' = vet ej, '-' = skipped) | n | dontKnow | mean  | index
            "8 9 10 x -                             | 3 | 1        | 9.00  | 89",
            "1                                      | 1 | 0        | 1.00  | 0",
            "10                                     | 1 | 0        | 10.00 | 100",
            "10 1                                   | 2 | 0        | 5.50  | 50",
            "7 7 8 x x                              | 3 | 2        | 7.33  | 70",
            "x x                                    | 0 | 2        |       |",
    })
    void factorIndex(String values, int n, int dontKnow, String mean, Integer index) {
        List<SurveyResponse> responses = new ArrayList<>();
        for (String v : values.trim().split("\\s+")) {
            switch (v) {
                case "x" -> responses.add(response(null, 5, 5, 5, Map.of(), Set.of("information"), null));
                case "-" -> responses.add(response(null, 5, 5, 5, Map.of(), Set.of(), null));
                default -> responses.add(response(null, 5, 5, 5, Map.of("information", Integer.parseInt(v)), Set.of(), null));
            }
        }
        SurveyResults results = SurveyResults.compute("2026", 10, responses, QUESTIONNAIRE, RULES);
        SurveyResults.FactorResult information = results.factors().stream()
                .filter(f -> f.code().equals("information")).findFirst().orElseThrow();
        assertEquals(n, information.n());
        assertEquals(dontKnow, information.dontKnow());
        assertEquals(mean == null ? null : new BigDecimal(mean), information.mean());
        assertEquals(index, information.index());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // groups (industry:answers)  | shown groups (minimum 7)     | suppressed
            "Bygg:10,Handel:7              | Bygg:10,Handel:7             | 0",
            // Vård 3 + IT 2 = 5 < 7: the smallest shown group (Handel 8) is merged too -> övriga 13
            "Bygg:10,Handel:8,Vård:3,IT:2  | Bygg:10,övriga:13            | 0",
            // IT 3 + Vård 4 = 7 -> övriga shown as is
            "Bygg:10,IT:3,Vård:4           | Bygg:10,övriga:7             | 0",
            // nothing reaches 7 -> no breakdown at all
            "Bygg:6,IT:3                   | ''                           | 9",
            // övriga 3 -> merge Bygg -> nothing left to show (would equal the total)
            "Bygg:10,IT:3                  | ''                           | 13",
            // tie between the two smallest shown groups: the name sorting last (Handel) goes first
            "Bygg:9,Handel:9,IT:1          | Bygg:9,övriga:10             | 0",
            // missing industry is its own group 'okänd'
            "-:7,Bygg:7                    | Bygg:7,okänd:7               | 0",
            // case differences are one group, labelled as first met
            "Bygg:4,bygg:3,IT:7            | Bygg:7,IT:7                  | 0",
            "''                            | ''                           | 0",
    })
    void breakdownMergeRule(String groups, String expected, int suppressed) {
        List<SurveyResponse> responses = new ArrayList<>();
        if (!groups.isBlank()) {
            for (String g : groups.split(",")) {
                String[] p = g.trim().split(":");
                for (int i = 0; i < Integer.parseInt(p[1]); i++) {
                    responses.add(response(p[0].equals("-") ? null : p[0], 8, 8, 8, Map.of(), Set.of(), null));
                }
            }
        }
        SurveyResults.Breakdown breakdown = SurveyResults.breakdown("industry", responses, SurveyResponse::industry, RULES);
        String actual = breakdown.groups().stream().map(g -> g.group() + ":" + g.n()).collect(Collectors.joining(","));
        assertEquals(expected, actual);
        assertEquals(suppressed, breakdown.suppressed());
    }

    @Test
    void groupFiguresAndComments() {
        List<SurveyResponse> responses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            responses.add(response("Bygg", i < 5 ? 9 : 4, 8, 7, Map.of(), Set.of(), i == 0 ? "Bra stöd" : null));
        }
        responses.add(response("IT", 10, 10, 10, Map.of(), Set.of(), "Snabbt svar"));
        SurveyResults results = SurveyResults.compute("2026", 12, responses, QUESTIONNAIRE, RULES);
        assertEquals(8, results.answered());
        assertEquals(new BigDecimal("0.6667"), results.responseRate());
        // övriga (IT) = 1 < 7 -> Bygg merged too -> nothing shown; comments not linked to any group
        assertEquals(List.of(), results.breakdowns().get(0).groups());
        assertEquals(List.of(new SurveyResults.Comment("Bra stöd", null), new SurveyResults.Comment("Snabbt svar", null)),
                results.comments());

        for (int i = 0; i < 6; i++) {
            responses.add(response("Handel", 7, 7, 7, Map.of(), Set.of(), null));
        }
        results = SurveyResults.compute("2026", 20, responses, QUESTIONNAIRE, RULES);
        // Bygg 7 shown; IT 1 + Handel 6 = övriga 7 shown
        SurveyResults.GroupResult bygg = results.breakdowns().get(0).groups().get(0);
        assertEquals("Bygg", bygg.group());
        // Bygg: 5 x (9,8,7) sum 24 + 2 x (4,8,7) sum 19 -> S = 158, n = 7: 100*(158-21)/189 = 72.49 -> 72
        assertEquals(72, bygg.nki());
        assertEquals(new BigDecimal("0.7143"), bygg.shareSatisfied());
        assertEquals(List.of(new SurveyResults.Comment("Bra stöd", "Bygg"), new SurveyResults.Comment("Snabbt svar", "övriga")),
                results.comments());
    }

    /** The worked example of docs/survey.md. */
    @Test
    void workedExampleOfTheDocs() {
        int[][] nki = {{9, 9, 8}, {8, 8, 7}, {10, 9, 9}, {7, 7, 6}, {6, 5, 5}, {9, 8, 8}, {8, 7, 7}, {4, 4, 3}, {10, 10, 9}, {7, 8, 6}};
        String[] bemotande = {"9", "10", "8", "x", "7", "9", "10", "6", "-", "9"};
        List<SurveyResponse> responses = new ArrayList<>();
        for (int i = 0; i < nki.length; i++) {
            Map<String, Integer> factors = bemotande[i].matches("[0-9]+") ? Map.of("bemotande", Integer.parseInt(bemotande[i])) : Map.of();
            Set<String> dontKnow = bemotande[i].equals("x") ? Set.of("bemotande") : Set.of();
            responses.add(response(null, nki[i][0], nki[i][1], nki[i][2], factors, dontKnow, null));
        }
        SurveyResults results = SurveyResults.compute("2026", 12, responses, QUESTIONNAIRE, RULES);
        assertEquals(71, results.nki());
        assertEquals(new BigDecimal("0.8000"), results.shareSatisfied());
        assertEquals(new BigDecimal("0.8333"), results.responseRate());
        SurveyResults.FactorResult f = results.factors().stream().filter(x -> x.code().equals("bemotande")).findFirst().orElseThrow();
        assertEquals(new SurveyResults.FactorResult("bemotande", 8, 1, new BigDecimal("8.50"), 83), f);
    }

    @Test
    void noRespondentsGivesNulls() {
        SurveyResults results = SurveyResults.compute("2026", 0, List.of(), QUESTIONNAIRE, RULES);
        assertNull(results.nki());
        assertNull(results.shareSatisfied());
        assertNull(results.responseRate());
        assertEquals(6, results.factors().size());
        assertEquals(Set.of("information", "tillganglighet", "bemotande", "kompetens", "rattssakerhet", "effektivitet"),
                new HashSet<>(results.factors().stream().map(SurveyResults.FactorResult::code).toList()));
    }
}
