package se.vagen.forum;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO week such as {@code 2026-W48}: the forum list's key. Check-in cycles use the same notation. */
public record ForumWeek(int year, int week) implements Comparable<ForumWeek> {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public ForumWeek {
        LocalDate probe = LocalDate.of(year, 1, 4);
        long weeks = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException("No such ISO week: " + year + "-W" + week);
        }
    }

    /** Parses {@code 2026-W48}; empty for anything else (including week 53 of a 52-week year). */
    public static Optional<ForumWeek> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ForumWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static ForumWeek of(LocalDate day) {
        return new ForumWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The ISO week the instant falls in, in Europe/Stockholm (a Monday 06:00 run makes that week's list). */
    public static ForumWeek of(Instant instant) {
        return of(instant.atZone(STOCKHOLM).toLocalDate());
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Override
    public int compareTo(ForumWeek other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
