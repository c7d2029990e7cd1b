package se.vagen.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import se.vagen.common.Channel;

/**
 * Check-ins by aspirant and cycle (CheckInsTable): GetItem for one cycle, Query newest-first for history.
 * Answers are written field by field (UpdateItem) as they arrive, so the form and the chatbot write the same item
 * and a half-answered check-in counts as answered. The write methods have defaults only so that read-only test
 * fakes need not implement them; the real adapter implements all of them.
 */
public interface CheckInRepository {

    Optional<CheckIn> find(String aspirantId, String cycle);

    /** The aspirant's check-ins, newest cycle first, at most {@code limit}. */
    List<CheckIn> history(String aspirantId, int limit);

    /**
     * The aspirant's check-ins of cycles before {@code cycle} (exclusive), newest first, at most {@code limit}
     * (the weekly forum list reads the last closed cycles). Adapters should override this with a key condition
     * ({@code cycle < :c}); the default reads one more and filters, which is exact when {@code cycle} is the
     * current or the next cycle.
     */
    default List<CheckIn> historyBefore(String aspirantId, String cycle, int limit) {
        return history(aspirantId, limit + 1).stream()
                .filter(c -> c.cycle().compareTo(cycle) < 0)
                .limit(limit)
                .toList();
    }

    /**
     * The summary of the aspirant's newest {@code limit} check-ins read from the check-ins (one Query), for the
     * one-off backfill of an aspirant without one. Adapters override it to carry each check-in's revision.
     */
    default RecentCheckIns recent(String aspirantId, int limit) {
        return RecentCheckIns.fromHistory(history(aspirantId, limit), limit);
    }

    /** Creates or replaces the check-in. */
    void save(CheckIn checkIn);

    /**
     * Stores the non-null answers on the cycle's check-in (creating it if needed), sets status ANSWERED, and
     * {@code answeredAt} and {@code channel} if they are not set yet.
     */
    default void recordAnswers(String aspirantId, String cycle, Answers answers, Channel channel, Instant at) {
        throw new UnsupportedOperationException("check-in writes: see DynamoCheckInRepository");
    }

    /**
     * The web form's answers: like {@link #recordAnswers} and marks the check-in as answered by the form, but only
     * once per cycle (conditional write). False when the form was already posted for this cycle.
     */
    default boolean recordFormAnswers(String aspirantId, String cycle, Answers answers, Channel channel, Instant at) {
        throw new UnsupportedOperationException("check-in writes: see DynamoCheckInRepository");
    }

    /**
     * Reminder {@code number} of the cycle was sent: creates the check-in (OPEN, openedAt) if it does not exist and
     * sets {@code remindersSent}.
     */
    default void recordReminder(String aspirantId, String cycle, int number, Instant at) {
        throw new UnsupportedOperationException("check-in writes: see DynamoCheckInRepository");
    }

    /** Marks the cycle MISSED unless it was answered; true only for the one caller that changed it. */
    default boolean markMissed(String aspirantId, String cycle, Instant at) {
        throw new UnsupportedOperationException("check-in writes: see DynamoCheckInRepository");
    }
}
