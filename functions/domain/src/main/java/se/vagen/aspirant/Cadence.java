package se.vagen.aspirant;

/** How often an aspirant is asked to check in: every ISO week, or every other ISO week. */
public enum Cadence {
    WEEKLY, BIWEEKLY
}
