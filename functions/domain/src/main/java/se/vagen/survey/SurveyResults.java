package se.vagen.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The year's aggregated results (docs/survey.md has the formulas and a worked example).
 *
 * <ul>
 *   <li>{@code nki}: mean over respondents of ((mean of their three nki answers) - 1) / 9 * 100, rounded half up
 *       to a whole number; computed in exact integer arithmetic: round(100 * (S - 3n) / (27n)), S = sum of all
 *       nki answers, n = respondents.</li>
 *   <li>{@code shareSatisfied}: respondents with nki_overall &gt;= the threshold (survey/rules.json) / respondents,
 *       a fraction 0-1 rounded half up to 4 decimals.</li>
 *   <li>per factor: n (answers 1-10; "vet ej" and skipped left out), mean (2 decimals), index = round((mean - 1) / 9 * 100).</li>
 *   <li>breakdowns by industry and size band: see {@link #breakdown}.</li>
 * </ul>
 * Values are null when there is nothing to compute them from (no respondents, no factor answers).
 */
public record SurveyResults(
        String year,
        int invited,
        int answered,
        BigDecimal responseRate,
        Integer nki,
        BigDecimal shareSatisfied,
        BigDecimal wouldRecommendShare,
        int satisfiedThreshold,
        List<FactorResult> factors,
        List<Breakdown> breakdowns,
        List<Comment> comments) {

    /** One service factor: answers on 1-10, "vet ej" count, mean and index 0-100. */
    public record FactorResult(String code, int n, int dontKnow, BigDecimal mean, Integer index) {
    }

    /** One shown group of a breakdown. */
    public record GroupResult(String group, int n, int nki, BigDecimal shareSatisfied) {
    }

    /**
     * A breakdown along one dimension ("industry", "sizeBand"): the groups shown, and how many answers are in no
     * shown group ({@code suppressed}: only when even the merged group would be too small or would equal the total).
     */
    public record Breakdown(String dimension, List<GroupResult> groups, int suppressed) {
    }

    /** A comment, with its industry group only when that group is shown in the breakdown (else null). */
    public record Comment(String text, String group) {
    }

    public static SurveyResults compute(String year, int invited, List<SurveyResponse> responses,
                                        Questionnaire questionnaire, SurveyRules rules) {
        int n = responses.size();
        List<FactorResult> factors = new ArrayList<>();
        for (Question factor : questionnaire.factors()) {
            int count = 0;
            long sum = 0;
            int dontKnow = 0;
            for (SurveyResponse r : responses) {
                Integer score = r.answers().scores().get(factor.code());
                if (score != null) {
                    count++;
                    sum += score;
                } else if (r.answers().dontKnow().contains(factor.code())) {
                    dontKnow++;
                }
            }
            factors.add(new FactorResult(factor.code(), count, dontKnow,
                    count == 0 ? null : divide(sum, count, 2),
                    count == 0 ? null : roundHalfUp(100 * (sum - count), 9L * count)));
        }
        int recommendAnswers = 0;
        int recommendYes = 0;
        for (SurveyResponse r : responses) {
            if (r.answers().wouldRecommend() != null) {
                recommendAnswers++;
                if (r.answers().wouldRecommend()) {
                    recommendYes++;
                }
            }
        }
        Breakdown industry = breakdown("industry", responses, SurveyResponse::industry, rules);
        Breakdown sizeBand = breakdown("sizeBand", responses, SurveyResponse::sizeBand, rules);
        return new SurveyResults(year, invited, n,
                invited == 0 ? null : divide(n, invited, 4),
                nki(responses),
                shareSatisfied(responses, rules.satisfiedThreshold()),
                recommendAnswers == 0 ? null : divide(recommendYes, recommendAnswers, 4),
                rules.satisfiedThreshold(),
                factors, List.of(industry, sizeBand), comments(responses, industry, rules));
    }

    /** NKI of a set of responses, null if empty. */
    public static Integer nki(List<SurveyResponse> responses) {
        if (responses.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (SurveyResponse r : responses) {
            Map<String, Integer> s = r.answers().scores();
            sum += s.get(SurveyAnswers.NKI_OVERALL) + s.get(SurveyAnswers.NKI_EXPECTATIONS) + s.get(SurveyAnswers.NKI_IDEAL);
        }
        long n = responses.size();
        return roundHalfUp(100 * (sum - 3 * n), 27 * n);
    }

    public static BigDecimal shareSatisfied(List<SurveyResponse> responses, int threshold) {
        if (responses.isEmpty()) {
            return null;
        }
        long satisfied = responses.stream().filter(r -> r.answers().nkiOverall() >= threshold).count();
        return divide(satisfied, responses.size(), 4);
    }

    /**
     * Groups responses along a dimension. Rule: a group with at least minGroupSize answers is shown; smaller
     * groups are merged into "övriga". If "övriga" then holds 1 to minGroupSize-1 answers, the smallest shown
     * group (ties: the name sorting last) is merged into it too, again until "övriga" is empty or large enough -
     * otherwise its figures could be worked out from the total minus the shown groups. If no group is left to
     * show, the breakdown is empty (it would only repeat the total) and every answer counts as suppressed.
     * Shown groups come largest first, "övriga" last. Missing values form the group "okänd".
     */
    public static Breakdown breakdown(String dimension, List<SurveyResponse> responses,
                                      Function<SurveyResponse, String> key, SurveyRules rules) {
        Map<String, List<SurveyResponse>> groups = group(responses, key, rules);
        Collator collator = Collator.getInstance(Locale.forLanguageTag("sv"));
        List<String> shown = new ArrayList<>();
        List<SurveyResponse> other = new ArrayList<>();
        groups.forEach((name, members) -> {
            if (members.size() >= rules.minGroupSize()) {
                shown.add(name);
            } else {
                other.addAll(members);
            }
        });
        Comparator<String> smallestFirst = Comparator.<String>comparingInt(g -> groups.get(g).size())
                .thenComparing(Comparator.<String, String>comparing(g -> g, collator).reversed());
        while (!other.isEmpty() && other.size() < rules.minGroupSize() && !shown.isEmpty()) {
            String smallest = shown.stream().min(smallestFirst).orElseThrow();
            shown.remove(smallest);
            other.addAll(groups.get(smallest));
        }
        if (shown.isEmpty()) {
            return new Breakdown(dimension, List.of(), responses.size());
        }
        shown.sort(Comparator.<String>comparingInt(g -> groups.get(g).size()).reversed().thenComparing(g -> g, collator));
        List<GroupResult> results = new ArrayList<>();
        for (String name : shown) {
            results.add(group(name, groups.get(name), rules));
        }
        if (!other.isEmpty()) {
            results.add(group(rules.otherGroup(), other, rules));
        }
        return new Breakdown(dimension, results, 0);
    }

    private static GroupResult group(String name, List<SurveyResponse> members, SurveyRules rules) {
        return new GroupResult(name, members.size(), nki(members), shareSatisfied(members, rules.satisfiedThreshold()));
    }

    /** Groups by the key, case-insensitively; the label is the first spelling met; blank keys go to "okänd". */
    private static Map<String, List<SurveyResponse>> group(List<SurveyResponse> responses,
                                                           Function<SurveyResponse, String> key, SurveyRules rules) {
        Map<String, String> labels = new HashMap<>();
        Map<String, List<SurveyResponse>> groups = new LinkedHashMap<>();
        for (SurveyResponse r : responses) {
            String label = label(key.apply(r), rules);
            String normalized = label.toLowerCase(Locale.ROOT);
            String canonical = labels.computeIfAbsent(normalized, k -> label);
            groups.computeIfAbsent(canonical, k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static String label(String value, SurveyRules rules) {
        return value == null || value.isBlank() ? rules.unknownGroup() : value.strip();
    }

    /** Comments sorted alphabetically (so their order says nothing); linked to an industry group only if it is shown. */
    private static List<Comment> comments(List<SurveyResponse> responses, Breakdown industry, SurveyRules rules) {
        Set<String> shownGroups = new HashSet<>();
        for (GroupResult g : industry.groups()) {
            if (!g.group().equals(rules.otherGroup())) {
                shownGroups.add(g.group().toLowerCase(Locale.ROOT));
            }
        }
        boolean otherShown = industry.groups().stream().anyMatch(g -> g.group().equals(rules.otherGroup()));
        Collator collator = Collator.getInstance(Locale.forLanguageTag("sv"));
        List<Comment> comments = new ArrayList<>();
        for (SurveyResponse r : responses) {
            String text = r.answers().comment();
            if (text == null || text.isBlank()) {
                continue;
            }
            String group = label(r.industry(), rules);
            String shown = shownGroups.contains(group.toLowerCase(Locale.ROOT)) ? canonical(industry, group)
                    : otherShown ? rules.otherGroup() : null;
            comments.add(new Comment(text, shown));
        }
        comments.sort(Comparator.comparing(Comment::text, collator));
        return comments;
    }

    private static String canonical(Breakdown breakdown, String group) {
        return breakdown.groups().stream().map(GroupResult::group)
                .filter(g -> g.equalsIgnoreCase(group)).findFirst().orElse(group);
    }

    /** round(p / q) half up, for p &gt;= 0, q &gt; 0, exactly. */
    static int roundHalfUp(long p, long q) {
        return (int) Math.floorDiv(2 * p + q, 2 * q);
    }

    static BigDecimal divide(long p, long q, int scale) {
        return BigDecimal.valueOf(p).divide(BigDecimal.valueOf(q), scale, RoundingMode.HALF_UP);
    }
}
