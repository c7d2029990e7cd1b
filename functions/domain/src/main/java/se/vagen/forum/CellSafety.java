package se.vagen.forum;

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return gets a leading apostrophe, so Excel and LibreOffice
 * show it as text instead of evaluating it. Applied to every text cell of the CSV and the XLSX.
 */
public final class CellSafety {

    private CellSafety() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
