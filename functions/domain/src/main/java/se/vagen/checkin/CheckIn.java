package se.vagen.checkin;

import java.time.Instant;
import java.util.List;
import se.vagen.common.Channel;

/**
 * One aspirant's check-in for one cycle (ISO week, e.g. "2026-W48"). Answers are stored as they arrive,
 * so any of them may be null; a check-in with one answer counts as answered. {@code channel} is how the
 * first answer came (sms, email; the web form counts as the aspirant's channel with {@code viaForm}).
 */
public record CheckIn(
        String aspirantId,
        String cycle,
        CheckInStatus status,
        Channel channel,
        boolean viaForm,
        Participation participation,
        Integer wellbeing,
        List<HelpTopic> helpNeeded,
        String freeText,
        Instant openedAt,
        Instant answeredAt,
        int remindersSent) {

    public CheckIn {
        helpNeeded = helpNeeded == null ? List.of() : List.copyOf(helpNeeded);
    }
}
