package se.vagen.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV imports over HTTP: a mixed good/bad file, a re-import that changes nothing, dialects, demo data. */
class StaffImportTest {

    private final StaffFixtures f = new StaffFixtures();

    static final String HEADER = "namn;telefon;e-post;språk;kanal;ägarroll;planstart;planslut;aktivitet;timmar;anordnare\r\n";

    private static List<String> statuses(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("rows").forEach(r -> out.add(r.path("row").asInt() + ":" + r.path("status").asText()));
        return out;
    }

    @Test
    void mixedFileStoresGoodRowsReportsBadOnesAndReimportChangesNothing() {
        String prefix = StaffFixtures.uniquePrefix();
        String p1 = StaffFixtures.mobile();
        String p2 = StaffFixtures.mobile();
        String csv = HEADER
                + prefix + " Amina;" + p1 + ";;so;sms;arbetskonsulent;2026-09-01;2027-02-28;SFI;15;\"Täby kompetenscenter; hus B\"\r\n"
                + prefix + " Amina;" + p1 + ";;so;sms;arbetskonsulent;2026-09-01;2027-02-28;Praktik;7,5;Café Solsidan\r\n"
                + prefix + " Fel;08-123 456 78;;xx;sms;chef;2026-02-30;2026-01-01;YOGA;-2;\r\n"
                + prefix + " Olena;" + p2 + ";" + prefix + "@example.org;uk;email;bostadskonsulent;2026-10-01;2027-03-31;JOBBSOK;10;\r\n"
                + ";;;;;;;;;;\r\n"
                + prefix + " Utan plan;" + StaffFixtures.mobile() + ";;sv;sms;arbetskonsulent;;;;;\r\n";
        long aspirants = f.count("AspirantsTable");
        HttpResponse<String> first = f.stack.post("/staff/aspirants/import", "text/csv; charset=utf-8", csv, f.admin);
        assertEquals(200, first.statusCode(), first.body());
        JsonNode report = StaffFixtures.json(first);
        assertEquals(List.of("2:created", "3:created", "4:error", "5:created", "7:error"), statuses(report));
        assertEquals(3, report.path("created").asInt());
        assertEquals(2, report.path("failed").asInt());
        assertEquals(report.path("rows").get(0).path("id").asText(), report.path("rows").get(1).path("id").asText());
        List<String> faults = new ArrayList<>();
        report.path("rows").get(2).path("errors").forEach(e -> faults.add(e.path("field").asText() + "/" + e.path("code").asText()));
        assertEquals(List.of("språk/language.unknown", "ägarroll/role.unknown", "telefon/phone.not-mobile",
                "planstart/date.invalid", "aktivitet/activity.type.unknown", "timmar/activity.hours.negative"), faults);
        List<String> missingPlan = new ArrayList<>();
        report.path("rows").get(4).path("errors").forEach(e -> missingPlan.add(e.path("field").asText()));
        assertEquals(List.of("planstart", "planslut"), missingPlan);
        // Two aspirants plus their two phone claims.
        assertEquals(aspirants + 4, f.count("AspirantsTable"));

        String aminaId = report.path("rows").get(0).path("id").asText();
        JsonNode amina = StaffFixtures.json(f.stack.get("/staff/aspirants/" + aminaId, f.staff));
        assertEquals(2, amina.path("plan").path("activities").size());
        assertEquals("Täby kompetenscenter; hus B", amina.path("plan").path("activities").get(0).path("provider").asText());
        assertEquals(7.5, amina.path("plan").path("activities").get(1).path("hoursPerWeek").asDouble());
        long audit = f.count("AuditTable");

        HttpResponse<String> again = f.stack.post("/staff/aspirants/import", "text/csv; charset=utf-8", csv, f.admin);
        JsonNode second = StaffFixtures.json(again);
        assertEquals(List.of("2:unchanged", "3:unchanged", "4:error", "5:unchanged", "7:error"), statuses(second));
        assertEquals(3, second.path("unchanged").asInt());
        assertEquals(0, second.path("created").asInt() + second.path("updated").asInt());
        assertEquals(aspirants + 4, f.count("AspirantsTable"));
        assertEquals(audit, f.count("AuditTable"), "a re-import writes no audit entry");

        String changed = csv.replace(";7,5;", ";12;");
        JsonNode third = StaffFixtures.json(f.stack.post("/staff/aspirants/import", "text/csv", changed, f.admin));
        assertEquals(List.of("2:updated", "3:updated", "4:error", "5:unchanged", "7:error"), statuses(third));
        JsonNode trail = StaffFixtures.json(f.stack.get("/staff/aspirants/" + aminaId + "/audit", f.staff));
        List<String> actions = new ArrayList<>();
        trail.path("items").forEach(e -> actions.add(e.path("actor").asText() + ":" + e.path("action").asText()
                + ":" + e.path("detail").asText()));
        assertEquals("bertil:aspirant.created:via CSV import", actions.get(0));
        assertTrue(actions.contains("bertil:aspirant.updated:via CSV import; fields: plan"), actions.toString());
    }

