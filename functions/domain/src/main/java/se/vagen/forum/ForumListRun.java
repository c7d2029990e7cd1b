package se.vagen.forum;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInRepository;
import se.vagen.checkin.RecentCheckIns;
import se.vagen.common.Page;

/**
 * Makes one week's forum list. The aspirants whose plan is active on the week's Monday are read from the
 * {@value AspirantRepository#PLAN_SHARDS} plan shards in parallel (one thread per shard, page by page, by the
 * plan-end index: plans ending on or after the Monday), each aspirant's last closed check-ins are taken from the
 * summary on its item ({@link RecentCheckIns}; an aspirant without a complete one is read with one Query and its
 * summary stored), and each is classified into a small {@link ForumRow}. Only
 * those rows are kept (about 300 bytes each; the aspirants themselves are dropped page by page), sorted in
 * list order and streamed to the CSV, the rows JSON and the XLSX in a temporary directory, which are then
 * uploaded to the {@link ListStore}; last the week's summary is saved. Regenerating replaces files and summary.
 */
@Singleton
@Requires(beans = {AspirantRepository.class, CheckInRepository.class, ListStore.class, ForumListRepository.class})
public class ForumListRun {

    private static final Logger LOG = LoggerFactory.getLogger(ForumListRun.class);
    public static final int PAGE_SIZE = 250;
    /** Check-in Queries in flight at once over all shards (only aspirants without a summary need one). */
    public static final int READ_CONCURRENCY = 32;

    private final AspirantRepository aspirants;
    private final CheckInRepository checkIns;
    private final ListStore store;
    private final ForumListRepository lists;
    private final Classifier classifier;

    public ForumListRun(AspirantRepository aspirants, CheckInRepository checkIns, ListStore store,
                        ForumListRepository lists, Classifier classifier) {
        this.aspirants = aspirants;
        this.checkIns = checkIns;
        this.store = store;
        this.lists = lists;
        this.classifier = classifier;
    }

    public static String csvKey(String week) {
        return ForumListFiles.csvKey(week);
    }

    /** Makes the week's list and returns its summary. {@code generatedBy}: the user, or "schedule". */
    public ForumListSummary generate(ForumWeek week, String generatedBy, Instant now) throws IOException {
        long started = System.nanoTime();
        Counts counts = new Counts();
        List<ForumRow> rows = classifyAll(week.monday(), counts);
        long classified = System.nanoTime();
        rows.sort(ForumRowOrder.comparator(classifier.rules()));
        String w = week.toString();
        Map<ForumStatus, Integer> byStatus = new EnumMap<>(ForumStatus.class);
        for (ForumStatus s : ForumStatus.values()) {
            byStatus.put(s, 0);
        }
        Map<String, Integer> byRole = new TreeMap<>();
        for (ForumRow row : rows) {
            byStatus.merge(row.status(), 1, Integer::sum);
            if (row.suggestedRole() != null) {
                byRole.merge(row.suggestedRole(), 1, Integer::sum);
            }
        }
        long writtenMillis = new ForumListFiles(store, classifier.rules()).write(w, rows);
        LOG.info("Forum list {}: read and classified in {} ms, files written in {} ms", w,
                (classified - started) / 1_000_000, writtenMillis);
        Map<String, Integer> statusCounts = new java.util.LinkedHashMap<>();
        byStatus.forEach((k, v) -> statusCounts.put(k.name(), v));
        ForumListSummary summary = new ForumListSummary(w, now, generatedBy, rows.size(), statusCounts, byRole,
                ForumListFiles.csvKey(w), ForumListFiles.xlsxKey(w), ForumListFiles.rowsKey(w), counts.queried.get(),
                counts.stored.get());
        lists.save(summary);
        LOG.info("Forum list {} made: {} rows, {} at risk, in {} ms", w, rows.size(), byStatus.get(ForumStatus.AT_RISK),
                (System.nanoTime() - started) / 1_000_000);
        return summary;
    }

