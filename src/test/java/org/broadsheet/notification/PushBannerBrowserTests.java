package org.broadsheet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.AccountService;
import org.broadsheet.notification.push.PushService;
import org.broadsheet.support.Browser;
import org.broadsheet.support.BrowserConsole;
import org.broadsheet.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The offer of browser notifications in headless Chromium on the demo site (push on, with keys made at start):
 * nothing is asked when a page loads; "Not now" hides the banner for 30 days; "Yes please", with the permission
 * granted through the DevTools protocol, asks the browser, registers the service worker and subscribes, after
 * which the banner does not come back. The test browser reaches no real push service, so the subscription itself
 * may be refused by the browser: the banner then says so, and that is what is checked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest
class PushBannerBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    PushService push;

    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private BrowserConsole console;

    @BeforeEach
    void setUp(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        this.console = BrowserConsole.watch(driver, url("/"));
    }

    @AfterEach
    void noErrorsInTheConsole() throws InterruptedException {
        console.assertClean();
    }

    private void signIn() {
        browser.open(url("/login"));
        driver.findElement(By.id("username")).sendKeys("reader");
        driver.findElement(By.id("password")).sendKeys("broadsheet-demo");
        browser.clickAndWaitForNewPage(driver.findElement(By.cssSelector("main form button[type=submit]")), wait);
    }

    @Test
    void hidesTheBannerForThirtyDaysOnNotNow() {
        browser.open(url("/"));
        assertThat(driver.findElements(By.cssSelector(".push-banner"))).as("anonymous readers").isEmpty();
        signIn();
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".push-banner")));
        assertThat(banner.getText()).contains("Stay up to date with notifications",
                "Notifications can be managed in browser preferences");
        assertThat(browser.js("return Notification.permission")).as("nothing asked on load").isEqualTo("default");
        browser.screenshot("push-banner-1-offered");

        banner.findElement(By.cssSelector("[data-push=no]")).click();
        wait.until(ExpectedConditions.invisibilityOf(banner));
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("focus moves to the page").isEqualTo("main");
        double until = ((Number) browser.js("return Number(localStorage.getItem('broadsheet.push.notNowUntil'))"))
                .doubleValue();
        double now = ((Number) browser.js("return Date.now()")).doubleValue();
        assertThat(until - now).isBetween(29.9 * 24 * 3600 * 1000, 30.0 * 24 * 3600 * 1000);
        driver.navigate().refresh();
        assertThat(driver.findElement(By.cssSelector(".push-banner")).isDisplayed()).as("after a reload").isFalse();
        assertThat(browser.js("return Notification.permission")).isEqualTo("default");
    }

    @Test
    void asksTheBrowserAndSubscribesOnYesPlease() {
        signIn();
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".push-banner")));
        ((ChromeDriver) driver).executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
                "permissions", List.of("notifications")));

        banner.findElement(By.cssSelector("[data-push=yes]")).click();

        WebElement status = banner.findElement(By.cssSelector(".push-banner-status"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !status.getText().isBlank());
        assertThat(browser.js("return Notification.permission")).isEqualTo("granted");
        Object scope = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.getRegistration('/').then(r => done(r ? r.scope : null));""");
        assertThat(scope).isEqualTo(url("/"));
        long reader = accounts.idOf("reader").orElseThrow();
        if (status.getText().startsWith("Done")) {
            assertThat(push.devices(reader)).as("the subscription reached the site").isNotEmpty();
        } else {
            // Headless Chromium without its push service: the browser refused to subscribe, and the reader is told.
            assertThat(status.getText()).startsWith("Your browser could not turn on notifications.");
            assertThat(driver.switchTo().activeElement()).as("focus on what it says").isEqualTo(status);
            assertThat(banner.findElement(By.cssSelector(".push-banner-actions")).isDisplayed()).isFalse();
        }
        browser.screenshot("push-banner-2-answered");
        driver.navigate().refresh();
        assertThat(driver.findElement(By.cssSelector(".push-banner")).isDisplayed()).as("answered: not asked again")
                .isFalse();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
