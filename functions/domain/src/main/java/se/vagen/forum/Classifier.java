package se.vagen.forum;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.PlanPause;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;

/**
 * Classifies one aspirant for one week's Monday (see docs/forum-list.md). Every applicable reason is
 * collected; they are ordered by seriousness (the order of the rules file), and the most serious decides
 * the status and the suggested role. With the default rules that gives: any risk reason makes AT_RISK;
 * else a pause covering the Monday makes PAUSED; else a plan ending within 28 days makes ENDING; else a
 * plan started within 14 days with no cycle answered or missed makes NEW; else ON_TRACK.
 * During a pause the reasons listed in {@code suppressedDuringPause} (missed check-ins, participation,
 * opted out) do not apply: a paused aspirant is not at risk for not taking part. Answers that ask for help
 * or report low wellbeing still do.
 */
@Singleton
public class Classifier {

    public static final String MISSED_CHECKINS = "MISSED_CHECKINS";
    public static final String NOT_PARTICIPATING = "NOT_PARTICIPATING";
    public static final String LOW_WELLBEING = "LOW_WELLBEING";
    public static final String OPTED_OUT = "OPTED_OUT";
    public static final String FREE_TEXT = "FREE_TEXT";
    public static final String PAUSED = "PAUSED";
    public static final String ENDING = "ENDING";
    public static final String NEW = "NEW";

    private final ForumRules rules;

    public Classifier(ForumRules rules) {
        this.rules = rules;
    }

    public ForumRules rules() {
        return rules;
    }

    public Classification classify(LocalDate monday, Aspirant aspirant, List<CheckIn> recent) {
        return classify(monday, aspirant, new CheckInHistory(monday, recent, rules.historyCycles()));
    }

    public Classification classify(LocalDate monday, Aspirant aspirant, CheckInHistory history) {
        List<Found> found = new ArrayList<>();
        ActivityPlan plan = aspirant.plan();
        Optional<PlanPause> pause = plan == null ? Optional.empty() : plan.pauseOn(monday);

        int missed = history.missedInARow();
        if (missed >= rules.missedInARow()) {
            found.add(found(MISSED_CHECKINS, null, Map.of("missed", Integer.toString(missed))));
        }
        List<Participation> participation = history.participationAnswers();
        if (!participation.isEmpty() && participation.get(0) == Participation.NO) {
            found.add(found(NOT_PARTICIPATING, "NO", Map.of()));
        } else if (participation.size() >= rules.partlyInARow()
                && participation.subList(0, rules.partlyInARow()).stream().allMatch(p -> p == Participation.PARTLY)) {
            found.add(found(NOT_PARTICIPATING, "PARTLY", Map.of()));
        }
        history.latestWellbeing().filter(w -> w <= rules.wellbeingAtMost())
                .ifPresent(w -> found.add(found(LOW_WELLBEING, null, Map.of("wellbeing", Integer.toString(w)))));
        history.latestAnswered().ifPresent(latest -> {
            Set<HelpTopic> topics = latest.helpNeeded().isEmpty() ? Set.of() : EnumSet.copyOf(latest.helpNeeded());
            for (HelpTopic topic : topics) {
                ForumRules.ReasonRule rule = rules.helpReason(topic);
                if (rule != null) {
                    found.add(new Found(rule, null, Map.of()));
                }
            }
            if (latest.freeText() != null && !latest.freeText().isBlank()) {
                found.add(found(FREE_TEXT, null, Map.of()));
            }
        });
        if (aspirant.channel() != null && aspirant.optedOut().optedOut(aspirant.channel())) {
            found.add(found(OPTED_OUT, null,
                    Map.of("channel", rules.label("channel", aspirant.channel().name()))));
        }
        if (pause.isPresent()) {
            found.removeIf(f -> rules.suppressedDuringPause(f.rule.code()));
            found.add(found(PAUSED, null, Map.of(
                    "pauseReason", rules.label("pauseReason", String.valueOf(pause.get().reason())),
                    "pauseEnd", pause.get().end().toString())));
        }
        if (plan != null) {
            long daysLeft = ChronoUnit.DAYS.between(monday, plan.end());
            if (daysLeft >= 0 && daysLeft <= rules.endingWithinDays()) {
                found.add(found(ENDING, null, Map.of("planEnd", plan.end().toString(), "days", Long.toString(daysLeft))));
            }
            long daysIn = ChronoUnit.DAYS.between(plan.start(), monday);
            if (daysIn >= 0 && daysIn <= rules.newWithinDays() && !history.anyAnsweredOrMissed()) {
                found.add(found(NEW, null, Map.of("planStart", plan.start().toString())));
            }
        }
        found.sort(Comparator.comparingInt(f -> f.rule.seriousness()));
        List<Reason> reasons = new ArrayList<>(found.size());
        for (Found f : found) {
            reasons.add(new Reason(f.rule.code(), f.text(), role(f.rule.role(), aspirant)));
        }
        if (reasons.isEmpty()) {
            return new Classification(ForumStatus.ON_TRACK, reasons, null);
        }
        return new Classification(found.get(0).rule.status(), reasons, reasons.get(0).role());
    }

    private String role(String configured, Aspirant aspirant) {
        if (!ForumRules.OWNER.equals(configured)) {
            return configured;
        }
        String owner = aspirant.ownerRole();
        return owner == null || owner.isBlank() ? rules.defaultOwnerRole() : owner;
    }

    private Found found(String code, String variant, Map<String, String> values) {
        return new Found(rules.reason(code), variant, values);
    }

    private record Found(ForumRules.ReasonRule rule, String variant, Map<String, String> values) {
        String text() {
            String template = variant != null ? rule.variants().getOrDefault(variant, rule.text()) : rule.text();
            for (Map.Entry<String, String> e : values.entrySet()) {
                template = template.replace("{" + e.getKey() + "}", e.getValue());
            }
            return template;
        }
    }
}
