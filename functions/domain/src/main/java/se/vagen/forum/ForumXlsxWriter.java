package se.vagen.forum;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The list as an Excel workbook (fastexcel, streamed): a sheet "Alla" with everyone, then one sheet per
 * suggested role (in the rules' role order). Each sheet has a bold, frozen header row, an auto filter and
 * column widths. Text is written as inline text cells (never formulas) and neutralised against formula
 * injection like the CSV; counts are numbers, dates are dates.
 */
public final class ForumXlsxWriter {

    public static final String ALL_SHEET = "Alla";
    private static final int FLUSH_EVERY = 500;
    private static final double[] WIDTHS = {28, 18, 60, 30, 26, 14, 40, 14, 18, 14, 38};

    private final ForumRules rules;
    private final ForumColumns columns;

    public ForumXlsxWriter(ForumRules rules) {
        this.rules = rules;
        this.columns = new ForumColumns(rules);
    }

    /** Writes the workbook for rows already in list order; the rows are read once per sheet. */
    public void write(OutputStream out, List<ForumRow> sortedRows) throws IOException {
        Workbook wb = new Workbook(out, "Vägen", "1.0");
        Set<String> usedNames = new HashSet<>();
        sheet(wb, sheetName(ALL_SHEET, usedNames), sortedRows, r -> true);
        for (String role : roles(sortedRows)) {
            sheet(wb, sheetName(role, usedNames), sortedRows, r -> role.equals(r.suggestedRole()));
        }
        wb.finish();
    }

    /** The suggested roles present, in the rules' role order, others alphabetically after. */
    List<String> roles(List<ForumRow> rows) {
        Set<String> present = new LinkedHashSet<>();
        for (ForumRow r : rows) {
            if (r.suggestedRole() != null) {
                present.add(r.suggestedRole());
            }
        }
        List<String> roles = new ArrayList<>(present);
        roles.sort((a, b) -> {
            int c = Integer.compare(rules.roleRank(a), rules.roleRank(b));
            return c != 0 ? c : a.compareTo(b);
        });
        return roles;
    }

    private void sheet(Workbook wb, String name, List<ForumRow> rows, Predicate<ForumRow> include) throws IOException {
        Worksheet ws = wb.newWorksheet(name);
        List<String> headings = columns.headings();
        for (int c = 0; c < headings.size(); c++) {
            ws.inlineString(0, c, headings.get(c));
            ws.style(0, c).bold().fillColor("D9E2F3").wrapText(true).set();
            ws.width(c, WIDTHS[c]);
        }
        int r = 0;
        for (ForumRow row : rows) {
            if (!include.test(row)) {
                continue;
            }
            r++;
            List<String> text = columns.cells(row);
            for (int c = 0; c < text.size(); c++) {
                switch (c) {
                    case ForumColumns.MISSED -> ws.value(r, c, row.missedCheckIns());
                    case ForumColumns.PARTICIPATION -> {
                        if (row.participationPercent() != null) {
                            ws.value(r, c, row.participationPercent());
                        }
                    }
                    case ForumColumns.LAST_CHECKIN -> date(ws, r, c, row.lastCheckIn());
                    case ForumColumns.PLAN_END -> date(ws, r, c, row.planEnd());
                    default -> {
                        if (!text.get(c).isEmpty()) {
                            ws.inlineString(r, c, text.get(c));
                        }
                    }
                }
            }
            if (r % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }
        ws.freezePane(0, 1);
        ws.setAutoFilter(0, 0, Math.max(r, 1), headings.size() - 1);
        ws.finish();
    }

    private static void date(Worksheet ws, int r, int c, java.time.LocalDate value) {
        if (value != null) {
            ws.value(r, c, value);
            ws.style(r, c).format("yyyy-mm-dd").set();
        }
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\, not starting or ending with ', unique ignoring case. */
    static String sheetName(String wanted, Set<String> used) {
        String name = wanted.replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
        while (name.startsWith("'")) {
            name = name.substring(1);
        }
        while (name.endsWith("'")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isBlank()) {
            name = "Roll";
        }
        name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String base = name.length() > 31 ? name.substring(0, 31).trim() : name;
        String candidate = base;
        for (int i = 2; used.contains(candidate.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            candidate = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        used.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }
}
