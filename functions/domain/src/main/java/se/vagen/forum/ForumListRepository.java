package se.vagen.forum;

import java.util.List;
import java.util.Optional;

/** Summaries of the weekly lists (ForumListsTable: GetItem by week; Query byWeek newest first). */
public interface ForumListRepository {

    /** Creates or replaces the week's summary. */
    void save(ForumListSummary summary);

    Optional<ForumListSummary> find(String week);

    /** Weeks with a list, newest first, at most {@code limit}. */
    List<ForumListSummary> newestFirst(int limit);
}
