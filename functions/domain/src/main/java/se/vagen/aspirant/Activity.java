package se.vagen.aspirant;

import java.time.LocalDate;

/** One activity of a plan; hours per week may be fractional (e.g. 7.5). */
public record Activity(ActivityType type, double hoursPerWeek, String provider, LocalDate start, LocalDate end) {
}
