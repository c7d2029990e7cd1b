package se.vagen.aws;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The input of a scheduled job. EventBridge Scheduler sends {"time": "<aws.scheduler.scheduled-time>"}
 * (template.yaml); the local stack's /dev/jobs/{job}/run sends the "as of" instant. Other fields of a
 * scheduler event are ignored.
 */
@Serdeable
public record ScheduledRun(@Nullable String time) {

    /** The instant the run is as of: the event's time, or {@code now} when absent. */
    public Instant asOf(Instant now) {
        if (time == null || time.isBlank()) {
            return now;
        }
        return OffsetDateTime.parse(time.trim()).toInstant();
    }
}
