package se.vagen.validation;

/**
 * One thing wrong with one field of an input. {@code field} is a path such as {@code phone} or
 * {@code plan.activities[0].hoursPerWeek} ({@code $} for the whole body); {@code code} is stable
 * (tests and clients match on it); {@code message} is the Swedish text for staff.
 */
public record FieldError(String field, String code, String message) {
}
