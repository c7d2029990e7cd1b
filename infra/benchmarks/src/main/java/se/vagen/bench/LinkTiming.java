package se.vagen.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.vagen.local.LocalStack;
import se.vagen.token.LinkTokens;
import se.vagen.token.TokenPurpose;

/**
 * Item 6: can an outsider tell an unknown link from an expired or a used one by its answer? GET /c/{token} for
 * each kind, interleaved request by request (so drift in the machine's load hits every kind alike), with the
 * latency percentiles per kind and whether the pages' bodies are the same. Expired and used links show the same
 * "gone" page by design (410), unknown ones the "not found" page (404); what must not differ is the time.
 */
final class LinkTiming {

    private static final int WARM_UP = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalStack stack;
    private final int requests;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    LinkTiming(LocalStack stack, int requests) {
        this.stack = stack;
        this.requests = requests;
    }

    Table run() throws IOException, InterruptedException {
        LinkTokens tokens = stack.context().getBean(LinkTokens.class);
        Instant now = Instant.now();
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("unknown (never issued)", randomToken());
        kinds.put("wrong purpose (a survey link on /c/)", tokens.issue(TokenPurpose.SURVEY, "bench-employer",
                "2026", "sv", now.plus(Duration.ofDays(30)), true));
        kinds.put("expired", tokens.issue(TokenPurpose.CHECKIN, "bench-timing", "2026-W01", "sv",
                now.minus(Duration.ofDays(1)), true));
        String used = tokens.issue(TokenPurpose.CHECKIN, "bench-timing", "2026-W02", "sv",
                now.plus(Duration.ofDays(7)), true);
        tokens.use(used, now);
        kinds.put("used", used);

        List<String> names = List.copyOf(kinds.keySet());
        Map<String, double[]> millis = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        names.forEach(n -> {
            millis.put(n, new double[requests]);
            statuses.put(n, new TreeMap<>());
        });
        for (int i = 0; i < WARM_UP + requests; i++) {
            for (String name : names) {
                long start = System.nanoTime();
                HttpResponse<String> answer = get("/c/" + kinds.get(name));
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (i >= WARM_UP) {
                    millis.get(name)[i - WARM_UP] = elapsed;
                    statuses.get(name).merge(answer.statusCode(), 1, Integer::sum);
                    bodies.putIfAbsent(name, answer.body());
                }
            }
        }
        Table table = new Table("6. Link answers by kind over " + requests + " requests each (after " + WARM_UP
                + " warm-up), interleaved", "link", "answers", "p50 ms", "p90 ms", "p99 ms", "body bytes",
                "same body as");
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (String name : names) {
            double[] sorted = Stats.sorted(millis.get(name));
            double p50 = Stats.percentileOfSorted(sorted, 50);
            lowest = Math.min(lowest, p50);
            highest = Math.max(highest, p50);
            String same = names.stream().filter(o -> !o.equals(name) && bodies.get(o).equals(bodies.get(name)))
                    .reduce((a, b) -> a + ", " + b).orElse("–");
            table.row(name, statuses.get(name), Stats.ms(p50), Stats.ms(Stats.percentileOfSorted(sorted, 90)),
                    Stats.ms(Stats.percentileOfSorted(sorted, 99)),
                    bodies.get(name).getBytes(StandardCharsets.UTF_8).length, same);
        }
        table.note(String.format(java.util.Locale.ROOT, "Largest difference of medians between kinds: %.2f ms "
                + "(%.0f%% of the fastest). Every kind costs one GetItem on the token's hash; the pages differ only "
                + "in what the person needs to know (not found vs. no longer valid).", highest - lowest,
                100 * (highest - lowest) / lowest));
        return table;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.baseUri().toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A well-formed token (22 URL-safe characters) that was never issued. */
    private static String randomToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
