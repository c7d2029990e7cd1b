package se.vagen.forum;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes an erased aspirant's name out of the weekly list files already made (CSV, XLSX and rows JSON of every
 * week still stored): their row stays, so the week's counts stay true, under the tombstone's name. Weeks without
 * the aspirant are not touched. Rewriting is idempotent, so an erasure that failed half-way is simply repeated.
 */
@Singleton
@Requires(beans = {ListStore.class, ForumListRepository.class})
public class ForumListErasure {

    private static final Logger LOG = LoggerFactory.getLogger(ForumListErasure.class);
    /** More weeks than the lists bucket keeps (its lifecycle rule deletes files after 180 days, 26 weeks). */
    static final int WEEKS = 60;

    private final ListStore store;
    private final ForumListRepository lists;
    private final ForumRules rules;

    public ForumListErasure(ListStore store, ForumListRepository lists, ForumRules rules) {
        this.store = store;
        this.lists = lists;
        this.rules = rules;
    }

    /** Rewrites every stored week whose list has the aspirant; returns those weeks, newest first. */
    public List<String> erase(String aspirantId, String erasedName) throws IOException {
        List<String> rewritten = new ArrayList<>();
        ForumListFiles files = new ForumListFiles(store, rules);
        for (ForumListSummary list : lists.newestFirst(WEEKS)) {
            Optional<InputStream> stored = store.open(list.rowsKey());
            if (stored.isEmpty()) {
                continue; // expired by the bucket's lifecycle rule: nothing left to erase
            }
            List<ForumRow> rows;
            try (InputStream in = stored.get()) {
                rows = ForumRowsJson.readRows(in);
            }
            boolean found = false;
            for (int i = 0; i < rows.size(); i++) {
                ForumRow row = rows.get(i);
                if (aspirantId.equals(row.aspirantId())) {
                    rows.set(i, row.withName(erasedName));
                    found = true;
                }
            }
            if (found) {
                files.write(list.week(), rows);
                rewritten.add(list.week());
            }
        }
        LOG.info("Erasure: aspirant {} taken out of {} weekly lists", aspirantId, rewritten.size());
        return rewritten;
    }
}