    /** Reads and classifies every aspirant with a plan active on the Monday, shards in parallel. */
    List<ForumRow> classifyAll(LocalDate monday, Counts counts) throws IOException {
        int shards = AspirantRepository.PLAN_SHARDS;
        ExecutorService pool = Executors.newFixedThreadPool(shards, r -> {
            Thread t = new Thread(r, "forum-shard");
            t.setDaemon(true);
            return t;
        });
        ExecutorService readers = Executors.newFixedThreadPool(READ_CONCURRENCY, r -> {
            Thread t = new Thread(r, "forum-history");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<ForumRow>>> futures = new ArrayList<>();
            for (int shard = 0; shard < shards; shard++) {
                int s = shard;
                futures.add(pool.submit(() -> classifyShard(s, monday, counts, readers)));
            }
            List<ForumRow> all = new ArrayList<>();
            for (Future<List<ForumRow>> f : futures) {
                all.addAll(f.get());
            }
            LOG.info("Forum list for {}: {} aspirants read, {} with an active plan, {} read with a check-ins Query "
                    + "(no complete summary), {} summaries stored", monday, counts.read.get(), all.size(),
                    counts.queried.get(), counts.stored.get());
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the plan shards", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof ExecutionException nested && nested.getCause() != null) {
                cause = nested.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("Reading a plan shard failed", cause);
        } finally {
            pool.shutdownNow();
            readers.shutdownNow();
        }
    }

    /**
     * One shard, page by page. An aspirant whose item holds a complete summary of its recent check-ins is classified
     * from it (no further read); the others (made before the summary existed) are read with a Query on
     * {@code readers}, and their summary is stored for the next run (the one-off backfill).
     */
    private List<ForumRow> classifyShard(int shard, LocalDate monday, Counts counts, ExecutorService readers)
            throws InterruptedException, ExecutionException {
        List<ForumRow> rows = new ArrayList<>();
        String week = ForumWeek.of(monday).toString();
        int cycles = classifier.rules().historyCycles();
        String cursor = null;
        do {
            Page<AspirantRepository.WithRecent> page =
                    aspirants.withPlanEndingOnOrAfterAndRecent(shard, monday, PAGE_SIZE, cursor);
            List<Future<ForumRow>> pending = new ArrayList<>();
            for (AspirantRepository.WithRecent w : page.items()) {
                Aspirant a = w.aspirant();
                counts.read.incrementAndGet();
                if (a.erased() || a.plan() == null || !a.plan().activeOn(monday)) {
                    continue;
                }
                Optional<List<CheckIn>> summarised = w.recent() == null ? Optional.empty()
                        : w.recent().closedBefore(a.id(), week, cycles);
                if (summarised.isPresent()) {
                    rows.add(row(monday, a, summarised.get(), cycles));
                    continue;
                }
                counts.queried.incrementAndGet();
                pending.add(readers.submit(() -> {
                    RecentCheckIns fresh = checkIns.recent(a.id(), RecentCheckIns.KEEP);
                    List<CheckIn> recent = fresh.closedBefore(a.id(), week, cycles)
                            .orElseGet(() -> checkIns.historyBefore(a.id(), week, cycles));
                    if (aspirants.storeRecent(a.id(), fresh, w.revision())) {
                        counts.stored.incrementAndGet();
                    }
                    return row(monday, a, recent, cycles);
                }));
            }
            for (Future<ForumRow> f : pending) {
                rows.add(f.get());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return rows;
    }

    private ForumRow row(LocalDate monday, Aspirant a, List<CheckIn> recent, int cycles) {
        CheckInHistory history = new CheckInHistory(monday, recent, cycles);
        return ForumRow.of(a, classifier.classify(monday, a, history), history);
    }

    /** What one run read: aspirants, those read with a check-ins Query, and the summaries it stored. */
    static final class Counts {
        final AtomicInteger read = new AtomicInteger();
        final AtomicInteger queried = new AtomicInteger();
        final AtomicInteger stored = new AtomicInteger();
    }
}
