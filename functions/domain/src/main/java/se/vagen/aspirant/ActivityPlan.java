package se.vagen.aspirant;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The individual activity plan: a period (inclusive), its activities and its pauses. */
public record ActivityPlan(LocalDate start, LocalDate end, List<Activity> activities, List<PlanPause> pauses) {
    public ActivityPlan {
        activities = activities == null ? List.of() : List.copyOf(activities);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public Optional<PlanPause> pauseOn(LocalDate day) {
        return pauses.stream().filter(p -> p.covers(day)).findFirst();
    }
}
