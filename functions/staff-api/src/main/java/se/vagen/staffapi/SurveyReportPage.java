package se.vagen.staffapi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import se.vagen.i18n.Texts;
import se.vagen.survey.Questionnaire;
import se.vagen.survey.SurveyResults;

/**
 * The one-page printable report of a year's survey (Swedish): key figures, an inline SVG bar chart with one bar
 * per factor (index 0-100, plus NKI), the factor table, the industry breakdown and the comments. No script; the one
 * style block is allowed by its hash in the Content-Security-Policy; print CSS fits it on an A4 page.
 */
final class SurveyReportPage {

    static final String STYLE = "@page{size:A4;margin:15mm}"
            + "body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.35;color:#1a1a1a;max-width:180mm;margin:0 auto;padding:8mm}"
            + "h1{font-size:18pt;margin:0 0 2mm}h2{font-size:13pt;margin:6mm 0 2mm}"
            + ".lead{color:#444;margin:0 0 4mm}"
            + ".keys{display:flex;gap:4mm;margin:0 0 4mm;padding:0;list-style:none}"
            + ".keys li{flex:1;border:1px solid #999;border-radius:2mm;padding:2mm 3mm}"
            + ".keys strong{display:block;font-size:20pt}"
            + "table{border-collapse:collapse;width:100%;font-size:10pt}th,td{border-bottom:1px solid #ccc;padding:1mm 2mm;text-align:left}"
            + "td.num,th.num{text-align:right}"
            + "svg{width:100%;height:auto}"
            + ".note{font-size:9pt;color:#444}"
            + "ul.comments{font-size:10pt;padding-left:5mm}"
            + "@media print{body{padding:0}h2,table,svg{break-inside:avoid}}";

    private final Questionnaire questionnaire;

