package se.vagen.csvimport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read into rows keyed by field path. Quoting follows Excel: fields in double quotes may hold
 * the separator, line breaks and doubled quotes; CRLF and LF both end a row. Row numbers are what Excel
 * shows: the header is row 1, a quoted line break does not start a new row (it becomes a space in the
 * value: every imported field is a one-line text). Rows whose cells are all
 * empty (Excel often exports a few) are skipped. Unknown columns are ignored and listed.
 */
public final class CsvTable {

    /** At most this many data rows per file (a request must finish well within API Gateway's 30 s). */
    public static final int MAX_ROWS = 1000;

    /** One data row: its Excel row number, its non-empty cells by field, and the header of each field. */
    public record Row(int number, Map<String, String> values) {
        public String get(String field) {
            return values.get(field);
        }

        public boolean has(String field) {
            return values.containsKey(field);
        }
    }

    private final List<Row> rows;
    private final Map<String, String> headerByField;
    private final List<String> ignoredColumns;
    private final String encoding;
    private final char separator;

    private CsvTable(List<Row> rows, Map<String, String> headerByField, List<String> ignoredColumns, String encoding,
            char separator) {
        this.rows = rows;
        this.headerByField = headerByField;
        this.ignoredColumns = ignoredColumns;
        this.encoding = encoding;
        this.separator = separator;
    }

    public static CsvTable read(byte[] bytes, CsvColumns columns) {
        if (bytes == null || bytes.length == 0) {
            throw new CsvFormatException("Filen är tom.");
        }
        CsvText.Decoded decoded = CsvText.decode(bytes);
        if (decoded.text().indexOf('\uFFFD') >= 0) {
            // Replacement characters: the bytes were decoded as UTF-8 before they reached us (a text/csv
            // upload of a Windows-1252 file); what the letters were cannot be recovered.
            throw new CsvFormatException("Filen innehåller tecken som inte kunde läsas (troligen Windows-1252 "
                    + "skickad som text). Skicka filen som application/octet-stream eller spara den som CSV UTF-8.");
        }
        char separator = CsvText.separator(decoded.text());
        if (decoded.text().chars().filter(c -> c == '"').count() % 2 != 0) {
            // Excel always writes quotes in pairs; an odd count means a quoted field never ends and
            // would swallow every row after it.
            throw new CsvFormatException("Filen har ett citattecken (\") som aldrig avslutas.");
        }
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new CsvFormatException("Filen är tom.");
            }
            CSVRecord header = records.get(0);
            Map<Integer, String> fieldByIndex = new LinkedHashMap<>();
            Map<String, String> headerByField = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String title = header.get(i).replace("\uFEFF", "").trim();
                if (title.isEmpty()) {
                    continue;
                }
                var field = columns.field(title);
                if (field.isEmpty()) {
                    ignored.add(title);
                } else if (headerByField.containsKey(field.get())) {
                    throw new CsvFormatException("Kolumnen " + title + " förekommer två gånger (samma som "
                            + headerByField.get(field.get()) + ").");
                } else {
                    fieldByIndex.put(i, field.get());
                    headerByField.put(field.get(), title);
                }
            }
            if (headerByField.isEmpty()) {
                throw new CsvFormatException("Första raden ska vara en rubrikrad med kända kolumner, till exempel "
                        + String.join(", ", columns.all().keySet().stream().limit(4).map(columns::swedishName).toList())
                        + ".");
            }
            List<Row> rows = new ArrayList<>();
            for (int r = 1; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                Map<String, String> values = new LinkedHashMap<>();
                for (Map.Entry<Integer, String> column : fieldByIndex.entrySet()) {
                    if (column.getKey() < record.size()) {
                        // A line break inside a quoted cell (Alt+Enter in Excel) becomes a space: names,
                        // providers and the like are one-line texts.
                        String value = record.get(column.getKey()).replaceAll("\\s*\\R\\s*", " ").trim();
                        if (!value.isEmpty()) {
                            values.put(column.getValue(), value);
                        }
                    }
                }
                boolean blank = true;
                for (String cell : record) {
                    if (!cell.isBlank()) {
                        blank = false;
                        break;
                    }
                }
                if (blank) {
                    continue;
                }
                rows.add(new Row((int) record.getRecordNumber(), values));
                if (rows.size() > MAX_ROWS) {
                    throw new CsvFormatException("Filen har fler än " + MAX_ROWS + " rader; dela upp den.");
                }
            }
            return new CsvTable(List.copyOf(rows), headerByField, List.copyOf(ignored), decoded.encoding(), separator);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new CsvFormatException("Filen kunde inte läsas som CSV: " + e.getMessage());
        }
    }

    public List<Row> rows() {
        return rows;
    }

    /** The header the file uses for a field, or the Swedish name when the file lacks that column. */
    public String header(String field, CsvColumns columns) {
        return headerByField.getOrDefault(field, columns.swedishName(field));
    }

    public boolean hasColumn(String field) {
        return headerByField.containsKey(field);
    }

    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    public String encoding() {
        return encoding;
    }

    public char separator() {
        return separator;
    }

    /** Fails with one message naming every required column the file lacks. */
    public void requireColumns(CsvColumns columns, List<String> required) {
        List<String> missing = required.stream().filter(f -> !hasColumn(f)).map(columns::swedishName).toList();
        if (!missing.isEmpty()) {
            throw new CsvFormatException("Kolumner saknas: " + String.join(", ", missing) + ".");
        }
    }
}
