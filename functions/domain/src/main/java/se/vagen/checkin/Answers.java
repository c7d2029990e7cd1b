package se.vagen.checkin;

import java.util.List;

/**
 * Answers to store on a check-in; a null field (or empty list) is left as it is. {@code freeText} replaces the
 * stored free text (the caller appends when it wants to keep the earlier one).
 */
public record Answers(Participation participation, Integer wellbeing, List<HelpTopic> helpNeeded, String freeText) {

    public Answers {
        helpNeeded = helpNeeded == null ? null : List.copyOf(helpNeeded);
    }

    public static final Answers NONE = new Answers(null, null, null, null);

    public boolean isEmpty() {
        return participation == null && wellbeing == null && (helpNeeded == null || helpNeeded.isEmpty())
                && (freeText == null || freeText.isBlank());
    }
}
