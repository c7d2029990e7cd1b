package se.vagen.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.vagen.checkin.HelpTopic.*;
import static se.vagen.checkin.Participation.*;
import static se.vagen.forum.Fixtures.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.PauseReason;
import se.vagen.checkin.CheckIn;

class ForumWritersTest {

    private static final ForumRules RULES = ForumRules.defaults();
    private static final Classifier CLASSIFIER = new Classifier(RULES);
    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    static List<ForumRow> sample() {
        List<ForumRow> rows = new ArrayList<>();
        add(rows, aspirant("Örjan Ek").build(), List.of(answered("2026-W47", YES, 4)));
        add(rows, aspirant("Åsa Berg").build(), List.of(answered("2026-W47", YES, 4, HOUSING)));
        add(rows, aspirant("Ali Hassan").build(), List.of(answered("2026-W47", YES, 4, MONEY)));
        add(rows, aspirant("Zara Lind").build(), List.of(missed("2026-W47"), missed("2026-W46")));
        add(rows, aspirant("Bo Ny").start(MONDAY.minusDays(2)).build(), List.of());
        add(rows, aspirant("Eva Slut").end(MONDAY.plusDays(3)).build(), List.of(answered("2026-W47", YES, 5)));
        add(rows, aspirant("Per Paus").pause(MONDAY.minusDays(1), MONDAY.plusDays(9), PauseReason.SICK_LEAVE).build(),
                List.of());
        add(rows, aspirant(FORMULA).id("id-formula").build(), List.of(answered("2026-W47", PARTLY, 3, "hej; \"du\"\r\nrad 2")));
        add(rows, aspirant("Adam Alm").build(), List.of(answered("2026-W47", YES, 4, STUDIES)));
        rows.sort(ForumRowOrder.comparator(RULES));
        return rows;
    }

    private static void add(List<ForumRow> rows, Aspirant a, List<CheckIn> checkIns) {
        CheckInHistory h = new CheckInHistory(MONDAY, checkIns, RULES.historyCycles());
        rows.add(ForumRow.of(a, CLASSIFIER.classify(MONDAY, a, h), h));
    }

    @Test
    void orderIsAtRiskByRoleThenEndingNewPausedOnTrack() {
        List<String> names = sample().stream().map(ForumRow::name).toList();
        assertEquals(List.of(
                "Ali Hassan",            // AT_RISK biståndshandläggare
                "Åsa Berg",              // AT_RISK bostadskonsulent
                FORMULA,                 // AT_RISK arbetskonsulent (free text), name sorts before Z
                "Zara Lind",             // AT_RISK arbetskonsulent
                "Adam Alm",              // AT_RISK studie- och yrkesvägledare
                "Eva Slut",              // ENDING
                "Bo Ny",                 // NEW
                "Per Paus",              // PAUSED
                "Örjan Ek"), names);     // ON_TRACK
    }

