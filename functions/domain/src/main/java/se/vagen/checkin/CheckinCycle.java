package se.vagen.checkin;

import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.Cadence;
import se.vagen.time.WorkingCalendar;

/**
 * Check-in cycles. A cycle is one aspirant and one ISO week, named like "2026-W48" (week-based year, so
 * 2026-12-31 and 2027-01-01 are both in "2026-W53"). WEEKLY aspirants have a cycle every week; BIWEEKLY
 * aspirants every other week, counted from the ISO week of the plan start (that week is cycle 0).
 */
@Singleton
public class CheckinCycle {

    private static final Pattern ID = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** The ISO week containing the day, e.g. "2026-W48". */
    public String cycleId(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * The cycle whose week contains {@code day}, if the aspirant is due that week: not erased, the plan is
     * active that day, not paused that day, and (BIWEEKLY) the week is an even number of weeks from the plan
     * start week. Opt-outs are not looked at here: the channel decides that.
     */
    public Optional<String> dueCycle(Aspirant aspirant, LocalDate day) {
        ActivityPlan plan = aspirant.plan();
        if (aspirant.erased() || plan == null || plan.start() == null || plan.end() == null
                || !plan.activeOn(day) || plan.pauseOn(day).isPresent()) {
            return Optional.empty();
        }
        if (aspirant.cadence() == Cadence.BIWEEKLY && weeksBetween(plan.start(), day) % 2 != 0) {
            return Optional.empty();
        }
        return Optional.of(cycleId(day));
    }

    /** Monday of the cycle's week. Throws IllegalArgumentException for a malformed id or a week the year lacks. */
    public LocalDate weekStart(String cycleId) {
        Matcher m = ID.matcher(cycleId == null ? "" : cycleId);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a cycle id (yyyy-Www): " + cycleId);
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        long weeksInYear = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(jan4).getMaximum();
        if (week < 1 || week > weeksInYear) {
            throw new IllegalArgumentException("Week " + week + " does not exist in " + year + ": " + cycleId);
        }
        return jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    /** Sunday of the cycle's week. */
    public LocalDate weekEnd(String cycleId) {
        return weekStart(cycleId).plusDays(6);
    }

    /**
     * When the cycle is over: the end of its Sunday in Europe/Stockholm, i.e. the following Monday 00:00
     * local time (exclusive: an instant before it is inside the cycle). Links expire then.
     */
    public Instant cycleEnd(String cycleId) {
        return weekStart(cycleId).plusWeeks(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** The aspirant's cycle before this one: one week back (WEEKLY) or two (BIWEEKLY). */
    public String previousCycle(Aspirant aspirant, String cycleId) {
        int weeks = aspirant.cadence() == Cadence.BIWEEKLY ? 2 : 1;
        return cycleId(weekStart(cycleId).minusWeeks(weeks));
    }

    private static long weeksBetween(LocalDate from, LocalDate to) {
        LocalDate a = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate b = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return Math.abs(ChronoUnit.WEEKS.between(a, b));
    }
}
