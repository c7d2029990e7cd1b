package se.vagen.aspirant;

/**
 * Optional group-follow-up facts. All may be null; they stay out of every list that does not need them
 * (the forum list never shows them).
 */
public record Profile(String gender, Integer birthYear, String educationLevel, String previousOccupation) {
    public static final Profile EMPTY = new Profile(null, null, null, null);
}
