package se.vagen.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.PauseReason;
import se.vagen.aspirant.PlanPause;
import se.vagen.common.Channel;
import se.vagen.common.Language;

class CheckinCycleTest {

    private static final CheckinCycle CYCLES = new CheckinCycle();

    private static Aspirant aspirant(Cadence cadence, String start, String end, String pauseFrom, String pauseTo,
            boolean erased) {
        List<PlanPause> pauses = pauseFrom == null ? List.of()
                : List.of(new PlanPause(LocalDate.parse(pauseFrom), LocalDate.parse(pauseTo), PauseReason.SICK_LEAVE));
        ActivityPlan plan = start == null ? null
                : new ActivityPlan(LocalDate.parse(start), LocalDate.parse(end), List.of(), pauses);
        return new Aspirant("a1", "Amina", "+46701234567", null, Language.SV, Channel.SMS, "arbetskonsulent", cadence,
                null, plan, null, 0, erased, Instant.EPOCH, Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-11-23, 2026-W48",
            "2026-11-29, 2026-W48",
            "2026-11-30, 2026-W49",
            "2026-01-01, 2026-W01",
            "2025-12-29, 2026-W01", // Monday of 2026-W01 is in 2025
            "2025-12-28, 2025-W52",
            "2026-12-28, 2026-W53",
            "2026-12-31, 2026-W53",
            "2027-01-01, 2026-W53", // week-based year
            "2027-01-03, 2026-W53",
            "2027-01-04, 2027-W01",
            "2020-12-31, 2020-W53",
            "2021-01-03, 2020-W53",
            "2024-12-30, 2025-W01",
    })
    void cycleIdIsTheIsoWeek(LocalDate day, String id) {
        assertEquals(id, CYCLES.cycleId(day));
    }

