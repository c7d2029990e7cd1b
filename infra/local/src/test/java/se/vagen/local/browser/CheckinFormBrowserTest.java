package se.vagen.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import se.vagen.common.Language;

/**
 * The check-in form in all seven languages in headless Chromium at phone size (360×640): axe-core WCAG 2.1 AA,
 * {@code lang}/{@code dir} and right-to-left rendering, nothing cut off, touch targets of at least 44×44 CSS px.
 * The same for the form shown again with errors (an empty post).
 */
class CheckinFormBrowserTest {

    private static Browser browser;
    private static Fixtures fixtures;

    @BeforeAll
    static void start() {
        browser = Browser.shared();
        fixtures = new Fixtures();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theFormIsAccessibleAndFitsAPhone(Language lang) {
        String id = fixtures.aspirant(lang);
        browser.phone().open(fixtures.checkinLink(id, lang));
        assertEquals(3, browser.driver().findElements(By.cssSelector("fieldset")).size(), "three questions");
        PageChecks.phonePage(browser, lang, "check-in form " + lang.code());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theFormWithErrorsIsAccessibleToo(Language lang) {
        String id = fixtures.aspirant(lang);
        browser.phone().open(fixtures.checkinLink(id, lang));
        // Send it empty: the form comes back with the errors, in the aspirant's language.
        browser.clickToNewPage(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        browser.waitVisible(".errors");
        PageChecks.phonePage(browser, lang, "check-in errors " + lang.code());
    }

}
