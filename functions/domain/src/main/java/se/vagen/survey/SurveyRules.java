package se.vagen.survey;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The survey's rules, from {@code survey/rules.json}: the "satisfied" threshold, the smallest group shown in a
 * breakdown, comment length, the contact window, link lifetimes and the reminder days (docs/survey.md).
 */
@Singleton
public class SurveyRules {

    public static final String RESOURCE = "survey/rules.json";

    private final int satisfiedThreshold;
    private final int minGroupSize;
    private final String otherGroup;
    private final String unknownGroup;
    private final int commentMaxLength;
    private final int contactWindowMonths;
    private final int linkValidDays;
    private final int unsubscribeValidDays;
    private final List<Integer> reminderDays;
    private final int minDaysBetweenReminders;
    private final int surveyOpenDays;

    public SurveyRules() {
        JsonNode root = Questionnaire.read(RESOURCE);
        this.satisfiedThreshold = root.path("satisfiedThreshold").asInt(7);
        this.minGroupSize = root.path("minGroupSize").asInt(7);
        this.otherGroup = root.path("otherGroup").asText("övriga");
        this.unknownGroup = root.path("unknownGroup").asText("okänd");
        this.commentMaxLength = root.path("commentMaxLength").asInt(2000);
        this.contactWindowMonths = root.path("contactWindowMonths").asInt(12);
        this.linkValidDays = root.path("linkValidDays").asInt(30);
        this.unsubscribeValidDays = root.path("unsubscribeValidDays").asInt(365);
        List<Integer> days = new ArrayList<>();
        root.path("reminderDays").forEach(d -> days.add(d.asInt()));
        this.reminderDays = List.copyOf(days);
        this.minDaysBetweenReminders = root.path("minDaysBetweenReminders").asInt(3);
        this.surveyOpenDays = root.path("surveyOpenDays").asInt(30);
    }

    /** For tests: the file's values with another threshold and group size. */
    public SurveyRules(int satisfiedThreshold, int minGroupSize) {
        SurveyRules file = new SurveyRules();
        this.satisfiedThreshold = satisfiedThreshold;
        this.minGroupSize = minGroupSize;
        this.otherGroup = file.otherGroup;
        this.unknownGroup = file.unknownGroup;
        this.commentMaxLength = file.commentMaxLength;
        this.contactWindowMonths = file.contactWindowMonths;
        this.linkValidDays = file.linkValidDays;
        this.unsubscribeValidDays = file.unsubscribeValidDays;
        this.reminderDays = file.reminderDays;
        this.minDaysBetweenReminders = file.minDaysBetweenReminders;
        this.surveyOpenDays = file.surveyOpenDays;
    }

    /** A respondent counts as satisfied when nki_overall is at least this (default 7 on the 1-10 scale). */
    public int satisfiedThreshold() {
        return satisfiedThreshold;
    }

    /** Smallest number of answers a breakdown group must have to be shown on its own (default 7). */
    public int minGroupSize() {
        return minGroupSize;
    }

    /** The name of the merged group of small groups ("övriga"). */
    public String otherGroup() {
        return otherGroup;
    }

    /** The group name for employers without an industry or size band ("okänd"). */
    public String unknownGroup() {
        return unknownGroup;
    }

    public int commentMaxLength() {
        return commentMaxLength;
    }

    /** Employers whose latest contact is within this many months of the campaign are invited. */
    public int contactWindowMonths() {
        return contactWindowMonths;
    }

    public int linkValidDays() {
        return linkValidDays;
    }

    public int unsubscribeValidDays() {
        return unsubscribeValidDays;
    }

    /** Days after the invitation on which reminder 1, 2, ... fall (moved to the next working day). */
    public List<Integer> reminderDays() {
        return reminderDays;
    }

    public int minDaysBetweenReminders() {
        return minDaysBetweenReminders;
    }

    /** No reminder is sent later than this many days after the invitation. */
    public int surveyOpenDays() {
        return surveyOpenDays;
    }
}
