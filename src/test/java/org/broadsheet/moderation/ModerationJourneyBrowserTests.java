package org.broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.comment.ModerationQueues;
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
 * A comment's way through the moderation desk, in headless Chromium: Ana comments on an article, Ben reports
 * her comment as abusive, the demo moderator finds the report in the Reported queue and rejects the comment with a
 * reason and a note; others then see a placeholder, Ana her text with the reason and the note. She asks for a
 * review, the moderator publishes the comment again from the Review requests tab, and Ana finds it published
 * and the outcome in her notification centre. Screenshots go to {@code target/screenshots/moderation-journey-*.png};
 * the console must stay free of errors throughout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest
class ModerationJourneyBrowserTests {

    private static final String PASSWORD = "pebble-orchard-weathervane";
    private static final String DEMO_PASSWORD = "broadsheet-demo";
    private static final String REMOVED = "This comment was removed by a moderator because it did not abide by our "
            + "community guidelines.";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    ArticleLists articles;

    @Autowired
    AccountService accounts;

    @Autowired
    PremoderatedArticles premoderated;

    @Autowired
    ModerationQueues queues;

    @Autowired
    ReviewRequests reviews;

    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private BrowserConsole console;
    private String articlePath;
    private String headline;
    private String ana;
    private String ben;
    /** The demo moderator, as a newcomer to the demo signs in. */
    private final String moderator = "moderator";

    @BeforeEach
    void setUp(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        // A demo article open for comments that is not pre-moderated (the demo pre-moderates the newest few).
        ArticleCard card = articles.latest(FeedScope.site(), 40).stream()
                .filter(c -> c.commentsOpen() && !premoderated.premoderated(c.id())).skip(10).findFirst()
                .orElseThrow();
        headline = card.headline();
        articlePath = card.url();
        ana = account("ana", "Ana Marsh", EnumSet.of(Role.READER));
        ben = account("ben", "Ben Quay", EnumSet.of(Role.READER));
        this.console = BrowserConsole.watch(driver, url("/"));
    }

    @AfterEach
    void noErrorsInTheConsole() throws InterruptedException {
        console.assertClean();
    }

    private String account(String name, String displayName, EnumSet<Role> roles) {
        String username = name + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
        assertThat(accounts.createVerified(username, displayName, username + "@example.com", PASSWORD, roles))
                .isTrue();
        return username;
    }

