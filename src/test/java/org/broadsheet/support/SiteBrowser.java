package org.broadsheet.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A {@link Browser} on the Broadsheet site under test: pages by their path, waits of up to 15 seconds, and what a
 * person does there (typing into a field, following a link or a form to the next page, signing in with the real
 * form).
 * <p>
 * A {@link BrowserTest} gets one as a parameter, on the random port of its {@code @SpringBootTest}:
 *
 * <pre>
 * &#64;BeforeEach
 * void setUp(SiteBrowser site) {
 *     this.site = site;
 * }
 *
 * &#64;Test
 * void signsIn() {
 *     site.signIn("reader", "broadsheet-demo");
 *     assertThat(site.visible(By.cssSelector(".masthead .account-links button")).getText()).isEqualTo("Sign out");
 * }
 * </pre>
 */
public final class SiteBrowser {

    /** How long {@link #visible}, {@link #waitUntil} and the page loads of a click wait at the most. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final By MAIN_FORM_SUBMIT = By.cssSelector("main form button[type=submit]");

    private final Browser browser;
    private final int port;
    private final WebDriverWait wait;
    private BrowserConsole console;

    public SiteBrowser(Browser browser, int port) {
        this.browser = browser;
        this.port = port;
        this.wait = new WebDriverWait(browser.driver(), TIMEOUT);
    }

    /** The same site in another browser, e.g. a second reader's. */
    public SiteBrowser in(Browser other) {
        return new SiteBrowser(other, port);
    }

    public Browser browser() {
        return browser;
    }

    public WebDriver driver() {
        return browser.driver();
    }

    /** The address of a path on the site; {@code url("")} is the site's origin. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Loads a path on the site, or a whole URL (a link's {@code href} property), and waits for its load event. */
    public SiteBrowser open(String pathOrUrl) {
        browser.open(pathOrUrl.startsWith("http") ? pathOrUrl : url(pathOrUrl));
        return this;
    }

    /** The path of the page shown, without its query. */
    public String path() {
        return URI.create(driver().getCurrentUrl()).getPath();
    }

    public WebElement find(By by) {
        return driver().findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver().findElements(by);
    }

    /** Waits until the element is on the page and displayed. */
    public WebElement visible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Scrolls the element to the middle of the window, clear of the sticky bars, and clicks it. */
    public void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Replaces the text of the field with this id, as typed. */
    public void type(String id, String text) {
        WebElement field = find(By.id(id));
        js("arguments[0].scrollIntoView({block: 'center'})", field);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks what leads to another page and waits until that page has loaded. */
    public void clickAndWaitForNewPage(WebElement element) {
        browser.clickAndWaitForNewPage(element, wait);
    }

    /** Submits the page's main form with its submit button, as a person would, and waits for the answer. */
    public void submit() {
        clickAndWaitForNewPage(find(MAIN_FORM_SUBMIT));
    }

    /** Signs in through the site's own form at {@code /login}. */
    public void signIn(String username, String password) {
        open("/login");
        submitSignIn(username, password);
    }

    /** Fills in and submits the sign-in form already shown, e.g. reached by a link or with {@code ?continue=}. */
    public void submitSignIn(String username, String password) {
        type("username", username);
        type("password", password);
        submit();
    }

    public Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    /** See {@link Browser#screenshot}. */
    public Path screenshot(String name) {
        return browser.screenshot(name);
    }

    /** Starts collecting the problems of the browser's console, proven on the front page: {@link BrowserConsole}. */
    public BrowserConsole watchConsole() {
        console = BrowserConsole.watch(driver(), url("/"));
        return console;
    }

    /** The console {@link #watchConsole()} started, as {@code @BrowserTest(cleanConsole = true)} does for each test. */
    public BrowserConsole console() {
        if (console == null) {
            throw new IllegalStateException("The console is not watched: see @BrowserTest(cleanConsole = true)");
        }
        return console;
    }
}
