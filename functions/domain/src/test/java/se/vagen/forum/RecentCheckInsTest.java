package se.vagen.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.vagen.forum.Fixtures.MONDAY;
import static se.vagen.forum.Fixtures.aspirant;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.PauseReason;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInStatus;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.checkin.RecentCheckIns;
import se.vagen.common.Channel;
import se.vagen.common.Page;

/**
 * The recent check-ins summary ({@link RecentCheckIns}) as the forum list uses it: a list row built from the summary
 * equals the one built from the check-ins; when the summary is enough; trimming; the run's fallback and backfill.
 * <p>
 * Histories are written as tokens {@code week=state}: week 47 is 2026-W47 (the newest closed cycle for the list of
 * 2026-W48); state {@code M} missed, {@code O} open, {@code A} answered without answers, else participation
 * {@code Y}/{@code P}/{@code N} or {@code -} (none) then wellbeing (or {@code -}), then {@code +TOPIC} help topics and
 * {@code !} for a free text.
 */
class RecentCheckInsTest {

    private static final Classifier CLASSIFIER = new Classifier(ForumRules.defaults());
    private static final String WEEK = "2026-W48";

    static List<CheckIn> history(String aspirantId, String spec) {
        List<CheckIn> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String token : spec.trim().split("\\s+")) {
            String[] kv = token.split("=", 2);
            String cycle = kv[0].contains("-W") ? kv[0] : "2026-W" + kv[0];
            LocalDate monday = ForumWeek.parse(cycle).orElseThrow().monday();
            Instant opened = monday.atTime(9, 0).atZone(ForumWeek.STOCKHOLM).toInstant();
            Instant answeredAt = opened.plusSeconds(86_400 + 3_600);
            String s = kv[1];
            if (s.equals("M") || s.equals("O")) {
                out.add(new CheckIn(aspirantId, cycle, s.equals("M") ? CheckInStatus.MISSED : CheckInStatus.OPEN,
                        Channel.SMS, false, null, null, null, null, opened, null, 2));
                continue;
            }
            if (s.equals("A")) {
                out.add(new CheckIn(aspirantId, cycle, CheckInStatus.ANSWERED, Channel.SMS, false, null, null, null,
                        null, opened, answeredAt, 0));
                continue;
            }
            boolean freeText = s.endsWith("!");
            String[] parts = (freeText ? s.substring(0, s.length() - 1) : s).split("\\+");
            String head = parts[0];
            Participation p = switch (head.charAt(0)) {
                case 'Y' -> Participation.YES;
                case 'P' -> Participation.PARTLY;
                case 'N' -> Participation.NO;
                default -> null;
            };
            Integer wellbeing = head.length() > 1 && head.charAt(1) != '-' ? Integer.valueOf(head.substring(1)) : null;
            List<HelpTopic> help = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                help.add(HelpTopic.valueOf(parts[i]));
            }
            out.add(new CheckIn(aspirantId, cycle, CheckInStatus.ANSWERED, Channel.SMS, true, p, wellbeing, help,
                    freeText ? "Jag behöver prata med någon" : null, opened, answeredAt, 0));
        }
        return out;
    }

    static RecentCheckIns summaryOf(List<CheckIn> checkIns) {
        RecentCheckIns r = RecentCheckIns.EMPTY;
        long rev = 1;
        for (CheckIn c : checkIns) {
            r = r.with(c.cycle(), RecentCheckIns.Entry.of(c, rev++));
        }
        return r;
    }

    /** The row from the check-ins as the Query gives them (cycle < week, newest first, limit 8). */
    static ForumRow rowFromCheckIns(Aspirant a, List<CheckIn> all) {
        List<CheckIn> queried = all.stream().filter(c -> c.cycle().compareTo(WEEK) < 0)
                .sorted(Comparator.comparing(CheckIn::cycle).reversed()).limit(8).toList();
        CheckInHistory h = new CheckInHistory(MONDAY, queried, 8);
        return ForumRow.of(a, CLASSIFIER.classify(MONDAY, a, h), h);
    }

    static ForumRow rowFromSummary(Aspirant a, RecentCheckIns summary) {
        List<CheckIn> recent = summary.closedBefore(a.id(), WEEK, 8).orElseThrow();
        CheckInHistory h = new CheckInHistory(MONDAY, recent, 8);
        return ForumRow.of(a, CLASSIFIER.classify(MONDAY, a, h), h);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no check-ins (new plan)            | new    |
            all on track                       | plain  | 47=Y4 46=Y5 45=Y3 44=Y4
            two missed in a row                | plain  | 47=M 46=M 45=Y4
            last open counts as missed         | plain  | 47=O 46=M 45=Y4
            one missed                         | plain  | 47=M 46=Y4 45=Y4
            help with housing, latest          | plain  | 47=Y4+HOUSING 46=Y4
            help only in an older one          | plain  | 47=Y4+NONE 46=Y4+MONEY
            two help topics                    | plain  | 47=Y4+HEALTH+WORK
            free text in the latest            | plain  | 47=Y4! 46=Y4
            free text in an older one          | plain  | 47=Y4 46=Y4!
            low wellbeing newest               | plain  | 47=Y2 46=Y5
            low wellbeing older, newer fine    | plain  | 47=Y4 46=Y1
            wellbeing only, no participation   | plain  | 47=-2 46=Y4
            partly twice                       | plain  | 47=P3 46=P4 45=Y4
            partly once                        | plain  | 47=P3 46=Y4
            not participating                  | plain  | 47=N3 46=Y4
            answered without answers           | plain  | 47=A 46=M 45=M
            more than 8 cycles                 | plain  | 47=Y4 46=Y4 45=Y4 44=Y4 43=Y4 42=Y4 41=Y4 40=Y4 39=N1+MONEY 38=M 37=M
            this week's check-in not used      | plain  | 48=N1+HOUSING! 47=Y4 46=Y4
            every other week (gaps)            | plain  | 47=Y4 45=P3 43=P3 41=M 39=Y5
            across the year boundary           | plain  | 2025-W52=M 2025-W51=M 2026-W01=Y4
            paused, missed not counted         | paused | 47=M 46=M 45=Y4
            paused, help still counts          | paused | 47=-+HOUSING 46=M
            ending plan, mixed                 | ending | 47=Y4 46=M 45=P3 44=P3
            """)
    void aRowFromTheSummaryEqualsTheRowFromTheCheckIns(String name, String kind, String spec) {
        Fixtures.AspirantBuilder b = aspirant(name);
        switch (kind) {
            case "new" -> b.start(MONDAY.minusDays(5));
            case "paused" -> b.pause(MONDAY.minusDays(20), MONDAY.plusDays(30), PauseReason.PARENTAL_LEAVE);
            case "ending" -> b.end(MONDAY.plusDays(10));
            default -> { }
        }
        Aspirant a = b.build();
        List<CheckIn> checkIns = history(a.id(), spec);
        ForumRow expected = rowFromCheckIns(a, checkIns);
        assertEquals(expected, rowFromSummary(a, summaryOf(checkIns)));
        // The same from a summary built from a read of the check-ins (the backfill), newest first.
        List<CheckIn> newestFirst = checkIns.stream().sorted(Comparator.comparing(CheckIn::cycle).reversed()).toList();
        RecentCheckIns backfilled = RecentCheckIns.fromHistory(newestFirst, RecentCheckIns.KEEP);
        assertEquals(expected, rowFromSummary(a, backfilled));
        // And after trimming a long one.
        assertEquals(expected, rowFromSummary(a, summaryOf(checkIns).trimmed()));
    }

    /** since | cycles held (weeks of 2026) | enough for the 8 closed cycles before 2026-W48? */
    @ParameterizedTest(name = "since ''{0}'', held {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''        |                                 | true
            ''        | 47 46                           | true
            ''        | 48 47                           | true
            2026-W45  | 47 46 45                        | false
            2026-W40  | 47 46 45 44 43 42 41 40         | true
            2026-W41  | 47 46 45 44 43 42 41 40         | false
            2026-W30  | 48 47 46 45 44 43 42 41 40 39   | true
            2026-W30  | 47 46 45 44 43 42 41            | false
            2026-W50  | 50 49                           | false
            ''        | 50 49                           | true
            """)
    void saysWhenTheSummaryIsEnough(String since, String held, boolean enough) {
        TreeMap<String, RecentCheckIns.Entry> entries = new TreeMap<>();
        if (held != null) {
            for (String w : held.trim().split("\\s+")) {
                entries.put("2026-W" + w, new RecentCheckIns.Entry(CheckInStatus.MISSED, null, null, null, false, null, 1));
            }
        }
        RecentCheckIns r = new RecentCheckIns(since == null ? "" : since, entries);
        Optional<List<CheckIn>> closed = r.closedBefore("a", WEEK, 8);
        assertEquals(enough, closed.isPresent());
        closed.ifPresent(list -> {
            assertTrue(list.size() <= 8);
            assertTrue(list.stream().allMatch(c -> c.cycle().compareTo(WEEK) < 0));
        });
    }

    @ParameterizedTest(name = "{0} cycles held -> {1} trimmed")
    @CsvSource({"10, 0", "14, 0", "15, 5", "20, 10"})
    void trimsTheOldestBeyondKeepOnlyPastTheSlack(int held, int trimmed) {
        TreeMap<String, RecentCheckIns.Entry> entries = new TreeMap<>();
        for (int i = 0; i < held; i++) {
            entries.put(String.format("2026-W%02d", 47 - i), new RecentCheckIns.Entry(CheckInStatus.OPEN, null, null,
                    null, false, null, 1));
        }
        RecentCheckIns r = new RecentCheckIns(RecentCheckIns.FROM_START, entries);
        assertEquals(trimmed, r.toTrim().size());
        RecentCheckIns after = r.trimmed();
        assertEquals(held - trimmed, after.entries().size());
        assertEquals(trimmed == 0 ? RecentCheckIns.FROM_START : after.entries().firstKey(), after.since());
        assertTrue(after.closedBefore("a", WEEK, 8).isPresent(), "the 8 newest survive a trim");
    }

    @Test
    void anOlderRevisionNeverReplacesANewerEntry() {
        CheckIn open = history("a", "47=O").get(0);
        CheckIn answered = history("a", "47=Y4").get(0);
        RecentCheckIns r = RecentCheckIns.EMPTY.with("2026-W47", RecentCheckIns.Entry.of(answered, 2))
                .with("2026-W47", RecentCheckIns.Entry.of(open, 1));
        assertEquals(Participation.YES, r.entries().get("2026-W47").participation());
    }

    @Test
    void theSummaryNeverHoldsTheFreeText() {
        CheckIn c = history("a", "47=Y4!").get(0);
        RecentCheckIns.Entry e = RecentCheckIns.Entry.of(c, 1);
        assertTrue(e.freeText());
        assertFalse(e.toString().contains("prata"));
        assertEquals(RecentCheckIns.FREE_TEXT_NOT_KEPT, e.toCheckIn("a", "2026-W47").freeText());
    }

    /** An in-memory store that keeps summaries, like the DynamoDB adapter. */
    static final class SummaryAspirants implements AspirantRepository {
        final Map<String, Aspirant> byId = new ConcurrentHashMap<>();
        final Map<String, RecentCheckIns> recent = new ConcurrentHashMap<>();
        final Map<String, Long> revision = new ConcurrentHashMap<>();

        @Override public Optional<Aspirant> findById(String id) { return Optional.ofNullable(byId.get(id)); }
        @Override public Optional<Aspirant> findByPhone(String e164) { return Optional.empty(); }
        @Override public Optional<Aspirant> findByEmail(String email) { return Optional.empty(); }
        @Override public void save(Aspirant a) { byId.put(a.id(), a); }
        @Override public Page<Aspirant> listByName(String p, int limit, String cursor) { throw new UnsupportedOperationException(); }

        @Override
        public Page<Aspirant> withPlanEndingOnOrAfter(int shard, LocalDate day, int limit, String cursor) {
            List<Aspirant> all = shard != 0 ? List.of() : byId.values().stream()
                    .filter(a -> a.plan() != null && !a.plan().end().isBefore(day))
                    .sorted(Comparator.comparing(Aspirant::id)).toList();
            return new Page<>(all, null);
        }

        @Override
        public Page<WithRecent> withPlanEndingOnOrAfterAndRecent(int shard, LocalDate day, int limit, String cursor) {
            return new Page<>(withPlanEndingOnOrAfter(shard, day, limit, cursor).items().stream()
                    .map(a -> new WithRecent(a, recent.get(a.id()), revision.getOrDefault(a.id(), 0L))).toList(), null);
        }

        @Override
        public synchronized boolean storeRecent(String id, RecentCheckIns r, long seen) {
            if (revision.getOrDefault(id, 0L) != seen) {
                return false;
            }
            recent.put(id, r);
            revision.put(id, seen + 1);
            return true;
        }
    }

    @Test
    void theRunReadsSummariesFallsBackForAspirantsWithoutAndBackfillsThem() throws IOException {
        SummaryAspirants aspirants = new SummaryAspirants();
        ForumListRunTest.InMemoryCheckIns checkIns = new ForumListRunTest.InMemoryCheckIns();
        String[] specs = {"47=M 46=M 45=Y4", "47=Y4+HOUSING 46=Y4", "47=Y4 46=Y5 45=Y3", "47=N3!", "47=P3 46=P3",
                "47=Y4 46=Y4 45=Y4 44=Y4 43=Y4 42=Y4 41=Y4 40=Y4 39=Y4 38=Y4 37=Y4 36=N1"};
        for (int i = 0; i < 60; i++) {
            Aspirant a = aspirant("Person " + i).id("p" + i).build();
            aspirants.save(a);
            List<CheckIn> list = history(a.id(), specs[i % specs.length]);
            list.forEach(checkIns::save);
            if (i % 2 == 0) { // made after the summary existed: it has a complete one
                aspirants.recent.put(a.id(), summaryOf(list));
                aspirants.revision.put(a.id(), (long) list.size());
            } else if (i % 4 == 1) { // made before: its summary started at its last check-in event only
                CheckIn last = list.get(0);
                aspirants.recent.put(a.id(), new RecentCheckIns(last.cycle(),
                        new TreeMap<>(Map.of(last.cycle(), RecentCheckIns.Entry.of(last, 3)))));
                aspirants.revision.put(a.id(), 1L);
            } // else: made before, no event since: no summary at all
        }
        ForumListRunTest.InMemoryStore store = new ForumListRunTest.InMemoryStore();
        ForumListRunTest.InMemoryLists lists = new ForumListRunTest.InMemoryLists();
        ForumListRun run = new ForumListRun(aspirants, checkIns, store, lists, CLASSIFIER);

        ForumListSummary first = run.generate(ForumWeek.of(MONDAY), "anna", Instant.parse("2026-11-23T09:00:00Z"));
        String rowsFirst = new String(store.files.get(first.rowsKey()), java.nio.charset.StandardCharsets.UTF_8);
        // Specs with 1 check-in ("47=N3!") are complete from a single-entry summary only if it says so: it does not.
        assertEquals(30, first.historyQueries(), "every aspirant without a complete summary was queried");
        assertEquals(30, first.summariesStored());

        ForumListSummary second = run.generate(ForumWeek.of(MONDAY), "anna", Instant.parse("2026-11-23T09:05:00Z"));
        String rowsSecond = new String(store.files.get(second.rowsKey()), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, second.historyQueries(), "after the backfill every aspirant is read from its summary");
        assertEquals(rowsFirst, rowsSecond);
        assertEquals(first.countsByStatus(), second.countsByStatus());

        // The same list as from the check-ins alone (no summaries at all).
        ForumListRunTest.InMemoryAspirants plain = new ForumListRunTest.InMemoryAspirants();
        aspirants.byId.values().forEach(plain::save);
        ForumListRunTest.InMemoryStore plainStore = new ForumListRunTest.InMemoryStore();
        ForumListSummary fromCheckIns = new ForumListRun(plain, checkIns, plainStore, new ForumListRunTest.InMemoryLists(),
                CLASSIFIER).generate(ForumWeek.of(MONDAY), "anna", Instant.parse("2026-11-23T09:00:00Z"));
        assertEquals(rowsFirst, new String(plainStore.files.get(fromCheckIns.rowsKey()),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(60, fromCheckIns.historyQueries());
        assertEquals(0, fromCheckIns.summariesStored(), "a store without summaries stores none");
        assertEquals(Map.of("AT_RISK", true), Map.of("AT_RISK", first.countsByStatus().get("AT_RISK") > 0));
        assertEquals(60, aspirants.byId.keySet().stream().filter(aspirants.recent::containsKey)
                .collect(Collectors.toSet()).size());
    }
}
