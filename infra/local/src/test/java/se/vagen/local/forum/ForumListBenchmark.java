package se.vagen.local.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.ActivityType;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.aspirant.PauseReason;
import se.vagen.aspirant.PlanPause;
import se.vagen.aws.dynamodb.AspirantItem;
import se.vagen.aws.dynamodb.BenchmarkItems;
import se.vagen.aws.dynamodb.CheckInItem;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInStatus;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.forum.ForumWeek;
import se.vagen.local.LocalStack;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * The forum-list benchmark (issue 9, item 4). Not part of the test run: it runs only with
 * {@code -Dbenchmark=true}, e.g.
 * <pre>
 * ./mvnw -B -q -pl infra/local -am verify -Dtest=ForumListBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true
 * </pre>
 * It loads 1,000, then 10,000, then 100,000 aspirants (each with 8 weeks of check-ins) into the local stack's
 * DynamoDB Local with parallel BatchWriteItem calls, and after each step generates the week's list in a child JVM
 * with {@code -Xmx512m} (so the heap measured is the generation's alone), printing and writing to
 * {@code benchmarks/forum-list.md}: time, peak heap, consumed read capacity and the minimum for the data read.
 * Sizes can be changed with {@code -Dbenchmark.sizes=1000,10000}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ForumListBenchmark {

    private static final String WEEK = "2032-W10";
    /** {@code -Dbenchmark.summaries=false} loads aspirants as before the summary (the list then queries each one). */
    private static final boolean SUMMARIES = !"false".equals(System.getProperty("benchmark.summaries"));
    private static final LocalDate MONDAY = ForumWeek.parse(WEEK).orElseThrow().monday();
    private static final String[] ROLES = {"arbetskonsulent", "biståndshandläggare", "bostadskonsulent",
            "studie- och yrkesvägledare", "Arbetsförmedlingen"};
    private static final String[] FIRST = {"Amina", "Ali", "Sara", "Omar", "Fatima", "Yonas", "Olena", "Hassan",
            "Maryam", "Dawit", "Anna", "Erik", "Åsa", "Örjan", "Leila", "Ahmad", "Iryna", "Abdi", "Hodan", "Reza"};
    private static final String[] LAST = {"Yusuf", "Hassan", "Ali", "Mohammadi", "Tesfaye", "Kovalenko", "Berg",
            "Lind", "Ahmadi", "Warsame", "Haile", "Johansson", "Ek", "Nilsson", "Karimi", "Shevchenko"};

    @Test
    void forumList() throws Exception {
        VagenStack stack = VagenStack.shared();
        DynamoDbEnhancedClient enhanced = stack.enhanced();
        DynamoDbTable<AspirantItem> aspirants = enhanced.table(stack.tableName("AspirantsTable"),
                TableSchema.fromBean(AspirantItem.class));
        DynamoDbTable<CheckInItem> checkIns = enhanced.table(stack.tableName("CheckInsTable"),
                TableSchema.fromBean(CheckInItem.class));
        List<Integer> sizes = new ArrayList<>();
        for (String s : System.getProperty("benchmark.sizes", "1000,10000,100000").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        List<Map<String, String>> results = new ArrayList<>();
        int loaded = 0;
        for (int size : sizes) {
            long loadStart = System.nanoTime();
            load(enhanced, aspirants, checkIns, loaded, size);
            long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
            loaded = size;
            Map<String, String> r = generateInChildJvm(stack);
            r.put("aspirants", Integer.toString(size));
            r.put("loadMillis", Long.toString(loadMillis));
            assertEquals(size, Integer.parseInt(r.get("rows")), "every aspirant has an active plan on the Monday");
            results.add(r);
            System.out.println("forum-list benchmark: " + r);
        }
        String table = report(results) + writeCost(stack, Math.min(500, sizes.get(0)));
        System.out.println(table);
        Path out = Path.of(System.getProperty("benchmark.out", "../../benchmarks/forum-list.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
    }

    /** Aspirants {@code from} (inclusive) to {@code to} (exclusive), 8 check-ins each, in parallel batches of 25. */
    private static void load(DynamoDbEnhancedClient enhanced, DynamoDbTable<AspirantItem> aspirants,
                             DynamoDbTable<CheckInItem> checkIns, int from, int to) throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = 1000;
            for (int start = from; start < to; start += chunk) {
                int s = start;
                int e = Math.min(to, start + chunk);
                futures.add(pool.submit(() -> {
                    List<AspirantItem> a = new ArrayList<>(25);
                    List<CheckInItem> c = new ArrayList<>(25);
                    for (int i = s; i < e; i++) {
                        Random random = new Random(i);
                        Aspirant aspirant = aspirant(i, random);
                        List<CheckIn> history = history(aspirant, random);
                        a.add(SUMMARIES ? BenchmarkItems.aspirant(aspirant, history) : BenchmarkItems.aspirant(aspirant));
                        if (a.size() == 25) {
                            write(enhanced, aspirants, AspirantItem.class, a);
                        }
                        for (CheckIn checkIn : history) {
                            c.add(BenchmarkItems.checkIn(checkIn));
                            if (c.size() == 25) {
                                write(enhanced, checkIns, CheckInItem.class, c);
                            }
                        }
                    }
                    write(enhanced, aspirants, AspirantItem.class, a);
                    write(enhanced, checkIns, CheckInItem.class, c);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> void write(DynamoDbEnhancedClient enhanced, DynamoDbTable<T> table, Class<T> type, List<T> items) {
        if (items.isEmpty()) {
            return;
        }
        List<T> pending = new ArrayList<>(items);
        items.clear();
        while (!pending.isEmpty()) {
            WriteBatch.Builder<T> batch = WriteBatch.builder(type).mappedTableResource(table);
            pending.forEach(batch::addPutItem);
            BatchWriteResult result = enhanced.batchWriteItem(BatchWriteItemEnhancedRequest.builder()
                    .writeBatches(batch.build()).build());
            pending = new ArrayList<>(result.unprocessedPutItemsForTable(table));
        }
    }

    /** A realistic mix: most on track, some at risk for each reason, some ending, new or paused. */
    static Aspirant aspirant(int i, Random random) {
        String id = String.format(Locale.ROOT, "bench-%07d", i);
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " " + i;
        int kind = random.nextInt(100);
        LocalDate start = MONDAY.minusDays(60 + random.nextInt(300));
        LocalDate end = MONDAY.plusDays(40 + random.nextInt(300));
        List<PlanPause> pauses = new ArrayList<>();
        if (kind < 4) {
            end = MONDAY.plusDays(random.nextInt(29));            // ENDING
        } else if (kind < 7) {
            start = MONDAY.minusDays(random.nextInt(15));         // NEW (no check-ins, see history)
        } else if (kind < 10) {
            pauses.add(new PlanPause(MONDAY.minusDays(20), MONDAY.plusDays(60), PauseReason.PARENTAL_LEAVE));
        }
        Instant created = start.atStartOfDay().toInstant(ZoneOffset.UTC);
        return new Aspirant(id, name, String.format(Locale.ROOT, "+4670%07d", i), null, Language.values()[i % 7],
                Channel.SMS, ROLES[random.nextInt(ROLES.length)], Cadence.WEEKLY,
                new OptOuts(kind == 99, false),
                new ActivityPlan(start, end, List.of(new Activity(ActivityType.SFI, 15, "Kompetenscenter", start, end)),
                        pauses), null, 0, false, created, created);
    }

    /** The 8 closed cycles before the week: mostly answered, some missed, some asking for help. */
    static List<CheckIn> history(Aspirant a, Random random) {
        List<CheckIn> list = new ArrayList<>();
        if (!a.plan().start().isBefore(MONDAY.minusDays(14))) {
            return list;
        }
        for (int back = 1; back <= 8; back++) {
            LocalDate monday = MONDAY.minusWeeks(back);
            String cycle = ForumWeek.of(monday).toString();
            Instant opened = monday.atTime(9, 0).toInstant(ZoneOffset.UTC);
            int roll = random.nextInt(100);
            if (roll < 12) {
                list.add(new CheckIn(a.id(), cycle, CheckInStatus.MISSED, Channel.SMS, false, null, null, null, null,
                        opened, null, 2));
                continue;
            }
            Participation p = roll < 20 ? Participation.PARTLY : roll < 24 ? Participation.NO : Participation.YES;
            int wellbeing = roll > 96 ? 2 : 3 + random.nextInt(3);
            List<HelpTopic> help = roll > 92 ? List.of(HelpTopic.values()[1 + random.nextInt(7)]) : List.of(HelpTopic.NONE);
            list.add(new CheckIn(a.id(), cycle, CheckInStatus.ANSWERED, Channel.SMS, back % 3 == 0, p, wellbeing, help,
                    null, opened, opened.plusSeconds(3600 + random.nextInt(90_000)), 0));
        }
        return list;
    }

    private static Map<String, String> generateInChildJvm(VagenStack stack) throws IOException, InterruptedException {
        LocalStack local = stack.stack();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Daws.accessKeyId=local");
        command.add("-Daws.secretAccessKey=local");
        command.add("-Daws.region=eu-north-1");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.slf4j.simpleLogger.log.se.vagen.forum=info");
        Map<String, Object> props = new LinkedHashMap<>(local.tables().properties());
        props.put("vagen.aws.region", "eu-north-1");
        props.put("vagen.aws.dynamodb-endpoint", local.dynamoDbEndpoint().toString());
        props.put("vagen.aws.s3-endpoint", local.s3Endpoint().toString());
        props.put("vagen.buckets.lists", LocalStack.LISTS_BUCKET);
        props.put("vagen.benchmark.capacity", "true");
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add(ForumListBenchmarkChild.class.getName());
        command.add(WEEK);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> result = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("RESULT ")) {
                    for (String pair : line.substring(7).split(" ")) {
                        String[] kv = pair.split("=", 2);
                        result.put(kv[0], kv[1]);
                    }
                } else {
                    System.out.println("  child: " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result.isEmpty()) {
            throw new IllegalStateException("The benchmark child JVM failed (exit " + exit + ")");
        }
        return result;
    }

    /**
     * The write cost of the summary: {@code n} aspirants get the week's first reminder and then an answer through the
     * real check-in adapter, with ReturnConsumedCapacity=INDEXES on every UpdateItem; prints WCU per event by table
     * and index. (After the list runs, so it does not change what they read.)
     */
    private static String writeCost(VagenStack stack, int n) {
        se.vagen.checkin.CheckInRepository repo = stack.context().getBean(se.vagen.checkin.CheckInRepository.class);
        Instant at = MONDAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
        StringBuilder md = new StringBuilder("\n### Write cost of the summary\n\n");
        md.append("Measured on DynamoDB Local with ReturnConsumedCapacity=INDEXES over ").append(n)
                .append(" aspirants (the week's first reminder, then one answer each, through `DynamoCheckInRepository`).\n\n");
        md.append("| event | table / index | UpdateItem calls | WCU | WCU per event |\n|---|---|---:|---:|---:|\n");
        System.setProperty("vagen.benchmark.writes", "true");
        try {
            for (String event : List.of("reminder", "answer")) {
                CapacityMeter.WRITES.clear();
                CapacityMeter.WRITE_CALLS.clear();
                for (int i = 0; i < n; i++) {
                    String id = String.format(Locale.ROOT, "bench-%07d", i);
                    if (event.equals("reminder")) {
                        repo.recordReminder(id, WEEK, 1, at);
                    } else {
                        repo.recordAnswers(id, WEEK, new se.vagen.checkin.Answers(Participation.YES, 4,
                                List.of(HelpTopic.NONE), null), Channel.SMS, at.plusSeconds(3600));
                    }
                }
                new java.util.TreeMap<>(CapacityMeter.WRITES).forEach((key, units) -> {
                    String table = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
                    long calls = key.contains("/") ? 0 : CapacityMeter.WRITE_CALLS.getOrDefault(table,
                            new java.util.concurrent.atomic.AtomicLong()).get();
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %,.1f | %.2f |%n", event, key,
                            calls == 0 ? "" : String.format(Locale.ROOT, "%,d", calls), units.sum(), units.sum() / n));
                });
            }
        } finally {
            System.clearProperty("vagen.benchmark.writes");
        }
        return md.toString();
    }

    private static String report(List<Map<String, String>> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Forum list benchmark\n\n");
        md.append("Generated by `ForumListBenchmark` (see docs/forum-list.md) on ").append(LocalDate.now())
                .append(".\n\n");
        md.append("Machine: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, JDK ")
                .append(System.getProperty("java.version")).append(", ")
                .append(ManagementFactory.getOperatingSystemMXBean().getName()).append(". DynamoDB Local 3.1.0 (in memory) ")
                .append("and S3Mock on the same machine; the generation runs in its own JVM with -Xmx512m.\n\n");
        md.append("Each aspirant has an active plan and 8 weekly check-ins before the week (none for new ones). ")
                .append(SUMMARIES ? "Each aspirant item carries the summary of its recent check-ins (as the check-in "
                        + "adapter writes it), so the list reads only the byPlanEnd pages. "
                        : "The aspirant items have no summary (as before it existed): the list queries each aspirant's "
                        + "check-ins and stores its summary (the backfill). ")
                .append("Read capacity: what DynamoDB Local reports with ReturnConsumedCapacity=TOTAL, summed; the ")
                .append("minimum is the bytes of the items read / 4 KB x 0.5 (eventually consistent); the request ")
                .append("floor rounds each Query up to 4 KB, which DynamoDB always does.\n\n");
        md.append("Before the summary (one check-in Query per aspirant, measured 2026-11-26 on a quiet machine): ")
                .append("1,000: 547.5 RCU consumed / 236.6 minimum = 2.31; 10,000: 5,349.0 / 2,328.1 = 2.30; ")
                .append("100,000: 53,856.0 / 23,442.3 = 2.30 (docs/forum-list.md).\n\n");
        md.append("| aspirants | generation time | per 1,000 | peak heap used | peak heap after GC | consumed RCU | "
                + "minimum RCU | ratio | request floor RCU | queries | load time |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, String> r : results) {
            long n = Long.parseLong(r.get("aspirants"));
            long millis = Long.parseLong(r.get("millis"));
            double consumed = Double.parseDouble(r.get("consumedRcu"));
            double minimum = Long.parseLong(r.get("itemBytes")) / 4096.0 / 2.0;
            md.append(String.format(Locale.ROOT, "| %,d | %.1f s | %.2f s | %d MB | %d MB | %,.1f | %,.1f | %.2f | %,.1f | %,d | %.0f s |%n",
                    n, millis / 1000.0, millis / 1000.0 / (n / 1000.0),
                    Long.parseLong(r.get("peakHeapUsed")) / (1024 * 1024),
                    Long.parseLong(r.get("peakHeapAfterGc")) / (1024 * 1024), consumed, minimum,
                    minimum == 0 ? 0 : consumed / minimum, Double.parseDouble(r.get("requestFloorRcu")),
                    Long.parseLong(r.get("queries")), Long.parseLong(r.get("loadMillis")) / 1000.0));
        }
        return md.toString();
    }
}
