package se.vagen.local.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The survey form in headless Chromium (Debian's package): no accessibility violations (axe-core, WCAG 2.1 A and
 * AA), the language switch works without JavaScript, and a keyboard-free click-through stores an answer.
 * Skipped cleanly where Chromium or chromedriver is missing.
 */
class SurveyFormBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final SurveyFixtures f = new SurveyFixtures();
    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are needed (Debian packages chromium, chromium-driver)");
        f.assumeMailCanBeSent();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=390,1200");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theFormIsAccessibleInBothLanguagesAndCanBeAnswered() {
        String address = f.email("browser");
        f.employer("Hotell", LocalDate.of(2034, 1, 20), address);
        f.runJob("2034-03-14T09:00:00+01:00", "campaign");
        String token = f.surveyToken(address, 0);

        browser.get(f.stack.baseUri().resolve("/s/" + token).toString());
        assertEquals("sv", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertNoViolations("sv form");

        browser.findElement(By.linkText("In English")).click();
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertNoViolations("en form");

        // an error page is accessible too
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // browser validation keeps a form with required radios from being sent: answer the three NKI questions
        for (String code : List.of("nki_overall", "nki_expectations", "nki_ideal")) {
            browser.findElement(By.cssSelector("input[name=" + code + "][value='8']")).click();
        }
        browser.findElement(By.cssSelector("input[name=information][value=vet_ej]")).click();
        browser.findElement(By.id("comment")).sendKeys("Clear and friendly.");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertTrue(browser.getPageSource().contains("Thank you for your answers!"), browser.getPageSource());
        assertNoViolations("thank-you page");

        browser.get(f.stack.baseUri().resolve("/s/" + token).toString());
        assertTrue(browser.getPageSource().contains("redan besvarad"), "a used link shows the 410 page");
        assertNoViolations("410 page");
    }

    private void assertNoViolations(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(), page + ": " + violations.stream()
                .map(v -> v.getId() + " (" + v.getNodes().size() + "): " + v.getHelp()).collect(Collectors.joining("; ")));
    }
}