    @Test
    void csvIsExcelFriendlyAndReadsBack() throws IOException {
        List<ForumRow> rows = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ForumCsvWriter csv = new ForumCsvWriter(out, RULES)) {
            for (ForumRow r : rows) {
                csv.write(r);
            }
        }
        byte[] bytes = out.toByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> parsed = Csv.parse(text);
        assertEquals(rows.size() + 1, parsed.size());
        assertEquals("Namn", parsed.get(0).get(0));
        assertEquals("Föreslagen kontaktroll", parsed.get(0).get(ForumColumns.ROLE));
        for (int i = 0; i < rows.size(); i++) {
            List<String> line = parsed.get(i + 1);
            ForumRow row = rows.get(i);
            assertEquals(11, line.size());
            assertEquals(row.aspirantId(), line.get(ForumColumns.ID));
            assertEquals(RULES.label("status", row.status().name()), line.get(ForumColumns.STATUS));
            assertEquals(row.reasons().stream().map(Reason::code).collect(Collectors.joining(", ")),
                    line.get(ForumColumns.REASON_CODES));
            assertEquals(row.suggestedRole() == null ? "" : row.suggestedRole(), line.get(ForumColumns.ROLE));
        }
        List<String> formulaLine = parsed.stream().filter(l -> l.get(ForumColumns.ID).equals("id-formula")).findFirst()
                .orElseThrow();
        assertEquals("'" + FORMULA, formulaLine.get(ForumColumns.NAME));
        assertFalse(text.contains("rad 2"), "free text never reaches the list");
        assertTrue(text.contains("\r\n"));
        assertEquals(text.split("\r\n", -1).length - 1, rows.size() + 1, "every line ends with CRLF, none inside");
    }

    @Test
    void xlsxHasSheetsPerRoleFrozenHeaderAndInertFormulas() throws IOException {
        List<ForumRow> rows = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ForumXlsxWriter(RULES).write(out, rows);
        String sheetXml = sheetXml(out.toByteArray(), "xl/worksheets/sheet1.xml");
        assertTrue(sheetXml.contains("<pane") && sheetXml.contains("ySplit=\"1\""), "frozen header row");
        assertTrue(sheetXml.contains("<autoFilter"), "auto filter");
        assertTrue(sheetXml.contains("<cols>"), "column widths");
        assertFalse(sheetXml.contains("<f>"), "no formulas");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("Alla", "Biståndshandläggare", "Bostadskonsulent", "Arbetskonsulent",
                    "Studie- och yrkesvägledare"), sheets.stream().map(Sheet::getName).toList());
            List<Row> all = sheets.get(0).read();
            assertEquals(rows.size() + 1, all.size());
            for (int i = 0; i < rows.size(); i++) {
                Row r = all.get(i + 1);
                assertEquals(rows.get(i).aspirantId(), r.getCellText(ForumColumns.ID));
                assertEquals(RULES.label("status", rows.get(i).status().name()), r.getCellText(ForumColumns.STATUS));
            }
            Row formula = all.stream().filter(r -> "id-formula".equals(r.getCellText(ForumColumns.ID))).findFirst()
                    .orElseThrow();
            Cell name = formula.getCell(ForumColumns.NAME);
            assertEquals(CellType.STRING, name.getType());
            assertEquals("'" + FORMULA, name.getText());
            List<Row> housing = sheets.get(2).read();
            assertEquals(2, housing.size());
            assertEquals("Åsa Berg", housing.get(1).getCellText(ForumColumns.NAME));
            List<Row> ak = sheets.get(3).read();
            // arbetskonsulent: the two at risk, then ENDING, NEW, PAUSED (their owner role)
            assertEquals(List.of(FORMULA, "Zara Lind", "Eva Slut", "Bo Ny", "Per Paus"),
                    ak.subList(1, ak.size()).stream().map(r -> r.getCellText(0)).map(s -> s.startsWith("'") ? s.substring(1) : s).toList());
        }
    }

    private static String sheetXml(byte[] xlsx, String entry) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("forum", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                var e = zip.getEntry(entry);
                if (e == null) {
                    throw new AssertionError("no " + entry);
                }
                return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=1+1|'=1+1", "+46701234567|'+46701234567", "-2|'-2", "@SUM(A1)|'@SUM(A1)", "Anna|Anna", "'x|'x"})
    void neutralisesFormulaStarts(String in, String expected) {
        assertEquals(expected, CellSafety.neutralise(in));
    }

    @Test
    void neutralisesTabAndCarriageReturn() {
        assertEquals("'\tx", CellSafety.neutralise("\tx"));
        assertEquals("'\rx", CellSafety.neutralise("\rx"));
    }

    @Test
    void sheetNamesFollowExcelsRules() {
        Set<String> used = new HashSet<>();
        assertEquals("A b c d e f g", ForumXlsxWriter.sheetName("a[b]c:d*e?f/g", used));
        String long1 = ForumXlsxWriter.sheetName("en mycket lång rollbeteckning som inte ryms", used);
        assertEquals(31, long1.length());
        String long2 = ForumXlsxWriter.sheetName("en mycket lång rollbeteckning som inte ryms heller", used);
        assertTrue(long2.endsWith(" (2)") && long2.length() <= 31, long2);
        assertEquals("Roll", ForumXlsxWriter.sheetName("'''", used));
    }

    @Test
    void rowsJsonReadsBack() throws IOException {
        List<ForumRow> rows = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ForumRowsJson json = new ForumRowsJson(out, RULES)) {
            for (ForumRow r : rows) {
                json.write(r);
            }
        }
        List<Map<String, Object>> back = ForumRowsJson.readMaps(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(rows.size(), back.size());
        assertEquals(FORMULA, back.get(2).get("name"));
        assertEquals("AT_RISK", back.get(0).get("status"));
        assertEquals("biståndshandläggare", back.get(0).get("suggestedRole"));
    }

    /** Every kind of row (answers or none, help topics, formula name, null dates) survives a write and a read. */
    @Test
    void rowsJsonReadsBackIntoTheSameRows() throws IOException {
        List<ForumRow> rows = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ForumRowsJson json = new ForumRowsJson(out, RULES)) {
            for (ForumRow r : rows) {
                json.write(r);
            }
        }
        assertEquals(rows, ForumRowsJson.readRows(new ByteArrayInputStream(out.toByteArray())));
    }
}
