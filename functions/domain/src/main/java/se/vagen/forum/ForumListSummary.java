package se.vagen.forum;

import java.time.Instant;
import java.util.Map;

/**
 * The record kept per week (ForumListsTable): when and by whom (a user, or "schedule") the list was made,
 * how many rows per status and per suggested role, and the keys of its files in the lists bucket.
 * {@code historyQueries}: aspirants whose check-ins had to be read with a Query because the aspirant item held no
 * complete summary of them (made before the summary existed); {@code summariesStored}: of those, how many got their
 * summary stored by this run (the one-off backfill; see docs/forum-list.md).
 */
public record ForumListSummary(
        String week,
        Instant generatedAt,
        String generatedBy,
        int total,
        Map<String, Integer> countsByStatus,
        Map<String, Integer> countsByRole,
        String csvKey,
        String xlsxKey,
        String rowsKey,
        int historyQueries,
        int summariesStored) {

    public static final String KIND = "FORUM";
    public static final String SCHEDULE = "schedule";

    public ForumListSummary(String week, Instant generatedAt, String generatedBy, int total,
                            Map<String, Integer> countsByStatus, Map<String, Integer> countsByRole, String csvKey,
                            String xlsxKey, String rowsKey) {
        this(week, generatedAt, generatedBy, total, countsByStatus, countsByRole, csvKey, xlsxKey, rowsKey, 0, 0);
    }

    public ForumListSummary {
        countsByStatus = Map.copyOf(countsByStatus);
        countsByRole = Map.copyOf(countsByRole);
    }
}
