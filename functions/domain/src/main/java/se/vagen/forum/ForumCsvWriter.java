package se.vagen.forum;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The list as CSV for Swedish Excel: UTF-8 with a byte-order mark (so Excel reads å, ä, ö), semicolon
 * separators (Swedish Excel's list separator, since the comma is the decimal sign), CRLF line ends, quoting
 * per RFC 4180 (fields with ; " CR or LF are quoted, quotes doubled), and formula injection neutralised.
 * Rows are written as they come; nothing is buffered beyond the writer's buffer.
 */
public final class ForumCsvWriter implements AutoCloseable {

    private final Writer out;
    private final ForumColumns columns;

    public ForumCsvWriter(OutputStream stream, ForumRules rules) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.columns = new ForumColumns(rules);
        out.write('\uFEFF');
        line(columns.headings());
    }

    public void write(ForumRow row) throws IOException {
        line(columns.cells(row));
    }

    private void line(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String value) {
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
