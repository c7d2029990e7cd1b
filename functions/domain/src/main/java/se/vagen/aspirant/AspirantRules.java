package se.vagen.aspirant;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import se.vagen.common.Language;
import se.vagen.validation.CodeList;

/** The limits and code lists aspirant input is checked against (code lists are data files). */
public final class AspirantRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_PROVIDER = 200;
    public static final int MAX_OCCUPATION = 200;
    /** Full-time study or work is 40 hours; 60 leaves room for combined activities without allowing typos. */
    public static final int MAX_HOURS_PER_WEEK = 60;
    public static final int MAX_PLAN_YEARS = 5;
    public static final int MAX_ACTIVITIES = 20;
    public static final int MAX_PAUSES = 20;
    public static final int OLDEST_BIRTH_YEAR = 1920;
    /** Aspirants are adults; 15 leaves room for plans that start the year someone turns 16. */
    public static final int MIN_AGE_YEARS = 15;

    public static final CodeList ACTIVITY_TYPES = CodeList.load("/aspirant/activity-types.json");
    public static final CodeList GENDERS = CodeList.load("/aspirant/genders.json");
    public static final CodeList EDUCATION_LEVELS = CodeList.load("/aspirant/education-levels.json");

    private AspirantRules() {
    }

    public static Optional<ActivityType> activityType(String text) {
        return ACTIVITY_TYPES.code(text).map(ActivityType::valueOf);
    }

    public static Optional<Cadence> cadence(String text) {
        String wanted = CodeList.key(text);
        return Arrays.stream(Cadence.values()).filter(c -> CodeList.key(c.name()).equals(wanted)).findFirst();
    }

    public static Optional<PauseReason> pauseReason(String text) {
        String wanted = CodeList.key(text);
        return Arrays.stream(PauseReason.values()).filter(r -> CodeList.key(r.name()).equals(wanted)).findFirst();
    }

    public static String languageCodes() {
        return Arrays.stream(Language.values()).map(Language::code).collect(Collectors.joining(", "));
    }
}
