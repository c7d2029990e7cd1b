package se.vagen.csvimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvTableTest {

    static final String SWEDISH = "namn;telefon;språk;anordnare\r\n"
            + "Åsa Öberg;070-174 06 05;sv;\"Täby kompetenscenter; Vallatorp\"\r\n"
            + "Märta Ängel;070-174 06 06;fa;\"Folkhögskolan \"\"Väst\"\"\nHus B\"\r\n";

    static Stream<Arguments> dialects() {
        return Stream.of(
                Arguments.of("UTF-8 with BOM, CRLF", bom(SWEDISH.getBytes(StandardCharsets.UTF_8)), "UTF-8 (BOM)", ';'),
                Arguments.of("UTF-8 without BOM, CRLF", SWEDISH.getBytes(StandardCharsets.UTF_8), "UTF-8", ';'),
                Arguments.of("UTF-8, LF", SWEDISH.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8), "UTF-8", ';'),
                Arguments.of("Windows-1252", SWEDISH.getBytes(Charset.forName("windows-1252")), "windows-1252", ';'),
                Arguments.of("UTF-16LE with BOM, tabs", utf16(SWEDISH.replace(';', '\t')
                        .replace("Täby kompetenscenter\t Vallatorp", "Täby kompetenscenter; Vallatorp")), "UTF-16LE", '\t'),
                Arguments.of("comma separated", SWEDISH.replace(';', ',')
                        .replace("Täby kompetenscenter, Vallatorp", "Täby kompetenscenter; Vallatorp")
                        .getBytes(StandardCharsets.UTF_8), "UTF-8", ','),
                Arguments.of("English headers in another order", ("Provider;Language;PHONE;Name\r\n"
                        + "\"Täby kompetenscenter; Vallatorp\";sv;070-174 06 05;Åsa Öberg\r\n"
                        + "\"Folkhögskolan \"\"Väst\"\"\nHus B\";fa;070-174 06 06;Märta Ängel\r\n")
                        .getBytes(StandardCharsets.UTF_8), "UTF-8", ';'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void readsExcelDialects(String dialect, byte[] file, String encoding, char separator) {
        CsvTable table = CsvTable.read(file, CsvColumns.ASPIRANTS);
        assertEquals(encoding, table.encoding());
        assertEquals(separator, table.separator());
        assertEquals(2, table.rows().size());
        CsvTable.Row first = table.rows().get(0);
        CsvTable.Row second = table.rows().get(1);
        assertEquals(2, first.number());
        assertEquals(3, second.number());
        assertEquals(Map.of("name", "Åsa Öberg", "phone", "070-174 06 05", "language", "sv",
                "activity.provider", "Täby kompetenscenter; Vallatorp"), first.values());
        assertEquals("Märta Ängel", second.get("name"));
        assertEquals("Folkhögskolan \"Väst\" Hus B", second.get("activity.provider"));
    }

    @Test
    void rowNumbersAreExcelRowsAndBlankRowsAreSkipped() {
        String csv = "namn;telefon\r\nA;1\r\n;\r\n\r\n\"B\nB\";2\r\nC;3\r\n";
        CsvTable table = CsvTable.read(csv.getBytes(StandardCharsets.UTF_8), CsvColumns.ASPIRANTS);
        assertEquals(List.of(2, 5, 6), table.rows().stream().map(CsvTable.Row::number).toList());
    }

    @Test
    void unknownColumnsAreListedAndIgnored() {
        String csv = "Namn;Personnummer;Telefon\nA;19900101-1234;070\n";
        CsvTable table = CsvTable.read(csv.getBytes(StandardCharsets.UTF_8), CsvColumns.ASPIRANTS);
        assertEquals(List.of("Personnummer"), table.ignoredColumns());
        assertEquals(Map.of("name", "A", "phone", "070"), table.rows().get(0).values());
    }

    @Test
    void headersMatchIgnoringCaseSpacesAndHyphens() {
        String csv = " E-POST ; Senaste Kontakt ;ORGANISATIONSNUMMER;Kontakt person\n";
        CsvTable table = CsvTable.read(csv.getBytes(StandardCharsets.UTF_8), CsvColumns.EMPLOYERS);
        assertTrue(table.hasColumn("contact.email"));
        assertTrue(table.hasColumn("lastContact"));
        assertTrue(table.hasColumn("orgNumber"));
        assertTrue(table.hasColumn("contact.name"));
    }

    @Test
    void fileLevelFaultsAreReportedOnce() {
        assertThrows(CsvFormatException.class, () -> CsvTable.read(new byte[0], CsvColumns.ASPIRANTS));
        assertThrows(CsvFormatException.class,
                () -> CsvTable.read("a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8), CsvColumns.ASPIRANTS));
        assertThrows(CsvFormatException.class,
                () -> CsvTable.read("namn;name\nA;B\n".getBytes(StandardCharsets.UTF_8), CsvColumns.ASPIRANTS));
        assertThrows(CsvFormatException.class,
                () -> CsvTable.read("namn;telefon\n\"A;1\n".getBytes(StandardCharsets.UTF_8), CsvColumns.ASPIRANTS));
        CsvFormatException missing = assertThrows(CsvFormatException.class, () -> CsvTable
                .read("namn\nA\n".getBytes(StandardCharsets.UTF_8), CsvColumns.ASPIRANTS)
                .requireColumns(CsvColumns.ASPIRANTS, AspirantCsvImport.REQUIRED));
        assertEquals("Kolumner saknas: språk, kanal, ägarroll, planstart, planslut.", missing.getMessage());
    }

    static byte[] bom(byte[] utf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        out.writeBytes(utf8);
        return out.toByteArray();
    }

    static byte[] utf16(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }
}
