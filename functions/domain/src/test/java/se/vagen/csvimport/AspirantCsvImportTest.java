package se.vagen.csvimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.ActivityType;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantService;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.validation.FieldError;

class AspirantCsvImportTest {

    static final String HEADER = "namn;telefon;e-post;språk;kanal;ägarroll;planstart;planslut;aktivitet;timmar;anordnare\r\n";

    InMemory.Aspirants aspirants;
    InMemory.Audit audit;
    AspirantCsvImport importer;

    @BeforeEach
    void setUp() {
        aspirants = new InMemory.Aspirants();
        audit = new InMemory.Audit();
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        importer = new AspirantCsvImport(new AspirantService(aspirants, audit, clock));
    }

    @Test
    void mixedFileStoresGoodRowsAndReportsBadOnesThenReimportChangesNothing() {
        String csv = HEADER
                + "Amina Yusuf;070-174 06 05;amina@example.org;so;sms;arbetskonsulent;2026-09-01;2027-02-28;SFI;15;Täby kompetenscenter\r\n"
                + "Amina Yusuf;070-174 06 05;amina@example.org;so;sms;arbetskonsulent;2026-09-01;2027-02-28;Praktik;7,5;Café Solsidan\r\n"
                + "Bad Row;08-123 456 78;;xx;sms;chef;2026-02-30;2026-01-01;YOGA;-2;\r\n"
                + "Олена Коваленко;;olena@example.org;uk;email;bostadskonsulent;2026-10-01;2027-03-31;JOBBSOK;10;\r\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        ImportReport first = importer.importFile(file, "anna");
        assertEquals(List.of(2, 3, 4, 5), first.rows().stream().map(ImportReport.RowResult::row).toList());
        assertEquals(List.of("created", "created", "error", "created"),
                first.rows().stream().map(ImportReport.RowResult::status).toList());
        assertEquals(3, first.created());
        assertEquals(1, first.failed());
        assertEquals(2, aspirants.byId.size());
        assertEquals(List.of("språk/language.unknown", "ägarroll/role.unknown", "telefon/phone.not-mobile",
                "planstart/date.invalid", "aktivitet/activity.type.unknown", "timmar/activity.hours.negative"),
                first.rows().get(2).errors().stream().map(e -> e.field() + "/" + e.code()).toList());

        Aspirant amina = aspirants.findByPhone("+46701740605").orElseThrow();
        assertEquals(first.rows().get(0).id(), amina.id());
        assertEquals(List.of(ActivityType.SFI, ActivityType.PRAKTIK),
                amina.plan().activities().stream().map(Activity::type).toList());
        assertEquals(7.5, amina.plan().activities().get(1).hoursPerWeek());
        assertEquals(Language.SO, amina.language());
        Aspirant olena = aspirants.findByEmail("OLENA@example.org").orElseThrow();
        assertEquals(Channel.EMAIL, olena.channel());
        int auditEntries = audit.entries.size();
        int saves = aspirants.saves;

        ImportReport again = importer.importFile(file, "anna");
        assertEquals(List.of("unchanged", "unchanged", "error", "unchanged"),
                again.rows().stream().map(ImportReport.RowResult::status).toList());
        assertEquals(3, again.unchanged());
        assertEquals(saves, aspirants.saves);
        assertEquals(auditEntries, audit.entries.size());
    }

    @Test
    void aChangedRowUpdatesTheAspirantMatchedOnPhoneElseEmail() {
        String row = "Amina Yusuf;070-174 06 05;amina@example.org;so;sms;arbetskonsulent;2026-09-01;2027-02-28;SFI;15;\r\n";
        importer.importFile((HEADER + row).getBytes(StandardCharsets.UTF_8), "anna");
        ImportReport changed = importer.importFile((HEADER + row.replace(";15;", ";20;")).getBytes(StandardCharsets.UTF_8), "anna");
        assertEquals("updated", changed.rows().get(0).status());
        ImportReport newPhone = importer.importFile(
                (HEADER + row.replace(";15;", ";20;").replace("070-174 06 05", "070-174 06 09")).getBytes(StandardCharsets.UTF_8), "anna");
        assertEquals("updated", newPhone.rows().get(0).status());
        assertEquals(1, aspirants.byId.size());
        assertEquals("+46701740609", aspirants.byId.values().iterator().next().phone());
        assertEquals(List.of("aspirant.created", "aspirant.updated", "aspirant.updated"),
                audit.entries.stream().map(e -> e.action()).toList());
        assertEquals("via CSV import; fields: phone", audit.entries.get(2).detail());
    }

