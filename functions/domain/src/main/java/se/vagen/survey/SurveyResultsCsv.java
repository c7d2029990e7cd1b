package se.vagen.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The results as CSV for Excel (Swedish settings): UTF-8 with a byte-order mark, ';' between cells, CRLF line
 * ends, decimal comma, quotes where a cell needs them, and cells that a spreadsheet would read as a formula
 * (starting with = + - @ tab or CR) prefixed with an apostrophe.
 *
 * <p>Columns: section;key;group;n;dontKnow;mean;index;share;text. Sections: summary (invited, answered,
 * responseRate, nki, shareSatisfied, wouldRecommend), factor (one row per factor), breakdown (key = industry or
 * sizeBand; index = the group's NKI, share = its share satisfied), comment (text, group when shown).
 */
public final class SurveyResultsCsv {

    public static final String BOM = "\uFEFF";
    private static final String[] HEADER = {"section", "key", "group", "n", "dontKnow", "mean", "index", "share", "text"};

    private SurveyResultsCsv() {
    }

    public static String render(SurveyResults r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(row("summary", "invited", null, r.invited(), null, null, null, null, null));
        rows.add(row("summary", "answered", null, r.answered(), null, null, null, null, null));
        rows.add(row("summary", "responseRate", null, null, null, null, null, r.responseRate(), null));
        rows.add(row("summary", "nki", null, r.answered(), null, null, r.nki(), null, null));
        rows.add(row("summary", "shareSatisfied", null, r.answered(), null, null, null, r.shareSatisfied(), null));
        rows.add(row("summary", "wouldRecommend", null, null, null, null, null, r.wouldRecommendShare(), null));
        for (SurveyResults.FactorResult f : r.factors()) {
            rows.add(row("factor", f.code(), null, f.n(), f.dontKnow(), f.mean(), f.index(), null, null));
        }
        for (SurveyResults.Breakdown b : r.breakdowns()) {
            for (SurveyResults.GroupResult g : b.groups()) {
                rows.add(row("breakdown", b.dimension(), g.group(), g.n(), null, null, g.nki(), g.shareSatisfied(), null));
            }
        }
        for (SurveyResults.Comment c : r.comments()) {
            rows.add(row("comment", "comment", c.group(), null, null, null, null, null, c.text()));
        }
        StringBuilder out = new StringBuilder(BOM);
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(';');
                }
                out.append(cell(row[i]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String[] row(String section, String key, String group, Integer n, Integer dontKnow, BigDecimal mean,
                                Integer index, BigDecimal share, String text) {
        return new String[] {section, key, group, num(n), num(dontKnow), dec(mean), num(index), dec(share), text};
    }

    private static String num(Integer n) {
        return n == null ? "" : n.toString();
    }

    private static String dec(BigDecimal d) {
        return d == null ? "" : d.toPlainString().replace('.', ',');
    }

    /** One cell: formula-safe, quoted when it holds ';', '"', CR or LF. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
