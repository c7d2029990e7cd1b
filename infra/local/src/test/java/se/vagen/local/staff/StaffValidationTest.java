package se.vagen.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every validation rule over real HTTP: 400 with a JSON body naming the field(s) at fault, and nothing
 * stored (the tables hold as many items afterwards, counted with the real SDK).
 */
class StaffValidationTest {

    private final StaffFixtures f = new StaffFixtures();

    /** Applies {@code path = valueJson} (REMOVE deletes) to a valid aspirant body. */
    private static ObjectNode edited(String path, String valueJson) {
        ObjectNode body = StaffFixtures.aspirant("Valid Person", StaffFixtures.mobile());
        String[] paths = path.split(" && ");
        String[] values = valueJson.split(" && ");
        for (int i = 0; i < paths.length; i++) {
            String[] parts = paths[i].trim().split("\\.");
            JsonNode node = body;
            for (int p = 0; p < parts.length - 1; p++) {
                String part = parts[p];
                node = part.endsWith("]") ? node.path(part.substring(0, part.indexOf('[')))
                        .path(Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1))) : node.path(part);
            }
            String last = parts[parts.length - 1];
            String value = values[i].trim();
            if (last.endsWith("]")) {
                ArrayNode array = (ArrayNode) node.path(last.substring(0, last.indexOf('[')));
                array.add(StaffFixtures.read(value));
            } else if (value.equals("REMOVE")) {
                ((ObjectNode) node).remove(last);
            } else {
                ((ObjectNode) node).set(last, StaffFixtures.read(value));
            }
        }
        return body;
    }

    @ParameterizedTest(name = "{0} = {1} -> 400 {2}/{3}")
    @CsvSource(delimiter = '|', value = {
        "phone                           | \"070-123\"           | phone                           | phone.invalid",
        "phone                           | \"08-123 456 78\"     | phone                           | phone.not-mobile",
        "phone                           | REMOVE                | phone                           | phone.required-for-sms",
        "email                           | \"amina@example\"     | email                           | email.invalid",
        "channel && email                | \"email\" && REMOVE   | email                           | email.required-for-email",
        "language                        | \"de\"                | language                        | language.unknown",
        "channel                         | \"fax\"               | channel                         | channel.unknown",
        "contactRoleOwner                | \"chef\"              | contactRoleOwner                | role.unknown",
        "checkInCadence                  | \"DAILY\"             | checkInCadence                  | cadence.unknown",
        "name                            | REMOVE                | name                            | field.required",
        "name                            | \"Anna\\u0007Berg\"   | name                            | text.control-characters",
        "name                            | 42                    | name                            | type.text",
        "plan.end                        | \"2026-08-31\"        | plan.end                        | plan.end-before-start",
        "plan.start                      | \"2026-02-30\"        | plan.start                      | date.invalid",
        "plan.activities[0].type         | \"YOGA\"              | plan.activities[0].type         | activity.type.unknown",
        "plan.activities[0].hoursPerWeek | -1                    | plan.activities[0].hoursPerWeek | activity.hours.negative",
        "plan.activities[0].hoursPerWeek | 61                    | plan.activities[0].hoursPerWeek | activity.hours.too-many",
        "plan.activities[0].hoursPerWeek | \"femton\"            | plan.activities[0].hoursPerWeek | type.number",
        "plan.pauses[0].reason           | \"HOLIDAY\"           | plan.pauses[0].reason           | pause.reason.unknown",
        "plan.pauses[0].start            | \"2026-08-01\"        | plan.pauses[0].start            | pause.outside-plan",
        "plan.activities                 | \"SFI\"               | plan.activities                 | type.array",
        "profile                         | {\"birthYear\":1850}  | profile.birthYear               | birthyear.out-of-range",
        "nickname                        | \"Ami\"               | nickname                        | field.unknown",
        "plan.activities[0].colour       | \"red\"               | plan.activities[0].colour       | field.unknown",
    })
    void eachRuleAnswers400NamingTheFieldAndStoresNothing(String path, String value, String field, String code) {
        long before = f.count("AspirantsTable");
        long auditBefore = f.count("AuditTable");
        HttpResponse<String> response = f.postJson("/staff/aspirants", edited(path, value), f.staff);
        assertEquals(400, response.statusCode(), response.body());
        JsonNode body = StaffFixtures.json(response);
        assertEquals("validation", body.path("error").asText());
        assertTrue(StaffFixtures.fieldCodes(response).contains(field + "/" + code), response.body());
        body.path("fields").forEach(e -> assertFalse(e.path("message").asText().isBlank()));
        assertEquals(before, f.count("AspirantsTable"));
        assertEquals(auditBefore, f.count("AuditTable"));
    }

    @Test
    void namesOverTwoHundredCharactersAreRefused() {
        ObjectNode body = StaffFixtures.aspirant("A".repeat(201), StaffFixtures.mobile());
        HttpResponse<String> response = f.postJson("/staff/aspirants", body, f.staff);
        assertEquals(400, response.statusCode());
        assertEquals(List.of("name/text.too-long"), StaffFixtures.fieldCodes(response));
    }

    @Test
    void everyFieldAtFaultIsNamedInOneAnswer() {
        ObjectNode body = edited("phone && email && language && plan.end && extra",
                "\"12\" && \"nope\" && \"xx\" && \"2026-02-30\" && true");
        HttpResponse<String> response = f.postJson("/staff/aspirants", body, f.staff);
        assertEquals(400, response.statusCode());
        assertEquals(List.of("extra/field.unknown", "language/language.unknown", "phone/phone.invalid",
                "email/email.invalid", "plan.end/date.invalid"), StaffFixtures.fieldCodes(response));
        assertEquals("5 fält är fel.", StaffFixtures.json(response).path("message").asText());
    }

    @ParameterizedTest(name = "malformed: {0}")
    @CsvSource(delimiter = '|', value = {"{\"name\": ", "not json", "{\"name\":\"a\",\"name\":\"b\"}", "{} {}", "''"})
    void malformedJsonIs400(String body) {
        long before = f.count("AspirantsTable");
        HttpResponse<String> response = f.postJson("/staff/aspirants", body, f.staff);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("malformed-json", StaffFixtures.json(response).path("error").asText(), response.body());
        assertEquals(before, f.count("AspirantsTable"));
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        HttpResponse<String> response = f.postJson("/staff/aspirants", "[1,2]", f.staff);
        assertEquals(400, response.statusCode());
        assertEquals(List.of("$/body.not-object"), StaffFixtures.fieldCodes(response));
    }

    @Test
    void bodiesOver256KbAre413() {
        long before = f.count("AspirantsTable");
        ObjectNode body = StaffFixtures.aspirant("Stor", StaffFixtures.mobile());
        body.put("padding", "x".repeat(256 * 1024));
        HttpResponse<String> response = f.postJson("/staff/aspirants", body, f.staff);
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("too-large", StaffFixtures.json(response).path("error").asText());
        HttpResponse<String> csv = f.stack.post("/staff/aspirants/import", "text/csv", "namn;telefon\r\n"
                + "x;y\r\n".repeat(60_000), f.admin);
        assertEquals(413, csv.statusCode());
        assertEquals(before, f.count("AspirantsTable"));
    }

    @Test
    void updatesAreValidatedTheSameWayAndChangeNothing() {
        String id = f.createAspirant(StaffFixtures.aspirant("Oförändrad", StaffFixtures.mobile()));
        String before = StaffFixtures.json(f.stack.get("/staff/aspirants/" + id, f.staff)).path("updatedAt").asText();
        HttpResponse<String> response = f.putJson("/staff/aspirants/" + id,
                edited("language && plan.end", "\"de\" && \"2020-01-01\""), f.staff);
        assertEquals(400, response.statusCode());
        assertEquals(List.of("language/language.unknown", "plan.end/plan.end-before-start"),
                StaffFixtures.fieldCodes(response));
        JsonNode after = StaffFixtures.json(f.stack.get("/staff/aspirants/" + id, f.staff));
        assertEquals(before, after.path("updatedAt").asText());
        assertEquals("so", after.path("language").asText());
    }

    @ParameterizedTest(name = "employer {0} = {1} -> {2}/{3}")
    @CsvSource(delimiter = '|', value = {
        "orgNumber   | \"556677-8898\" | orgNumber         | orgnr.checksum",
        "orgNumber   | \"55667-78899\"  | orgNumber         | orgnr.invalid",
        "name        | REMOVE           | name              | field.required",
        "industry    | REMOVE           | industry          | field.required",
        "sizeBand    | \"1000+\"        | sizeBand          | sizeband.unknown",
        "lastContact | \"2026-02-30\"   | lastContact       | date.invalid",
        "lastContact | \"2099-12-31\"   | lastContact       | lastcontact.future",
        "contacts    | [{\"name\":\"Kim\",\"email\":\"kim@\"}] | contacts[0].email | email.invalid",
        "contacts    | [{\"name\":\"Kim\",\"phone\":\"123\"}] | contacts[0].phone | phone.invalid",
        "contacts    | [{\"name\":\"Kim\"}]                   | contacts[0].email | contact.needs-email-or-phone",
        "website     | \"x\"            | website           | field.unknown",
    })
    void employerRulesAnswer400AndStoreNothing(String path, String value, String field, String code) {
        ObjectNode body = (ObjectNode) StaffFixtures.read("""
                {"orgNumber":"556677-8899","name":"Exempel Bygg AB","industry":"Bygg","lastContact":"2026-10-01",
                 "contacts":[{"name":"Kim Berg","email":"kim@exempelbygg.se","phone":"08-123 456 78"}]}""");
        if (value.equals("REMOVE")) {
            body.remove(path);
        } else {
            body.set(path, StaffFixtures.read(value));
        }
        long before = f.count("EmployersTable");
        HttpResponse<String> response = f.postJson("/staff/employers", body, f.staff);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(StaffFixtures.fieldCodes(response).contains(field + "/" + code), response.body());
        assertEquals(before, f.count("EmployersTable"));
    }
}
