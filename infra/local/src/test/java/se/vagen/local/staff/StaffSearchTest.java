package se.vagen.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The staff list: name-prefix search in Swedish alphabetical order, pagination by cursor, phone search. */
class StaffSearchTest {

    private final StaffFixtures f = new StaffFixtures();

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void namePrefixSearchPagesThroughEveryMatchInSwedishOrder() {
        String prefix = StaffFixtures.uniquePrefix();
        List<String> given = List.of("Örjan", "Anna", "Åsa", "Zlatan", "Ärla", "Bengt", "Émile");
        for (String first : given) {
            f.createAspirant(StaffFixtures.aspirant(prefix + " " + first, StaffFixtures.mobile()));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/staff/aspirants?q=" + q(prefix.toLowerCase()) + "&limit=3"
                    + (cursor == null ? "" : "&cursor=" + q(cursor));
            HttpResponse<String> response = f.stack.get(path, f.staff);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode page = StaffFixtures.json(response);
            assertTrue(page.path("items").size() <= 3);
            page.path("items").forEach(i -> seen.add(i.path("name").asText().substring(prefix.length() + 1)));
            page.path("items").forEach(i -> assertTrue(i.path("profile").isMissingNode(), "no profile in lists"));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(List.of("Anna", "Bengt", "Émile", "Zlatan", "Åsa", "Ärla", "Örjan"), seen);
        assertTrue(pages >= 3);

        JsonNode narrowed = StaffFixtures.json(f.stack.get("/staff/aspirants?q=" + q(prefix + " Å"), f.staff));
        assertEquals(1, narrowed.path("items").size());
        assertEquals(prefix + " Åsa", narrowed.path("items").get(0).path("name").asText());
    }

    @Test
    void aPhoneLookingQueryFindsTheAspirantByNumberInAnyWriting() {
        String phone = StaffFixtures.mobile();
        String id = f.createAspirant(StaffFixtures.aspirant(StaffFixtures.uniquePrefix() + " Telefon", phone));
        String e164 = StaffFixtures.e164(phone);
        for (String written : List.of(phone, e164, "00" + e164.substring(1), "0" + e164.substring(3))) {
            JsonNode page = StaffFixtures.json(f.stack.get("/staff/aspirants?q=" + q(written), f.staff));
            assertEquals(1, page.path("items").size(), written);
            assertEquals(id, page.path("items").get(0).path("id").asText());
            assertTrue(page.path("nextCursor").isNull());
        }
        JsonNode none = StaffFixtures.json(f.stack.get("/staff/aspirants?q=" + q("070-000 00 00"), f.staff));
        assertEquals(0, none.path("items").size());
    }

    @Test
    void listingWithoutQueryReturnsAPageAndACursor() {
        for (int i = 0; i < 3; i++) {
            f.createAspirant(StaffFixtures.aspirant(StaffFixtures.uniquePrefix(), StaffFixtures.mobile()));
        }
        JsonNode page = StaffFixtures.json(f.stack.get("/staff/aspirants?limit=2", f.staff));
        assertEquals(2, page.path("items").size());
        assertNotNull(page.path("nextCursor").asText(null));
        JsonNode item = page.path("items").get(0);
        for (String field : List.of("id", "name", "phone", "language", "channel", "contactRoleOwner", "planStart",
                "planEnd", "status", "missedCheckIns")) {
            assertFalse(item.path(field).isMissingNode(), field);
        }
        JsonNode defaultLimit = StaffFixtures.json(f.stack.get("/staff/aspirants", f.staff));
        assertTrue(defaultLimit.path("items").size() <= 50);
    }

    @Test
    void badLimitsAndCursorsAre400() {
        for (String limit : List.of("0", "1001", "abc", "-5")) {
            HttpResponse<String> response = f.stack.get("/staff/aspirants?limit=" + limit, f.staff);
            assertEquals(400, response.statusCode(), limit);
            assertEquals(List.of("limit/limit.out-of-range"), StaffFixtures.fieldCodes(response));
        }
        assertEquals(200, f.stack.get("/staff/aspirants?limit=1000", f.staff).statusCode());
        for (String cursor : List.of("nonsense", "eyJhIjoiYiJ9", "%%%")) {
            HttpResponse<String> response = f.stack.get("/staff/aspirants?cursor=" + q(cursor), f.staff);
            assertEquals(400, response.statusCode(), cursor + ": " + response.body());
            assertEquals(List.of("cursor/cursor.invalid"), StaffFixtures.fieldCodes(response));
        }
    }
}
