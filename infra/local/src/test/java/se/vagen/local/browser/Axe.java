package se.vagen.local.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * axe-core (Deque's Selenium integration, the axe.min.js it ships) over the page in the browser, with the WCAG 2.1
 * A and AA rules. A violation of impact serious or critical fails the test, listing every one; minor and moderate
 * ones, and what axe could not decide ("incomplete", to review by hand), are printed. Every checked page adds a line
 * to {@code target/browser-tests/axe-summary.tsv} (page, counts per impact), the numbers docs/browser-tests.md quotes.
 */
public final class Axe {

    public static final List<String> WCAG21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final List<String> BLOCKING = List.of("critical", "serious");
    private static final Path SUMMARY = Path.of("target", "browser-tests", "axe-summary.tsv");
    private static final Map<String, String> summary = new TreeMap<>();

    private Axe() {
    }

    /** Checks the page now open under {@code name}; fails on serious or critical violations. */
    public static Results check(Browser browser, String name) {
        Results results = new AxeBuilder().withTags(WCAG21_AA).analyze(browser.driver());
        assertFalse(results.isErrored(), () -> "axe-core failed on " + name + ": " + results.getErrorMessage());
        assertTrue(results.getPasses().size() > 0, () -> "axe-core checked nothing on " + name);
        Map<String, Long> counts = results.getViolations().stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.getImpact()), TreeMap::new,
                        Collectors.summingLong(r -> r.getNodes().size())));
        List<Rule> blocking = results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
        List<Rule> rest = results.getViolations().stream().filter(r -> !BLOCKING.contains(r.getImpact())).toList();
        System.out.printf("axe %-28s passes=%d violations=%s incomplete=%d%n", name, results.getPasses().size(),
                counts, results.getIncomplete().size());
        rest.forEach(r -> System.out.println("  " + describe(r)));
        results.getIncomplete().forEach(r -> System.out.println("  to review: " + r.getId() + " (" + r.getHelp()
                + ") on " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()));
        record(name, counts, results.getIncomplete().size());
        assertTrue(blocking.isEmpty(), () -> "axe-core: serious or critical WCAG 2.1 AA violations on " + name + ":\n"
                + blocking.stream().map(Axe::describe).collect(Collectors.joining("\n")));
        return results;
    }

    static String describe(Rule rule) {
        StringBuilder s = new StringBuilder();
        s.append('[').append(rule.getImpact()).append("] ").append(rule.getId()).append(": ").append(rule.getHelp())
                .append(" (").append(rule.getHelpUrl()).append(')');
        for (CheckedNode node : rule.getNodes()) {
            s.append("\n      ").append(node.getTarget()).append("  ").append(abbreviate(node.getHtml()));
            if (node.getFailureSummary() != null) {
                s.append("\n        ").append(node.getFailureSummary().replace("\n", " "));
            }
        }
        return s.toString();
    }

    private static String abbreviate(String html) {
        if (html == null) {
            return "";
        }
        return html.length() > 160 ? html.substring(0, 157) + "..." : html;
    }

    private static synchronized void record(String name, Map<String, Long> counts, int incomplete) {
        summary.put(name, counts.getOrDefault("critical", 0L) + "\t" + counts.getOrDefault("serious", 0L) + "\t"
                + counts.getOrDefault("moderate", 0L) + "\t" + counts.getOrDefault("minor", 0L) + "\t" + incomplete);
        StringBuilder out = new StringBuilder("page\tcritical\tserious\tmoderate\tminor\tincomplete\n");
        summary.forEach((page, line) -> out.append(page).append('\t').append(line).append('\n'));
        try {
            Files.createDirectories(SUMMARY.getParent());
            Files.writeString(SUMMARY, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + SUMMARY, e);
        }
    }
}
