package se.vagen.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swedish working days and the reminder sending window, in Europe/Stockholm. A working day is Monday to
 * Friday and not a public holiday (Jollyday's Swedish calendar, which includes Midsummer Eve, Christmas Eve
 * and New Year's Eve) nor an extra closed day. The window (09:00 to 17:00 by default) and extra closed days
 * are in {@code rules/working-time.json}. Holidays are cached per year.
 */
@Singleton
public class WorkingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private final HolidayManager holidays;
    private final LocalTime windowFrom;
    private final LocalTime windowTo;
    private final Set<LocalDate> extraClosedDays;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    public WorkingCalendar() {
        this(readConfig("rules/working-time.json"));
    }

    private WorkingCalendar(JsonNode config) {
        String zone = config.path("zone").asText("");
        if (!ZONE.getId().equals(zone)) {
            throw new IllegalStateException("working-time.json: zone must be " + ZONE + ", was '" + zone + "'");
        }
        this.windowFrom = LocalTime.parse(config.path("sendingWindow").path("from").asText());
        this.windowTo = LocalTime.parse(config.path("sendingWindow").path("to").asText());
        if (!windowFrom.isBefore(windowTo)) {
            throw new IllegalStateException("working-time.json: sendingWindow.from must be before .to");
        }
        Set<LocalDate> extra = new HashSet<>();
        config.path("extraClosedDays").forEach(d -> extra.add(LocalDate.parse(d.asText())));
        this.extraClosedDays = Collections.unmodifiableSet(extra);
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
    }

    private static JsonNode readConfig(String resource) {
        try (InputStream in = WorkingCalendar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Working-time rules missing from the class path: " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    /** The public holidays of the year (weekend ones included). */
    public Set<LocalDate> holidays(int year) {
        return byYear.computeIfAbsent(year, y -> {
            Set<LocalDate> days = new TreeSet<>();
            for (Holiday h : holidays.getHolidays(Year.of(y))) {
                days.add(h.getDate());
            }
            return Collections.unmodifiableSet(days);
        });
    }

    public boolean isHoliday(LocalDate day) {
        return holidays(day.getYear()).contains(day);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isHoliday(day)
                && !extraClosedDays.contains(day);
    }

    /**
     * The first working day of the ISO week containing {@code dayInWeek} (Monday unless it is a holiday).
     * Should a whole week be closed, the first working day after it is returned (so it is after the week).
     */
    public LocalDate firstWorkingDayOfWeek(LocalDate dayInWeek) {
        LocalDate d = dayInWeek.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * Moves {@code days} working days forward (backward if negative) from {@code from}, which need not be a
     * working day itself: Monday plus 2 is Wednesday; Friday plus 1 is Monday; plus 0 is {@code from}.
     */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        int step = days >= 0 ? 1 : -1;
        int left = Math.abs(days);
        LocalDate d = from;
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The Stockholm date of an instant. */
    public LocalDate localDate(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** A working day in Stockholm and from &lt;= local time &lt; to (09:00 to 17:00). */
    public boolean inSendingWindow(Instant instant) {
        ZonedDateTime local = instant.atZone(ZONE);
        LocalTime t = local.toLocalTime();
        return isWorkingDay(local.toLocalDate()) && !t.isBefore(windowFrom) && t.isBefore(windowTo);
    }

    public LocalTime windowFrom() {
        return windowFrom;
    }

    public LocalTime windowTo() {
        return windowTo;
    }
}
