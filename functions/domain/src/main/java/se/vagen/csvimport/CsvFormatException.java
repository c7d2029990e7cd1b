package se.vagen.csvimport;

/** The file as a whole cannot be imported (not CSV, no header, missing columns, too many rows). */
public class CsvFormatException extends RuntimeException {
    public CsvFormatException(String message) {
        super(message);
    }
}