    @Test
    void reportedCommentIsRejectedReviewedAndPublishedAgain() throws InterruptedException {
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        long reportedBefore = queues.counts().reported();
        long reviewsBefore = reviews.openCount();

        // 1. Ana comments on the article, in place.
        signIn(ana);
        open(articlePath);
        int before = count();
        String text = "The contractors have been paid twice for the same wall " + stamp + ".";
        visible(By.id("comment-text")).sendKeys(text);
        driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
        WebElement mine = visible(By.cssSelector(".thread-list li.comment.just-posted"));
        assertThat(mine.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo(text);
        String anchor = mine.getDomAttribute("id");
        long commentId = Long.parseLong(anchor.replace("comment-", ""));
        assertThat(count()).isEqualTo(before + 1);
        screenshot("moderation-journey-1-commented");
        signOut();

        // 2. Ben reports it as abusive, from the comment's "More" menu.
        signIn(ben);
        open(articlePath);
        openMore(anchor);
        clickAndWaitForNewPage(visible(By.cssSelector("#" + anchor + " .comment-more a[href$='/report']")));
        driver.findElement(By.cssSelector("label[for=reason-ABUSE]")).click();
        type("note", "Calls the council thieves.");
        screenshot("moderation-journey-2-report");
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(visible(By.cssSelector(".site-notice")).getText())
                .isEqualTo("Thank you. The moderators will look at the comment.");
        signOut();

        // 3. The demo moderator finds the report in the Reported queue, beside the demo's own reports.
        signIn(moderator);
        open("/admin/moderation");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Moderation");
        clickAndWaitForNewPage(visible(By.cssSelector(".desk-tabs a[href*='tab=reported']")));
        assertThat(visible(By.cssSelector(".desk-tabs a[aria-current=page]")).getText())
                .isEqualTo("Reported (" + (reportedBefore + 1) + ")");
        WebElement item = visible(By.xpath("//li[contains(@class,'moderation-item')][.//div[contains(@class,"
                + "'comment-text')][normalize-space()='" + text + "']]"));
        WebElement report = item.findElement(By.cssSelector("details.reports li.open"));
        assertThat(report.getText()).contains("Abusive or hateful", "Ben Quay", "Calls the council thieves.");
        assertThat(item.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Ana Marsh");
        screenshot("moderation-journey-3-reported-queue");

        // 4. It opens the comment and rejects it for abuse, with a note to Ana.
        clickAndWaitForNewPage(item.findElement(By.linkText("Reject\u2026")));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/admin/moderation/comments/" + commentId);
        WebElement abuse = driver.findElement(By.cssSelector(".reject-form input[type=radio][value=ABUSE]"));
        WebElement abuseLabel = driver.findElement(
                By.cssSelector(".reject-form label[for='" + abuse.getDomAttribute("id") + "']"));
        assertThat(abuseLabel.getText()).isEqualTo("abuse");
        abuseLabel.click();
        assertThat(abuse.isSelected()).isTrue();
        String note = "Criticise the council as much as you like, but without calling anyone a thief.";
        type("note", note);
        screenshot("moderation-journey-4-reject");
        clickAndWaitForNewPage(driver.findElement(By.cssSelector(".reject-form button[type=submit]")));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/admin/moderation");
        assertThat(visible(By.cssSelector(".site-notice")).getText())
                .isEqualTo("The comment is rejected; its author is told why.");
        signOut();

        // 5. Others see a placeholder in its place, and not a word of it.
        open(articlePath);
        assertThat(visible(By.cssSelector("#" + anchor + " .comment-removed")).getText()).isEqualTo(REMOVED);
        assertThat(driver.findElements(By.cssSelector("#" + anchor + " .own-removed"))).isEmpty();
        assertThat(visible(By.tagName("main")).getText()).doesNotContain(text);
        assertThat(count()).isEqualTo(before);
        screenshot("moderation-journey-5-removed-for-others");
        signIn(ben);
        open(articlePath);
        assertThat(visible(By.cssSelector("#" + anchor + " .comment-removed")).getText()).isEqualTo(REMOVED);
        assertThat(visible(By.tagName("main")).getText()).doesNotContain(text);
        signOut();

        // 6. Ana sees her text, the reason and the note, and asks for a review.
        signIn(ana);
        open(articlePath);
        WebElement own = visible(By.cssSelector("#" + anchor + " .own-removed"));
        assertThat(own.findElement(By.cssSelector(".badge-removed")).getDomProperty("textContent"))
                .isEqualTo("Only you can see this");
        assertThat(own.getText()).contains("Removed by a moderator. Reason: abuse.");
        assertThat(own.findElement(By.cssSelector("q")).getText()).isEqualTo(note);
        assertThat(own.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo(text);
        js("arguments[0].scrollIntoView({block: 'center'})", own);
        screenshot("moderation-journey-6-removed-for-the-author");
        clickAndWaitForNewPage(own.findElement(By.linkText("Ask for a review")));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/comments/" + commentId + "/review");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Ask for a review");
        String plea = "I was quoting the auditor's report, which uses that word.";
        type("note", plea);
        screenshot("moderation-journey-7-review-request");
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/account/comments");
        assertThat(visible(By.cssSelector(".site-notice")).getText()).isEqualTo(
                "Thank you. A moderator will look at your comment again, and you will be told the outcome.");
        signOut();

        // 7. The moderator publishes it again from the Review requests tab.
        signIn(moderator);
        open("/admin/moderation");
        clickAndWaitForNewPage(visible(By.cssSelector(".desk-tabs a[href*='tab=reviews']")));
        assertThat(visible(By.cssSelector(".desk-tabs a[aria-current=page]")).getText())
                .isEqualTo("Review requests (" + (reviewsBefore + 1) + ")");
        WebElement request = visible(By.xpath("//li[contains(@class,'moderation-item')][starts-with(@id,'review-')]"
                + "[.//div[contains(@class,'comment-text')][normalize-space()='" + text + "']]"));
        assertThat(request.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo(text);
        assertThat(request.findElement(By.cssSelector(".review-request q")).getText()).isEqualTo(plea);
        assertThat(request.findElement(By.cssSelector(".decision-reason")).getText()).contains("abuse");
        screenshot("moderation-journey-8-review-requests");
        clickAndWaitForNewPage(request.findElement(By.xpath(".//button[normalize-space()='Publish it again']")));
        assertThat(visible(By.cssSelector(".site-notice")).getText())
                .isEqualTo("The comment is published again; its author is told.");
        assertThat(visible(By.cssSelector(".desk-tabs a[aria-current=page]")).getText())
                .isEqualTo("Review requests (" + reviewsBefore + ")");
        signOut();

        // 8. Ana finds her comment published again, and the outcome in her notification centre.
        signIn(ana);
        open(articlePath);
        assertThat(visible(By.cssSelector("#" + anchor + " .comment-text")).getText()).isEqualTo(text);
        assertThat(driver.findElements(By.cssSelector("#" + anchor + " .comment-removed"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#" + anchor + " .own-removed"))).isEmpty();
        assertThat(count()).isEqualTo(before + 1);
        screenshot("moderation-journey-9-published-again");
        String outcome = "After your review request, your comment on \u201c" + headline + "\u201d is published again";
        open("/notifications");
        wait.until(d -> {
            if (notificationTexts().contains(outcome)) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        assertThat(notificationTexts()).contains(outcome,
                "A moderator removed your comment on \u201c" + headline + "\u201d: open it to see why");
        screenshot("moderation-journey-10-notified");
        WebElement told = visible(By.xpath("//ol[contains(@class,'notification-list')]//a[normalize-space()='"
                + outcome + "']"));
        clickAndWaitForNewPage(told);
        assertThat(visible(By.cssSelector("#" + anchor + " .comment-text")).getText()).isEqualTo(text);
    }

    private List<String> notificationTexts() {
        return driver.findElements(By.cssSelector(".notification-list .notification-text a")).stream()
                .map(WebElement::getText).toList();
    }

    private void signIn(String username) {
        open("/login");
        type("username", username);
        type("password", username.equals(moderator) ? DEMO_PASSWORD : PASSWORD);
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isNotEqualTo("/login");
        assertThat(visible(By.cssSelector(".masthead .account-links button")).getText()).isEqualTo("Sign out");
    }

    private void signOut() {
        clickAndWaitForNewPage(visible(By.cssSelector(".masthead .account-links button")));
        assertThat(driver.findElements(By.cssSelector(".masthead .account-links button"))).isEmpty();
    }

    private int count() {
        String text = driver.findElement(By.cssSelector("#comments-heading .count")).getText();
        return Integer.parseInt(text.replaceAll("[^0-9]", ""));
    }

    private void openMore(String anchor) {
        WebElement summary = visible(By.cssSelector("#" + anchor + " > .comment-body .comment-more summary"));
        js("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void open(String path) {
        browser.open(url(path));
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
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
