package se.vagen.aspirant;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.staff.ContactRoles;
import se.vagen.validation.Errors;
import se.vagen.validation.JsonObjectReader;
import se.vagen.validation.PhoneNumbers;
import se.vagen.validation.EmailAddresses;

/**
 * Reads aspirant JSON (API.md) into an {@link AspirantDraft}, checking every rule and reporting every
 * fault with its field path. Unknown fields and wrong JSON types are faults too.
 */
public final class AspirantParser {

    static final Set<String> FIELDS = Set.of("name", "phone", "email", "language", "channel", "contactRoleOwner",
            "checkInCadence", "plan", "profile");
    static final Set<String> PLAN_FIELDS = Set.of("start", "end", "activities", "pauses");
    static final Set<String> ACTIVITY_FIELDS = Set.of("type", "hoursPerWeek", "provider", "start", "end");
    static final Set<String> PAUSE_FIELDS = Set.of("start", "end", "reason");
    static final Set<String> PROFILE_FIELDS = Set.of("gender", "birthYear", "educationLevel", "previousOccupation");

    private AspirantParser() {
    }

    /**
     * The draft, or a {@link se.vagen.validation.ValidationException} naming every field at fault.
     * {@code today} bounds the birth year.
     */
    public static AspirantDraft parse(JsonNode root, LocalDate today) {
        Errors errors = new Errors();
        if (root == null || !root.isObject()) {
            errors.add("$", "body.not-object");
            errors.throwIfAny();
        }
        JsonObjectReader in = new JsonObjectReader(root, "", errors);
        in.rejectUnknown(FIELDS);

        String name = in.line("name", true, AspirantRules.MAX_NAME);
        String rawPhone = in.text("phone", false);
        String rawEmail = in.text("email", false);
        Language language = in.code("language", true, Language::fromCode, "language.unknown",
                AspirantRules.languageCodes());
        Channel channel = in.code("channel", true, AspirantParser::channel, "channel.unknown");
        String ownerRole = in.code("contactRoleOwner", true, ContactRoles::code, "role.unknown",
                String.join(", ", ContactRoles.ROLES.codes()));
        Cadence cadence = in.code("checkInCadence", false, AspirantRules::cadence, "cadence.unknown");

        String phone = null;
        if (rawPhone != null) {
            Optional<PhoneNumbers.Parsed> parsed = PhoneNumbers.parse(rawPhone);
            if (parsed.isEmpty()) {
                errors.add("phone", "phone.invalid");
            } else if (channel == Channel.SMS && !parsed.get().mobile()) {
                errors.add("phone", "phone.not-mobile");
            } else {
                phone = parsed.get().e164();
            }
        } else if (channel == Channel.SMS && !errors.hasErrorFor("phone")) {
            errors.add("phone", "phone.required-for-sms");
        }
        String email = null;
        if (rawEmail != null) {
            if (EmailAddresses.valid(rawEmail)) {
                email = rawEmail;
            } else {
                errors.add("email", "email.invalid");
            }
        } else if (channel == Channel.EMAIL && !errors.hasErrorFor("email")) {
            errors.add("email", "email.required-for-email");
        }

        ActivityPlan plan = in.object("plan", true).map(AspirantParser::plan).orElse(null);
        Profile profile = in.object("profile", false).map(p -> profile(p, today)).orElse(Profile.EMPTY);

        errors.throwIfAny();
        return new AspirantDraft(name, phone, email, language, channel, ownerRole,
                cadence == null ? Cadence.WEEKLY : cadence, plan, profile);
    }

    static Optional<Channel> channel(String text) {
        String key = se.vagen.validation.CodeList.key(text);
        if (key.equals("epost") || key.equals("mail")) {
            return Optional.of(Channel.EMAIL);
        }
        return Channel.fromCode(text);
    }

