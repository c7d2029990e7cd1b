package se.vagen.aws;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The input of a scheduled job. EventBridge Scheduler sends {"time": "<aws.scheduler.scheduled-time>"}
 * (template.yaml); the local stack's /dev/jobs/{job}/run sends the "as of" instant. {@code action}
 * picks one part of a job where it has several (survey-links: "campaign" or "reminders"; null = all).
 * Other fields of a scheduler event are ignored.
 */
@Serdeable
public record ScheduledRun(@Nullable String time, @Nullable String action) {

    public ScheduledRun(String time) {
        this(time, null);
    }

    /** The instant the run is as of: the event's time, or {@code now} when absent. */
    public Instant asOf(Instant now) {
        if (time == null || time.isBlank()) {
            return now;
        }
        return OffsetDateTime.parse(time.trim()).toInstant();
    }
}
