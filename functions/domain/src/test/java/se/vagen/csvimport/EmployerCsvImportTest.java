package se.vagen.csvimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerContact;
import se.vagen.employer.EmployerService;

class EmployerCsvImportTest {

    static final String HEADER = "organisationsnummer;namn;bransch;storlek;kontaktperson;e-post;telefon;senaste kontakt\r\n";

    InMemory.Employers employers;
    InMemory.Audit audit;
    EmployerCsvImport importer;

    @BeforeEach
    void setUp() {
        employers = new InMemory.Employers();
        audit = new InMemory.Audit();
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        importer = new EmployerCsvImport(new EmployerService(employers, audit, clock));
    }

    @Test
    void rowsOfOneEmployerAreItsContactsAndReimportChangesNothing() {
        String csv = HEADER
                + "556677-8899;Exempel Bygg AB;Bygg;10-49;Kim Berg;kim@exempelbygg.se;08-123 456 78;2026-10-01\r\n"
                + "5566778899;Exempel Bygg AB;Bygg;;Sara Lind;sara@exempelbygg.se;;2026-11-02\r\n"
                + "556677-8898;Felnummer AB;Handel;;Ola;ola@example.org;;2026-10-01\r\n"
                + "16559123-4561;Vård & Omsorg i Täby AB;Vård;50-249;Leyla Karimi;leyla@example.org;070-174 06 20;2026-09-15\r\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        ImportReport first = importer.importFile(file, "anna");
        assertEquals(List.of("created", "created", "error", "created"),
                first.rows().stream().map(ImportReport.RowResult::status).toList());
        assertEquals("organisationsnummer/orgnr.checksum",
                first.rows().get(2).errors().get(0).field() + "/" + first.rows().get(2).errors().get(0).code());
        Employer bygg = employers.find("5566778899").orElseThrow();
        assertEquals(List.of(new EmployerContact("Kim Berg", "kim@exempelbygg.se", "+46812345678", null),
                new EmployerContact("Sara Lind", "sara@exempelbygg.se", null, null)), bygg.contacts());
        assertEquals(LocalDate.of(2026, 11, 2), bygg.lastContact());
        assertEquals("10-49", bygg.sizeBand());
        assertEquals("5591234561", first.rows().get(3).id());
        int saves = employers.saves;
        int entries = audit.entries.size();

        ImportReport again = importer.importFile(file, "anna");
        assertEquals(List.of("unchanged", "unchanged", "error", "unchanged"),
                again.rows().stream().map(ImportReport.RowResult::status).toList());
        assertEquals(saves, employers.saves);
        assertEquals(entries, audit.entries.size());

        ImportReport newContact = importer.importFile((HEADER
                + "556677-8899;Exempel Bygg AB;Bygg;;Per Holm;per@exempelbygg.se;;2026-11-20\r\n").getBytes(StandardCharsets.UTF_8), "anna");
        assertEquals("updated", newContact.rows().get(0).status());
        assertEquals(3, employers.find("5566778899").orElseThrow().contacts().size());
        assertEquals(LocalDate.of(2026, 11, 20), employers.find("5566778899").orElseThrow().lastContact());
    }
}
