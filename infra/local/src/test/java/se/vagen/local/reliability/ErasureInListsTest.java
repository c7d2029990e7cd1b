package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import se.vagen.local.testing.VagenStack;

/**
 * Erasure reaches the weekly lists already made: after DELETE /staff/aspirants/{id} the week's rows (JSON), CSV and
 * XLSX carry the tombstone's name instead of the person's, the row and the counts stay, and everyone else's rows
 * are as before. Uses its own aspirants in a week of 2033 that no other test lists.
 */
class ErasureInListsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String WEEK = "2033-W07";
    private static final String ERASED = "(raderad)";

    private final VagenStack stack = VagenStack.shared();

    @Test
    void theErasedNameLeavesEveryListFileAndNothingElseChanges() throws Exception {
        String run = letters(8);
        String staff = stack.staffToken("lists-staff", "staff");
        String admin = stack.staffToken("lists-admin", "staff", "admin");
        String erasedName = "Glömd Qx" + run;
        String keptName = "Kvar Qx" + run;
        String erasedId = create(erasedName, staff);
        String keptId = create(keptName, staff);

        HttpResponse<String> generated = stack.post("/staff/forum-lists/" + WEEK + "/generate", "application/json", "", staff);
        assertEquals(200, generated.statusCode(), generated.body());
        JsonNode before = view(staff);
        assertEquals(erasedName, row(before, erasedId).path("name").asText());
        assertTrue(text(before, "csvUrl").contains(erasedName), "in the CSV before");
        assertTrue(xlsxTexts(before).contains(erasedName), "in the XLSX before");

        HttpRequest delete = stack.request("/staff/aspirants/" + erasedId, admin).DELETE().build();
        HttpResponse<String> erased = stack.send(delete);
        assertEquals(204, erased.statusCode(), erased.body());

        JsonNode after = view(staff);
        assertEquals(ERASED, row(after, erasedId).path("name").asText(), "the row stays under the tombstone's name");
        assertEquals(row(before, erasedId).path("status"), row(after, erasedId).path("status"));
        assertEquals(keptName, row(after, keptId).path("name").asText());
        assertEquals(before.path("counts"), after.path("counts"), "the week's counts are unchanged");
        assertEquals(before.path("rows").size(), after.path("rows").size());
        assertEquals(withoutNames(before, erasedId), withoutNames(after, erasedId), "every other row as before");
        String csv = text(after, "csvUrl");
        assertFalse(csv.contains(erasedName), "not in the CSV after");
        assertTrue(csv.contains(keptName) && csv.contains(ERASED), "the CSV still lists the rest and the tombstone");
        List<String> xlsx = xlsxTexts(after);
        assertFalse(xlsx.stream().anyMatch(t -> t.contains(erasedName)), "not in the XLSX after");
        assertTrue(xlsx.contains(keptName) && xlsx.contains(ERASED));

        String trail = stack.get("/staff/aspirants/" + erasedId + "/audit", staff).body();
        assertTrue(trail.contains("1 weekly lists"), trail);
    }

    private String create(String name, String token) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name).put("phone", "+4670" + String.format("%07d", RANDOM.nextInt(10_000_000)))
                .put("language", "sv").put("channel", "sms").put("contactRoleOwner", "arbetskonsulent")
                .put("checkInCadence", "WEEKLY");
        body.putObject("plan").put("start", "2033-01-03").put("end", "2033-06-30").putArray("activities");
        HttpResponse<String> created = stack.post("/staff/aspirants", "application/json", body.toString(), token);
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asText();
    }

    private JsonNode view(String token) throws IOException {
        HttpResponse<String> view = stack.get("/staff/forum-lists/" + WEEK, token);
        assertEquals(200, view.statusCode(), view.body());
        return JSON.readTree(view.body());
    }

    private static JsonNode row(JsonNode list, String id) {
        for (JsonNode row : list.path("rows")) {
            if (row.path("aspirantId").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id + " in " + list.path("week"));
    }

    /** The rows as JSON text, the erased one's name blanked, to compare everything else. */
    private static String withoutNames(JsonNode list, String erasedId) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : list.path("rows")) {
            ObjectNode copy = row.deepCopy();
            if (row.path("aspirantId").asText().equals(erasedId)) {
                copy.remove("name");
            }
            rows.add(copy.toString());
        }
        return String.join("\n", rows);
    }

    private static String text(JsonNode list, String link) throws IOException, InterruptedException {
        HttpResponse<byte[]> file = download(list.path(link).asText());
        assertEquals(200, file.statusCode());
        return new String(file.body(), StandardCharsets.UTF_8);
    }

    private static List<String> xlsxTexts(JsonNode list) throws IOException, InterruptedException {
        HttpResponse<byte[]> file = download(list.path("xlsxUrl").asText());
        assertEquals(200, file.statusCode());
        List<String> texts = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                for (Row row : sheet.read()) {
                    for (int i = 0; i < row.getCellCount(); i++) {
                        texts.add(row.getCellText(i));
                    }
                }
            }
        }
        return texts;
    }

    private static HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }
}
