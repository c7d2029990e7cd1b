package se.vagen.aspirant;

import java.time.LocalDate;

/** A period (inclusive) in which the plan is paused. */
public record PlanPause(LocalDate start, LocalDate end, PauseReason reason) {
    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
