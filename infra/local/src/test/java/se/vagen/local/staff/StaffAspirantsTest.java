package se.vagen.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInRepository;
import se.vagen.checkin.CheckInStatus;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.common.Channel;

/** The aspirant routes of the staff API through real HTTP, DynamoDB Local and the real SDK. */
class StaffAspirantsTest {

    private final StaffFixtures f = new StaffFixtures();

    @Test
    void createThenReadTheAspirantWithPlanStatusOptOutsAndCheckIns() {
        String phone = StaffFixtures.mobile();
        ObjectNode body = StaffFixtures.aspirant("Amina Yusuf", phone);
        HttpResponse<String> created = f.postJson("/staff/aspirants", body, f.staff);
        assertEquals(201, created.statusCode(), created.body());
        String id = StaffFixtures.json(created).path("id").asText();
        assertEquals("/staff/aspirants/" + id, created.headers().firstValue("Location").orElse(null));

        HttpResponse<String> read = f.stack.get("/staff/aspirants/" + id, f.staff);
        assertEquals(200, read.statusCode(), read.body());
        JsonNode a = StaffFixtures.json(read);
        assertEquals(id, a.path("id").asText());
        assertEquals("Amina Yusuf", a.path("name").asText());
        assertEquals(StaffFixtures.e164(phone), a.path("phone").asText());
        assertEquals("so", a.path("language").asText());
        assertEquals("sms", a.path("channel").asText());
        assertEquals("arbetskonsulent", a.path("contactRoleOwner").asText());
        assertEquals("WEEKLY", a.path("checkInCadence").asText());
        assertEquals("2026-09-01", a.path("plan").path("start").asText());
        assertEquals("2027-02-28", a.path("plan").path("end").asText());
        assertEquals("SFI", a.path("plan").path("activities").get(0).path("type").asText());
        assertEquals(15.0, a.path("plan").path("activities").get(0).path("hoursPerWeek").asDouble());
        assertEquals("Täby kompetenscenter", a.path("plan").path("activities").get(0).path("provider").asText());
        assertEquals("PARENTAL_LEAVE", a.path("plan").path("pauses").get(0).path("reason").asText());
        assertTrue(List.of("ACTIVE", "PAUSED", "NOT_STARTED", "ENDED").contains(a.path("status").asText()));
        assertEquals(0, a.path("missedCheckIns").asInt());
        assertEquals(false, a.path("optedOut").path("sms").asBoolean(true));
        assertEquals(false, a.path("optedOut").path("email").asBoolean(true));
        assertTrue(a.path("checkIns").isArray());
        assertEquals(0, a.path("checkIns").size());

        CheckInRepository checkIns = f.stack.context().getBean(CheckInRepository.class);
        Instant at = Instant.parse("2026-11-17T09:00:00Z");
        checkIns.save(new CheckIn(id, "2026-W46", CheckInStatus.ANSWERED, Channel.SMS, false, Participation.PARTLY, 3,
                List.of(HelpTopic.HOUSING), "Svårt att hitta bostad", at, at.plusSeconds(600), 0));
        checkIns.save(new CheckIn(id, "2026-W47", CheckInStatus.ANSWERED, Channel.SMS, true, Participation.YES, 4,
                List.of(HelpTopic.NONE), null, at.plusSeconds(7 * 86400), at.plusSeconds(7 * 86400 + 60), 0));
        JsonNode withHistory = StaffFixtures.json(f.stack.get("/staff/aspirants/" + id, f.staff));
        JsonNode history = withHistory.path("checkIns");
        assertEquals(2, history.size());
        assertEquals("2026-W47", history.get(0).path("cycle").asText());
        assertEquals("YES", history.get(0).path("participation").asText());
        assertEquals("2026-W46", history.get(1).path("cycle").asText());
        assertEquals("PARTLY", history.get(1).path("participation").asText());
        assertEquals(3, history.get(1).path("wellbeing").asInt());
        assertEquals("HOUSING", history.get(1).path("helpNeeded").get(0).asText());
        assertEquals("Svårt att hitta bostad", history.get(1).path("freeText").asText());
        assertEquals("sms", history.get(1).path("channel").asText());
        assertEquals("2026-11-17T09:10:00Z", history.get(1).path("answeredAt").asText());
    }

    @Test
    void unknownAspirantIs404Json() {
        HttpResponse<String> response = f.stack.get("/staff/aspirants/no-such-id", f.staff);
        assertEquals(404, response.statusCode());
        assertEquals("not-found", StaffFixtures.json(response).path("error").asText());
        HttpResponse<String> put = f.putJson("/staff/aspirants/no-such-id",
                StaffFixtures.aspirant("X", StaffFixtures.mobile()), f.staff);
        assertEquals(404, put.statusCode());
        assertEquals(404, f.stack.get("/staff/aspirants/no-such-id/audit", f.staff).statusCode());
    }

