package se.vagen.checkin;

import java.util.List;
import java.util.Optional;

/**
 * Check-ins by aspirant and cycle (CheckInsTable): GetItem for one cycle, Query newest-first for history.
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

    /** Creates or replaces the check-in. */
    void save(CheckIn checkIn);
}