    SurveyReportPage(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    /** The CSP source for the style block: 'sha256-...'. */
    String styleHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    String render(SurveyResults r) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Arbetsgivarenkät ").append(esc(r.year())).append(" – resultat</title>")
                .append("<style>").append(STYLE).append("</style></head><body><main>\n");
        b.append("<h1>Arbetsgivarenkät ").append(esc(r.year())).append(" – resultat</h1>\n");
        b.append("<p class=\"lead\">Hur arbetsgivarna upplevde kontakten med kommunens arbetsmarknadsenhet. ")
                .append(r.answered()).append(" av ").append(r.invited()).append(" inbjudna svarade")
                .append(r.responseRate() == null ? "" : " (svarsfrekvens " + percent(r.responseRate()) + ")").append(".</p>\n");
        b.append("<ul class=\"keys\">")
                .append("<li><strong>").append(r.shareSatisfied() == null ? "–" : percent(r.shareSatisfied()))
                .append("</strong>nöjda (betyg ").append(r.satisfiedThreshold()).append("–10 på helhetsfrågan)</li>")
                .append("<li><strong>").append(r.nki() == null ? "–" : r.nki()).append("</strong>NKI, nöjd-kund-index (0–100)</li>")
                .append("<li><strong>").append(r.wouldRecommendShare() == null ? "–" : percent(r.wouldRecommendShare()))
                .append("</strong>skulle rekommendera oss</li>")
                .append("</ul>\n");
        b.append("<h2>Serviceområden (index 0–100)</h2>\n").append(chart(r)).append('\n');
        b.append("<table><thead><tr><th>Serviceområde</th><th class=\"num\">Antal svar</th><th class=\"num\">Vet ej</th>")
                .append("<th class=\"num\">Medelbetyg (1–10)</th><th class=\"num\">Index</th></tr></thead><tbody>\n");
        for (SurveyResults.FactorResult f : r.factors()) {
            b.append("<tr><td>").append(esc(label(f.code()))).append("</td><td class=\"num\">").append(f.n())
                    .append("</td><td class=\"num\">").append(f.dontKnow()).append("</td><td class=\"num\">")
                    .append(f.mean() == null ? "–" : decimal(f.mean())).append("</td><td class=\"num\">")
                    .append(f.index() == null ? "–" : f.index()).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        SurveyResults.Breakdown industry = r.breakdowns().stream().filter(d -> d.dimension().equals("industry"))
                .findFirst().orElse(null);
        if (industry != null && !industry.groups().isEmpty()) {
            b.append("<h2>Per bransch</h2>\n<table><thead><tr><th>Bransch</th><th class=\"num\">Antal svar</th>")
                    .append("<th class=\"num\">NKI</th><th class=\"num\">Andel nöjda</th></tr></thead><tbody>\n");
            for (SurveyResults.GroupResult g : industry.groups()) {
                b.append("<tr><td>").append(esc(g.group())).append("</td><td class=\"num\">").append(g.n())
                        .append("</td><td class=\"num\">").append(g.nki()).append("</td><td class=\"num\">")
                        .append(percent(g.shareSatisfied())).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        if (!r.comments().isEmpty()) {
            b.append("<h2>Kommentarer</h2>\n<ul class=\"comments\">\n");
            for (SurveyResults.Comment c : r.comments()) {
                b.append("<li>").append(esc(c.text()));
                if (c.group() != null) {
                    b.append(" <em>(").append(esc(c.group())).append(")</em>");
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<p class=\"note\">Svaren är anonyma. NKI är medelvärdet av de tre helhetsfrågorna (helhet, förväntningar, ")
                .append("ideal) omräknat från skalan 1–10 till 0–100: (betyg − 1) / 9 × 100. Index per serviceområde räknas ")
                .append("på samma sätt; ”vet ej” ingår inte. Grupper med färre än sju svar redovisas inte var för sig ")
                .append("utan slås ihop till ”övriga”.</p>\n");
        b.append("</main></body></html>\n");
        return b.toString();
    }

    /** Horizontal bars: one per factor and one for NKI, scaled 0-100, with the value at the end of each bar. */
    String chart(SurveyResults r) {
        List<SurveyResults.FactorResult> factors = r.factors();
        int rows = factors.size() + 1;
        int rowHeight = 26;
        int labelWidth = 150;
        int barWidth = 400;
        int height = rows * rowHeight + 24;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(labelWidth + barWidth + 50).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"chart-title\">")
                .append("<title id=\"chart-title\">Index per serviceområde och NKI, skala 0–100</title>");
        for (int tick = 0; tick <= 100; tick += 25) {
            int x = labelWidth + tick * barWidth / 100;
            s.append("<line x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x).append("\" y2=\"")
                    .append(rows * rowHeight).append("\" stroke=\"#ccc\" stroke-width=\"1\"/>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(rows * rowHeight + 16)
                    .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\">").append(tick).append("</text>");
        }
        for (int i = 0; i < rows; i++) {
            boolean nki = i == factors.size();
            String label = nki ? "NKI" : label(factors.get(i).code());
            Integer value = nki ? r.nki() : factors.get(i).index();
            int y = i * rowHeight;
            s.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 17)
                    .append("\" font-size=\"12\" text-anchor=\"end\" fill=\"#1a1a1a\"")
                    .append(nki ? " font-weight=\"bold\"" : "").append('>').append(esc(label)).append("</text>");
            if (value != null) {
                int w = value * barWidth / 100;
                s.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"").append(w)
                        .append("\" height=\"18\" fill=\"").append(nki ? "#00427a" : "#3a7dc1").append("\"><title>")
                        .append(esc(label)).append(": ").append(value).append("</title></rect>")
                        .append("<text x=\"").append(labelWidth + w + 4).append("\" y=\"").append(y + 17)
                        .append("\" font-size=\"12\" fill=\"#1a1a1a\">").append(value).append("</text>");
            } else {
                s.append("<text x=\"").append(labelWidth + 4).append("\" y=\"").append(y + 17)
                        .append("\" font-size=\"12\" fill=\"#444\">inga svar</text>");
            }
        }
        s.append("</svg>");
        return s.toString();
    }

    private String label(String code) {
        return questionnaire.question(code).map(q -> q.label("sv")).filter(l -> !l.isEmpty()).orElse(code);
    }

    static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    static String decimal(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    static String esc(String s) {
        return s == null ? "" : Texts.escape(s);
    }
}
