package se.vagen.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.vagen.common.Page;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerRepository;

/** Employer routes over HTTP, and the by-last-contact listing the survey reads. */
class StaffEmployersTest {

    private final StaffFixtures f = new StaffFixtures();

    private static ObjectNode employer(String org, String lastContact) {
        ObjectNode body = (ObjectNode) StaffFixtures.read("""
                {"orgNumber":"","name":"Exempel Bygg AB","industry":"Bygg","sizeBand":"10-49","lastContact":"",
                 "contacts":[{"name":"Kim Berg","email":"kim@exempelbygg.example.org","phone":"08-123 456 78","role":"Platschef"}]}""");
        body.put("orgNumber", org.substring(0, 6) + "-" + org.substring(6));
        body.put("lastContact", lastContact);
        return body;
    }

    @Test
    void createReadReplaceAndAudit() {
        String org = StaffOrgNumbers.fresh();
        HttpResponse<String> created = f.postJson("/staff/employers", employer(org, "2026-10-01"), f.staff);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(org, StaffFixtures.json(created).path("id").asText());

        for (String written : List.of(org, org.substring(0, 6) + "-" + org.substring(6), "16" + org)) {
            HttpResponse<String> read = f.stack.get("/staff/employers/" + written, f.staff);
            assertEquals(200, read.statusCode(), written);
            JsonNode e = StaffFixtures.json(read);
            assertEquals(org, e.path("orgNumber").asText());
            assertEquals(org.substring(0, 6) + "-" + org.substring(6), e.path("orgNumberFormatted").asText());
            assertEquals("Exempel Bygg AB", e.path("name").asText());
            assertEquals("Bygg", e.path("industry").asText());
            assertEquals("10-49", e.path("sizeBand").asText());
            assertEquals("2026-10-01", e.path("lastContact").asText());
            assertEquals("+46812345678", e.path("contacts").get(0).path("phone").asText());
            assertEquals("Platschef", e.path("contacts").get(0).path("role").asText());
        }

        HttpResponse<String> duplicate = f.postJson("/staff/employers", employer(org, "2026-10-01"), f.staff);
        assertEquals(409, duplicate.statusCode());
        assertEquals("conflict", StaffFixtures.json(duplicate).path("error").asText());

        ObjectNode changed = employer(org, "2026-11-20");
        changed.put("industry", "Bygg och anläggning");
        HttpResponse<String> put = f.putJson("/staff/employers/" + org, changed, f.admin);
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("Bygg och anläggning", StaffFixtures.json(put).path("industry").asText());
        HttpResponse<String> mismatch = f.putJson("/staff/employers/" + org, employer(StaffOrgNumbers.fresh(), "2026-11-20"), f.admin);
        assertEquals(400, mismatch.statusCode());
        assertEquals(List.of("orgNumber/orgnr.mismatch"), StaffFixtures.fieldCodes(mismatch));

        JsonNode trail = StaffFixtures.json(f.stack.get("/staff/employers/" + org + "/audit", f.staff));
        assertEquals("employer#" + org, trail.path("recordKey").asText());
        List<String> actions = new ArrayList<>();
        trail.path("items").forEach(e -> actions.add(e.path("actor").asText() + ":" + e.path("action").asText()));
        assertEquals(List.of("anna:employer.created", "bertil:employer.updated"), actions);
    }

    @Test
    void unknownOrMalformedNumbersAre404() {
        assertEquals(404, f.stack.get("/staff/employers/" + StaffOrgNumbers.fresh(), f.staff).statusCode());
        HttpResponse<String> bad = f.stack.get("/staff/employers/not-a-number", f.staff);
        assertEquals(404, bad.statusCode());
        assertEquals("not-found", StaffFixtures.json(bad).path("error").asText());
        assertEquals(404, f.putJson("/staff/employers/" + StaffOrgNumbers.fresh(),
                employer(StaffOrgNumbers.fresh(), "2026-10-01"), f.staff).statusCode());
    }

    @Test
    void employersContactedSinceADayPageInContactOrder() {
        // A day far back that only this test uses, so other tests' employers do not interleave.
        LocalDate base = LocalDate.of(2001, 1, 1).plusDays((long) (Math.random() * 3000));
        List<String> orgs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String org = StaffOrgNumbers.fresh();
            orgs.add(org);
            assertEquals(201, f.postJson("/staff/employers", employer(org, base.plusDays(4 - i).toString()), f.staff)
                    .statusCode());
        }
        EmployerRepository repository = f.stack.context().getBean(EmployerRepository.class);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Employer> page = repository.contactedSince(base, 2, cursor);
            page.items().stream().filter(e -> orgs.contains(e.orgNumber())).forEach(e -> seen.add(e.orgNumber()));
            cursor = page.nextCursor();
        } while (cursor != null && seen.size() < 5);
        assertEquals(List.of(orgs.get(4), orgs.get(3), orgs.get(2), orgs.get(1), orgs.get(0)), seen);

        JsonNode first = StaffFixtures.json(f.stack.get("/staff/employers?since=" + base + "&limit=2", f.staff));
        assertEquals(2, first.path("items").size());
        assertTrue(first.path("nextCursor").isTextual());
        assertEquals(400, f.stack.get("/staff/employers?since=2026-02-30", f.staff).statusCode());
        assertEquals(400, f.stack.get("/staff/employers?cursor=abc", f.staff).statusCode());
    }
}
