package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.broadsheet.support.BrowserTest;
import org.broadsheet.support.SiteBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A new reader's journey in headless Chromium on the demo site: from an article to registering (a rejected
 * password first), back to the same article signed in, signing out and signing in again. Each step leaves a
 * screenshot in {@code target/screenshots/account-journey-*.png}; the browser's console must stay free of
 * errors, failed requests and Content-Security-Policy violations throughout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest(cleanConsole = true)
class AccountJourneyBrowserTests {

    // Thymeleaf numbers a checkbox's id (acceptGuidelines1), so it is found by name.
    private static final By GUIDELINES = By.cssSelector("input[type=checkbox][name=acceptGuidelines]");

    @Autowired
    AccountUserDetailsService accounts;

    private SiteBrowser site;

    @BeforeEach
    void setUp(SiteBrowser site) {
        this.site = site;
    }

    @Test
    void registersFromAnArticleSignsOutAndSignsInAgain() {
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        String username = "new-reader-" + suffix;
        String displayName = "Nell Newcomer " + suffix;
        String password = "seven herons over the estuary";

        // 1. A reader opens the lead story.
        site.open("/");
        site.clickAndWaitForNewPage(site.visible(By.cssSelector(".lead-story .card-headline a")));
        String articlePath = site.path();
        String headline = site.visible(By.tagName("h1")).getText();
        assertThat(headerLinks()).contains("Sign in", "Register");
        site.screenshot("account-journey-1-article");

        // 2. The header's Register link opens the form, remembering the article.
        site.clickAndWaitForNewPage(headerLink("Register"));
        assertThat(site.path()).isEqualTo("/register");
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo("Join our commenting forum");
        site.screenshot("account-journey-2-register-form");

        // 3. A password that is too short: the error is next to the field, the other answers are kept.
        site.type("username", username);
        site.type("displayName", displayName);
        site.type("email", username + "@example.com");
        site.type("password", "herons");
        site.find(GUIDELINES).click();
        site.submit();
        assertThat(site.visible(By.cssSelector(".notice-error")).getText())
                .isEqualTo("Please correct the errors below: your answers are kept.");
        WebElement passwordField = site.find(By.id("password"))
                .findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"));
        assertThat(passwordField.getDomAttribute("class")).contains("field-error");
        assertThat(passwordField.findElement(By.cssSelector(".error")).getText())
                .isEqualTo("Passwords must be at least 10 characters long.");
        assertThat(site.find(By.id("password")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(site.find(By.id("password")).getDomProperty("value")).isEmpty();
        assertThat(site.find(By.id("username")).getDomProperty("value")).isEqualTo(username);
        assertThat(site.find(By.id("displayName")).getDomProperty("value")).isEqualTo(displayName);
        assertThat(site.find(By.id("email")).getDomProperty("value")).isEqualTo(username + "@example.com");
        assertThat(site.find(GUIDELINES).isSelected()).isTrue();
        assertThat(site.findAll(By.cssSelector(".field-error"))).as("fields marked as wrong").hasSize(1);
        site.js("arguments[0].scrollIntoView({block: 'center'})", passwordField);
        site.screenshot("account-journey-3-password-too-short");

        // 4. A good password: registered, thanked and signed in.
        site.type("password", password);
        site.submit();
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo("Thank you for registering");
        assertThat(site.visible(By.tagName("main")).getText()).contains("You are signed in as " + displayName + ".");
        assertThat(accounts.loadUserByUsername(username)).isInstanceOf(AccountUser.class);
        site.screenshot("account-journey-4-thanks");

        // 5. Back to the same article, with their name in the header.
        site.clickAndWaitForNewPage(site.find(By.linkText("Back to the article")));
        assertThat(site.path()).isEqualTo(articlePath);
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(headerLinks()).contains(displayName, "Sign out").doesNotContain("Sign in", "Register",
                "Staff desk");
        site.screenshot("account-journey-5-back-at-the-article");

        // 6. Signing out with the header's button.
        site.clickAndWaitForNewPage(site.visible(By.cssSelector(".account-links button")));
        assertThat(site.path()).isEqualTo("/");
        assertThat(headerLinks()).contains("Sign in", "Register").doesNotContain(displayName, "Sign out");
        site.screenshot("account-journey-6-signed-out");

        // 7. Signing in again from the article: the sign-in link brings them back to it.
        site.open(articlePath);
        site.clickAndWaitForNewPage(headerLink("Sign in"));
        assertThat(site.path()).isEqualTo("/login");
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo("Sign in");
        site.type("username", username);
        site.type("password", password);
        site.screenshot("account-journey-7-sign-in");
        site.submit();
        assertThat(site.path()).isEqualTo(articlePath);
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(headerLinks()).contains(displayName, "Sign out").doesNotContain("Sign in");
        site.screenshot("account-journey-8-signed-in-again");
    }

    @Test
    void staffMemberOpensTheStaffDeskFromTheHeader() {
        site.signIn("admin", "broadsheet-demo");
        assertThat(headerLinks()).contains("Alex Admin", "Staff desk", "Sign out");

        site.clickAndWaitForNewPage(headerLink("Staff desk"));
        assertThat(site.path()).isEqualTo("/admin");
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo("Staff desk");
        assertThat(site.visible(By.cssSelector("main .lede")).getText()).startsWith("Welcome, Alex Admin.");
        assertThat(site.findAll(By.cssSelector("main .desk h2")).stream().map(WebElement::getText))
                .containsExactly("Editorial desk", "Moderation desk", "Users", "Audit log");
        site.screenshot("account-journey-staff-desk");
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The text of each link and button in the header's account area. */
    private List<String> headerLinks() {
        return site.findAll(By.cssSelector(".account-links a, .account-links button")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    private WebElement headerLink(String text) {
        return site.findAll(By.cssSelector(".account-links a")).stream()
                .filter(link -> link.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + text + "\" link in the header: " + headerLinks()));
    }
}
