package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.broadsheet.support.Browser;
import org.broadsheet.support.BrowserConsole;
import org.broadsheet.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A new reader's journey in headless Chromium on the demo site: from an article to registering (a rejected
 * password first), back to the same article signed in, signing out and signing in again. Each step leaves a
 * screenshot in {@code target/screenshots/account-journey-*.png}; the browser's console must stay free of
 * errors, failed requests and Content-Security-Policy violations throughout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest
class AccountJourneyBrowserTests {

    // Thymeleaf numbers a checkbox's id (acceptGuidelines1), so it is found by name.
    private static final By GUIDELINES = By.cssSelector("input[type=checkbox][name=acceptGuidelines]");

    @LocalServerPort
    int port;

    @Autowired
    AccountUserDetailsService accounts;

    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private BrowserConsole console;

    @BeforeEach
    void setUp(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        this.console = BrowserConsole.watch(driver, "http://127.0.0.1:" + port + "/");
    }

    @AfterEach
    void noErrorsInTheConsole() throws InterruptedException {
        console.assertClean();
    }

    @Test
    void registersFromAnArticleSignsOutAndSignsInAgain() {
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        String username = "new-reader-" + suffix;
        String displayName = "Nell Newcomer " + suffix;
        String password = "seven herons over the estuary";

        // 1. A reader opens the lead story.
        open("/");
        clickAndWaitForNewPage(visible(By.cssSelector(".lead-story .card-headline a")));
        String articlePath = URI.create(driver.getCurrentUrl()).getPath();
        String headline = visible(By.tagName("h1")).getText();
        assertThat(headerLinks()).contains("Sign in", "Register");
        screenshot("account-journey-1-article");

        // 2. The header's Register link opens the form, remembering the article.
        clickAndWaitForNewPage(headerLink("Register"));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/register");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Join our commenting forum");
        screenshot("account-journey-2-register-form");

        // 3. A password that is too short: the error is next to the field, the other answers are kept.
        type("username", username);
        type("displayName", displayName);
        type("email", username + "@example.com");
        type("password", "herons");
        driver.findElement(GUIDELINES).click();
        submit();
        assertThat(visible(By.cssSelector(".notice-error")).getText())
                .isEqualTo("Please correct the errors below: your answers are kept.");
        WebElement passwordField = driver.findElement(By.id("password"))
                .findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"));
        assertThat(passwordField.getDomAttribute("class")).contains("field-error");
        assertThat(passwordField.findElement(By.cssSelector(".error")).getText())
                .isEqualTo("Passwords must be at least 10 characters long.");
        assertThat(driver.findElement(By.id("password")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("password")).getDomProperty("value")).isEmpty();
        assertThat(driver.findElement(By.id("username")).getDomProperty("value")).isEqualTo(username);
        assertThat(driver.findElement(By.id("displayName")).getDomProperty("value")).isEqualTo(displayName);
        assertThat(driver.findElement(By.id("email")).getDomProperty("value")).isEqualTo(username + "@example.com");
        assertThat(driver.findElement(GUIDELINES).isSelected()).isTrue();
        assertThat(driver.findElements(By.cssSelector(".field-error"))).as("fields marked as wrong").hasSize(1);
        js("arguments[0].scrollIntoView({block: 'center'})", passwordField);
        screenshot("account-journey-3-password-too-short");

        // 4. A good password: registered, thanked and signed in.
        type("password", password);
        submit();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Thank you for registering");
        assertThat(visible(By.tagName("main")).getText()).contains("You are signed in as " + displayName + ".");
        assertThat(accounts.loadUserByUsername(username)).isInstanceOf(AccountUser.class);
        screenshot("account-journey-4-thanks");

        // 5. Back to the same article, with their name in the header.
        clickAndWaitForNewPage(driver.findElement(By.linkText("Back to the article")));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo(articlePath);
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(headerLinks()).contains(displayName, "Sign out").doesNotContain("Sign in", "Register",
                "Staff desk");
        screenshot("account-journey-5-back-at-the-article");

        // 6. Signing out with the header's button.
        clickAndWaitForNewPage(visible(By.cssSelector(".account-links button")));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/");
        assertThat(headerLinks()).contains("Sign in", "Register").doesNotContain(displayName, "Sign out");
        screenshot("account-journey-6-signed-out");

        // 7. Signing in again from the article: the sign-in link brings them back to it.
        open(articlePath);
        clickAndWaitForNewPage(headerLink("Sign in"));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/login");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Sign in");
        type("username", username);
        type("password", password);
        screenshot("account-journey-7-sign-in");
        submit();
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo(articlePath);
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(headerLinks()).contains(displayName, "Sign out").doesNotContain("Sign in");
        screenshot("account-journey-8-signed-in-again");
    }

    @Test
    void staffMemberOpensTheStaffDeskFromTheHeader() {
        open("/login");
        type("username", "admin");
        type("password", "broadsheet-demo");
        submit();
        assertThat(headerLinks()).contains("Alex Admin", "Staff desk", "Sign out");

        clickAndWaitForNewPage(headerLink("Staff desk"));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/admin");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Staff desk");
        assertThat(visible(By.cssSelector("main .lede")).getText()).startsWith("Welcome, Alex Admin.");
        assertThat(driver.findElements(By.cssSelector("main .desk h2")).stream().map(WebElement::getText))
                .containsExactly("Editorial desk", "Moderation desk", "Users", "Audit log");
        screenshot("account-journey-staff-desk");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void open(String path) {
        browser.open("http://127.0.0.1:" + port + path);
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The text of each link and button in the header's account area. */
    private List<String> headerLinks() {
        return driver.findElements(By.cssSelector(".account-links a, .account-links button")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    private WebElement headerLink(String text) {
        return driver.findElements(By.cssSelector(".account-links a")).stream()
                .filter(link -> link.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + text + "\" link in the header: " + headerLinks()));
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Submits the page's main form with its submit button, as a person would. */
    private void submit() {
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
    }

    private void clickAndWaitForNewPage(WebElement element) {
        browser.clickAndWaitForNewPage(element, wait);
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }
}
