package se.vagen.aspirant;

import java.time.LocalDate;
import java.util.Optional;
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
}
