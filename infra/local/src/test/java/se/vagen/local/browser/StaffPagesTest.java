package se.vagen.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The staff page at desktop size (1366×768): signed out, the local sign-in page, and signed in with a weekly list in
 * the table. Each is checked with axe-core (WCAG 2.1 AA), for text cut off, and for pointer targets of at least
 * 24×24 CSS px (staff use a mouse; the aspirants' pages get the 44 px touch rule).
 */
class StaffPagesTest {

    /** A week in the past, so this test's list never replaces a list another test relies on. */
    private static final String WEEK = "2020-W02";

    private static Browser browser;
    private static Fixtures fixtures;

    @BeforeAll
    static void start() {
        browser = Browser.shared();
        fixtures = new Fixtures();
        HttpResponse<String> generated = fixtures.stack.post("/staff/forum-lists/" + WEEK + "/generate",
                "application/json", "", fixtures.staffToken);
        assertEquals(200, generated.statusCode(), () -> "generate: " + generated.body());
    }

    @Test
    void signInAndSeeTheWeeklyLists() {
        browser.desktop().open("/staff");
        browser.clearStorage();
        browser.open("/staff");
        browser.waitVisible("#sign-in-button");
        PageChecks.layout(browser, "staff page signed out", PageChecks.POINTER);
        Axe.check(browser, "staff page signed out");

        browser.driver().findElement(By.id("sign-in-button")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/staff-assets/sign-in"));
        browser.waitUntilLoaded();
        PageChecks.layout(browser, "staff sign-in", PageChecks.POINTER);
        Axe.check(browser, "staff sign-in");

        WebElement user = browser.driver().findElement(By.id("user"));
        user.clear();
        user.sendKeys("anna");
        user.submit();
        browser.waiting().until(ExpectedConditions.urlMatches("/staff$"));
        browser.waitVisible("#lists");
        browser.waiting().until(d -> !d.findElements(By.xpath("//tbody[@id='weeks']/tr/th[.='" + WEEK + "']")).isEmpty());
        assertTrue(browser.driver().findElement(By.id("sign-out")).isDisplayed(), "signed in");
        PageChecks.layout(browser, "staff page", PageChecks.POINTER);
        Axe.check(browser, "staff page");
        browser.clearStorage();
    }

    @Test
    void theDevPage() {
        browser.desktop().open("/dev");
        PageChecks.layout(browser, "dev page", PageChecks.POINTER);
        Axe.check(browser, "dev page");
    }
}
