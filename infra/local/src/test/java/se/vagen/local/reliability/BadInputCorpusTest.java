package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.vagen.local.testing.VagenStack;
import se.vagen.survey.SurveyInvitation;
import se.vagen.survey.SurveyInvitationRepository;
import se.vagen.token.LinkTokens;
import se.vagen.token.TokenPurpose;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/corpus.json}): every staff JSON/CSV route and both public
 * form routes are sent malformed JSON, wrong types, unknown and missing fields, 1 MB bodies, invalid UTF-8, control
 * characters, HTML/script and formula-injection payloads, overlong strings, impossible dates, unsupported
 * languages, garbage tokens and tokens of the other purpose. Every case must answer its 4xx, show no stack trace,
 * and leave every table holding exactly the keys it held before.
 *
 * <p>The whole corpus runs in one test method, with the key sets of every table taken just before and just after
 * it, because the stack (and its tables) is shared with the other test classes of this JVM.
 */
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> LEAKS = List.of("at se.vagen", "Exception", "java.", "\tat ");

    private final VagenStack stack = VagenStack.shared();

    @Test
    void everyBadInputAnswersItsFourHundredAndStoresNothing() throws Exception {
        JsonNode corpus = readCorpus();
        Map<String, String> values = setUp();
        String staff = stack.staffToken("korpus", "staff");
        String admin = stack.staffToken("korpus-admin", "staff", "admin");

        Map<String, Set<String>> before = TableKeys.snapshot(stack);
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (JsonNode c : corpus.get("cases")) {
            tried++;
            String name = c.get("name").asText();
            String token = switch (c.get("auth").asText()) {
                case "staff" -> staff;
                case "admin" -> admin;
                default -> null;
            };
            HttpResponse<String> response = stack.send(request(c, values, token));
            int status = response.statusCode();
            Set<Integer> expected = new TreeSet<>();
            if (c.get("expect").isArray()) {
                c.get("expect").forEach(e -> expected.add(e.asInt()));
            } else {
                expected.add(c.get("expect").asInt());
            }
            if (!expected.contains(status)) {
                failures.add(name + ": " + status + " (expected " + expected + ") " + abbreviate(response.body()));
            }
            for (String leak : LEAKS) {
                if (response.body() != null && response.body().contains(leak)) {
                    failures.add(name + ": body shows \"" + leak + "\": " + abbreviate(response.body()));
                }
            }
        }
        Map<String, Set<String>> after = TableKeys.snapshot(stack);

        assertEquals(corpus.get("cases").size(), tried);
        assertTrue(tried >= 100, "the corpus holds " + tried + " cases");
        assertEquals(List.of(), failures, failures.size() + " of " + tried + " cases failed");
        for (String table : before.keySet()) {
            Set<String> added = new TreeSet<>(after.get(table));
            added.removeAll(before.get(table));
            Set<String> removed = new TreeSet<>(before.get(table));
            removed.removeAll(after.get(table));
            assertEquals(Set.of(), added, "items added to " + table + " by the bad-input corpus");
            assertEquals(Set.of(), removed, "items removed from " + table + " by the bad-input corpus");
        }
        System.out.printf("BadInputCorpusTest: %d cases, all 4xx, %d tables unchanged%n", tried, before.size());
    }

    /** An aspirant, an employer, a check-in link and a survey link (with its invitation) the cases aim at. */
    private Map<String, String> setUp() throws IOException {
        String tag = Long.toString(1_000_000L + RANDOM.nextInt(8_999_999));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("tag", tag);
        String digits = String.format("%07d", RANDOM.nextInt(10_000_000));
        values.put("phone", "070-" + digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5));
        values.put("orgNumber", orgNumber());
        values.put("newOrg", orgNumber());
        String staff = stack.staffToken("korpus-setup", "staff");

        String aspirant = """
                {"name":"Korpus Grund","phone":"%s","email":"korpus.grund.%s@example.org","language":"sv",
                 "channel":"sms","contactRoleOwner":"arbetskonsulent",
                 "plan":{"start":"2026-09-01","end":"2027-02-28","activities":[],"pauses":[]},"checkInCadence":"WEEKLY"}
                """.formatted(values.get("phone"), tag);
        HttpResponse<String> created = stack.post("/staff/aspirants", "application/json", aspirant, staff);
        assertEquals(201, created.statusCode(), created.body());
        values.put("aspirantId", JSON.readTree(created.body()).get("id").asText());
        // The cases then use a fresh phone number: one that is taken would be a 409 of its own.
        digits = String.format("%07d", RANDOM.nextInt(10_000_000));
        values.put("phone", "072-" + digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5));

        String employer = """
                {"orgNumber":"%s","name":"Korpus AB","industry":"Bygg","lastContact":"2026-10-01",
                 "contacts":[{"name":"Kim Berg","email":"kim.%s@example.org","phone":"08-123 456 78"}]}
                """.formatted(values.get("orgNumber"), tag);
        HttpResponse<String> org = stack.post("/staff/employers", "application/json", employer, staff);
        assertEquals(201, org.statusCode(), org.body());

        Instant now = Instant.now();
        LinkTokens tokens = stack.context().getBean(LinkTokens.class);
        values.put("checkinToken", tokens.issue(TokenPurpose.CHECKIN, values.get("aspirantId"), "2026-W48", "sv",
                now.plus(7, ChronoUnit.DAYS), true));
        String year = "2091";
        String invitationId = SurveyInvitation.idFor(values.get("orgNumber"), "kim." + tag + "@example.org");
        stack.context().getBean(SurveyInvitationRepository.class).create(new SurveyInvitation(year, invitationId,
                values.get("orgNumber"), "kim." + tag + "@example.org", "Bygg", "10-49", now, 0, null, false, false,
                now.plus(400, ChronoUnit.DAYS)));
        values.put("surveyToken", tokens.issue(TokenPurpose.SURVEY, invitationId, year, "sv",
                now.plus(30, ChronoUnit.DAYS), true));
        return values;
    }

    private HttpRequest request(JsonNode c, Map<String, String> values, String token) {
        String path = fill(c.get("path").asText(), values);
        HttpRequest.Builder builder = stack.request(path, token);
        byte[] body = body(c, values);
        String method = c.get("method").asText();
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", c.get("contentType").asText())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static byte[] body(JsonNode c, Map<String, String> values) {
        if (c.has("bodyHex")) {
            return HexFormat.of().parseHex(c.get("bodyHex").asText());
        }
        if (c.has("bodyRepeat")) {
            JsonNode r = c.get("bodyRepeat");
            return (r.get("text").asText() + r.get("then").asText().repeat(r.get("times").asInt()) + r.get("end").asText())
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (c.has("body")) {
            return fill(c.get("body").asText(), values).getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            filled = filled.replace("{" + v.getKey() + "}", v.getValue());
        }
        return filled;
    }

    private static JsonNode readCorpus() {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-input/corpus.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A random Swedish organisation number (Luhn check digit) starting 55. */
    private static String orgNumber() {
        int[] d = new int[10];
        d[0] = 5;
        d[1] = 5;
        for (int i = 2; i < 9; i++) {
            d[i] = RANDOM.nextInt(10);
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int v = d[i] * (i % 2 == 0 ? 2 : 1);
            sum += v > 9 ? v - 9 : v;
        }
        d[9] = (10 - sum % 10) % 10;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            s.append(d[i]);
            if (i == 5) {
                s.append('-');
            }
        }
        return s.toString();
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.length() > 300 ? b.substring(0, 300) + "..." : b;
    }
}
