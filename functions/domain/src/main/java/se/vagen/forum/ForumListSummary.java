package se.vagen.forum;

import java.time.Instant;
import java.util.Map;

/**
 * The record kept per week (ForumListsTable): when and by whom (a user, or "schedule") the list was made,
 * how many rows per status and per suggested role, and the keys of its files in the lists bucket.
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
        String rowsKey) {

    public static final String KIND = "FORUM";
    public static final String SCHEDULE = "schedule";

    public ForumListSummary {
        countsByStatus = Map.copyOf(countsByStatus);
        countsByRole = Map.copyOf(countsByRole);
    }
}
