package se.vagen.aspirant;

import java.time.LocalDate;

/** Where an aspirant's plan stands on a given day (Europe/Stockholm). */
public enum PlanState {
    NOT_STARTED, ACTIVE, PAUSED, ENDED;

    public static PlanState of(ActivityPlan plan, LocalDate day) {
        if (plan == null || day.isBefore(plan.start())) {
            return NOT_STARTED;
        }
        if (day.isAfter(plan.end())) {
            return ENDED;
        }
        return plan.pauseOn(day).isPresent() ? PAUSED : ACTIVE;
    }
}
