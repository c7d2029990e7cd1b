package se.vagen.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForumWeekTest {

    @ParameterizedTest
    @CsvSource({"2026-W48,2026-11-23", "2026-W01,2025-12-29", "2026-W53,2026-12-28", "2027-W01,2027-01-04"})
    void mondayOfWeek(String week, String monday) {
        ForumWeek w = ForumWeek.parse(week).orElseThrow();
        assertEquals(LocalDate.parse(monday), w.monday());
        assertEquals(week, w.toString());
        assertEquals(w, ForumWeek.of(w.monday().plusDays(6)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-48", "2026-W0", "2026-W00", "2027-W53", "2026-W54", "x2026-W01", "2026-w48"})
    void rejectsMalformed(String text) {
        assertTrue(ForumWeek.parse(text).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-23T05:00:00Z,2026-W48",   // Monday 06:00 in Stockholm
            "2026-11-22T22:59:59Z,2026-W47",   // Sunday 23:59:59 in Stockholm
            "2026-11-22T23:00:00Z,2026-W48"})
    void weekOfRunInStockholm(String instant, String week) {
        assertEquals(week, ForumWeek.of(Instant.parse(instant)).toString());
    }
}
