package se.vagen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.ActivityType;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.local.LocalStack;
import se.vagen.local.outbox.OutboxMessage;

/**
 * Items 5 and 3, against the in-process local stack over real HTTP: the reminder run over many due aspirants
 * (time, messages per second, capacity per reminder), then the warm latency of the form POST and the inbound SMS,
 * using the links and phone numbers that run produced (fresh tokens, open conversations).
 */
final class ScaleRuns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_LINK = Pattern.compile("/c/([A-Za-z0-9_-]{16,})");
    private static final int WARM_UP = 200;

    private final LocalStack stack;
    private final int aspirantCount;
    private final int requests;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> phones = new ArrayList<>();
    private int outboxBeforeRun;
    private boolean reminderRan;

    ScaleRuns(LocalStack stack, int aspirantCount, int requests) {
        this.stack = stack;
        this.aspirantCount = aspirantCount;
        this.requests = requests;
    }

    // ------------------------------------------------------------------ item 5

    Table reminderRun() throws Exception {
        Table table = new Table("5. Reminder run over " + aspirantCount + " due aspirants",
                "aspirants", "seed s", "run s", "messages", "messages/s", "write units", "WCU per reminder",
                "read units", "DynamoDB calls");
        Optional<AspirantRepository> repository = stack.context().findBean(AspirantRepository.class);
        if (repository.isEmpty()) {
            return table.note("Not run: the local stack has no AspirantRepository yet (the adapters have not landed).");
        }
        long seedStart = System.nanoTime();
        seed(repository.get());
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        CapacityMeter.reset();
        outboxBeforeRun = stack.outbox().size();
        long start = System.nanoTime();
        String answer;
        try {
            HttpResponse<String> response = post("/dev/jobs/checkin-reminders/run", "application/json",
                    "{\"at\":\"" + Events.RUN_AT + "\"}", Duration.ofMinutes(20));
            answer = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
        } catch (IOException e) {
            answer = "no answer (" + e + ")";
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CapacityMeter.Totals totals = CapacityMeter.totals();
        int messages = stack.outbox().size() - outboxBeforeRun;
        reminderRan = messages > 0;
        table.row(aspirantCount, Stats.fixed(seedSeconds, 1), Stats.fixed(seconds, 1), messages,
                Stats.fixed(messages / seconds, 0), Stats.fixed(totals.writeUnits(), 0),
                messages == 0 ? "–" : Stats.fixed(totals.writeUnits() / messages, 2),
                Stats.fixed(totals.readUnits(), 0), calls(totals.calls()));
        table.note("The run answered " + answer);
        table.note("Write units by table: " + totals.writeUnitsByTable());
        table.note("Aspirants: SMS channel, weekly cadence, plan active on the run day, seeded straight into "
                + "DynamoDB Local through the AspirantRepository adapter; the run is POST /dev/jobs/checkin-reminders/run "
                + "as of " + Events.RUN_AT + " (the checkin-reminders handler in the local stack, one JVM, SDK over HTTP "
                + "to DynamoDB Local, SNS Publish to the outbox). Capacity: every DynamoDB call asked for "
                + "ReturnConsumedCapacity=TOTAL by an SDK interceptor in the benchmark only; the units are what "
                + "DynamoDB Local reports.");
        return table;
    }

    private void seed(AspirantRepository repository) throws Exception {
        Instant created = Instant.parse("2026-09-01T08:00:00Z");
        ActivityPlan plan = new ActivityPlan(LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-30"),
                List.of(new Activity(ActivityType.SFI, 15, "Kompetenscenter", LocalDate.parse("2026-09-01"),
                        LocalDate.parse("2027-06-30"))), List.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int perThread = (aspirantCount + 3) / 4;
            for (int t = 0; t < 4; t++) {
                int from = t * perThread;
                int to = Math.min(aspirantCount, from + perThread);
                futures.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        repository.save(new Aspirant(UUID.randomUUID().toString(), "Bench Aspirant " + i, phone(i),
                                null, Language.SV, Channel.SMS, "arbetskonsulent", Cadence.WEEKLY, OptOuts.NONE, plan,
                                null, 0, false, created, created));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < aspirantCount; i++) {
            phones.add(phone(i));
        }
    }

    /** Made-up Swedish mobile numbers, E.164: +4670 and seven digits. */
    static String phone(int i) {
        return String.format(Locale.ROOT, "+46709%06d", i);
    }

    // ------------------------------------------------------------------ item 3

    Table warmLatency() throws Exception {
        Table table = new Table("3. Warm latency over " + requests + " requests (after " + WARM_UP + " warm-up)",
                "request", "path measured", "p50 ms", "p90 ms", "p99 ms", "max ms", "answers");
        List<OutboxMessage> sent = reminderRan
                ? stack.outbox().messages().subList(outboxBeforeRun, stack.outbox().size()) : List.of();
        List<String> tokens = new ArrayList<>();
        List<String> answeredBy = new ArrayList<>();
        for (OutboxMessage message : sent) {
            Matcher link = FORM_LINK.matcher(String.valueOf(message.body()));
            if (link.find()) {
                tokens.add(link.group(1));
                answeredBy.add(message.to());
            }
        }
        int needed = WARM_UP + requests;
        String form = "participation=YES&wellbeing=4&helpNeeded=NONE&freeText="
                + URLEncoder.encode("Det går bra", StandardCharsets.UTF_8);
        if (tokens.size() >= needed) {
            List<String> formTokens = tokens.subList(0, needed);
            measure(table, "POST /c/{token}", "fresh link: first answer stored (200)", needed,
                    i -> post("/c/" + formTokens.get(i), "application/x-www-form-urlencoded", form));
        } else {
            String token = tokens.isEmpty() ? Events.UNKNOWN_TOKEN : tokens.get(0);
            if (!tokens.isEmpty()) {
                post("/c/" + token, "application/x-www-form-urlencoded", form);
            }
            measure(table, "POST /c/{token}", tokens.isEmpty() ? "unknown link (404 page)" : "already answered (410 page)",
                    needed, i -> post("/c/" + token, "application/x-www-form-urlencoded", form));
        }
        // SMS replies come from the other end of the list, so no one answers by both form and SMS.
        List<String> smsFrom = new ArrayList<>();
        if (reminderRan) {
            for (int i = answeredBy.size() - 1; i >= 0 && smsFrom.size() < needed; i--) {
                if (i >= needed) {
                    smsFrom.add(answeredBy.get(i));
                }
            }
        }
        if (smsFrom.size() >= needed) {
            measure(table, "POST /dev/sms/inbound", "reply \"1\" to the first question of an open check-in", needed,
                    i -> post("/dev/sms/inbound", "application/json",
                            "{\"from\":\"" + smsFrom.get(i) + "\",\"text\":\"1\"}"));
        } else {
            measure(table, "POST /dev/sms/inbound", "number not known (reply that we do not know the number)", needed,
                    i -> post("/dev/sms/inbound", "application/json",
                            "{\"from\":\"" + phone(900_000 + i) + "\",\"text\":\"1\"}"));
        }
        table.note("Sequential requests over one keep-alive HTTP/1.1 connection to the local stack, which turns each "
                + "into the function's event (API Gateway v2 / SNS) and calls the handler in the same JVM, with the "
                + "SDK over HTTP to DynamoDB Local and the outbox. Latency includes that bridge, not API Gateway.");
        return table;
    }

    private interface Call {
        HttpResponse<String> call(int i) throws IOException, InterruptedException;
    }

    private void measure(Table table, String request, String path, int total, Call call)
            throws IOException, InterruptedException {
        double[] millis = new double[total - WARM_UP];
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < total; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = call.call(i);
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (i >= WARM_UP) {
                millis[i - WARM_UP] = elapsed;
                statuses.merge(response.statusCode(), 1, Integer::sum);
            }
        }
        double[] sorted = Stats.sorted(millis);
        table.row(request, path, Stats.ms(Stats.percentileOfSorted(sorted, 50)),
                Stats.ms(Stats.percentileOfSorted(sorted, 90)), Stats.ms(Stats.percentileOfSorted(sorted, 99)),
                Stats.ms(sorted[sorted.length - 1]), statuses.toString());
    }

    private HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return post(path, contentType, body, Duration.ofSeconds(120));
    }

    private HttpResponse<String> post(String path, String contentType, String body, Duration timeout)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.baseUri().toString().replaceAll("/$", "") + path))
                        .timeout(timeout)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String calls(Map<String, Long> calls) {
        StringBuilder out = new StringBuilder();
        calls.forEach((operation, count) -> out.append(out.length() == 0 ? "" : ", ").append(operation).append(' ')
                .append(count));
        return out.toString();
    }

    private static String abbreviate(String text) {
        String oneLine = String.valueOf(text).replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