    private static ActivityPlan plan(JsonObjectReader in) {
        in.rejectUnknown(PLAN_FIELDS);
        Errors errors = in.errors();
        LocalDate start = in.date("start", true);
        LocalDate end = in.date("end", true);
        boolean periodOk = start != null && end != null;
        if (periodOk && end.isBefore(start)) {
            errors.add(in.path("end"), "plan.end-before-start");
            periodOk = false;
        } else if (periodOk && end.isAfter(start.plusYears(AspirantRules.MAX_PLAN_YEARS))) {
            errors.add(in.path("end"), "plan.too-long", AspirantRules.MAX_PLAN_YEARS);
            periodOk = false;
        }

        List<Activity> activities = new ArrayList<>();
        for (JsonObjectReader a : in.objects("activities", AspirantRules.MAX_ACTIVITIES)) {
            a.rejectUnknown(ACTIVITY_FIELDS);
            ActivityType type = a.code("type", true, AspirantRules::activityType, "activity.type.unknown",
                    String.join(", ", AspirantRules.ACTIVITY_TYPES.codes()));
            BigDecimal hours = a.number("hoursPerWeek", true);
            if (hours != null && hours.signum() < 0) {
                errors.add(a.path("hoursPerWeek"), "activity.hours.negative");
                hours = null;
            } else if (hours != null && hours.compareTo(BigDecimal.valueOf(AspirantRules.MAX_HOURS_PER_WEEK)) > 0) {
                errors.add(a.path("hoursPerWeek"), "activity.hours.too-many", AspirantRules.MAX_HOURS_PER_WEEK);
                hours = null;
            }
            String provider = a.line("provider", false, AspirantRules.MAX_PROVIDER);
            LocalDate aStart = a.date("start", false);
            LocalDate aEnd = a.date("end", false);
            LocalDate from = aStart != null ? aStart : start;
            LocalDate to = aEnd != null ? aEnd : end;
            if (from != null && to != null && to.isBefore(from)) {
                errors.add(a.path("end"), "activity.end-before-start");
            } else if (periodOk && from != null && to != null && (from.isBefore(start) || to.isAfter(end))) {
                errors.add(a.path(aStart != null && aStart.isBefore(start) ? "start" : "end"), "activity.outside-plan");
            }
            if (type != null && hours != null && from != null && to != null) {
                activities.add(new Activity(type, hours.doubleValue(), provider, from, to));
            }
        }

        List<PlanPause> pauses = new ArrayList<>();
        List<JsonObjectReader> pauseReaders = in.objects("pauses", AspirantRules.MAX_PAUSES);
        for (JsonObjectReader p : pauseReaders) {
            p.rejectUnknown(PAUSE_FIELDS);
            LocalDate pStart = p.date("start", true);
            LocalDate pEnd = p.date("end", true);
            PauseReason reason = p.code("reason", true, AspirantRules::pauseReason, "pause.reason.unknown");
            if (pStart == null || pEnd == null) {
                continue;
            }
            if (pEnd.isBefore(pStart)) {
                errors.add(p.path("end"), "pause.end-before-start");
                continue;
            }
            if (periodOk && (pStart.isBefore(start) || pEnd.isAfter(end))) {
                errors.add(p.path(pStart.isBefore(start) ? "start" : "end"), "pause.outside-plan");
                continue;
            }
            PlanPause pause = new PlanPause(pStart, pEnd, reason);
            if (pauses.stream().anyMatch(o -> !o.end().isBefore(pStart) && !o.start().isAfter(pEnd))) {
                errors.add(p.path("start"), "pause.overlap");
                continue;
            }
            if (reason != null) {
                pauses.add(pause);
            }
        }
        if (!periodOk) {
            return null;
        }
        return new ActivityPlan(start, end, activities, pauses);
    }

    private static Profile profile(JsonObjectReader in, LocalDate today) {
        in.rejectUnknown(PROFILE_FIELDS);
        String gender = in.code("gender", false, AspirantRules.GENDERS::code, "gender.unknown",
                String.join(", ", AspirantRules.GENDERS.codes()));
        Integer birthYear = in.integer("birthYear", false);
        int latest = today.getYear() - AspirantRules.MIN_AGE_YEARS;
        if (birthYear != null && (birthYear < AspirantRules.OLDEST_BIRTH_YEAR || birthYear > latest)) {
            in.errors().add(in.path("birthYear"), "birthyear.out-of-range", String.valueOf(AspirantRules.OLDEST_BIRTH_YEAR),
                    String.valueOf(latest));
            birthYear = null;
        }
        String education = in.code("educationLevel", false, AspirantRules.EDUCATION_LEVELS::code,
                "education.unknown", String.join(", ", AspirantRules.EDUCATION_LEVELS.codes()));
        String occupation = in.line("previousOccupation", false, AspirantRules.MAX_OCCUPATION);
        Profile profile = new Profile(gender, birthYear, education, occupation);
        return profile.equals(Profile.EMPTY) ? Profile.EMPTY : profile;
    }
}
