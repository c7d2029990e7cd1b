package se.vagen.local.forum;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader (separator ';', CRLF) for reading the list back in tests. */
final class Csv {

    private Csv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
                i++;
                continue;
            }
            if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else if (ch == ';') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (ch == '\n' || ch == '\r') {
                throw new IllegalArgumentException("Bare line break outside quotes at " + i);
            } else {
                cell.append(ch);
            }
            i++;
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            throw new IllegalArgumentException("Last line does not end with CRLF");
        }
        return rows;
    }
}
