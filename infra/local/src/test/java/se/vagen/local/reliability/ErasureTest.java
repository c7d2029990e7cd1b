package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInRepository;
import se.vagen.checkin.CheckInStatus;
import se.vagen.common.Channel;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DELETE /staff/aspirants/{id}: admin only (403 for plain staff), removes name, phone, e-mail, profile and check-in
 * free texts, releases the phone number, keeps a tombstone, and is audited without personal data.
 */
class ErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VagenStack stack = VagenStack.shared();

    @Test
    void adminErasesPersonalDataAndTheErasureIsAudited() throws Exception {
        String digits = String.format("%07d", RANDOM.nextInt(10_000_000));
        String phone = "+4673" + digits;
        String email = "radera." + digits + "@example.org";
        String name = "Raderbar Qz" + digits.chars().mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
        String staff = stack.staffToken("erasure-staff", "staff");
        String admin = stack.staffToken("erasure-admin", "staff", "admin");
        LocalDate today = LocalDate.now();
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name).put("phone", phone).put("email", email).put("language", "sv").put("channel", "sms")
                .put("contactRoleOwner", "arbetskonsulent").put("checkInCadence", "WEEKLY");
        body.putObject("profile").put("previousOccupation", "Snickare");
        ObjectNode plan = body.putObject("plan");
        plan.put("start", today.minusDays(40).toString()).put("end", today.plusDays(120).toString());
        plan.putArray("activities");
        HttpResponse<String> created = stack.post("/staff/aspirants", "application/json", body.toString(), staff);
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        CheckInRepository checkIns = stack.context().getBean(CheckInRepository.class);
        Instant now = Instant.now();
        checkIns.save(new CheckIn(id, "2026-W40", CheckInStatus.ANSWERED, Channel.SMS, true, null, 4, List.of(),
                "Jag heter " + name + " och min mejl är " + email, now, now, 0));

        assertEquals(200, stack.get("/staff/aspirants/" + id, staff).statusCode());
        assertTrue(search(phone, staff).contains(id), "found by phone before");
        assertTrue(search(name.substring(0, 12), staff).contains(id), "found by name before");

        HttpResponse<String> forbidden = delete(id, staff);
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        assertEquals(200, stack.get("/staff/aspirants/" + id, staff).statusCode(), "403 erased nothing");
        assertEquals(401, delete(id, null).statusCode());
        assertEquals(404, delete("no-such-" + digits, admin).statusCode());

        HttpResponse<String> erased = delete(id, admin);
        assertEquals(204, erased.statusCode(), erased.body());

        assertEquals(404, stack.get("/staff/aspirants/" + id, staff).statusCode());
        assertFalse(search(phone, staff).contains(id), "not found by phone after");
        assertFalse(search(name.substring(0, 12), staff).contains(id), "not found by name after");
        AspirantRepository aspirants = stack.context().getBean(AspirantRepository.class);
        assertTrue(aspirants.findByEmail(email).isEmpty(), "not found by e-mail after");
        Aspirant tombstone = aspirants.findById(id).orElseThrow();
        assertTrue(tombstone.erased());
        assertNull(tombstone.phone());
        assertNull(tombstone.email());
        assertFalse(tombstone.name().contains(name));
        assertNull(tombstone.profile().previousOccupation());
        assertNull(checkIns.find(id, "2026-W40").orElseThrow().freeText(), "free text removed");
        assertEquals(4, checkIns.find(id, "2026-W40").orElseThrow().wellbeing(), "coded answers kept for counts");

        // Nothing of the person remains in the aspirant item, its check-ins or the phone claim.
        for (String table : List.of("AspirantsTable", "CheckInsTable")) {
            for (Map<String, AttributeValue> item : stack.dynamoDb().scan(b -> b.tableName(stack.tableName(table))).items()) {
                String text = item.toString();
                assertFalse(text.contains(phone) || text.contains(email) || text.contains(name),
                        table + " still holds personal data: " + text);
            }
        }

        // The number is free again: a new aspirant can take it.
        body.put("name", "Ny Innehavare").put("email", "ny." + digits + "@example.org");
        HttpResponse<String> again = stack.post("/staff/aspirants", "application/json", body.toString(), staff);
        assertEquals(201, again.statusCode(), again.body());

        JsonNode audit = JSON.readTree(stack.get("/staff/aspirants/" + id + "/audit", staff).body());
        String trail = audit.toString();
        assertTrue(trail.contains("aspirant.erased") && trail.contains("erasure-admin"), trail);
        assertFalse(trail.contains(phone) || trail.contains(email) || trail.contains(name), trail);
        assertEquals(404, delete(id, admin).statusCode(), "erasing twice: nothing left to erase");
    }

    private String search(String q, String token) {
        return stack.get("/staff/aspirants?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), token).body();
    }

    private HttpResponse<String> delete(String id, String token) {
        HttpRequest request = stack.request("/staff/aspirants/" + id, token).DELETE().build();
        return stack.send(request);
    }
}
