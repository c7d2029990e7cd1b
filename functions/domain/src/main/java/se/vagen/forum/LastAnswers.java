package se.vagen.forum;

import java.util.List;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;

/** The answers of the latest answered check-in (each may be null or empty). Free text is never copied to the list. */
public record LastAnswers(Participation participation, Integer wellbeing, List<HelpTopic> helpNeeded) {
    public LastAnswers {
        helpNeeded = helpNeeded == null ? List.of() : List.copyOf(helpNeeded);
    }
}
