package se.vagen.local.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.aws.dynamodb.AspirantItem;
import se.vagen.aws.dynamodb.BenchmarkItems;
import se.vagen.aws.dynamodb.CheckInItem;
import se.vagen.checkin.Answers;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInRepository;
import se.vagen.checkin.CheckInStatus;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.checkin.RecentCheckIns;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.forum.CheckInHistory;
import se.vagen.forum.Classifier;
import se.vagen.forum.ForumListRun;
import se.vagen.forum.ForumListSummary;
import se.vagen.forum.ForumRow;
import se.vagen.forum.ForumRowsJson;
import se.vagen.forum.ForumWeek;
import se.vagen.forum.ListStore;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The recent check-ins summary on the aspirant item, through the real adapters on DynamoDB Local: the forum row built
 * from it equals the row built from the check-ins (a table of histories, written through the same calls the reminder
 * run, the chatbot and the form make); concurrent writers keep each other's entries; a whole-aspirant save keeps the
 * summary; long summaries are trimmed; aspirants made before the summary are read with the old Query and backfilled by
 * the list run; erasure drops the summary.
 * <p>
 * History tokens {@code week=state} (week 12 is 2033-W12; the list is for 2033-W20): {@code O} reminder only (open),
 * {@code M} reminder then marked missed, else participation {@code Y}/{@code P}/{@code N}/{@code -} and wellbeing (or
 * {@code -}), {@code +TOPIC} help, {@code !} free text; answers alternate between the chatbot's and the form's write.
 */
class RecentCheckInsStackTest {

    private static final VagenStack STACK = VagenStack.shared();
    private static final String WEEK = "2033-W20";
    private static final LocalDate MONDAY = ForumWeek.parse(WEEK).orElseThrow().monday();

    private final AspirantRepository aspirants = STACK.context().getBean(AspirantRepository.class);
    private final CheckInRepository checkIns = STACK.context().getBean(CheckInRepository.class);
    private final Classifier classifier = STACK.context().getBean(Classifier.class);

    private static Aspirant newAspirant(String name) {
        String id = "rc-" + UUID.randomUUID();
        Instant now = Instant.parse("2033-01-02T08:00:00Z");
        return new Aspirant(id, name, null, null, Language.SV, Channel.SMS, "arbetskonsulent", Cadence.WEEKLY,
                OptOuts.NONE, new ActivityPlan(LocalDate.of(2033, 1, 3), LocalDate.of(2033, 12, 20), List.of(), List.of()),
                null, 0, false, now, now);
    }

    private static String cycle(String week) {
        return week.contains("-W") ? week : "2033-W" + week;
    }

    private static Instant opened(String cycle) {
        return ForumWeek.parse(cycle).orElseThrow().monday().atTime(9, 0).atZone(ForumWeek.STOCKHOLM).toInstant();
    }

