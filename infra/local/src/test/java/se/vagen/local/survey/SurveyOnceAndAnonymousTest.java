package se.vagen.local.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A response counts once however it is posted (the same link twice, 50 parallel posts through two links of one
 * invitation), and no stored response can be joined back to a contact. Own years: 2032 and 2033.
 */
class SurveyOnceAndAnonymousTest {

    private static final Set<String> RESPONSE_ATTRIBUTES = Set.of("year", "responseId", "industry", "sizeBand", "scores",
            "dontKnow", "comment", "wouldRecommend");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T|\\s)\\d{2}:\\d{2}|\\b1[5-9]\\d{8}\\b|\\b[2-9]\\d{9}\\b");

    private final SurveyFixtures f = new SurveyFixtures();

    @Test
    void fiftyParallelPostsThroughTwoLinksOfOneInvitationStoreOneResponse() throws Exception {
        f.assumeMailCanBeSent();
        String address = f.email("parallel");
        f.employer("IT", LocalDate.of(2032, 2, 1), address);
        f.runJob("2032-03-09T09:00:00+01:00", "campaign");
        f.runJob("2032-03-16T10:00:00+01:00", "reminders");
        assertEquals(2, f.mails(address).size());
        String[] links = {f.surveyToken(address, 0), f.surveyToken(address, 1)};

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String link = links[i % 2];
            int overall = 1 + i % 10;
            posts.add(() -> f.post("/s/" + link, SurveyFixtures.form("nki_overall", String.valueOf(overall),
                    "nki_expectations", "5", "nki_ideal", "5")).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> result : pool.invokeAll(posts)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(49, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
        assertEquals(1, f.results("2032").path("answered").asInt());
        // and no reminder after answering
        f.runJob("2032-03-23T10:00:00+01:00", "reminders");
        assertEquals(2, f.mails(address).size());
    }

    @Test
    void unknownAndWrongPurposeLinksAre404() {
        assertEquals(404, f.stack.get("/s/AAAAAAAAAAAAAAAAAAAAAA", null).statusCode());
        assertEquals(404, f.stack.get("/s/not-a-token", null).statusCode());
        HttpResponse<String> unknown = f.post("/s/AAAAAAAAAAAAAAAAAAAAAA", "nki_overall=5");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("lang=\"en\""), "Swedish with an English line");
        assertEquals(404, f.stack.get("/s/AAAAAAAAAAAAAAAAAAAAAA/unsubscribe", null).statusCode());
    }

    @Test
    void theFormIsAccessibleBilingualAndSafe() {
        f.assumeMailCanBeSent();
        String address = f.email("form");
        f.employer("Tillverkning", LocalDate.of(2033, 1, 10), address);
        f.runJob("2033-03-08T09:00:00+01:00", "campaign");
        String token = f.surveyToken(address, 0);
        HttpResponse<String> sv = f.stack.get("/s/" + token, null);
        assertEquals(200, sv.statusCode());
        String page = sv.body();
        assertTrue(page.contains("<html lang=\"sv\""), page);
        assertTrue(page.contains("Hur nöjd är du med kommunens information?"));
        assertTrue(page.contains("href=\"/s/" + token + "?lang=en\""), "a language switch that works without JavaScript");
        assertEquals(10, count(page, "<fieldset"), "six factors, three NKI questions and would_recommend as fieldsets ...");
        assertEquals(10, count(page, "<legend"), "... each with a legend");
        assertEquals(6, count(page, "value=\"vet_ej\""), "vet ej on every factor");
        assertTrue(page.contains("<label class=\"field\" for=\"comment\">"));
        assertFalse(page.contains("<script"));
        String csp = sv.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertEquals("no-store", sv.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<String> en = f.stack.get("/s/" + token + "?lang=en", null);
        assertTrue(en.body().contains("<html lang=\"en\""));
        assertTrue(en.body().contains("How satisfied are you with the information the municipality gave you?"));
        assertTrue(en.body().contains("Don't know") || en.body().contains("Don&#39;t know"));
        HttpResponse<String> missing = f.post("/s/" + token + "?lang=en", SurveyFixtures.form("nki_overall", "4"));
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("Choose an answer from 1 to 10."), missing.body());
        HttpResponse<String> empty = f.post("/s/" + token, "");
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("<html lang=\"sv\""), "an empty post gets the form page: " + empty.body());
        assertEquals(200, f.stack.get("/s/" + token, null).statusCode(), "a 400 uses nothing up");
    }

    @Test
    void noStoredResponseCanBeJoinedBackToAContact() {
        f.assumeMailCanBeSent();
        String address = f.email("anon");
        f.employer("Anonymitet", LocalDate.of(2033, 2, 1), address);
        f.runJob("2033-03-08T09:00:00+01:00", "campaign");
        f.answer(f.surveyToken(address, 0), 200, "nki_overall", "8", "nki_expectations", "8", "nki_ideal", "8",
                "comment", "Allt gick bra.");

        // Everything that identifies a contact or a link, in every year of the shared stack.
        Set<String> identifying = new HashSet<>();
        for (Map<String, AttributeValue> invitation : scan("SurveyInvitationsTable")) {
            for (String name : List.of("invitationId", "email", "orgNumber")) {
                AttributeValue v = invitation.get(name);
                if (v != null && v.s() != null && v.s().length() >= 6) {
                    identifying.add(v.s().toLowerCase());
                }
            }
        }
        for (Map<String, AttributeValue> token : scan("TokensTable")) {
            identifying.add(token.get("tokenHash").s().toLowerCase());
            AttributeValue subject = token.get("subjectId");
            if (subject != null && subject.s() != null && subject.s().length() >= 6) {
                identifying.add(subject.s().toLowerCase());
            }
        }
        assertTrue(identifying.contains(address.toLowerCase()));

        List<Map<String, AttributeValue>> responses = scan("SurveyResponsesTable");
        assertTrue(responses.stream().anyMatch(r -> r.containsKey("comment") && r.get("comment").s().equals("Allt gick bra.")));
        for (Map<String, AttributeValue> response : responses) {
            assertTrue(RESPONSE_ATTRIBUTES.containsAll(response.keySet()), "only anonymous attributes: " + response.keySet());
            String responseId = response.get("responseId").s();
            assertEquals('4', responseId.charAt(14), "a random (version 4) UUID, not a time-based one: " + responseId);
            for (String value : strings(response)) {
                String lower = value.toLowerCase();
                for (String id : identifying) {
                    assertFalse(lower.contains(id), "a response holds an identifying value");
                }
                assertFalse(!value.equals(responseId) && TIMESTAMP.matcher(value).find(),
                        "a response holds something like a time: " + value);
            }
        }
    }

    private List<Map<String, AttributeValue>> scan(String logicalTable) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        f.stack.dynamoDb().scanPaginator(ScanRequest.builder().tableName(f.stack.tableName(logicalTable)).consistentRead(true).build())
                .items().forEach(items::add);
        return items;
    }

    /** Every string and number in an item, nested maps and lists included. */
    private static List<String> strings(Map<String, AttributeValue> item) {
        List<String> out = new ArrayList<>();
        item.values().forEach(v -> collect(v, out));
        return out;
    }

    private static void collect(AttributeValue v, List<String> out) {
        if (v.s() != null) {
            out.add(v.s());
        }
        if (v.n() != null) {
            out.add(v.n());
        }
        if (v.hasSs()) {
            out.addAll(v.ss());
        }
        if (v.hasNs()) {
            out.addAll(v.ns());
        }
        if (v.hasL()) {
            v.l().forEach(x -> collect(x, out));
        }
        if (v.hasM()) {
            v.m().forEach((k, x) -> {
                out.add(k);
                collect(x, out);
            });
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
