package se.vagen.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import se.vagen.common.Language;

/** The checks every public page gets at phone size, and the lighter ones of the staff pages. */
final class PageChecks {

    /** Smallest touch target on the public pages, CSS px (WCAG 2.5.5 AAA, what phone users need). */
    static final int TOUCH = 44;
    /** Smallest target on the staff pages (WCAG 2.2's 2.5.8 AA minimum; staff use a mouse on a desktop). */
    static final int POINTER = 24;

    private PageChecks() {
    }

    /**
     * An aspirant's page in {@code lang}: {@code lang} and {@code dir} on html; right-to-left pages render
     * right-aligned (computed direction rtl, the heading's text ending at its right edge, near the viewport's right
     * edge), the others left-aligned; nothing cut off; touch targets of 44×44; axe-core WCAG 2.1 AA.
     */
    static void phonePage(Browser browser, Language lang, String name) {
        Map<String, Object> heading = Layout.heading(browser);
        assertEquals(lang.code(), heading.get("lang"), name + ": lang");
        if (lang.rightToLeft()) {
            assertEquals("rtl", heading.get("dir"), name + ": dir on html");
            assertEquals("rtl", heading.get("direction"), name + ": computed direction of the heading");
            assertEquals("rtl", heading.get("bodyDirection"), name + ": computed direction of the body");
            assertNear(heading, "textRight", "boxRight", name + ": heading text ends at the right edge");
            double viewport = ((Number) heading.get("viewport")).doubleValue();
            assertTrue(((Number) heading.get("boxRight")).doubleValue() > viewport - 40,
                    name + ": heading box near the viewport's right edge: " + heading);
        } else {
            assertEquals("ltr", heading.get("dir"), name + ": dir on html");
            assertEquals("ltr", heading.get("direction"), name + ": computed direction");
            assertNear(heading, "textLeft", "boxLeft", name + ": heading text starts at the left edge");
        }
        layout(browser, name, TOUCH);
        Axe.check(browser, name);
    }

    /** Nothing cut off and no target under {@code min}×{@code min}. */
    static void layout(Browser browser, String name, int min) {
        List<String> cut = Layout.overflow(browser);
        assertTrue(cut.isEmpty(), () -> name + ": text cut off:\n  " + String.join("\n  ", cut));
        List<String> small = Layout.smallTargets(browser, min);
        assertTrue(small.isEmpty(), () -> name + ": targets under " + min + "x" + min + " CSS px:\n  "
                + String.join("\n  ", small));
    }

    private static void assertNear(Map<String, Object> m, String a, String b, String message) {
        double x = ((Number) m.get(a)).doubleValue();
        double y = ((Number) m.get(b)).doubleValue();
        assertTrue(Math.abs(x - y) <= 2, () -> message + ": " + m);
    }
}
