package se.vagen.local.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.vagen.common.Language;

/**
 * Writes the screenshots in docs/screenshots/ (see docs/browser-tests.md): the check-in form in Swedish, Arabic and
 * Tigrinya at 360×640 (the first screen, and the whole page), and the staff page signed in at 1366×768. Runs only
 * with {@code -Dscreenshots=true}:
 * <pre>
 * ./mvnw -B -q -pl infra/local -am verify -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false -Dscreenshots=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ScreenshotsTest {

    private static Browser browser;
    private static Fixtures fixtures;
    private static Path out;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.shared();
        fixtures = new Fixtures();
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "the repository root (with template.yaml) above " + Path.of("").toAbsolutePath());
        out = Files.createDirectories(dir.resolve("docs").resolve("screenshots"));
    }

    @Test
    void checkinFormOnAPhone() throws IOException {
        for (Language lang : new Language[] {Language.SV, Language.AR, Language.TI}) {
            String id = fixtures.aspirant(lang);
            browser.phone().open(fixtures.checkinLink(id, lang));
            write("checkin-" + lang.code() + "-360x640.png", browser.screenshot(false));
            write("checkin-" + lang.code() + "-360-full.png", browser.screenshot(true));
        }
    }

    @Test
    void staffPageOnADesktop() throws IOException {
        for (Language lang : Language.values()) {
            fixtures.aspirant(lang);
        }
        browser.desktop().open("/staff-assets/sign-in");
        browser.clearStorage();
        browser.open("/staff-assets/sign-in");
        browser.driver().findElement(By.id("user")).submit();
        browser.waiting().until(ExpectedConditions.urlMatches("/staff$"));
        browser.waitVisible("#generate");
        browser.driver().findElement(By.id("generate")).click();
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#weeks tr")).isEmpty()
                && d.findElement(By.id("generate")).isEnabled());
        write("staff-1366x768.png", browser.screenshot(false));
        browser.clearStorage();
    }

    private static void write(String name, byte[] png) throws IOException {
        Path file = out.resolve(name);
        Files.write(file, png);
        System.out.println("Screenshot: " + file + " (" + png.length + " bytes)");
    }
}
