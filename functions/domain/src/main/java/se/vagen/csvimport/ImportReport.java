package se.vagen.csvimport;

import java.util.List;
import se.vagen.validation.FieldError;

/**
 * What an import did, row by row. Counts are of data rows (header excluded), so
 * created + updated + unchanged + failed = the file's non-empty data rows. Several rows of one aspirant or
 * employer share that record's status and id.
 */
public record ImportReport(int created, int updated, int unchanged, int failed, List<RowResult> rows,
        List<String> ignoredColumns) {

    /** One row: its number as Excel shows it (header = 1), a status and the record id, or the errors. */
    public record RowResult(int row, String status, String id, List<FieldError> errors) {
        public static final String CREATED = "created";
        public static final String UPDATED = "updated";
        public static final String UNCHANGED = "unchanged";
        public static final String ERROR = "error";
    }

    public static ImportReport of(List<RowResult> rows, List<String> ignoredColumns) {
        List<RowResult> sorted = rows.stream().sorted(java.util.Comparator.comparingInt(RowResult::row)).toList();
        return new ImportReport(count(sorted, RowResult.CREATED), count(sorted, RowResult.UPDATED),
                count(sorted, RowResult.UNCHANGED), count(sorted, RowResult.ERROR), sorted, ignoredColumns);
    }

    private static int count(List<RowResult> rows, String status) {
        return (int) rows.stream().filter(r -> r.status().equals(status)).count();
    }
}
