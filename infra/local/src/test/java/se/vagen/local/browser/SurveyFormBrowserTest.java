package se.vagen.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.vagen.common.Language;
import se.vagen.survey.SurveyInvitation;
import se.vagen.survey.SurveyInvitationRepository;
import se.vagen.survey.SurveyTexts;
import se.vagen.token.LinkTokens;
import se.vagen.token.TokenPurpose;

/**
 * The employer survey form (/s/{token}) at phone size, in Swedish and (by its language link) English: axe-core,
 * nothing cut off, 44 px touch targets; the form with errors; answered by tapping the scale labels, the thank-you
 * page, and the 410 page of the used link.
 */
class SurveyFormBrowserTest {

    private static Browser browser;
    private static Fixtures fixtures;
    private static SurveyTexts texts;

    @BeforeAll
    static void start() {
        browser = Browser.shared();
        fixtures = new Fixtures();
        texts = fixtures.stack.context().getBean(SurveyTexts.class);
    }

    /** An invitation as the survey-links campaign stores it, and its link ("/s/{token}"). */
    private static String surveyLink() {
        byte[] random = new byte[16];
        new java.security.SecureRandom().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        String year = String.valueOf(LocalDate.now(Fixtures.STOCKHOLM).getYear());
        Instant now = Instant.now();
        fixtures.stack.context().getBean(SurveyInvitationRepository.class).create(new SurveyInvitation(year, id,
                "5566778899", "kontakt-" + id.substring(0, 8) + "@example.org", "Bygg", null, now, 0, null, false, false,
                now.plus(400, ChronoUnit.DAYS)));
        return "/s/" + fixtures.stack.context().getBean(LinkTokens.class)
                .issue(TokenPurpose.SURVEY, id, year, "sv", now.plus(30, ChronoUnit.DAYS), true);
    }

    @Test
    void theSurveyInSwedishAndEnglishWithErrorsAnsweredAndUsed() {
        String link = surveyLink();
        browser.phone().open(link);
        assertTrue(browser.driver().findElements(By.cssSelector("fieldset")).size() > 3, "the questions");
        PageChecks.phonePage(browser, Language.SV, "survey form sv");

        browser.clickToNewPage(browser.driver().findElement(By.cssSelector(".language-switch a")));
        PageChecks.phonePage(browser, Language.EN, "survey form en");

        // Sent empty (the browser's own required-field check switched off, as an old browser would): the errors.
        browser.js("document.querySelector('form').noValidate = true;");
        browser.clickToNewPage(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        browser.waitVisible(".errors");
        PageChecks.phonePage(browser, Language.EN, "survey errors en");

        // Answer every question by tapping its label: the top of each scale, "yes" to the yes/no questions.
        List<WebElement> groups = browser.driver().findElements(By.cssSelector("fieldset"));
        for (WebElement group : groups) {
            List<WebElement> labels = group.findElements(By.cssSelector("label"));
            WebElement pick = group.getAttribute("class") != null && group.getAttribute("class").contains("scale-question")
                    ? labels.stream().filter(l -> !l.getAttribute("class").contains("dont-know")).reduce((a, b) -> b).orElseThrow()
                    : labels.get(0);
            browser.js("arguments[0].scrollIntoView({block: 'center'})", pick);
            pick.click();
        }
        browser.clickToNewPage(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        browser.waiting().until(d -> texts.get("en", "thanks.title").equals(d.findElement(By.tagName("h1")).getText()));
        PageChecks.phonePage(browser, Language.EN, "survey thank-you en");

        browser.open(link);
        assertEquals(texts.get("sv", "used.title"), browser.driver().findElement(By.tagName("h1")).getText());
        PageChecks.phonePage(browser, Language.SV, "survey 410 used");
    }
}
