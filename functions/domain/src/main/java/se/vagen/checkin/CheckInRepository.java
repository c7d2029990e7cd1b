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

    /** Creates or replaces the check-in. */
    void save(CheckIn checkIn);
}
