package org.broadsheet.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests, driven by the Debian chromedriver.
 * <p>
 * Both binaries are given explicitly ({@link ChromeDriverService.Builder#usingDriverExecutable} and
 * {@link ChromeOptions#setBinary}), so Selenium Manager is never run and nothing is downloaded. Each
 * instance has a fresh temporary profile, deleted by {@link #close()}.
 *
 * <pre>
 * try (Browser browser = Browser.start()) {
 *     browser.open("http://127.0.0.1:" + port + "/");
 *     browser.screenshot("front-page");   // target/screenshots/front-page.png
 * }
 * </pre>
 * In JUnit tests prefer {@link BrowserTest}, which skips when Chromium is missing and injects a
 * {@code Browser} parameter.
 */
public final class Browser implements AutoCloseable {

    /** Debian's Chromium; the system property exists only to check the skip/fail behaviour. */
    public static final Path CHROMIUM = Path.of(System.getProperty("broadsheet.test.chromium", "/usr/bin/chromium"));
    /** Debian's chromedriver, matching {@link #CHROMIUM} (package chromium-driver). */
    public static final Path CHROMEDRIVER = Path.of(
            System.getProperty("broadsheet.test.chromedriver", "/usr/bin/chromedriver"));

    static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1280,900");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profileDir;
    private boolean closed;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profileDir) {
        this.service = service;
        this.driver = driver;
        this.profileDir = profileDir;
    }

    /** Empty when Chromium and chromedriver are installed; otherwise what is missing. */
    public static Optional<String> unavailableReason() {
        StringBuilder missing = new StringBuilder();
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                missing.append(missing.isEmpty() ? "" : " and ").append(binary);
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(missing + " not installed (apt-get install -y chromium chromium-driver)");
    }

    public static Browser start() {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException("Cannot start the test browser: " + reason);
        });
        Path profileDir;
        try {
            profileDir = Files.createTempDirectory("broadsheet-chromium-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new Browser(service, driver, profileDir);
        }
        catch (RuntimeException ex) {
            service.stop();
            deleteRecursively(profileDir);
            throw ex;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a URL and waits for the page's load event. */
    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public String title() {
        return driver.getTitle();
    }

    /** Clicks what leads to another page, as a person would, and waits until that page has loaded. */
    public void clickAndWaitForNewPage(WebElement element, WebDriverWait wait) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        wait.until(d -> gone(element));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the element's page has been replaced. While the new page is loading, Chromium may answer for the old
     * node with "does not belong to the document" instead of a stale-element error: that is gone too.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Runs a script in the page, with {@code arguments[0]}... bound to {@code args}, and returns its value. */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a PNG of the viewport to {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        Path file = screenshotDirectory().resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    /** {@code target/screenshots} of the module (Surefire sets {@code basedir}). */
    public static Path screenshotDirectory() {
        return Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        }
        finally {
            service.stop();
            deleteRecursively(profileDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | UncheckedIOException ex) {
            // Chromium may still be writing to its profile; a leftover temp directory is harmless.
        }
    }
}
