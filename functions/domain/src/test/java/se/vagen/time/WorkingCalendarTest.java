package se.vagen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    private static final WorkingCalendar CAL = new WorkingCalendar();

    @Test
    void the16SwedishHolidaysOf2026IncludingTheEves() {
        List<LocalDate> expected = List.of("2026-01-01", "2026-01-06", "2026-04-03", "2026-04-05", "2026-04-06",
                "2026-05-01", "2026-05-14", "2026-05-24", "2026-06-06", "2026-06-19", "2026-06-20", "2026-10-31",
                "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31").stream().map(LocalDate::parse).toList();
        assertEquals(new TreeSet<>(expected), new TreeSet<>(CAL.holidays(2026)));
    }

    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
            "2026-01-01, false", // New Year's Day (Thu)
            "2026-01-02, true",
            "2026-01-06, false", // Epiphany (Tue)
            "2026-04-02, true",  // Maundy Thursday is a working day
            "2026-04-03, false", // Good Friday
            "2026-04-06, false", // Easter Monday
            "2026-04-07, true",
            "2026-05-01, false", // Labour Day (Fri)
            "2026-05-14, false", // Ascension Day (Thu)
            "2026-05-15, true",  // the "squeeze day" after Ascension is a working day
            "2026-06-05, true",
            "2026-06-06, false", // National Day (Sat)
            "2026-06-19, false", // Midsummer Eve (Fri)
            "2026-06-22, true",
            "2026-10-30, true",
            "2026-12-23, true",
            "2026-12-24, false", // Christmas Eve (Thu)
            "2026-12-25, false", // Christmas Day (Fri)
            "2026-12-26, false", // Boxing Day (Sat)
            "2026-12-28, true",
            "2026-12-31, false", // New Year's Eve (Thu)
            "2027-01-01, false",
            "2027-01-04, true",
            "2026-11-28, false", // Saturday
            "2026-11-29, false", // Sunday
            "2026-11-30, true",  // Monday
            "2026-03-29, false", // Sunday, DST starts
            "2026-03-30, true",
            "2026-10-25, false", // Sunday, DST ends
            "2026-10-26, true",
    })
    void workingDays(LocalDate day, boolean working) {
        assertEquals(working, CAL.isWorkingDay(day));
    }

    @ParameterizedTest(name = "week of {0} starts {1}")
    @CsvSource({
            "2026-11-25, 2026-11-23", // ordinary week: Monday
            "2026-11-23, 2026-11-23",
            "2026-11-29, 2026-11-23", // Sunday belongs to the week before
            "2026-04-08, 2026-04-07", // Easter Monday -> Tuesday
            "2026-12-30, 2026-12-28",
            "2027-01-01, 2026-12-28", // 2026-W53
            "2027-01-05, 2027-01-04",
            "2027-03-31, 2027-03-30", // Easter Monday 2027-03-29
            "2026-01-01, 2025-12-29", // 2026-W01 starts on Monday 2025-12-29, a working day
            "2026-01-07, 2026-01-05",
    })
    void firstWorkingDayOfWeek(LocalDate day, LocalDate first) {
        assertEquals(first, CAL.firstWorkingDayOfWeek(day));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-23,  2, 2026-11-25", // Mon + 2 = Wed
            "2026-11-26,  2, 2026-11-30", // Thu + 2 = Mon
            "2026-11-27,  1, 2026-11-30", // Fri + 1 = Mon
            "2026-11-28,  1, 2026-11-30", // Sat + 1 = Mon
            "2026-11-23,  0, 2026-11-23",
            "2026-12-22,  2, 2026-12-28", // over Christmas
            "2026-12-28,  2, 2026-12-30",
            "2026-12-29,  2, 2027-01-04", // over New Year's Eve and Day
            "2026-06-17,  2, 2026-06-22", // over Midsummer Eve
            "2026-04-01,  2, 2026-04-07", // over Easter
            "2026-05-13,  1, 2026-05-15", // over Ascension Day
            "2026-11-30, -1, 2026-11-27",
            "2027-01-04, -2, 2026-12-29",
    })
    void plusWorkingDays(LocalDate from, int days, LocalDate expected) {
        assertEquals(expected, CAL.plusWorkingDays(from, days));
    }

    @ParameterizedTest(name = "{0} {1} Stockholm -> {2}")
    @CsvSource({
            "2026-11-30, 08:59:59, false",
            "2026-11-30, 09:00,    true",
            "2026-11-30, 09:30,    true",
            "2026-11-30, 16:59:59, true",
            "2026-11-30, 17:00,    false",
            "2026-11-30, 22:00,    false",
            "2026-11-28, 10:00,    false", // Saturday
            "2026-12-25, 10:00,    false", // Christmas Day
            "2026-12-24, 10:00,    false", // Christmas Eve
            "2026-06-19, 10:00,    false", // Midsummer Eve
            "2026-03-27, 09:00,    true",  // Friday before DST starts (CET)
            "2026-03-30, 08:59,    false", // Monday after DST starts (CEST)
            "2026-03-30, 09:00,    true",
            "2026-10-23, 16:59,    true",  // Friday before DST ends
            "2026-10-26, 09:00,    true",  // Monday after DST ends (CET)
            "2026-10-26, 17:00,    false",
    })
    void sendingWindowInStockholmTime(LocalDate day, LocalTime time, boolean inWindow) {
        Instant instant = LocalDateTime.of(day, time).atZone(WorkingCalendar.ZONE).toInstant();
        assertEquals(inWindow, CAL.inSendingWindow(instant));
    }

    @ParameterizedTest(name = "{0} UTC -> {1}")
    @CsvSource({
            "2026-11-30T07:59:59Z, false", // 08:59:59 CET
            "2026-11-30T08:00:00Z, true",  // 09:00 CET
            "2026-11-30T15:59:59Z, true",  // 16:59:59 CET
            "2026-11-30T16:00:00Z, false", // 17:00 CET
            "2026-06-15T06:59:59Z, false", // 08:59:59 CEST
            "2026-06-15T07:00:00Z, true",  // 09:00 CEST
            "2026-06-15T14:59:59Z, true",  // 16:59:59 CEST
            "2026-06-15T15:00:00Z, false", // 17:00 CEST
            "2026-11-29T23:30:00Z, false", // Monday 00:30 local
    })
    void sendingWindowFromUtcInstants(Instant instant, boolean inWindow) {
        assertEquals(inWindow, CAL.inSendingWindow(instant));
    }
}
