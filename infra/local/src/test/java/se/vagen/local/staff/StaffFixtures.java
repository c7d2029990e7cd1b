package se.vagen.local.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Shared helpers of the staff integration tests: tokens, JSON, unique test data (random mobile numbers and
 * name prefixes, so tests never collide with each other or with other capabilities' data), item counts.
 */
final class StaffFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final VagenStack stack = VagenStack.shared();
    final String staff = stack.staffToken("anna", "staff");
    final String admin = stack.staffToken("bertil", "staff", "admin");

    /** A fresh Swedish mobile number as staff write it ("070-xxx xx xx"), unused by any other test. */
    static String mobile() {
        int n = RANDOM.nextInt(10_000_000);
        String digits = String.format("%07d", n);
        return "070-" + digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5);
    }

    static String e164(String swedish) {
        return "+46" + swedish.replaceAll("[^0-9]", "").substring(1);
    }

    /** A name prefix no other test uses (letters only, so it sorts and searches plainly). */
    static String uniquePrefix() {
        StringBuilder s = new StringBuilder("Qx");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    /** The API.md example with a fresh phone number and e-mail. */
    static ObjectNode aspirant(String name, String phone) {
        ObjectNode body = (ObjectNode) read("""
                {
                  "name": "Amina Yusuf",
                  "phone": "070-123 45 67",
                  "email": "amina@example.org",
                  "language": "so",
                  "channel": "sms",
                  "contactRoleOwner": "arbetskonsulent",
                  "plan": {
                    "start": "2026-09-01",
                    "end": "2027-02-28",
                    "activities": [
                      { "type": "SFI", "hoursPerWeek": 15, "provider": "Täby kompetenscenter",
                        "start": "2026-09-01", "end": "2027-02-28" }
                    ],
                    "pauses": [
                      { "start": "2026-12-01", "end": "2027-01-31", "reason": "PARENTAL_LEAVE" }
                    ]
                  },
                  "checkInCadence": "WEEKLY"
                }
                """);
        body.put("name", name);
        body.put("phone", phone);
        body.put("email", phone.replaceAll("[^0-9]", "") + "@example.org");
        return body;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return read(response.body());
    }

    HttpResponse<String> postJson(String path, Object body, String token) {
        return stack.post(path, "application/json", body instanceof String s ? s : body.toString(), token);
    }

    HttpResponse<String> putJson(String path, Object body, String token) {
        return stack.put(path, "application/json", body instanceof String s ? s : body.toString(), token);
    }

    HttpResponse<String> postBytes(String path, String contentType, byte[] body, String token) {
        return stack.send(stack.request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    String createAspirant(ObjectNode body) {
        HttpResponse<String> created = postJson("/staff/aspirants", body, staff);
        if (created.statusCode() != 201) {
            throw new AssertionError("create answered " + created.statusCode() + ": " + created.body());
        }
        return json(created).path("id").asText();
    }

    /** Items in a table, counted with a real Scan (Select COUNT) through the SDK. */
    long count(String logicalTable) {
        String table = stack.tableName(logicalTable);
        long total = 0;
        for (var page : stack.dynamoDb().scanPaginator(ScanRequest.builder().tableName(table).select(Select.COUNT).build())) {
            total += page.count();
        }
        return total;
    }

    /** "field/code" of every field error of a 400 body. */
    static List<String> fieldCodes(HttpResponse<String> response) {
        JsonNode fields = json(response).path("fields");
        return java.util.stream.StreamSupport.stream(fields.spliterator(), false)
                .map(f -> f.path("field").asText() + "/" + f.path("code").asText()).toList();
    }
}
