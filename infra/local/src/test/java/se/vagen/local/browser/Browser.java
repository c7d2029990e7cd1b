package se.vagen.local.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.vagen.local.testing.VagenStack;

/**
 * One headless Debian Chromium for the whole test JVM, driven through Debian's ChromeDriver. Both paths are given
 * explicitly (system properties {@code vagen.chromium} and {@code vagen.chromedriver} override the defaults), so
 * Selenium Manager never looks for, or downloads, a browser or driver. When either program is missing, {@link
 * #shared()} skips the calling test (a JUnit assumption) with a message saying what to install; CI installs both
 * ({@code .ci/run}), so there the tests run.
 *
 * <p>The viewport is set exactly with Chrome's device-metrics emulation ({@link #phone()} 360×640 as a mobile
 * device, {@link #desktop()} 1366×768), independent of window decorations.
 */
public final class Browser {

    public static final String CHROMIUM = System.getProperty("vagen.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("vagen.chromedriver", "/usr/bin/chromedriver");
    public static final Duration WAIT = Duration.ofSeconds(15);

    private static Browser shared;
    private static String unavailable;

    private final ChromeDriver driver;
    private final Path profile;
    private final VagenStack stack;

    private Browser(ChromeDriver driver, Path profile, VagenStack stack) {
        this.driver = driver;
        this.profile = profile;
        this.stack = stack;
    }

    /** The browser of this JVM, started on first use; skips the test when Chromium or ChromeDriver is absent. */
    public static synchronized Browser shared() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        if (shared == null) {
            String missing = missingPrograms();
            if (missing != null) {
                unavailable = missing;
                System.out.println("Browser tests skipped: " + missing);
                Assumptions.abort(missing);
            }
            VagenStack stack = VagenStack.shared();
            shared = start(stack);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::quit, "vagen-browser-stop"));
        }
        return shared;
    }

    /** Null when both programs are there, else what is missing and how to get it. */
    static String missingPrograms() {
        List<String> missing = new ArrayList<>();
        if (!new File(CHROMIUM).canExecute()) {
            missing.add(CHROMIUM);
        }
        if (!new File(CHROMEDRIVER).canExecute()) {
            missing.add(CHROMEDRIVER);
        }
        return missing.isEmpty() ? null : "no " + String.join(" and no ", missing)
                + " (install Debian's packages: apt-get install -y chromium chromium-driver)";
    }

    private static Browser start(VagenStack stack) {
        Path profile;
        try {
            profile = Files.createTempDirectory("vagen-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a Chromium profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-default-apps", "--no-first-run", "--no-default-browser-check",
                "--disable-features=Translate,MediaRouter,OptimizationHints", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--lang=sv-SE", "--window-size=1366,768",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        long started = System.nanoTime();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        System.out.printf("Browser: %s started in %d ms%n", driver.getCapabilities().getBrowserVersion(),
                (System.nanoTime() - started) / 1_000_000);
        return new Browser(driver, profile, stack);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** 360×640 CSS px, a phone (touch, mobile viewport rules). */
    public Browser phone() {
        return viewport(360, 640, true);
    }

    /** 1366×768 CSS px, a laptop. */
    public Browser desktop() {
        return viewport(1366, 768, false);
    }

    public Browser viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", mobile));
        return this;
    }

    /** Opens a path of the local stack (or an absolute URL) and waits for the document to be complete. */
    public Browser open(String pathOrUrl) {
        URI target = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : stack.baseUri().resolve(pathOrUrl);
        driver.get(target.toString());
        waitUntilLoaded();
        return this;
    }

    public void waitUntilLoaded() {
        waiting().until(d -> "complete".equals(js("return document.readyState")));
    }

    /**
     * An explicit wait that retries when the page it looked at was replaced meanwhile (navigation). Any driver
     * error is retried, not only a stale element: Chrome answers a query on a node of a page being torn down
     * with a generic "unknown error". The last error is kept as the cause of a time-out.
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /**
     * Clicks something that loads a new page and waits until that page has replaced the old one: readyState
     * alone can still be the old page's "complete" right after the click. The old page is marked with a window
     * property, which the new page does not have. Polling with a script (not a stale-element check) because
     * Chrome answers a query on a node of a page being torn down with a generic error, not a stale one.
     */
    public void clickToNewPage(WebElement element) {
        toNewPage(element::click);
    }

    /** Does something that loads a new page (a click, a key) and waits until the new page has loaded. */
    public void toNewPage(Runnable action) {
        js("window.vagenOldPage = true;");
        action.run();
        try {
            waiting().until(d -> Boolean.TRUE.equals(
                    js("return window.vagenOldPage === undefined && document.readyState === 'complete';")));
        } catch (TimeoutException e) {
            throw new AssertionError("No new page was loaded. " + diagnostics(), e);
        }
    }

    /** Waits until an element matching {@code css} is visible; on time-out says what the page shows. */
    public void waitVisible(String css) {
        try {
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw new AssertionError("No visible " + css + ". " + diagnostics(), e);
        }
    }

    /** The URL, the page's visible text and the browser console (for failure messages). */
    public String diagnostics() {
        StringBuilder s = new StringBuilder("URL ").append(driver.getCurrentUrl()).append("\nText: ");
        try {
            s.append(driver.findElement(By.tagName("body")).getText());
        } catch (WebDriverException e) {
            s.append("(none: ").append(e.getMessage()).append(')');
        }
        s.append("\nConsole:");
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            s.append("\n  ").append(entry.getLevel()).append(' ').append(entry.getMessage());
        }
        return s.toString();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A PNG of the viewport (or of the whole page when {@code fullPage}). */
    public byte[] screenshot(boolean fullPage) {
        if (!fullPage) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        return java.util.Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** Forgets the staff token and any other page state between tests. */
    public void clearStorage() {
        try {
            if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
                js("window.sessionStorage.clear(); window.localStorage.clear();");
            }
        } catch (WebDriverException e) {
            // A page without storage (an error page of the browser itself): nothing to clear.
        }
        driver.manage().deleteAllCookies();
    }

    private void quit() {
        try {
            driver.quit();
        } catch (WebDriverException e) {
            System.out.println("Browser: quit failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("Browser: could not remove " + profile + ": " + e.getMessage());
        }
    }
}
