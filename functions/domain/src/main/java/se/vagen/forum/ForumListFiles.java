package se.vagen.forum;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a week's three list files from its rows, in the order given: the CSV and the XLSX staff download and
 * the rows JSON the staff API serves. They are written to a temporary directory (a 100,000-row list never sits
 * in memory as bytes) and then uploaded to the {@link ListStore}, replacing what was there.
 */
public final class ForumListFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ForumListFiles.class);
    public static final String CSV_TYPE = "text/csv; charset=utf-8";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String JSON_TYPE = "application/json";

    private final ListStore store;
    private final ForumRules rules;

    public ForumListFiles(ListStore store, ForumRules rules) {
        this.store = store;
        this.rules = rules;
    }

    public static String csvKey(String week) {
        return "forum/" + week + "/vagen-forum-" + week + ".csv";
    }

    public static String xlsxKey(String week) {
        return "forum/" + week + "/vagen-forum-" + week + ".xlsx";
    }

    public static String rowsKey(String week) {
        return "forum/" + week + "/rows.json";
    }

    /** Writes and uploads the week's files; returns how long the writing (not the upload) took, in ms. */
    public long write(String week, List<ForumRow> rows) throws IOException {
        Path dir = Files.createTempDirectory("forum-" + week);
        try {
            long started = System.nanoTime();
            Path csv = dir.resolve("list.csv");
            Path json = dir.resolve("rows.json");
            Path xlsx = dir.resolve("list.xlsx");
            try (OutputStream csvOut = Files.newOutputStream(csv);
                 ForumCsvWriter csvWriter = new ForumCsvWriter(csvOut, rules);
                 OutputStream jsonOut = Files.newOutputStream(json);
                 ForumRowsJson jsonWriter = new ForumRowsJson(jsonOut, rules)) {
                for (ForumRow row : rows) {
                    csvWriter.write(row);
                    jsonWriter.write(row);
                }
            }
            try (OutputStream xlsxOut = Files.newOutputStream(xlsx)) {
                new ForumXlsxWriter(rules).write(xlsxOut, rows);
            }
            long writtenMillis = (System.nanoTime() - started) / 1_000_000;
            store.put(csvKey(week), csv, CSV_TYPE);
            store.put(xlsxKey(week), xlsx, XLSX_TYPE);
            store.put(rowsKey(week), json, JSON_TYPE);
            return writtenMillis;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove the temporary list directory: {}", e.getClass().getSimpleName());
        }
    }
}
