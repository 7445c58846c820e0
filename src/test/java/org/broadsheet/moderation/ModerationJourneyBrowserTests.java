package org.broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.comment.ModerationQueues;
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
 * A comment's way through the moderation desk, in headless Chromium: Ana comments on an article, Ben reports
 * her comment as abusive, the demo moderator finds the report in the Reported queue and rejects the comment with a
 * reason and a note; others then see a placeholder, Ana her text with the reason and the note. She asks for a
 * review, the moderator publishes the comment again from the Review requests tab, and Ana finds it published
 * and the outcome in her notification centre. Screenshots go to {@code target/screenshots/moderation-journey-*.png};
 * the console must stay free of errors throughout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest(cleanConsole = true)
class ModerationJourneyBrowserTests {

    private static final String PASSWORD = "pebble-orchard-weathervane";
    private static final String DEMO_PASSWORD = "broadsheet-demo";
    private static final String REMOVED = "This comment was removed by a moderator because it did not abide by our "
            + "community guidelines.";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

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

    private SiteBrowser site;
    private String articlePath;
    private String headline;
    private String ana;
    private String ben;
    /** The demo moderator, as a newcomer to the demo signs in. */
    private final String moderator = "moderator";

    @BeforeEach
    void setUp(SiteBrowser site) {
        this.site = site;
        // A demo article open for comments that is not pre-moderated (the demo pre-moderates the newest few).
        ArticleCard card = articles.latest(FeedScope.site(), 40).stream()
                .filter(c -> c.commentsOpen() && !premoderated.premoderated(c.id())).skip(10).findFirst()
                .orElseThrow();
        headline = card.headline();
        articlePath = card.url();
        ana = account("ana", "Ana Marsh", EnumSet.of(Role.READER));
        ben = account("ben", "Ben Quay", EnumSet.of(Role.READER));
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
        site.open(articlePath);
        int before = count();
        String text = "The contractors have been paid twice for the same wall " + stamp + ".";
        site.visible(By.id("comment-text")).sendKeys(text);
        site.find(By.cssSelector("#comment-form button[type=submit]")).click();
        WebElement mine = site.visible(By.cssSelector(".thread-list li.comment.just-posted"));
        assertThat(mine.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo(text);
        String anchor = mine.getDomAttribute("id");
        long commentId = Long.parseLong(anchor.replace("comment-", ""));
        assertThat(count()).isEqualTo(before + 1);
        site.screenshot("moderation-journey-1-commented");
        signOut();

        // 2. Ben reports it as abusive, from the comment's "More" menu.
        signIn(ben);
        site.open(articlePath);
        openMore(anchor);
        site.clickAndWaitForNewPage(site.visible(By.cssSelector("#" + anchor + " .comment-more a[href$='/report']")));
        site.find(By.cssSelector("label[for=reason-ABUSE]")).click();
        site.type("note", "Calls the council thieves.");
        site.screenshot("moderation-journey-2-report");
        site.submit();
        assertThat(site.visible(By.cssSelector(".site-notice")).getText())
                .isEqualTo("Thank you. The moderators will look at the comment.");
        signOut();

        // 3. The demo moderator finds the report in the Reported queue, beside the demo's own reports.
        signIn(moderator);
        site.open("/admin/moderation");
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo("Moderation");
        site.clickAndWaitForNewPage(site.visible(By.cssSelector(".desk-tabs a[href*='tab=reported']")));
        assertThat(site.visible(By.cssSelector(".desk-tabs a[aria-current=page]")).getText())
                .isEqualTo("Reported (" + (reportedBefore + 1) + ")");
        WebElement item = site.visible(By.xpath("//li[contains(@class,'moderation-item')][.//div[contains(@class,"
                + "'comment-text')][normalize-space()='" + text + "']]"));
        WebElement report = item.findElement(By.cssSelector("details.reports li.open"));
        assertThat(report.getText()).contains("Abusive or hateful", "Ben Quay", "Calls the council thieves.");
        assertThat(item.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Ana Marsh");
        site.screenshot("moderation-journey-3-reported-queue");

        // 4. It opens the comment and rejects it for abuse, with a note to Ana.
        site.clickAndWaitForNewPage(item.findElement(By.linkText("Reject\u2026")));
        assertThat(site.path()).isEqualTo("/admin/moderation/comments/" + commentId);
        WebElement abuse = site.find(By.cssSelector(".reject-form input[type=radio][value=ABUSE]"));
        WebElement abuseLabel = site.find(
                By.cssSelector(".reject-form label[for='" + abuse.getDomAttribute("id") + "']"));
        assertThat(abuseLabel.getText()).isEqualTo("abuse");
        abuseLabel.click();
        assertThat(abuse.isSelected()).isTrue();
        String note = "Criticise the council as much as you like, but without calling anyone a thief.";
        site.type("note", note);
        site.screenshot("moderation-journey-4-reject");
        site.clickAndWaitForNewPage(site.find(By.cssSelector(".reject-form button[type=submit]")));
        assertThat(site.path()).isEqualTo("/admin/moderation");
        assertThat(site.visible(By.cssSelector(".site-notice")).getText())
                .isEqualTo("The comment is rejected; its author is told why.");
        signOut();

        // 5. Others see a placeholder in its place, and not a word of it.
        site.open(articlePath);
        assertThat(site.visible(By.cssSelector("#" + anchor + " .comment-removed")).getText()).isEqualTo(REMOVED);
        assertThat(site.findAll(By.cssSelector("#" + anchor + " .own-removed"))).isEmpty();
        assertThat(site.visible(By.tagName("main")).getText()).doesNotContain(text);
        assertThat(count()).isEqualTo(before);
        site.screenshot("moderation-journey-5-removed-for-others");
        signIn(ben);
        site.open(articlePath);
        assertThat(site.visible(By.cssSelector("#" + anchor + " .comment-removed")).getText()).isEqualTo(REMOVED);
        assertThat(site.visible(By.tagName("main")).getText()).doesNotContain(text);
        signOut();

        // 6. Ana sees her text, the reason and the note, and asks for a review.
        signIn(ana);
        site.open(articlePath);
        WebElement own = site.visible(By.cssSelector("#" + anchor + " .own-removed"));
        assertThat(own.findElement(By.cssSelector(".badge-removed")).getDomProperty("textContent"))
                .isEqualTo("Only you can see this");
        assertThat(own.getText()).contains("Removed by a moderator. Reason: abuse.");
        assertThat(own.findElement(By.cssSelector("q")).getText()).isEqualTo(note);
        assertThat(own.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo(text);
        site.js("arguments[0].scrollIntoView({block: 'center'})", own);
        site.screenshot("moderation-journey-6-removed-for-the-author");
        site.clickAndWaitForNewPage(own.findElement(By.linkText("Ask for a review")));
        assertThat(site.path()).isEqualTo("/comments/" + commentId + "/review");
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo("Ask for a review");
        String plea = "I was quoting the auditor's report, which uses that word.";
        site.type("note", plea);
        site.screenshot("moderation-journey-7-review-request");
        site.submit();
        assertThat(site.path()).isEqualTo("/account/comments");
        assertThat(site.visible(By.cssSelector(".site-notice")).getText()).isEqualTo(
                "Thank you. A moderator will look at your comment again, and you will be told the outcome.");
        signOut();

        // 7. The moderator publishes it again from the Review requests tab.
        signIn(moderator);
        site.open("/admin/moderation");
        site.clickAndWaitForNewPage(site.visible(By.cssSelector(".desk-tabs a[href*='tab=reviews']")));
        assertThat(site.visible(By.cssSelector(".desk-tabs a[aria-current=page]")).getText())
                .isEqualTo("Review requests (" + (reviewsBefore + 1) + ")");
        WebElement request = site.visible(By.xpath("//li[contains(@class,'moderation-item')]"
                + "[starts-with(@id,'review-')][.//div[contains(@class,'comment-text')][normalize-space()='" + text + "']]"));
        assertThat(request.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo(text);
        assertThat(request.findElement(By.cssSelector(".review-request q")).getText()).isEqualTo(plea);
        assertThat(request.findElement(By.cssSelector(".decision-reason")).getText()).contains("abuse");
        site.screenshot("moderation-journey-8-review-requests");
        site.clickAndWaitForNewPage(request.findElement(By.xpath(".//button[normalize-space()='Publish it again']")));
        assertThat(site.visible(By.cssSelector(".site-notice")).getText())
                .isEqualTo("The comment is published again; its author is told.");
        assertThat(site.visible(By.cssSelector(".desk-tabs a[aria-current=page]")).getText())
                .isEqualTo("Review requests (" + reviewsBefore + ")");
        signOut();

        // 8. Ana finds her comment published again, and the outcome in her notification centre.
        signIn(ana);
        site.open(articlePath);
        assertThat(site.visible(By.cssSelector("#" + anchor + " .comment-text")).getText()).isEqualTo(text);
        assertThat(site.findAll(By.cssSelector("#" + anchor + " .comment-removed"))).isEmpty();
        assertThat(site.findAll(By.cssSelector("#" + anchor + " .own-removed"))).isEmpty();
        assertThat(count()).isEqualTo(before + 1);
        site.screenshot("moderation-journey-9-published-again");
        String outcome = "After your review request, your comment on \u201c" + headline + "\u201d is published again";
        site.open("/notifications");
        site.waitUntil(d -> {
            if (notificationTexts().contains(outcome)) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        assertThat(notificationTexts()).contains(outcome,
                "A moderator removed your comment on \u201c" + headline + "\u201d: open it to see why");
        site.screenshot("moderation-journey-10-notified");
        WebElement told = site.visible(By.xpath("//ol[contains(@class,'notification-list')]//a[normalize-space()='"
                + outcome + "']"));
        site.clickAndWaitForNewPage(told);
        assertThat(site.visible(By.cssSelector("#" + anchor + " .comment-text")).getText()).isEqualTo(text);
    }

    private List<String> notificationTexts() {
        return site.findAll(By.cssSelector(".notification-list .notification-text a")).stream()
                .map(WebElement::getText).toList();
    }

    private void signIn(String username) {
        site.signIn(username, username.equals(moderator) ? DEMO_PASSWORD : PASSWORD);
        assertThat(site.path()).isNotEqualTo("/login");
        assertThat(site.visible(By.cssSelector(".masthead .account-links button")).getText()).isEqualTo("Sign out");
    }

    private void signOut() {
        site.clickAndWaitForNewPage(site.visible(By.cssSelector(".masthead .account-links button")));
        assertThat(site.findAll(By.cssSelector(".masthead .account-links button"))).isEmpty();
    }

    private int count() {
        String text = site.find(By.cssSelector("#comments-heading .count")).getText();
        return Integer.parseInt(text.replaceAll("[^0-9]", ""));
    }

    private void openMore(String anchor) {
        site.click(site.visible(By.cssSelector("#" + anchor + " > .comment-body .comment-more summary")));
    }
}
