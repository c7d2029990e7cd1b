package se.vagen.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import se.vagen.checkin.CheckinCycle;
import se.vagen.common.Language;
import se.vagen.local.testing.VagenStack;
import se.vagen.token.LinkTokens;
import se.vagen.token.TokenPurpose;

/**
 * Test data for the browser tests, made the way the system makes it: aspirants through the staff API, check-in
 * links through the {@link LinkTokens} bean of the shared context (as the reminders job issues them), answers read
 * back through the staff API. Every aspirant has a fresh random phone number, so tests never collide.
 */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Long but real names in each language's script, so layout checks see realistic text. */
    static String name(Language lang) {
        return switch (lang) {
            case SV -> "Karin Lindqvist";
            case EN -> "John Smith";
            case AR -> "محمد عبد الرحمن الهاشمي";
            case FA -> "زهرا محمدی";
            case SO -> "Cabdullaahi Maxamed Cabdiraxmaan";
            case TI -> "ሃብተማርያም ገብረእግዚኣብሄር";
            case UK -> "Олександра Шевченко-Бондаренко";
        };
    }

    final VagenStack stack = VagenStack.shared();
    final String staffToken = stack.staffToken("browser-test", "staff");

    /** Creates an aspirant on an active plan through POST /staff/aspirants; returns the id. */
    String aspirant(Language lang) {
        LocalDate today = LocalDate.now(STOCKHOLM);
        ObjectNode body = JSON.createObjectNode();
        String digits = String.format("%07d", RANDOM.nextInt(10_000_000));
        body.put("name", name(lang));
        body.put("phone", "070-" + digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5));
        body.put("email", "b" + digits + "@example.org");
        body.put("language", lang.code());
        body.put("channel", "sms");
        body.put("contactRoleOwner", "arbetskonsulent");
        ObjectNode plan = body.putObject("plan");
        plan.put("start", today.minusDays(30).toString());
        plan.put("end", today.plusDays(180).toString());
        ArrayNode activities = plan.putArray("activities");
        ObjectNode sfi = activities.addObject();
        sfi.put("type", "SFI");
        sfi.put("hoursPerWeek", 15);
        sfi.put("provider", "Kompetenscenter");
        sfi.put("start", today.minusDays(30).toString());
        sfi.put("end", today.plusDays(180).toString());
        body.put("checkInCadence", "WEEKLY");
        HttpResponse<String> created = stack.post("/staff/aspirants", "application/json", body.toString(), staffToken);
        assertEquals(201, created.statusCode(), () -> "create aspirant: " + created.body());
        return read(created.body()).path("id").asText();
    }

    /** This week's cycle id, e.g. 2026-W48. */
    String cycle() {
        return stack.context().getBean(CheckinCycle.class).cycleId(LocalDate.now(STOCKHOLM));
    }

    /** A check-in link for this week, valid until the cycle ends, as the reminders job issues it: "/c/{token}". */
    String checkinLink(String aspirantId, Language lang) {
        String cycle = cycle();
        Instant end = stack.context().getBean(CheckinCycle.class).cycleEnd(cycle);
        return "/c/" + stack.context().getBean(LinkTokens.class)
                .issue(TokenPurpose.CHECKIN, aspirantId, cycle, lang.code(), end, true);
    }

    /** A check-in link that expired an hour ago (the 410 page). */
    String expiredCheckinLink(String aspirantId, Language lang) {
        return "/c/" + stack.context().getBean(LinkTokens.class).issue(TokenPurpose.CHECKIN, aspirantId, cycle(),
                lang.code(), Instant.now().minusSeconds(3600), true);
    }

    /** GET /staff/aspirants/{id} with a staff token. */
    JsonNode aspirantView(String id) {
        HttpResponse<String> r = stack.get("/staff/aspirants/" + id, staffToken);
        assertEquals(200, r.statusCode(), () -> "GET aspirant: " + r.body());
        return read(r.body());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
