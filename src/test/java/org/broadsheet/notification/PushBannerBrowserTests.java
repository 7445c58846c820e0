package org.broadsheet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.AccountService;
import org.broadsheet.notification.push.PushService;
import org.broadsheet.support.BrowserTest;
import org.broadsheet.support.SiteBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The offer of browser notifications in headless Chromium on the demo site (push on, with keys made at start):
 * nothing is asked when a page loads; "Not now" hides the banner for 30 days; "Yes please", with the permission
 * granted through the DevTools protocol, asks the browser, registers the service worker and subscribes, after
 * which the banner does not come back. The test browser reaches no real push service, so the subscription itself
 * may be refused by the browser: the banner then says so, and that is what is checked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest(cleanConsole = true)
class PushBannerBrowserTests {

    @Autowired
    AccountService accounts;

    @Autowired
    PushService push;

    private SiteBrowser site;

    @BeforeEach
    void setUp(SiteBrowser site) {
        this.site = site;
    }

    @Test
    void hidesTheBannerForThirtyDaysOnNotNow() {
        site.open("/");
        assertThat(site.findAll(By.cssSelector(".push-banner"))).as("anonymous readers").isEmpty();
        site.signIn("reader", "broadsheet-demo");
        WebElement banner = site.visible(By.cssSelector(".push-banner"));
        assertThat(banner.getText()).contains("Stay up to date with notifications",
                "Notifications can be managed in browser preferences");
        assertThat(site.js("return Notification.permission")).as("nothing asked on load").isEqualTo("default");
        site.screenshot("push-banner-1-offered");

        banner.findElement(By.cssSelector("[data-push=no]")).click();
        site.waitUntil(ExpectedConditions.invisibilityOf(banner));
        assertThat(site.driver().switchTo().activeElement().getDomAttribute("id")).as("focus moves to the page")
                .isEqualTo("main");
        double until = ((Number) site.js("return Number(localStorage.getItem('broadsheet.push.notNowUntil'))"))
                .doubleValue();
        double now = ((Number) site.js("return Date.now()")).doubleValue();
        assertThat(until - now).isBetween(29.9 * 24 * 3600 * 1000, 30.0 * 24 * 3600 * 1000);
        site.driver().navigate().refresh();
        assertThat(site.find(By.cssSelector(".push-banner")).isDisplayed()).as("after a reload").isFalse();
        assertThat(site.js("return Notification.permission")).isEqualTo("default");
    }

    @Test
    void asksTheBrowserAndSubscribesOnYesPlease() {
        site.signIn("reader", "broadsheet-demo");
        WebElement banner = site.visible(By.cssSelector(".push-banner"));
        ((ChromeDriver) site.driver()).executeCdpCommand("Browser.grantPermissions", Map.of("origin", site.url(""),
                "permissions", List.of("notifications")));

        banner.findElement(By.cssSelector("[data-push=yes]")).click();

        WebElement status = banner.findElement(By.cssSelector(".push-banner-status"));
        new WebDriverWait(site.driver(), Duration.ofSeconds(30)).until(d -> !status.getText().isBlank());
        assertThat(site.js("return Notification.permission")).isEqualTo("granted");
        Object scope = ((JavascriptExecutor) site.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.getRegistration('/').then(r => done(r ? r.scope : null));""");
        assertThat(scope).isEqualTo(site.url("/"));
        long reader = accounts.idOf("reader").orElseThrow();
        if (status.getText().startsWith("Done")) {
            assertThat(push.devices(reader)).as("the subscription reached the site").isNotEmpty();
        } else {
            // Headless Chromium without its push service: the browser refused to subscribe, and the reader is told.
            assertThat(status.getText()).startsWith("Your browser could not turn on notifications.");
            assertThat(site.driver().switchTo().activeElement()).as("focus on what it says").isEqualTo(status);
            assertThat(banner.findElement(By.cssSelector(".push-banner-actions")).isDisplayed()).isFalse();
        }
        site.screenshot("push-banner-2-answered");
        site.driver().navigate().refresh();
        assertThat(site.find(By.cssSelector(".push-banner")).isDisplayed()).as("answered: not asked again")
                .isFalse();
    }
}
