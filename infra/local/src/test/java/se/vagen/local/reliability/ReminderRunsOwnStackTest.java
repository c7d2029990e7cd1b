package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.ActivityType;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.aws.dynamodb.AspirantItem;
import se.vagen.aws.dynamodb.BenchmarkItems;
import se.vagen.aws.dynamodb.LedgerItem;
import se.vagen.checkin.CheckinCycle;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.idempotency.ClaimLease;
import se.vagen.local.LocalStack;
import se.vagen.local.outbox.OutboxMessage;
import se.vagen.local.testing.VagenStack;
import se.vagen.time.WorkingCalendar;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reminder runs that would disturb the shared stack, on a stack of their own ({@link VagenStack#isolated()}; tag
 * {@code own-stack}, its own surefire execution in infra/local/pom.xml):
 * <ul>
 * <li>a run killed halfway, in its own process, while its SMS sends hang; the runs after it send every aspirant
 *     exactly one reminder;</li>
 * <li>two runs at the same instant over 1,000 due aspirants: every aspirant gets exactly one message.</li>
 * </ul>
 * The two tests' aspirants do not meet: the 1,000 have plans ending five weeks before the killed run's week (the run
 * reads plans ending at most 14 days back) and the killed run's aspirants start their plans after the 1,000's week.
 */
@Tag("own-stack")
class ReminderRunsOwnStackTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ReminderRun reads the plan shards in parallel on this many threads. */
    private static final int SENDING_THREADS = Math.min(AspirantRepository.PLAN_SHARDS, 8);

    private static VagenStack stack;
    private static CheckinCycle cycles;
    /** Monday of the 1,000 aspirants' week, and of the killed run's week (five weeks later). */
    private static LocalDate scaleMonday;
    private static LocalDate killMonday;

    @BeforeAll
    static void start() throws Exception {
        stack = VagenStack.isolated();
        cycles = stack.context().getBean(CheckinCycle.class);
        WorkingCalendar calendar = stack.context().getBean(WorkingCalendar.class);
        LocalDate day = LocalDate.now(STOCKHOLM).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (!calendar.isWorkingDay(day)) {
            day = day.plusWeeks(1);
        }
        scaleMonday = day;
        day = scaleMonday.plusWeeks(5);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusWeeks(1);
        }
        killMonday = day;
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void clearFaults() {
        stack.clearFaults();
    }

    // ------------------------------------------------------------------ a run killed halfway

    @Test
    void aRunKilledHalfwayLosesNoReminderAndTheNextRunsSendNoneTwice() throws Exception {
        int perShard = 8;
        int accepted = 7; // fewer than a shard holds, so every shard's thread reaches a held send
        List<Aspirant> people = aspirants("kill", perShard, killMonday.minusDays(7), killMonday.plusDays(180));
        Map<String, Aspirant> byPhone = people.stream().collect(Collectors.toMap(Aspirant::phone, a -> a));
        String cycle = cycles.cycleId(killMonday);
        OffsetDateTime killedRunAt = at(killMonday, 9, 5);
        int outboxBefore = stack.outboxSize();

        // 1. The 09:05 run in its own JVM; SNS accepts 7 SMS, then every Publish hangs unanswered.
        stack.holdAfter("sms", accepted);
        Process child = startChildRun(killedRunAt);
        List<String> childOutput = new ArrayList<>();
        Thread pump = pump(child, childOutput);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (stack.held("sms") < SENDING_THREADS) {
            if (!child.isAlive()) {
                fail("the child run ended before its sends were held: " + childOutput);
            }
            if (System.nanoTime() > deadline) {
                child.destroyForcibly();
                fail("only " + stack.held("sms") + " of " + SENDING_THREADS + " sends held: " + childOutput);
            }
            Thread.sleep(20);
        }
        // Every sending thread now waits on a held Publish: each earlier send has been marked sent.
        child.destroyForcibly();
        assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the child is gone");
        pump.join(5000);
        assertFalse(childOutput.stream().anyMatch(l -> l.startsWith("RESULT")), "killed before it finished");
        stack.clearFaults(); // the held requests are let go; their client is dead, nothing was accepted

        Map<String, String> ledger = ledger(people, cycle);
        Map<String, Long> states = ledger.values().stream()
                .collect(Collectors.groupingBy(s -> s == null ? "none" : s, TreeMap::new, Collectors.counting()));
        System.out.printf("killed run: %d aspirants, ledger after the kill %s, outbox %d%n", people.size(), states,
                stack.outboxSize() - outboxBefore);
        assertEquals(accepted, stack.outboxSize() - outboxBefore, "only the accepted SMS went out");
        assertEquals(accepted, states.getOrDefault("SENT", 0L), "every accepted send was marked sent");
        assertEquals(SENDING_THREADS, states.getOrDefault("CLAIMED", 0L), "the held sends stay CLAIMED: " + states);
        List<String> leftClaimed = ledger.entrySet().stream().filter(e -> "CLAIMED".equals(e.getValue()))
                .map(Map.Entry::getKey).toList();

        // 2. A run right after (as of 11:05; on the wall clock the claims are seconds old, within the lease: for
        //    all it knows the first run still sends): sends to everyone not reached, leaves the CLAIMED keys alone.
        JsonNode at1105 = run(at(killMonday, 11, 5));
        assertEquals(people.size() - accepted - SENDING_THREADS, at1105.path("sent").asInt(), at1105.toString());
        Map<String, String> afterNext = ledger(people, cycle);
        for (String id : leftClaimed) {
            assertEquals("CLAIMED", afterNext.get(id), "within the lease the claim is respected");
        }

        // 3. The lease passes: the claims' write time is moved back by the lease and a minute (as if the clock had
        //    moved on; the lease is measured on the wall clock), then the 13:05 run takes the claims over.
        ageClaims(leftClaimed, cycle, ClaimLease.DEFAULT_LENGTH.plusMinutes(1));
        JsonNode at1305 = run(at(killMonday, 13, 5));
        assertEquals(SENDING_THREADS, at1305.path("sent").asInt(), at1305.toString());
        // 4. And the 15:05 run sends nothing.
        JsonNode at1505 = run(at(killMonday, 15, 5));
        assertEquals(0, at1505.path("sent").asInt(), at1505.toString());

        List<OutboxMessage> sent = stack.outboxSince(outboxBefore);
        Map<String, Long> perRecipient = sent.stream()
                .collect(Collectors.groupingBy(OutboxMessage::to, Collectors.counting()));
        long duplicates = perRecipient.values().stream().filter(n -> n > 1).count();
        long lost = people.stream().filter(a -> !perRecipient.containsKey(a.phone())).count();
        System.out.printf("killed run: after the runs at 11:05, 13:05 and 15:05: %d messages to %d aspirants, "
                + "duplicates %d, lost %d%n", sent.size(), people.size(), duplicates, lost);
        assertTrue(byPhone.keySet().containsAll(perRecipient.keySet()), "only to these aspirants");
        assertEquals(0, duplicates, "nobody got a reminder twice");
        assertEquals(0, lost, "nobody was left without a reminder");
        assertEquals(people.size(), sent.size());
        assertEquals(Set.of("SENT"), Set.copyOf(ledger(people, cycle).values()), "the ledger says sent for all");
    }

    /** Moves the wall-clock time of these aspirants' R1 claims back by {@code by}. */
    private static void ageClaims(List<String> aspirantIds, String cycle, Duration by) {
        for (String id : aspirantIds) {
            stack.dynamoDb().updateItem(b -> b.tableName(stack.tableName("IdempotencyTable"))
                    .key(Map.of("key", AttributeValue.fromS("send#checkin#" + id + "#" + cycle + "#R1")))
                    .updateExpression("SET claimedAtMillis = claimedAtMillis - :by")
                    .conditionExpression("#s = :claimed")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":by", AttributeValue.fromN(Long.toString(by.toMillis())),
                            ":claimed", AttributeValue.fromS("CLAIMED"))));
        }
    }

    private static Process startChildRun(OffsetDateTime at) throws IOException {
        LocalStack local = stack.stack();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1"); // as template.yaml's JAVA_TOOL_OPTIONS
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add(ReminderRunChild.class.getName());
        command.add(at.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Configured as template.yaml configures the function in AWS (environment variables), plus the endpoints.
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("VAGEN_"));
        Map<String, Object> props = new LinkedHashMap<>(local.tables().properties());
        props.put("vagen.aws.region", LocalStack.REGION);
        props.put("vagen.aws.dynamodb-endpoint", local.dynamoDbEndpoint().toString());
        props.put("vagen.aws.sns-endpoint", local.outbox().endpoint().toString());
        props.put("vagen.aws.ses-endpoint", local.outbox().endpoint().toString());
        props.put("vagen.public-base-url", local.baseUri().toString());
        props.put("vagen.email.from", LocalStack.EMAIL_FROM);
        props.put("vagen.sms.origination-identity", LocalStack.SMS_ORIGINATION_IDENTITY);
        props.forEach((k, v) -> env.put(k.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), v.toString()));
        env.put("AWS_REGION", LocalStack.REGION);
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        return builder.start();
    }

    private static Thread pump(Process child, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    System.out.println("  child: " + line);
                }
            } catch (IOException e) {
                // the child was killed
            }
        }, "child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ------------------------------------------------------------------ two runs over 1,000 aspirants

    @Test
    void twoRunsAtTheSameInstantOverAThousandDueAspirantsSendEachExactlyOneMessage() throws Exception {
        int count = 1000;
        long t0 = System.nanoTime();
        List<Aspirant> people = aspirants("scale", count / AspirantRepository.PLAN_SHARDS,
                scaleMonday.minusDays(30), scaleMonday.plusDays(6));
        assertEquals(count, people.size());
        long seeded = System.nanoTime();
        String cycle = cycles.cycleId(scaleMonday);
        OffsetDateTime at = at(scaleMonday, 9, 5);
        int outboxBefore = stack.outboxSize();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService scheduler = Executors.newFixedThreadPool(2);
        List<JsonNode> summaries = new ArrayList<>();
        long started;
        try {
            List<Future<JsonNode>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(scheduler.submit(() -> {
                    go.await();
                    return run(at);
                }));
            }
            started = System.nanoTime();
            go.countDown();
            for (Future<JsonNode> r : runs) {
                summaries.add(r.get());
            }
        } finally {
            scheduler.shutdownNow();
        }
        long finished = System.nanoTime();

        List<OutboxMessage> sent = stack.outboxSince(outboxBefore);
        Set<String> recipients = sent.stream().map(OutboxMessage::to).collect(Collectors.toSet());
        Set<String> phones = people.stream().map(Aspirant::phone).collect(Collectors.toSet());
        int sentByRuns = summaries.stream().mapToInt(s -> s.path("sent").asInt()).sum();
        Map<String, String> ledger = ledger(people, cycle);
        long ledgerSent = ledger.values().stream().filter("SENT"::equals).count();
        System.out.printf(Locale.ROOT, "two runs over %d due aspirants: seeded in %d ms, both runs done in %d ms; "
                        + "messages %d, distinct recipients %d, sent per run %d + %d, ledger SENT %d, duplicates %d%n",
                count, (seeded - t0) / 1_000_000, (finished - started) / 1_000_000, sent.size(), recipients.size(),
                summaries.get(0).path("sent").asInt(), summaries.get(1).path("sent").asInt(), ledgerSent,
                sent.size() - recipients.size());
        for (JsonNode s : summaries) {
            assertFalse(s.path("stoppedEarly").asBoolean(), s.toString());
            assertEquals(0, s.path("failed").asInt(), s.toString());
        }
        assertEquals(count, sent.size(), "1,000 messages");
        assertEquals(phones, recipients, "1,000 distinct recipients, each aspirant one");
        assertEquals(count, sentByRuns, "the two summaries' sent add up to 1,000: " + summaries);
        assertEquals(count, ledgerSent, "the ledger says sent for all");
    }

    // ------------------------------------------------------------------ helpers

    /** {@code perShard} weekly SMS aspirants in each plan shard, written with BatchWriteItem (as the repository maps them). */
    private static List<Aspirant> aspirants(String prefix, int perShard, LocalDate planStart, LocalDate planEnd) {
        int[] inShard = new int[AspirantRepository.PLAN_SHARDS];
        List<Aspirant> result = new ArrayList<>();
        Instant now = Instant.now();
        int phoneBase = 1_000_000 + (int) (Math.random() * 7_000_000);
        ActivityPlan plan = new ActivityPlan(planStart, planEnd,
                List.of(new Activity(ActivityType.SFI, 15, "Kompetenscenter", planStart, planEnd)), List.of());
        while (result.size() < perShard * AspirantRepository.PLAN_SHARDS) {
            String id = prefix + "-" + UUID.randomUUID();
            int shard = AspirantItem.shardOf(id);
            if (inShard[shard] == perShard) {
                continue;
            }
            inShard[shard]++;
            int n = result.size();
            result.add(new Aspirant(id, "Test Person " + prefix + " " + n, "+4670" + (phoneBase + n), null,
                    Language.SV, Channel.SMS, "arbetskonsulent", Cadence.WEEKLY, OptOuts.NONE, plan, null, 0, false,
                    now, now));
        }
        DynamoDbEnhancedClient enhanced = stack.enhanced();
        DynamoDbTable<AspirantItem> table = enhanced.table(stack.tableName("AspirantsTable"),
                TableSchema.fromBean(AspirantItem.class));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int from = 0; from < result.size(); from += 25) {
                List<AspirantItem> batch = result.subList(from, Math.min(result.size(), from + 25)).stream()
                        .map(BenchmarkItems::aspirant).toList();
                writes.add(pool.submit(() -> write(enhanced, table, batch)));
            }
            for (Future<?> f : writes) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed", e);
        } finally {
            pool.shutdownNow();
        }
        return result;
    }

    private static void write(DynamoDbEnhancedClient enhanced, DynamoDbTable<AspirantItem> table, List<AspirantItem> items) {
        List<AspirantItem> pending = items;
        while (!pending.isEmpty()) {
            WriteBatch.Builder<AspirantItem> batch = WriteBatch.builder(AspirantItem.class).mappedTableResource(table);
            pending.forEach(batch::addPutItem);
            BatchWriteResult result = enhanced.batchWriteItem(BatchWriteItemEnhancedRequest.builder()
                    .writeBatches(batch.build()).build());
            pending = result.unprocessedPutItemsForTable(table);
        }
    }

    /** R1 ledger status per aspirant id (null: no entry), read with one Scan of this stack's own ledger table. */
    private static Map<String, String> ledger(List<Aspirant> people, String cycle) {
        DynamoDbTable<LedgerItem> table = stack.enhanced().table(stack.tableName("IdempotencyTable"),
                TableSchema.fromBean(LedgerItem.class));
        Map<String, String> byKey = new HashMap<>();
        table.scan(r -> r.consistentRead(true)).items().forEach(i -> byKey.put(i.getKey(), i.getStatus()));
        Map<String, String> result = new LinkedHashMap<>();
        for (Aspirant a : people) {
            result.put(a.id(), byKey.get("send#checkin#" + a.id() + "#" + cycle + "#R1"));
        }
        return result;
    }

    private static JsonNode run(OffsetDateTime at) {
        try {
            return JSON.readTree(stack.runJob("checkin-reminders", at));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(STOCKHOLM).toOffsetDateTime();
    }
}
