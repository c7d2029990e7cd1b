package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.vagen.aws.sns.SnsSmsSender;
import se.vagen.local.testing.VagenStack;
import se.vagen.messaging.OutgoingSms;

/** The /dev routes: page and assets, outbox, jobs, inbound messages, faults; input is validated. */
class DevRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final VagenStack stack = VagenStack.shared();

    @AfterEach
    void noFaultsLeft() {
        stack.clearFaults();
    }

    @Test
    void thePageIsSwedishWithScriptAndStyleAsFilesUnderAStrictPolicy() {
        HttpResponse<String> page = stack.get("/dev", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<html lang=\"sv\">"));
        assertTrue(page.body().contains("src=\"/dev/assets/dev.js\""));
        assertTrue(page.body().contains("href=\"/dev/assets/dev.css\""));
        assertTrue(!page.body().contains("<style") && !page.body().contains("style=\"") && !page.body().contains("onclick"),
                "no inline style or script");
        String csp = page.headers().firstValue("content-security-policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals(200, stack.get("/dev/assets/dev.js", null).statusCode());
        assertTrue(stack.get("/dev/assets/dev.css", null).headers().firstValue("content-type").orElse("").startsWith("text/css"));
        assertEquals(404, stack.get("/dev/assets/../../template.yaml", null).statusCode());
        assertEquals(404, stack.get("/dev/assets/other.js", null).statusCode());
    }

    @Test
    void theRootLeadsToTheDevPage() {
        HttpResponse<String> root = stack.get("/", null);
        assertEquals(302, root.statusCode());
        assertEquals("/dev", root.headers().firstValue("location").orElse(""));
    }

    @Test
    void theOutboxListsSentMessagesWithTheirFields() throws Exception {
        String to = MessageAdaptersTest.uniqueNumber();
        stack.context().getBean(SnsSmsSender.class).send(new OutgoingSms(to, "Hej"));
        JsonNode outbox = JSON.readTree(stack.get("/dev/outbox", null).body());
        assertTrue(outbox.isArray());
        JsonNode mine = null;
        for (JsonNode m : outbox) {
            if (to.equals(m.path("to").asText())) {
                mine = m;
            }
        }
        assertTrue(mine != null);
        assertEquals("sms", mine.path("channel").asText());
        assertEquals("Hej", mine.path("body").asText());
        assertTrue(mine.has("subject") && mine.has("sentAt"));
    }

    @Test
    void jobs() throws Exception {
        assertEquals(404, post("/dev/jobs/unknown/run", "{}").statusCode());
        assertEquals(400, post("/dev/jobs/forum-list/run", "{\"at\":\"tomorrow\"}").statusCode());
        assertEquals(400, post("/dev/jobs/forum-list/run", "{\"at\":\"2026-11-23T09:00:00\"}").statusCode(),
                "an offset is required");
        assertEquals(400, post("/dev/jobs/forum-list/run", "{\"at\":5}").statusCode());
        assertEquals(400, post("/dev/jobs/survey-links/run", "{\"action\":\"DROP TABLE\"}").statusCode());
        assertEquals(400, post("/dev/jobs/forum-list/run", "nope").statusCode());
        assertEquals(405, stack.get("/dev/jobs/forum-list/run", null).statusCode());
        // A valid request reaches the function (whose own tests check the run); a JSON answer either way.
        HttpResponse<String> run = post("/dev/jobs/forum-list/run", "{\"at\":\"2026-11-23T09:00:00+01:00\"}");
        assertTrue(!Set.of(400, 404, 405).contains(run.statusCode()), run.statusCode() + " " + run.body());
        JSON.readTree(run.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "[]", "{\"from\":\"0701234567\",\"text\":\"1\"}", "{\"from\":\"+46701234567\"}",
            "{\"from\":\"+46701234567\",\"text\":\"\"}", "{\"from\":12,\"text\":\"1\"}"})
    void badInboundSmsIs400(String body) throws Exception {
        HttpResponse<String> response = post("/dev/sms/inbound", body);
        assertEquals(400, response.statusCode(), body);
        assertTrue(JSON.readTree(response.body()).path("message").asText().length() > 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"from\":\"not-an-address\",\"subject\":\"s\",\"text\":\"t\"}",
            "{\"from\":\"a@b.se\",\"subject\":\"two\\nlines\",\"text\":\"t\"}", "{\"from\":\"a@b.se\",\"subject\":\"s\"}"})
    void badInboundEmailIs400(String body) {
        assertEquals(400, post("/dev/email/inbound", body).statusCode(), body);
    }

    @Test
    void goodInboundMessagesReachTheFunction() throws Exception {
        HttpResponse<String> sms = post("/dev/sms/inbound", "{\"from\":\"" + MessageAdaptersTest.uniqueNumber() + "\",\"text\":\"1\"}");
        assertTrue(!Set.of(400, 404, 405).contains(sms.statusCode()), sms.body());
        if (sms.statusCode() == 200) {
            assertTrue(JSON.readTree(sms.body()).has("reply"));
        }
        HttpResponse<String> mail = post("/dev/email/inbound",
                "{\"from\":\"" + MessageAdaptersTest.uniqueAddress() + "\",\"subject\":\"Sv: Hej\",\"text\":\"Bra\"}");
        assertTrue(!Set.of(400, 404, 405).contains(mail.statusCode()), mail.body());
    }

    @Test
    void faultsCanBeAddedListedAndCleared() throws Exception {
        assertEquals(400, post("/dev/faults", "{\"channel\":\"fax\",\"kind\":\"THROTTLE\"}").statusCode());
        assertEquals(400, post("/dev/faults", "{\"channel\":\"sms\",\"kind\":\"BOOM\"}").statusCode());
        assertEquals(400, post("/dev/faults", "{\"channel\":\"sms\",\"kind\":\"THROTTLE\",\"count\":0}").statusCode());
        assertEquals(200, post("/dev/faults", "{\"channel\":\"sms\",\"kind\":\"throttle\",\"count\":2}").statusCode());
        assertEquals(2, JSON.readTree(stack.get("/dev/faults", null).body()).path("sms").path("THROTTLE").asInt());
        assertEquals(200, stack.send(stack.request("/dev/faults", null).DELETE().build()).statusCode());
        assertEquals(0, JSON.readTree(stack.get("/dev/faults", null).body()).path("sms").size());
    }

    @Test
    void bodiesOverTenMegabytesAre413() {
        HttpResponse<String> response = stack.send(stack.request("/dev/token", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1])).build());
        assertEquals(413, response.statusCode());
    }

    @Test
    void unknownDevRoutesAre404() {
        assertEquals(404, stack.get("/dev/nothing", null).statusCode());
    }

    private HttpResponse<String> post(String path, String body) {
        return stack.post(path, "application/json", body, null);
    }
}
