package se.vagen.local.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.aspirant.PauseReason;
import se.vagen.aspirant.PlanPause;
import se.vagen.audit.AuditEntry;
import se.vagen.audit.AuditTrail;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInRepository;
import se.vagen.checkin.CheckInStatus;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.forum.ForumListRun;
import se.vagen.forum.ListStore;
import se.vagen.local.testing.VagenStack;

/**
 * The weekly forum list end to end on the local stack: a population covering every reason and status (this
 * class's own aspirants, in a week of 2031 no other test uses), generated through the staff API and through
 * the scheduled job, checked in the JSON, the CSV and the XLSX downloaded through the presigned links.
 * Other tests' aspirants may be in the same list: only this class's rows are asserted on.
 */
class ForumListTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEEK = "2031-W10";
    private static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);
    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String AK = "arbetskonsulent";
    private static final String BH = "biståndshandläggare";

    private static final VagenStack STACK = VagenStack.shared();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Expected per aspirant id, in the expected list order: name, status, reason codes, suggested role. */
    private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

    record Expected(String name, String status, List<String> codes, String role) {
    }

    @BeforeAll
    static void population() {
        AspirantRepository aspirants = STACK.context().getBean(AspirantRepository.class);
        CheckInRepository checkIns = STACK.context().getBean(CheckInRepository.class);
        // In list order: AT_RISK by role (biståndshandläggare, bostadskonsulent, arbetskonsulent,
        // studie- och yrkesvägledare, Arbetsförmedlingen), then ENDING, NEW, PAUSED, ON_TRACK; by name within.
        add(aspirants, checkIns, "Bistånd Barnomsorg", b -> { }, List.of(answered("2031-W09", 4, Participation.YES, HelpTopic.CHILDCARE)),
                "AT_RISK", List.of("HELP_CHILDCARE"), BH);
        add(aspirants, checkIns, "Bistånd Hälsa", b -> { }, List.of(answered("2031-W09", 4, Participation.YES, HelpTopic.HEALTH)),
                "AT_RISK", List.of("HELP_HEALTH"), BH);
        add(aspirants, checkIns, "Bistånd Pengar", b -> { }, List.of(answered("2031-W09", 4, Participation.YES, HelpTopic.MONEY)),
                "AT_RISK", List.of("HELP_MONEY"), BH);
        add(aspirants, checkIns, "Bistånd Stopp", b -> b.owner = BH, List.of(answered("2031-W09", 4, Participation.YES)),
                "AT_RISK", List.of("OPTED_OUT"), BH, true);
        add(aspirants, checkIns, "Boende Hjälp", b -> { }, List.of(answered("2031-W09", 4, Participation.YES, HelpTopic.HOUSING)),
                "AT_RISK", List.of("HELP_HOUSING"), "bostadskonsulent");
        add(aspirants, checkIns, "Konsulent Arbete", b -> { }, List.of(answered("2031-W09", 4, Participation.YES, HelpTopic.WORK)),
                "AT_RISK", List.of("HELP_WORK"), AK);
        add(aspirants, checkIns, "Konsulent Deltar ej", b -> { }, List.of(answered("2031-W09", 4, Participation.NO)),
                "AT_RISK", List.of("NOT_PARTICIPATING"), AK);
        add(aspirants, checkIns, "Konsulent Delvis", b -> { }, List.of(answered("2031-W09", 4, Participation.PARTLY),
                answered("2031-W08", 4, Participation.PARTLY)), "AT_RISK", List.of("NOT_PARTICIPATING"), AK);
        add(aspirants, checkIns, "Konsulent Fritext", b -> { }, List.of(answeredWithText("2031-W09")),
                "AT_RISK", List.of("FREE_TEXT"), AK);
        add(aspirants, checkIns, "Konsulent Missar", b -> { }, List.of(missed("2031-W09"), missed("2031-W08"),
                answered("2031-W07", 4, Participation.YES)), "AT_RISK", List.of("MISSED_CHECKINS"), AK);
        add(aspirants, checkIns, "Konsulent Mår dåligt", b -> { }, List.of(answered("2031-W09", 2, Participation.YES)),
                "AT_RISK", List.of("LOW_WELLBEING"), AK);
        add(aspirants, checkIns, "Vägledning Studier", b -> { }, List.of(answered("2031-W09", 4, Participation.YES, HelpTopic.STUDIES)),
                "AT_RISK", List.of("HELP_STUDIES"), "studie- och yrkesvägledare");
        add(aspirants, checkIns, "Förmedling Annat", b -> b.owner = "Arbetsförmedlingen",
                List.of(answered("2031-W09", 4, Participation.YES, HelpTopic.OTHER)), "AT_RISK", List.of("HELP_OTHER"),
                "Arbetsförmedlingen");
        add(aspirants, checkIns, "Slutar Snart", b -> b.end = MONDAY.plusDays(28),
                List.of(answered("2031-W09", 4, Participation.YES)), "ENDING", List.of("ENDING"), AK);
        add(aspirants, checkIns, "Ny Ankomst", b -> b.start = MONDAY.minusDays(14), List.of(), "NEW", List.of("NEW"), AK);
        add(aspirants, checkIns, "Pausad Ledig", b -> b.pause = new PlanPause(MONDAY.minusDays(10), MONDAY.plusDays(50),
                PauseReason.PARENTAL_LEAVE), List.of(missed("2031-W09"), missed("2031-W08")), "PAUSED", List.of("PAUSED"), AK);
        add(aspirants, checkIns, FORMULA, b -> { }, List.of(answered("2031-W09", 4, Participation.YES)),
                "ON_TRACK", List.of(), null);
        add(aspirants, checkIns, "Följer Planen", b -> b.end = MONDAY.plusDays(29),
                List.of(answered("2031-W09", 3, Participation.YES), missed("2031-W08")), "ON_TRACK", List.of(), null);
        // Not on the list: plan ended the day before the Monday, or starts after it.
        Builder ended = new Builder("Avslutad " + RUN);
        ended.end = MONDAY.minusDays(1);
        aspirants.save(ended.build());
        Builder later = new Builder("Senare " + RUN);
        later.start = MONDAY.plusDays(1);
        aspirants.save(later.build());
        NOT_LISTED.add(ended.id);
        NOT_LISTED.add(later.id);
    }

    private static final List<String> NOT_LISTED = new ArrayList<>();

    static final class Builder {
        final String id = "forum-" + UUID.randomUUID();
        final String name;
        String owner = AK;
        LocalDate start = LocalDate.of(2030, 9, 2);
        LocalDate end = LocalDate.of(2031, 8, 29);
        PlanPause pause;
        boolean optedOut;

        Builder(String name) {
            this.name = name;
        }

        Aspirant build() {
            String phone = "+4670" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
            Instant now = Instant.parse("2030-09-01T08:00:00Z");
            return new Aspirant(id, name, phone, null, Language.SV, Channel.SMS, owner, Cadence.WEEKLY,
                    new OptOuts(optedOut, false), new ActivityPlan(start, end, List.of(),
                    pause == null ? List.of() : List.of(pause)), null, 0, false, now, now);
        }
    }

    private static void add(AspirantRepository aspirants, CheckInRepository checkIns, String name,
                            java.util.function.Consumer<Builder> setup, List<CheckIn> history, String status,
                            List<String> codes, String role) {
        add(aspirants, checkIns, name, setup, history, status, codes, role, false);
    }

    private static void add(AspirantRepository aspirants, CheckInRepository checkIns, String name,
                            java.util.function.Consumer<Builder> setup, List<CheckIn> history, String status,
                            List<String> codes, String role, boolean optedOut) {
        String full = name + " " + RUN;
        Builder b = new Builder(full);
        b.optedOut = optedOut;
        setup.accept(b);
        aspirants.save(b.build());
        for (CheckIn c : history) {
            checkIns.save(new CheckIn(b.id, c.cycle(), c.status(), c.channel(), c.viaForm(), c.participation(),
                    c.wellbeing(), c.helpNeeded(), c.freeText(), c.openedAt(), c.answeredAt(), c.remindersSent()));
        }
        EXPECTED.put(b.id, new Expected(full, status, codes, role));
    }

    private static CheckIn answered(String cycle, int wellbeing, Participation p, HelpTopic... help) {
        Instant at = Instant.parse("2031-02-25T10:00:00Z");
        return new CheckIn("x", cycle, CheckInStatus.ANSWERED, Channel.SMS, false, p, wellbeing,
                help.length == 0 ? List.of(HelpTopic.NONE) : Arrays.asList(help), null, at.minusSeconds(60), at, 0);
    }

    private static CheckIn answeredWithText(String cycle) {
        Instant at = Instant.parse("2031-02-25T10:00:00Z");
        return new CheckIn("x", cycle, CheckInStatus.ANSWERED, Channel.SMS, false, Participation.YES, 4,
                List.of(HelpTopic.NONE), "Kan någon ringa mig?", at.minusSeconds(60), at, 0);
    }

    private static CheckIn missed(String cycle) {
        return new CheckIn("x", cycle, CheckInStatus.MISSED, Channel.SMS, false, null, null, null, null,
                Instant.parse("2031-02-20T08:00:00Z"), null, 2);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void generatedThroughTheStaffApiTheListIsRightInJsonCsvAndXlsx() throws Exception {
        String user = "forumtest" + RUN;
        String token = STACK.staffToken(user, "staff");
        HttpResponse<String> generated = STACK.post("/staff/forum-lists/" + WEEK + "/generate", "application/json", "",
                token);
        assertEquals(200, generated.statusCode(), generated.body());
        JsonNode summary = JSON.readTree(generated.body());
        assertEquals(WEEK, summary.path("week").asText());
        assertEquals(user, summary.path("generatedBy").asText());
        assertTrue(summary.path("counts").path("AT_RISK").asInt() >= 13);

        HttpResponse<String> weeks = STACK.get("/staff/forum-lists", token);
        assertEquals(200, weeks.statusCode());
        boolean listed = false;
        for (JsonNode item : JSON.readTree(weeks.body()).path("items")) {
            listed |= item.path("week").asText().equals(WEEK);
        }
        assertTrue(listed, weeks.body());

        HttpResponse<String> view = STACK.get("/staff/forum-lists/" + WEEK, token);
        assertEquals(200, view.statusCode(), view.body());
        JsonNode list = JSON.readTree(view.body());
        List<String> jsonOrder = new ArrayList<>();
        for (JsonNode row : list.path("rows")) {
            String id = row.path("aspirantId").asText();
            assertTrue(!NOT_LISTED.contains(id), "plan not active on the Monday: " + id);
            Expected e = EXPECTED.get(id);
            if (e == null) {
                continue;
            }
            jsonOrder.add(id);
            assertEquals(e.name(), row.path("name").asText());
            assertEquals(e.status(), row.path("status").asText(), e.name());
            List<String> codes = new ArrayList<>();
            row.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
            assertEquals(e.codes(), codes, e.name());
            assertEquals(e.role() == null ? "null" : e.role(), row.path("suggestedRole").asText("null"), e.name());
            assertTrue(!row.has("phone") && !row.has("gender"), "no contact or profile fields");
        }
        assertEquals(new ArrayList<>(EXPECTED.keySet()), jsonOrder, "list order");

        // The CSV through its presigned link, parsed back.
        assertTrue(list.path("csvUrl").asText().contains("X-Amz-Expires=300"), "links are valid 5 minutes");
        assertTrue(list.path("xlsxUrl").asText().contains("X-Amz-Expires=300"), "links are valid 5 minutes");
        HttpResponse<byte[]> csv = download(list.path("csvUrl").asText());
        assertEquals(200, csv.statusCode());
        byte[] bytes = csv.body();
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 byte-order mark");
        List<List<String>> lines = Csv.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertEquals("Namn", lines.get(0).get(0));
        List<String> csvOrder = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            String id = line.get(10);
            Expected e = EXPECTED.get(id);
            if (e == null) {
                continue;
            }
            csvOrder.add(id);
            String name = e.name().startsWith("=") ? "'" + e.name() : e.name();
            assertEquals(name, line.get(0));
            assertEquals(String.join(", ", e.codes()), line.get(3), e.name());
            assertEquals(e.role() == null ? "" : e.role(), line.get(4), e.name());
        }
        assertEquals(new ArrayList<>(EXPECTED.keySet()), csvOrder, "CSV order");

        // The XLSX through its presigned link, read back.
        HttpResponse<byte[]> xlsx = download(list.path("xlsxUrl").asText());
        assertEquals(200, xlsx.statusCode());
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals("Alla", sheets.get(0).getName());
            List<String> sheetNames = sheets.stream().map(Sheet::getName).toList();
            assertTrue(sheetNames.containsAll(List.of("Biståndshandläggare", "Bostadskonsulent", "Arbetskonsulent",
                    "Studie- och yrkesvägledare", "Arbetsförmedlingen")), sheetNames.toString());
            List<String> xlsxOrder = new ArrayList<>();
            for (Row row : sheets.get(0).read()) {
                String id = row.getCellText(10);
                Expected e = EXPECTED.get(id);
                if (e == null) {
                    continue;
                }
                xlsxOrder.add(id);
                assertEquals(String.join(", ", e.codes()), row.getCellText(3), e.name());
                if (e.name().startsWith("=")) {
                    assertEquals(CellType.STRING, row.getCell(0).getType(), "a text cell, not a formula");
                    assertEquals("'" + FORMULA + " " + RUN, row.getCellText(0));
                }
            }
            assertEquals(new ArrayList<>(EXPECTED.keySet()), xlsxOrder, "XLSX order");
            Sheet housing = sheets.get(sheetNames.indexOf("Bostadskonsulent"));
            assertTrue(housing.read().stream().anyMatch(r -> ("Boende Hjälp " + RUN).equals(r.getCellText(0))));
        }

        // The view and both links are in the audit trail.
        List<AuditEntry> trail = STACK.context().getBean(AuditTrail.class).entriesFor("forum#" + WEEK).stream()
                .filter(e -> e.actor().equals(user)).toList();
        assertEquals(1, trail.stream().filter(e -> e.action().equals("FORUM_LIST_VIEWED")).count(), trail.toString());
        assertEquals(2, trail.stream().filter(e -> e.action().equals("FORUM_LIST_LINK")).count(), trail.toString());
        assertEquals(1, trail.stream().filter(e -> e.action().equals("FORUM_LIST_GENERATED")).count(), trail.toString());
    }

    @Test
    void theScheduledRunMakesTheWeekOfItsInstant() throws Exception {
        String result = STACK.runJob("forum-list", OffsetDateTime.parse("2031-03-03T06:00:00+01:00"));
        JsonNode summary = JSON.readTree(result);
        assertEquals(WEEK, summary.path("week").asText(), result);
        assertEquals("schedule", summary.path("generatedBy").asText());
        assertTrue(summary.path("total").asInt() >= EXPECTED.size());
        // Sunday 23:30 in Stockholm is still the week before.
        String sunday = STACK.runJob("forum-list", OffsetDateTime.parse("2031-03-02T23:30:00+01:00"));
        assertEquals("2031-W09", JSON.readTree(sunday).path("week").asText(), sunday);
    }

    @Test
    void aDownloadLinkWorksThenExpires() throws Exception {
        STACK.post("/staff/forum-lists/" + WEEK + "/generate", "application/json", "", STACK.staffToken("linktest", "staff"));
        ListStore store = STACK.context().getBean(ListStore.class);
        URI link = store.downloadLink(ForumListRun.csvKey(WEEK), Duration.ofSeconds(2), "list.csv");
        assertTrue(link.getQuery().contains("X-Amz-Expires=2"), link.toString());
        assertTrue(link.getQuery().contains("X-Amz-Signature="), link.toString());
        assertEquals(200, download(link.toString()).statusCode());
        Thread.sleep(3_000);
        HttpResponse<byte[]> expired = download(link.toString());
        // S3 answers 403 AccessDenied "Request has expired"; locally the link gate in front of S3Mock does the same.
        assertEquals(403, expired.statusCode());
        assertTrue(new String(expired.body(), java.nio.charset.StandardCharsets.UTF_8).contains("Request has expired"));
    }

    @Test
    void staffRoutesRefuseStrangersAndBadWeeks() {
        assertEquals(401, STACK.get("/staff/forum-lists/" + WEEK, null).statusCode());
        assertEquals(403, STACK.get("/staff/forum-lists/" + WEEK, STACK.staffToken("bo", "reception")).statusCode());
        assertEquals(403, STACK.post("/staff/forum-lists/" + WEEK + "/generate", "application/json", "",
                STACK.staffToken("bo", "reception")).statusCode());
        String token = STACK.staffToken("anna", "staff");
        HttpResponse<String> bad = STACK.get("/staff/forum-lists/2031-48", token);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("bad_week"));
        assertEquals(400, STACK.post("/staff/forum-lists/2031-W54/generate", "application/json", "", token).statusCode());
        assertEquals(404, STACK.get("/staff/forum-lists/1999-W01", token).statusCode());
    }

    private static HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