    @Test
    void windows1252FileWithEnglishHeadersInAnotherOrder() {
        String csv = "Channel;Language;Name;Phone;PlanEnd;PlanStart;OwnerRole;HoursPerWeek;Activity\r\n"
                + "sms;sv;Åsa Öberg;0701740606;2027-06-30;2026-09-01;Studie- och yrkesvägledare;7,5;Samhällsorientering\r\n";
        ImportReport report = importer.importFile(csv.getBytes(Charset.forName("windows-1252")), "anna");
        assertEquals(1, report.created(), () -> report.toString());
        Aspirant asa = aspirants.findByPhone("+46701740606").orElseThrow();
        assertEquals("Åsa Öberg", asa.name());
        assertEquals("studie-och-yrkesvagledare", asa.ownerRole());
        assertEquals(ActivityType.SAMHALLSORIENTERING, asa.plan().activities().get(0).type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no phone nor e-mail column | namn;språk;kanal;ägarroll;planstart;planslut",
        "no plan columns            | namn;telefon;språk;kanal;ägarroll",
    })
    void missingColumnsFailTheWholeFile(String what, String header) {
        byte[] file = (header + "\r\nA;sv;sms;arbetskonsulent;2026-09-01;2027-01-01\r\n").getBytes(StandardCharsets.UTF_8);
        assertThrows(CsvFormatException.class, () -> importer.importFile(file, "anna"));
        assertEquals(0, aspirants.byId.size());
    }

    @Test
    void conflictingRowsOfOnePersonAreReported() {
        String csv = HEADER
                + "Amina Yusuf;070-174 06 05;;so;sms;arbetskonsulent;2026-09-01;2027-02-28;SFI;15;\r\n"
                + "Amina Jusuf;070-174 06 05;;so;sms;arbetskonsulent;2026-09-01;2027-03-31;PRAKTIK;10;\r\n";
        ImportReport report = importer.importFile(csv.getBytes(StandardCharsets.UTF_8), "anna");
        assertEquals(List.of("created", "error"), report.rows().stream().map(ImportReport.RowResult::status).toList());
        FieldError conflict = report.rows().get(1).errors().get(0);
        assertEquals("csv.conflict", conflict.code());
        assertEquals("Samma telefonnummer som rad 2 men andra uppgifter i: namn, planslut.", conflict.message());
    }

    @Test
    void aRowWhosePhoneAndEmailBelongToTwoAspirantsFails() {
        importer.importFile((HEADER
                + "Amina Yusuf;070-174 06 05;amina@example.org;so;sms;arbetskonsulent;2026-09-01;2027-02-28;;;\r\n"
                + "Omar Ali;070-174 06 07;omar@example.org;ar;sms;arbetskonsulent;2026-09-01;2027-02-28;;;\r\n")
                .getBytes(StandardCharsets.UTF_8), "anna");
        ImportReport report = importer.importFile((HEADER
                + "Omar Ali;070-174 06 05;omar@example.org;ar;sms;arbetskonsulent;2026-09-01;2027-02-28;;;\r\n")
                .getBytes(StandardCharsets.UTF_8), "anna");
        assertEquals("error", report.rows().get(0).status());
        assertEquals("e-post/csv.ambiguous", report.rows().get(0).errors().get(0).field() + "/"
                + report.rows().get(0).errors().get(0).code());
        assertEquals("Amina Yusuf", aspirants.findByPhone("+46701740605").orElseThrow().name());
    }
}
