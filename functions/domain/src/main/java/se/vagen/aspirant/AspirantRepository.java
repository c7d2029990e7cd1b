package se.vagen.aspirant;

import java.time.LocalDate;
import java.util.Optional;
import se.vagen.checkin.RecentCheckIns;
import se.vagen.common.Page;

/**
 * Where aspirants live. Access patterns (each a GetItem or a Query on a key or index; see template.yaml):
 * by id; by phone (inbound SMS, uniqueness); by e-mail (inbound e-mail, import matching); by name prefix
 * (staff list and search, ordered by name); by plan end, shard by shard (reminder run and weekly list).
 */
public interface AspirantRepository {

    /** Plans are spread over this many index shards so the weekly batch can read them in parallel. */
    int PLAN_SHARDS = 8;

    Optional<Aspirant> findById(String id);

    /** The aspirant (not erased) with this E.164 number, if any. */
    Optional<Aspirant> findByPhone(String e164);

    /** The aspirant (not erased) with this e-mail address (case-insensitive), if any. */
    Optional<Aspirant> findByEmail(String email);

    /** Creates or replaces the aspirant. */
    void save(Aspirant aspirant);

    /** Aspirants ordered by name; {@code namePrefix} (case-insensitive) may be empty to list all. */
    Page<Aspirant> listByName(String namePrefix, int limit, String cursor);

    /** Aspirants of one shard whose plan ends on or after {@code day}, ordered by plan end. */
    Page<Aspirant> withPlanEndingOnOrAfter(int shard, LocalDate day, int limit, String cursor);

    /**
     * Like {@link #withPlanEndingOnOrAfter}, each aspirant with the summary of its recent check-ins stored on it
     * (null when it has none: made before the summary existed) and that summary's revision (0 when none). The weekly
     * list reads this; the default (for stores without summaries) gives no summary.
     */
    default Page<WithRecent> withPlanEndingOnOrAfterAndRecent(int shard, LocalDate day, int limit, String cursor) {
        Page<Aspirant> page = withPlanEndingOnOrAfter(shard, day, limit, cursor);
        return new Page<>(page.items().stream().map(a -> new WithRecent(a, null, 0)).toList(), page.nextCursor());
    }

    /** The aspirant with its recent check-ins summary (as {@link #withPlanEndingOnOrAfterAndRecent} gives it). */
    default Optional<WithRecent> findWithRecent(String id) {
        return findById(id).map(a -> new WithRecent(a, null, 0));
    }

    /**
     * Stores a whole summary (the one-off backfill for an aspirant without one), unless the stored summary changed
     * since {@code seenRevision} was read or the aspirant is gone or erased. True when stored.
     */
    default boolean storeRecent(String aspirantId, RecentCheckIns recent, long seenRevision) {
        return false;
    }

    /** An aspirant, its recent check-ins summary (null when none) and the summary's revision. */
    record WithRecent(Aspirant aspirant, RecentCheckIns recent, long revision) {
    }
}