    private static Answers answers(String state) {
        boolean freeText = state.endsWith("!");
        String[] parts = (freeText ? state.substring(0, state.length() - 1) : state).split("\\+");
        Participation p = switch (parts[0].charAt(0)) {
            case 'Y' -> Participation.YES;
            case 'P' -> Participation.PARTLY;
            case 'N' -> Participation.NO;
            default -> null;
        };
        Integer wellbeing = parts[0].length() > 1 && parts[0].charAt(1) != '-' ? Integer.valueOf(parts[0].substring(1)) : null;
        List<HelpTopic> help = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            help.add(HelpTopic.valueOf(parts[i]));
        }
        return new Answers(p, wellbeing, help.isEmpty() ? null : help, freeText ? "Ring mig gärna" : null);
    }

    /** Writes the history through the check-in adapter's event calls, oldest first. */
    private void write(String aspirantId, String spec) {
        if (spec == null || spec.isBlank()) {
            return;
        }
        List<String> tokens = new ArrayList<>(List.of(spec.trim().split("\\s+")));
        java.util.Collections.reverse(tokens);
        int n = 0;
        for (String token : tokens) {
            String[] kv = token.split("=", 2);
            String c = cycle(kv[0]);
            Instant at = opened(c);
            checkIns.recordReminder(aspirantId, c, 1, at);
            if (kv[1].equals("M")) {
                assertTrue(checkIns.markMissed(aspirantId, c, at.plusSeconds(7 * 86_400)));
            } else if (!kv[1].equals("O")) {
                if (n++ % 2 == 0) {
                    checkIns.recordAnswers(aspirantId, c, answers(kv[1]), Channel.SMS, at.plusSeconds(3_600));
                } else {
                    assertTrue(checkIns.recordFormAnswers(aspirantId, c, answers(kv[1]), Channel.SMS, at.plusSeconds(3_600)));
                }
            }
        }
    }

    private ForumRow rowFromCheckIns(Aspirant a) {
        CheckInHistory h = new CheckInHistory(MONDAY, checkIns.historyBefore(a.id(), WEEK, 8), 8);
        return ForumRow.of(a, classifier.classify(MONDAY, a, h), h);
    }

    private ForumRow rowFromSummary(Aspirant a) {
        RecentCheckIns recent = aspirants.findWithRecent(a.id()).orElseThrow().recent();
        assertNotNull(recent, "the aspirant has a summary");
        List<CheckIn> closed = recent.closedBefore(a.id(), WEEK, 8)
                .orElseThrow(() -> new AssertionError("the summary is enough for the list: " + recent));
        CheckInHistory h = new CheckInHistory(MONDAY, closed, 8);
        return ForumRow.of(a, classifier.classify(MONDAY, a, h), h);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no check-ins                 |
            on track                     | 19=Y4 18=Y5 17=Y3
            two missed in a row          | 19=M 18=M 17=Y4
            last one still open          | 19=O 18=M 17=Y4
            help with housing            | 19=Y4+HOUSING 18=Y4
            help only in an older one    | 19=Y4+NONE 18=Y4+MONEY
            free text                    | 19=Y4! 18=Y4
            low wellbeing                | 19=Y2 18=Y5
            wellbeing only               | 19=-2 18=Y4
            partly twice                 | 19=P3 18=P4 17=Y4
            not participating            | 19=N3 18=Y4
            more than 8 cycles           | 19=Y4 18=Y4 17=Y4 16=Y4 15=Y4 14=Y4 13=Y4 12=Y4 11=N1+MONEY 10=M 09=M
            this week's one not used     | 20=N1+HOUSING! 19=Y4 18=Y4
            every other week             | 19=Y4 17=P3 15=P3 13=M 11=Y5
            more than 14 cycles (trimmed)| 19=Y4 18=P3 17=P3 16=M 15=Y4 14=Y4 13=Y4 12=Y4 11=Y4 10=M 09=M 08=Y3 07=Y3 06=Y3 05=Y3 04=Y3
            """)
    void aRowFromTheSummaryEqualsTheRowFromTheCheckIns(String name, String spec) {
        Aspirant a = newAspirant(name);
        aspirants.save(a);
        write(a.id(), spec);
        assertEquals(rowFromCheckIns(a), rowFromSummary(a));
        assertTrue(aspirants.findWithRecent(a.id()).orElseThrow().recent().entries().size()
                <= RecentCheckIns.KEEP + RecentCheckIns.TRIM_SLACK, "trimmed on write");
    }

    @Test
    void concurrentWritersKeepEachOthersEntriesAndASaveKeepsTheSummary() throws Exception {
        Aspirant a = newAspirant("Samtidig Skrivare");
        aspirants.save(a);
        List<String> cycles = List.of("2033-W12", "2033-W13", "2033-W14", "2033-W15", "2033-W16", "2033-W17",
                "2033-W18", "2033-W19");
        ExecutorService pool = Executors.newFixedThreadPool(18);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (String c : cycles) {
                // A reminder and an answer for the same cycle at the same time, and every cycle at once.
                futures.add(pool.submit(() -> {
                    go.await();
                    checkIns.recordReminder(a.id(), c, 1, opened(c));
                    return null;
                }));
                futures.add(pool.submit(() -> {
                    go.await();
                    checkIns.recordAnswers(a.id(), c, new Answers(Participation.PARTLY, 3, List.of(HelpTopic.WORK), null),
                            Channel.SMS, opened(c).plusSeconds(60));
                    return null;
                }));
            }
            for (int i = 0; i < 2; i++) {
                int missed = i + 1;
                futures.add(pool.submit(() -> {
                    go.await();
                    Aspirant fresh = aspirants.findById(a.id()).orElseThrow();
                    aspirants.save(fresh.withMissedCheckIns(missed, Instant.now()));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AspirantRepository.WithRecent stored = aspirants.findWithRecent(a.id()).orElseThrow();
        assertTrue(stored.aspirant().missedCheckIns() > 0, "the saves went through");
        assertEquals(cycles, new ArrayList<>(stored.recent().entries().keySet()), "no entry lost");
        for (String c : cycles) {
            RecentCheckIns.Entry e = stored.recent().entries().get(c);
            assertEquals(CheckInStatus.ANSWERED, e.status(), c);
            assertEquals(Participation.PARTLY, e.participation(), c);
            assertEquals(List.of(HelpTopic.WORK), e.helpNeeded(), c);
            long rev = checkInRev(a.id(), c);
            // The entry shows the check-in's last write that changed it (a reminder after the answer changes nothing).
            assertTrue(e.rev() == rev || e.rev() == rev - 1, c + ": entry rev " + e.rev() + ", check-in rev " + rev);
        }
        Aspirant after = stored.aspirant();
        assertEquals(rowFromCheckIns(after), rowFromSummary(after));
        // A save carried the map over as it was: compact entries, no NULL attributes for absent answers.
        aspirants.save(after.withMissedCheckIns(0, Instant.now()));
        Map<String, AttributeValue> item = STACK.dynamoDb().getItem(r -> r.tableName(STACK.tableName("AspirantsTable"))
                .key(Map.of("id", AttributeValue.fromS(a.id()))).consistentRead(true)).item();
        String raw = item.get("recent").toString();
        assertFalse(raw.contains("NUL=true"), raw);
        assertEquals(stored.recent(), aspirants.findWithRecent(a.id()).orElseThrow().recent());
    }

    private long checkInRev(String aspirantId, String cycle) {
        var table = STACK.enhanced().table(STACK.tableName("CheckInsTable"), TableSchema.fromBean(CheckInItem.class));
        return table.getItem(r -> r.key(k -> k.partitionValue(aspirantId).sortValue(cycle)).consistentRead(true)).getRev();
    }

    @Test
    void aspirantsMadeBeforeTheSummaryAreQueriedAndBackfilledByTheListRun() throws IOException {
        var aspirantTable = STACK.enhanced().table(STACK.tableName("AspirantsTable"), TableSchema.fromBean(AspirantItem.class));
        var checkInTable = STACK.enhanced().table(STACK.tableName("CheckInsTable"), TableSchema.fromBean(CheckInItem.class));
        // Three aspirants as the old code left them: no summary on the item, check-ins written without one.
        List<Aspirant> old = List.of(newAspirant("Gammal Utan"), newAspirant("Gammal Med Ny Händelse"),
                newAspirant("Gammal Helt Tom"));
        String[] specs = {"19=M 18=M 17=Y4 16=Y4 15=Y4 14=Y4 13=Y4 12=Y4 11=Y4 10=Y4", "18=Y4+HOUSING 17=P3 16=P3", ""};
        for (int i = 0; i < old.size(); i++) {
            aspirantTable.putItem(BenchmarkItems.aspirant(old.get(i)));
            for (String token : specs[i].isBlank() ? new String[0] : specs[i].split(" ")) {
                String[] kv = token.split("=", 2);
                String c = cycle(kv[0]);
                Answers ans = kv[1].equals("M") ? null : answers(kv[1]);
                CheckIn checkIn = ans == null
                        ? new CheckIn(old.get(i).id(), c, CheckInStatus.MISSED, Channel.SMS, false, null, null, null, null,
                                opened(c), null, 2)
                        : new CheckIn(old.get(i).id(), c, CheckInStatus.ANSWERED, Channel.SMS, false, ans.participation(),
                                ans.wellbeing(), ans.helpNeeded(), ans.freeText(), opened(c), opened(c).plusSeconds(60), 1);
                checkInTable.putItem(BenchmarkItems.checkIn(checkIn));
            }
            assertNull(aspirants.findWithRecent(old.get(i).id()).orElseThrow().recent());
        }
        // The second one gets a check-in event after the change: its summary starts there, so it is not enough yet.
        Aspirant second = old.get(1);
        checkIns.recordAnswers(second.id(), "2033-W19", new Answers(Participation.YES, 5, null, null), Channel.SMS,
                opened("2033-W19"));
        RecentCheckIns partial = aspirants.findWithRecent(second.id()).orElseThrow().recent();
        assertEquals("2033-W19", partial.since());
        assertTrue(partial.closedBefore(second.id(), WEEK, 8).isEmpty(), "a partial summary is not used");

        Map<String, ForumRow> expected = new HashMap<>();
        for (Aspirant a : old) {
            expected.put(a.id(), rowFromCheckIns(a));
        }
        ForumListRun run = STACK.context().getBean(ForumListRun.class);
        ForumListSummary first = run.generate(ForumWeek.parse(WEEK).orElseThrow(), "test", Instant.now());
        assertTrue(first.historyQueries() >= 3, "the old path read them: " + first.historyQueries());
        assertTrue(first.summariesStored() >= 3, "and stored their summaries: " + first.summariesStored());
        assertRows(first, expected);
        for (Aspirant a : old) {
            RecentCheckIns backfilled = aspirants.findWithRecent(a.id()).orElseThrow().recent();
            assertNotNull(backfilled, a.name());
            assertTrue(backfilled.closedBefore(a.id(), WEEK, 8).isPresent(), a.name() + ": complete now " + backfilled);
            assertEquals(expected.get(a.id()), rowFromSummary(a), a.name());
        }

        ForumListSummary second2 = run.generate(ForumWeek.parse(WEEK).orElseThrow(), "test", Instant.now());
        assertTrue(second2.historyQueries() < first.historyQueries(), "the backfilled ones are read from their summary");
        assertRows(second2, expected);
        assertEquals(first.countsByStatus(), second2.countsByStatus());
        // A later event on a backfilled summary updates it like any other.
        checkIns.recordAnswers(old.get(2).id(), "2033-W19", new Answers(Participation.NO, 2, null, null), Channel.SMS,
                opened("2033-W19"));
        assertEquals(rowFromCheckIns(old.get(2)), rowFromSummary(old.get(2)));
    }

    private void assertRows(ForumListSummary summary, Map<String, ForumRow> expected) throws IOException {
        ListStore store = STACK.context().getBean(ListStore.class);
        Map<String, Map<String, Object>> byId = new HashMap<>();
        try (InputStream in = store.open(summary.rowsKey()).orElseThrow()) {
            for (Map<String, Object> row : ForumRowsJson.readMaps(in)) {
                byId.put((String) row.get("aspirantId"), row);
            }
        }
        for (Map.Entry<String, ForumRow> e : expected.entrySet()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ForumRowsJson json = new ForumRowsJson(out, classifier.rules())) {
                json.write(e.getValue());
            }
            Map<String, Object> want = ForumRowsJson.readMaps(new ByteArrayInputStream(out.toByteArray())).get(0);
            assertEquals(want, byId.get(e.getKey()), "row of " + e.getValue().name());
        }
    }

    @Test
    void erasureDropsTheSummaryAndNothingWritesItAgain() throws Exception {
        Aspirant a = newAspirant("Raderas Snart");
        aspirants.save(a);
        write(a.id(), "19=N1+HEALTH! 18=Y2");
        assertFalse(aspirants.findWithRecent(a.id()).orElseThrow().recent().entries().isEmpty());
        String admin = STACK.staffToken("recent-admin", "staff", "admin");
        HttpRequest delete = STACK.request("/staff/aspirants/" + a.id(), admin).DELETE().build();
        assertEquals(204, STACK.send(delete).statusCode());
        assertNull(aspirants.findWithRecent(a.id()).orElseThrow().recent(), "erasure drops the summary");
        // A late answer to the erased aspirant's check-in does not bring it back.
        checkIns.recordAnswers(a.id(), "2033-W20", new Answers(Participation.YES, 4, null, null), Channel.SMS,
                opened("2033-W20"));
        Map<String, AttributeValue> item = STACK.dynamoDb().getItem(r -> r.tableName(STACK.tableName("AspirantsTable"))
                .key(Map.of("id", AttributeValue.fromS(a.id()))).consistentRead(true)).item();
        assertFalse(item.containsKey("recent"), "no summary on the tombstone: " + item.keySet());
        assertFalse(item.containsKey("recentSince"));
    }
}