    @ParameterizedTest(name = "{0}: {1} .. {2}, ends {3}")
    @CsvSource({
            "2026-W48, 2026-11-23, 2026-11-29, 2026-11-29T23:00:00Z",
            "2026-W01, 2025-12-29, 2026-01-04, 2026-01-04T23:00:00Z",
            "2026-W53, 2026-12-28, 2027-01-03, 2027-01-03T23:00:00Z",
            "2027-W01, 2027-01-04, 2027-01-10, 2027-01-10T23:00:00Z",
            "2026-W13, 2026-03-23, 2026-03-29, 2026-03-29T22:00:00Z", // week ends on DST day: Monday 00:00 CEST
            "2026-W26, 2026-06-22, 2026-06-28, 2026-06-28T22:00:00Z",
            "2026-W43, 2026-10-19, 2026-10-25, 2026-10-25T23:00:00Z", // DST ends on that Sunday
    })
    void weekBoundsAndEnd(String id, LocalDate start, LocalDate end, Instant cycleEnd) {
        assertEquals(start, CYCLES.weekStart(id));
        assertEquals(end, CYCLES.weekEnd(id));
        assertEquals(cycleEnd, CYCLES.cycleEnd(id));
        assertEquals(id, CYCLES.cycleId(CYCLES.weekStart(id)));
        assertEquals(id, CYCLES.cycleId(CYCLES.weekEnd(id)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-W53", "2026-W00", "2026-W54", "2026-48", "2026W48", "", "26-W48", "2026-W4"})
    void malformedOrMissingWeeksAreRejected(String id) {
        assertThrows(IllegalArgumentException.class, () -> CYCLES.weekStart(id));
    }

    @ParameterizedTest(name = "{0} plan {1}..{2} pause {3}..{4} erased={5} on {6} -> {7}")
    @CsvSource(nullValues = "-", value = {
            // cadence, plan start, plan end, pause from, pause to, erased, day, due cycle
            "WEEKLY,   2026-11-02, 2027-03-31, -,          -,          false, 2026-11-23, 2026-W48",
            "WEEKLY,   2026-11-02, 2027-03-31, -,          -,          false, 2026-11-30, 2026-W49",
            "WEEKLY,   2026-11-25, 2027-03-31, -,          -,          false, 2026-11-23, -",        // plan not started yet
            "WEEKLY,   2026-11-25, 2027-03-31, -,          -,          false, 2026-11-25, 2026-W48", // plan starts mid-week
            "WEEKLY,   2026-01-01, 2026-11-20, -,          -,          false, 2026-11-23, -",        // plan ended
            "WEEKLY,   2026-01-01, 2026-11-23, -,          -,          false, 2026-11-23, 2026-W48", // last day
            "WEEKLY,   2026-01-01, 2027-03-31, 2026-11-16, 2026-12-06, false, 2026-11-23, -",        // paused
            "WEEKLY,   2026-01-01, 2027-03-31, 2026-11-16, 2026-11-22, false, 2026-11-23, 2026-W48", // pause over
            "WEEKLY,   2026-01-01, 2027-03-31, -,          -,          true,  2026-11-23, -",        // erased
            "WEEKLY,   -,          -,          -,          -,          false, 2026-11-23, -",        // no plan
            "WEEKLY,   2026-01-01, 2027-03-31, -,          -,          false, 2027-01-01, 2026-W53",
            // BIWEEKLY: plan starts in 2026-W45 (Wed 2026-11-04) -> cycles W45, W47, W49, W51, W53, 2027-W02...
            "BIWEEKLY, 2026-11-04, 2027-06-30, -,          -,          false, 2026-11-04, 2026-W45",
            "BIWEEKLY, 2026-11-04, 2027-06-30, -,          -,          false, 2026-11-09, -",
            "BIWEEKLY, 2026-11-04, 2027-06-30, -,          -,          false, 2026-11-16, 2026-W47",
            "BIWEEKLY, 2026-11-04, 2027-06-30, -,          -,          false, 2026-11-22, 2026-W47",
            "BIWEEKLY, 2026-11-04, 2027-06-30, -,          -,          false, 2026-11-23, -",
            "BIWEEKLY, 2026-11-04, 2027-06-30, -,          -,          false, 2026-11-30, 2026-W49",
            "BIWEEKLY, 2026-11-04, 2027-06-30, -,          -,          false, 2026-12-28, 2026-W53",
            "BIWEEKLY, 2026-11-04, 2027-06-30, -,          -,          false, 2027-01-01, 2026-W53",
            "BIWEEKLY, 2026-11-04, 2027-06-30, -,          -,          false, 2027-01-04, -",        // 2027-W01
            "BIWEEKLY, 2026-11-04, 2027-06-30, -,          -,          false, 2027-01-11, 2027-W02",
            // a year with 52 weeks: plan starting 2025-12-22 (2025-W52) -> 2026-W01 off, 2026-W02 on
            "BIWEEKLY, 2025-12-22, 2026-06-30, -,          -,          false, 2025-12-29, -",
            "BIWEEKLY, 2025-12-22, 2026-06-30, -,          -,          false, 2026-01-05, 2026-W02",
            "BIWEEKLY, 2026-11-04, 2027-06-30, 2026-11-30, 2026-12-13, false, 2026-12-01, -",        // paused
    })
    void dueCycle(Cadence cadence, String start, String end, String pauseFrom, String pauseTo, boolean erased,
            LocalDate day, String due) {
        Aspirant a = aspirant(cadence, start, end, pauseFrom, pauseTo, erased);
        assertEquals(Optional.ofNullable(due), CYCLES.dueCycle(a, day));
    }

    @ParameterizedTest(name = "{0} before {1} is {2}")
    @CsvSource({
            "WEEKLY,   2026-W48, 2026-W47",
            "WEEKLY,   2027-W01, 2026-W53",
            "WEEKLY,   2026-W01, 2025-W52",
            "BIWEEKLY, 2026-W49, 2026-W47",
            "BIWEEKLY, 2027-W02, 2026-W53",
            "BIWEEKLY, 2027-W01, 2026-W52",
            "BIWEEKLY, 2026-W02, 2025-W52",
    })
    void previousCycle(Cadence cadence, String cycle, String previous) {
        Aspirant a = aspirant(cadence, "2025-01-01", "2027-12-31", null, null, false);
        assertEquals(previous, CYCLES.previousCycle(a, cycle));
    }
}
