package se.vagen.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.vagen.checkin.HelpTopic.*;
import static se.vagen.checkin.Participation.*;
import static se.vagen.forum.Fixtures.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInRepository;
import se.vagen.common.Page;

class ForumListRunTest {

    /** Shard = hash of id; pages by a numeric cursor, like the index query would. */
    static final class InMemoryAspirants implements AspirantRepository {
        final Map<String, Aspirant> byId = new ConcurrentHashMap<>();

        static int shard(String id) {
            return Math.floorMod(id.hashCode(), PLAN_SHARDS);
        }

        @Override public Optional<Aspirant> findById(String id) { return Optional.ofNullable(byId.get(id)); }
        @Override public Optional<Aspirant> findByPhone(String e164) { return Optional.empty(); }
        @Override public Optional<Aspirant> findByEmail(String email) { return Optional.empty(); }
        @Override public void save(Aspirant a) { byId.put(a.id(), a); }
        @Override public Page<Aspirant> listByName(String p, int limit, String cursor) { throw new UnsupportedOperationException(); }

        @Override
        public Page<Aspirant> withPlanEndingOnOrAfter(int shard, LocalDate day, int limit, String cursor) {
            List<Aspirant> all = byId.values().stream().filter(a -> shard(a.id()) == shard)
                    .filter(a -> a.plan() != null && !a.plan().end().isBefore(day))
                    .sorted(Comparator.comparing((Aspirant a) -> a.plan().end()).thenComparing(Aspirant::id)).toList();
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(all.size(), from + limit);
            return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
        }
    }

    static final class InMemoryCheckIns implements CheckInRepository {
        final Map<String, List<CheckIn>> byAspirant = new ConcurrentHashMap<>();

        @Override public Optional<CheckIn> find(String id, String cycle) { return Optional.empty(); }

        @Override
        public List<CheckIn> history(String id, int limit) {
            return byAspirant.getOrDefault(id, List.of()).stream().sorted(Comparator.comparing(CheckIn::cycle).reversed())
                    .limit(limit).toList();
        }

        @Override public void save(CheckIn c) { byAspirant.computeIfAbsent(c.aspirantId(), k -> new ArrayList<>()).add(c); }
    }

    static final class InMemoryStore implements ListStore {
        final Map<String, byte[]> files = new ConcurrentHashMap<>();

        @Override public void put(String key, Path file, String type) throws IOException { files.put(key, Files.readAllBytes(file)); }
        @Override public Optional<InputStream> open(String key) {
            return Optional.ofNullable(files.get(key)).map(ByteArrayInputStream::new);
        }
        @Override public URI downloadLink(String key, Duration d, String name) { return URI.create("mem:" + key); }
    }

    static final class InMemoryLists implements ForumListRepository {
        final Map<String, ForumListSummary> byWeek = new ConcurrentHashMap<>();

        @Override public void save(ForumListSummary s) { byWeek.put(s.week(), s); }
        @Override public Optional<ForumListSummary> find(String week) { return Optional.ofNullable(byWeek.get(week)); }
        @Override public List<ForumListSummary> newestFirst(int limit) {
            return byWeek.values().stream().sorted(Comparator.comparing(ForumListSummary::week).reversed()).limit(limit).toList();
        }
    }

    @Test
    void makesTheWeeksFilesAndSummaryFromEveryShard() throws IOException {
        InMemoryAspirants aspirants = new InMemoryAspirants();
        InMemoryCheckIns checkIns = new InMemoryCheckIns();
        InMemoryStore store = new InMemoryStore();
        InMemoryLists lists = new InMemoryLists();
        for (int i = 0; i < 600; i++) {
            Aspirant a = aspirant("Person " + i).id("a" + i).build();
            aspirants.save(a);
            CheckIn c = answered("2026-W47", i % 10 == 0 ? NO : YES, 4, i % 7 == 0 ? HOUSING : NONE);
            checkIns.save(new CheckIn(a.id(), c.cycle(), c.status(), c.channel(), false, c.participation(), c.wellbeing(),
                    c.helpNeeded(), null, c.openedAt(), c.answeredAt(), 0));
        }
        aspirants.save(aspirant("Ended").id("gone").end(MONDAY.minusDays(1)).build());
        aspirants.save(aspirant("Future").id("future").start(MONDAY.plusDays(1)).build());
        ForumListRun run = new ForumListRun(aspirants, checkIns, store, lists, new Classifier(ForumRules.defaults()));

        ForumListSummary summary = run.generate(ForumWeek.of(MONDAY), "anna", Instant.parse("2026-11-23T09:00:00Z"));

        assertEquals(600, summary.total());
        long atRisk = java.util.stream.IntStream.range(0, 600).filter(i -> i % 10 == 0 || i % 7 == 0).count();
        assertEquals((int) atRisk, summary.countsByStatus().get("AT_RISK"));
        assertEquals(600 - (int) atRisk, summary.countsByStatus().get("ON_TRACK"));
        assertEquals(0, summary.countsByStatus().get("PAUSED"));
        assertEquals("anna", summary.generatedBy());
        assertEquals(summary, lists.find("2026-W48").orElseThrow());
        assertEquals(Map.of("forum/2026-W48/vagen-forum-2026-W48.csv", true, "forum/2026-W48/vagen-forum-2026-W48.xlsx", true,
                "forum/2026-W48/rows.json", true), Map.of(summary.csvKey(), store.files.containsKey(summary.csvKey()),
                summary.xlsxKey(), store.files.containsKey(summary.xlsxKey()), summary.rowsKey(), true));
        String csv = new String(store.files.get(summary.csvKey()), StandardCharsets.UTF_8);
        assertEquals(601, Csv.parse(csv.substring(1)).size());
        assertFalse(csv.contains("Ended") || csv.contains("Future"));
        List<Map<String, Object>> rows = ForumRowsJson.readMaps(store.open(summary.rowsKey()).orElseThrow());
        assertEquals("AT_RISK", rows.get(0).get("status"));
        assertEquals("ON_TRACK", rows.get(rows.size() - 1).get("status"));
        assertTrue(rows.stream().allMatch(r -> !r.containsKey("phone") && !r.containsKey("gender")));
    }

    @Test
    void rulesFileOverridesThresholds() throws IOException {
        String json = new String(getClass().getClassLoader().getResourceAsStream(ForumRules.DEFAULT_RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8).replace("\"wellbeingAtMost\": 2", "\"wellbeingAtMost\": 3")
                .replace("Mår dåligt: svarade {wellbeing} av 5 på hur hen mår", "Mår inte bra ({wellbeing}/5)");
        Path file = Files.createTempFile("rules", ".json");
        try {
            Files.writeString(file, json);
            Classifier custom = new Classifier(ForumRules.fromFile(file));
            Classification c = custom.classify(MONDAY, aspirant("X").build(), List.of(answered("2026-W47", YES, 3)));
            assertEquals(ForumStatus.AT_RISK, c.status());
            assertEquals("Mår inte bra (3/5)", c.reasons().get(0).text());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