    @Test
    void updateChangesContactDetailsAndPlanAndIsAudited() {
        String phone = StaffFixtures.mobile();
        String id = f.createAspirant(StaffFixtures.aspirant("Omar Ali", phone));
        ObjectNode changed = StaffFixtures.aspirant("Omar Ali", phone);
        String newPhone = StaffFixtures.mobile();
        changed.put("phone", newPhone);
        changed.put("language", "ar");
        changed.put("channel", "email");
        ((ObjectNode) changed.path("plan")).put("end", "2027-06-30");
        HttpResponse<String> put = f.putJson("/staff/aspirants/" + id, changed, f.admin);
        assertEquals(200, put.statusCode(), put.body());
        JsonNode a = StaffFixtures.json(put);
        assertEquals(StaffFixtures.e164(newPhone), a.path("phone").asText());
        assertEquals("ar", a.path("language").asText());
        assertEquals("email", a.path("channel").asText());
        assertEquals("2027-06-30", a.path("plan").path("end").asText());

        // The old number is free again; the new one is taken.
        f.createAspirant(StaffFixtures.aspirant("Ny Person", phone));
        HttpResponse<String> clash = f.postJson("/staff/aspirants", StaffFixtures.aspirant("Tredje", newPhone), f.staff);
        assertEquals(409, clash.statusCode(), clash.body());

        // The same PUT again changes nothing and writes no audit entry.
        assertEquals(200, f.putJson("/staff/aspirants/" + id, changed, f.admin).statusCode());

        JsonNode trail = StaffFixtures.json(f.stack.get("/staff/aspirants/" + id + "/audit", f.staff));
        assertEquals("aspirant#" + id, trail.path("recordKey").asText());
        List<String> entries = new ArrayList<>();
        trail.path("items").forEach(e -> entries.add(e.path("actor").asText() + ":" + e.path("action").asText()));
        assertEquals(List.of("anna:aspirant.created", "bertil:aspirant.updated"), entries);
        String detail = trail.path("items").get(1).path("detail").asText();
        assertEquals("via API; fields: phone, language, channel, plan", detail);
        assertFalse(trail.toString().contains(newPhone.replaceAll("[^0-9]", "").substring(1)), "no phone in the trail");
        assertNotNull(trail.path("items").get(0).path("at").asText(null));
    }

    @Test
    void viewingAnAspirantIsLoggedInTheTrail() {
        String id = f.createAspirant(StaffFixtures.aspirant("Läs Loggad", StaffFixtures.mobile()));
        f.stack.get("/staff/aspirants/" + id, f.admin);
        JsonNode trail = StaffFixtures.json(f.stack.get("/staff/aspirants/" + id + "/audit", f.staff));
        assertEquals("aspirant.viewed", trail.path("items").get(1).path("action").asText());
        assertEquals("bertil", trail.path("items").get(1).path("actor").asText());
    }

    @Test
    void theSamePhoneCannotBelongToTwoActiveAspirants() {
        String phone = StaffFixtures.mobile();
        String first = f.createAspirant(StaffFixtures.aspirant("Första", phone));
        long before = f.count("AspirantsTable");
        String otherWriting = "+46 " + StaffFixtures.e164(phone).substring(3, 5) + " "
                + StaffFixtures.e164(phone).substring(5);
        HttpResponse<String> clash = f.postJson("/staff/aspirants", StaffFixtures.aspirant("Andra", otherWriting), f.staff);
        assertEquals(409, clash.statusCode(), clash.body());
        JsonNode body = StaffFixtures.json(clash);
        assertEquals("conflict", body.path("error").asText());
        assertEquals(List.of("phone/phone.taken"), StaffFixtures.fieldCodes(clash));
        assertTrue(body.path("message").asText().contains(first));
        assertEquals(before, f.count("AspirantsTable"));

        String second = f.createAspirant(StaffFixtures.aspirant("Andra", StaffFixtures.mobile()));
        HttpResponse<String> update = f.putJson("/staff/aspirants/" + second, StaffFixtures.aspirant("Andra", phone), f.staff);
        assertEquals(409, update.statusCode(), update.body());
    }

    @Test
    void withoutTokenOrStaffGroupTheRoutesAnswer401And403() {
        String id = f.createAspirant(StaffFixtures.aspirant("Skyddad", StaffFixtures.mobile()));
        String outsider = f.stack.staffToken("eve", "reception");
        for (String path : List.of("/staff/aspirants", "/staff/aspirants/" + id, "/staff/aspirants/" + id + "/audit",
                "/staff/employers/5566778899", "/staff/employers")) {
            assertEquals(401, f.stack.get(path, null).statusCode(), path);
            assertEquals(403, f.stack.get(path, outsider).statusCode(), path);
        }
        String body = StaffFixtures.aspirant("Ny", StaffFixtures.mobile()).toString();
        assertEquals(401, f.postJson("/staff/aspirants", body, null).statusCode());
        assertEquals(403, f.postJson("/staff/aspirants", body, outsider).statusCode());
        assertEquals(401, f.putJson("/staff/aspirants/" + id, body, null).statusCode());
        assertEquals(403, f.putJson("/staff/aspirants/" + id, body, outsider).statusCode());
        assertEquals(401, f.stack.post("/staff/aspirants/import", "text/csv", "namn\n", null).statusCode());
        assertEquals(403, f.stack.post("/staff/aspirants/import", "text/csv", "namn\n", outsider).statusCode());
        assertEquals(401, f.stack.post("/staff/employers", "application/json", "{}", null).statusCode());
        assertEquals(403, f.stack.post("/staff/employers", "application/json", "{}", outsider).statusCode());
        // Imports and erasure need the admin scope, which only the admin group gets: the HTTP API refuses a staff
        // token before the function runs (the function checks the group again: AdminGroupCheckTest in staff-api).
        HttpResponse<String> staffOnly = f.stack.post("/staff/aspirants/import", "text/csv", "namn\n", f.staff);
        assertEquals(403, staffOnly.statusCode());
        assertEquals("Forbidden", StaffFixtures.json(staffOnly).path("message").asText());
        assertEquals(403, f.stack.post("/staff/employers/import", "text/csv", "namn\n", f.staff).statusCode());
        assertEquals(403, f.stack.send(f.stack.request("/staff/aspirants/" + id, f.staff).DELETE().build()).statusCode());
        assertEquals(403, f.stack.post("/staff/surveys/2031/campaign", "application/json", "{}", f.staff).statusCode());
        assertEquals(200, f.stack.get("/staff/aspirants/" + id, f.staff).statusCode(), "still there, still readable");
    }
}