    @Test
    void windows1252WithEnglishHeadersInAnotherOrderAsBinaryUpload() {
        String phone = StaffFixtures.mobile();
        String name = StaffFixtures.uniquePrefix() + " Åsa Öberg";
        String csv = "Channel,Language,Name,Phone,PlanEnd,PlanStart,OwnerRole,HoursPerWeek,Activity,Provider\r\n"
                + "sms,sv," + name + "," + phone + ",2027-06-30,2026-09-01,Studie- och yrkesvägledare,\"7,5\",Samhällsorientering,"
                + "\"Folkhögskolan \"\"Väst\"\"\nHus B\"\r\n";
        byte[] bytes = csv.getBytes(Charset.forName("windows-1252"));
        HttpResponse<String> response = f.postBytes("/staff/aspirants/import", "application/octet-stream", bytes, f.admin);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = StaffFixtures.json(response);
        assertEquals(1, report.path("created").asInt(), response.body());
        JsonNode a = StaffFixtures.json(f.stack.get("/staff/aspirants/" + report.path("rows").get(0).path("id").asText(), f.staff));
        assertEquals(name, a.path("name").asText());
        assertEquals("studie-och-yrkesvagledare", a.path("contactRoleOwner").asText());
        assertEquals("Folkhögskolan \"Väst\" Hus B", a.path("plan").path("activities").get(0).path("provider").asText());
        assertEquals(7.5, a.path("plan").path("activities").get(0).path("hoursPerWeek").asDouble());
    }

    @Test
    void aWindows1252FileSentAsUtf8TextIsRefusedWithAHint() {
        byte[] bytes = (HEADER + "Åsa;070-000 00 01;;sv;sms;arbetskonsulent;2026-09-01;2027-01-01;;;\r\n")
                .getBytes(Charset.forName("windows-1252"));
        HttpResponse<String> response = f.postBytes("/staff/aspirants/import", "text/csv", bytes, f.admin);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("csv", StaffFixtures.json(response).path("error").asText());
        assertTrue(StaffFixtures.json(response).path("message").asText().contains("application/octet-stream"));
    }

    @Test
    void fileLevelFaultsAre400WithAMessage() {
        for (String csv : List.of("", "a;b;c\r\n1;2;3\r\n", "namn;telefon\r\nA;070-000 00 01\r\n",
                "namn;telefon;språk;kanal;ägarroll;planstart;planslut\r\n\"A;070\r\n")) {
            HttpResponse<String> response = f.stack.post("/staff/aspirants/import", "text/csv", csv, f.admin);
            assertEquals(400, response.statusCode(), csv);
            JsonNode body = StaffFixtures.json(response);
            assertEquals("csv", body.path("error").asText(), response.body());
            assertTrue(!body.path("message").asText().isBlank());
        }
        HttpResponse<String> missing = f.stack.post("/staff/aspirants/import", "text/csv", "namn\r\nA\r\n", f.admin);
        assertEquals("Kolumner saknas: språk, kanal, ägarroll, planstart, planslut.",
                StaffFixtures.json(missing).path("message").asText());
    }

    @Test
    void employerImportMergesContactsAndReimportChangesNothing() {
        String org = StaffOrgNumbers.fresh();
        String csv = "organisationsnummer;namn;bransch;storlek;kontaktperson;roll;e-post;telefon;senaste kontakt\r\n"
                + org.substring(0, 6) + "-" + org.substring(6) + ";Import AB;Handel;10-49;Kim Berg;VD;kim@import.example.org;08-123 456 78;2026-10-01\r\n"
                + org + ";Import AB;Handel;;Sara Lind;HR;sara@import.example.org;;2026-11-02\r\n"
                + "556677-8898;Fel AB;Handel;;Ola;;ola@example.org;;2026-10-01\r\n";
        HttpResponse<String> first = f.stack.post("/staff/employers/import", "text/csv", csv, f.admin);
        assertEquals(200, first.statusCode(), first.body());
        JsonNode report = StaffFixtures.json(first);
        assertEquals(List.of("2:created", "3:created", "4:error"), statuses(report));
        assertEquals(org, report.path("rows").get(0).path("id").asText());
        assertEquals("organisationsnummer", report.path("rows").get(2).path("errors").get(0).path("field").asText());
        JsonNode employer = StaffFixtures.json(f.stack.get("/staff/employers/" + org, f.staff));
        assertEquals(2, employer.path("contacts").size());
        assertEquals("2026-11-02", employer.path("lastContact").asText());
        assertEquals("10-49", employer.path("sizeBand").asText());
        long items = f.count("EmployersTable");
        long audit = f.count("AuditTable");

        JsonNode again = StaffFixtures.json(f.stack.post("/staff/employers/import", "text/csv", csv, f.admin));
        assertEquals(List.of("2:unchanged", "3:unchanged", "4:error"), statuses(again));
        assertEquals(items, f.count("EmployersTable"));
        assertEquals(audit, f.count("AuditTable"));
    }

    @Test
    void theDemoFilesOfTheLocalStackImportWithoutErrors() throws IOException {
        for (String kind : List.of("aspirants", "employers")) {
            byte[] file;
            try (InputStream in = StaffImportTest.class.getResourceAsStream("/demo/" + kind + ".csv")) {
                file = in.readAllBytes();
            }
            assertEquals((byte) 0xEF, file[0], "UTF-8 with BOM");
            assertTrue(new String(file, StandardCharsets.UTF_8).contains("\r\n"), "CRLF");
            HttpResponse<String> response = f.stack.post("/staff/" + kind + "/import", "text/csv; charset=utf-8",
                    new String(file, StandardCharsets.UTF_8), f.admin);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode report = StaffFixtures.json(response);
            assertEquals(0, report.path("failed").asInt(), response.body());
            assertTrue(report.path("rows").size() >= 4);
        }
    }
}
