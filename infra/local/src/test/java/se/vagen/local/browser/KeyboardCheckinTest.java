package se.vagen.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import se.vagen.common.Language;
import se.vagen.i18n.Texts;

/**
 * A whole check-in in the real browser, from the link to the thank-you page, with the keyboard alone (Tab, arrow
 * keys, Space, typing, Enter: no clicks), at phone size; then the answer is read back through the staff API
 * ({@code GET /staff/aspirants/{id}}), and the used link shows the 410 page. In Swedish and in Arabic (right to
 * left: the arrow keys and the tab order must still work).
 */
class KeyboardCheckinTest {

    private static Browser browser;
    private static Fixtures fixtures;
    private static Texts texts;

    @BeforeAll
    static void start() {
        browser = Browser.shared();
        fixtures = new Fixtures();
        texts = fixtures.stack.context().getBean(Texts.class);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"SV", "AR"})
    void aCheckInSentWithTheKeyboardAloneReachesStaff(Language lang) {
        String id = fixtures.aspirant(lang);
        String link = fixtures.checkinLink(id, lang);
        browser.phone().open(link);
        String freeText = lang == Language.AR ? "أحتاج مساعدة في السكن، شكرا" : "Jag behöver hjälp med bostad, tack";

        // Participation: Tab into the first group, then the arrow key moves to and chooses "partly".
        tabTo("participation", "YES");
        key(Keys.ARROW_DOWN);
        assertChecked("participation", "PARTLY");

        // Wellbeing: Tab into the group (5 first), Space chooses it, three arrow presses go down to 2.
        tabTo("wellbeing", "5");
        key(Keys.SPACE);
        assertChecked("wellbeing", "5");
        key(Keys.ARROW_DOWN);
        key(Keys.ARROW_DOWN);
        key(Keys.ARROW_DOWN);
        assertChecked("wellbeing", "2");

        // Help: every checkbox is a tab stop; Space ticks the ones we want.
        tabTo("helpNeeded", "HOUSING");
        key(Keys.SPACE);
        tabTo("helpNeeded", "STUDIES");
        key(Keys.SPACE);
        assertChecked("helpNeeded", "HOUSING");
        assertChecked("helpNeeded", "STUDIES");

        tabTo("freeText", null);
        new Actions(browser.driver()).sendKeys(freeText).perform();
        assertEquals(freeText, browser.driver().findElement(By.id("freeText")).getDomProperty("value"));

        tabTo(null, "submit");
        browser.toNewPage(() -> key(Keys.ENTER));
        browser.waiting().until(d -> texts.text(lang, "page.thanks.title")
                .equals(d.findElement(By.tagName("h1")).getText()));
        PageChecks.phonePage(browser, lang, "thank-you " + lang.code());

        JsonNode aspirant = fixtures.aspirantView(id);
        JsonNode latest = aspirant.path("checkIns").path(0);
        assertEquals(fixtures.cycle(), latest.path("cycle").asText(), () -> "check-ins: " + aspirant.path("checkIns"));
        assertTrue(latest.path("viaForm").asBoolean(), "answered via the form");
        assertEquals("PARTLY", latest.path("participation").asText());
        assertEquals(2, latest.path("wellbeing").asInt());
        List<String> help = new ArrayList<>();
        latest.path("helpNeeded").forEach(h -> help.add(h.asText()));
        assertEquals(List.of("HOUSING", "STUDIES"), help);
        assertEquals(freeText, latest.path("freeText").asText());

        // The link is used up: the 410 page in the aspirant's language.
        browser.open(link);
        assertEquals(texts.text(lang, "page.gone.title"), browser.driver().findElement(By.tagName("h1")).getText());
        PageChecks.phonePage(browser, lang, "410 used link " + lang.code());
    }

    private static void key(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    /**
     * Presses Tab until the focused element has that name and value (a null name matches a button of that type, a
     * null value any element of that name); fails after 30 presses.
     */
    private static void tabTo(String name, String value) {
        for (int i = 0; i < 30; i++) {
            key(Keys.TAB);
            @SuppressWarnings("unchecked")
            Map<String, Object> active = (Map<String, Object>) browser.js("""
                    const e = document.activeElement;
                    return { name: e.getAttribute('name'), value: e.getAttribute('value'), type: e.getAttribute('type') };
                    """);
            boolean match = name == null
                    ? value.equals(active.get("type"))
                    : name.equals(active.get("name")) && (value == null || value.equals(active.get("value")));
            if (match) {
                return;
            }
        }
        fail("Tab never reached " + name + "=" + value);
    }

    private static void assertChecked(String name, String value) {
        Object checked = browser.js("return document.querySelector('input[name=\"' + arguments[0] + '\"][value=\"'"
                + " + arguments[1] + '\"]').checked", name, value);
        assertEquals(Boolean.TRUE, checked, name + "=" + value + " chosen");
    }
}
