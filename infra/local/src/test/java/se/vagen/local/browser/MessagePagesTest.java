package se.vagen.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import se.vagen.common.Language;
import se.vagen.i18n.Texts;

/**
 * The pages a link can lead to besides the form, at phone size: 404 for an unknown link (Swedish with an English
 * line, the language being unknown) and 410 for an expired link in each of the seven languages. The thank-you page
 * and the 410 of a used link are checked in {@link KeyboardCheckinTest}, after a real post.
 */
class MessagePagesTest {

    private static Browser browser;
    private static Fixtures fixtures;
    private static Texts texts;

    @BeforeAll
    static void start() {
        browser = Browser.shared();
        fixtures = new Fixtures();
        texts = fixtures.stack.context().getBean(Texts.class);
    }

    @Test
    void anUnknownLinkGetsTheNotFoundPageInSwedishWithAnEnglishLine() {
        browser.phone().open("/c/AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(texts.text(Language.SV, "page.notfound.title"), browser.driver().findElement(By.tagName("h1")).getText());
        assertTrue(browser.driver().findElements(By.cssSelector("p[lang=en]")).size() == 1, "an English line");
        PageChecks.phonePage(browser, Language.SV, "404 unknown link");

        browser.open("/c/not-a-token");
        assertEquals(texts.text(Language.SV, "page.notfound.title"), browser.driver().findElement(By.tagName("h1")).getText());
        PageChecks.layout(browser, "404 malformed link", PageChecks.TOUCH);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anExpiredLinkGetsTheGonePageInTheAspirantsLanguage(Language lang) {
        String id = fixtures.aspirant(lang);
        browser.phone().open(fixtures.expiredCheckinLink(id, lang));
        assertEquals(texts.text(lang, "page.gone.title"), browser.driver().findElement(By.tagName("h1")).getText());
        PageChecks.phonePage(browser, lang, "410 expired link " + lang.code());
    }
}
