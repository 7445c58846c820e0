package org.broadsheet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.support.Browser;
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
 * Two readers, each in a headless Chromium of their own, on the demo site: the demo reader follows Bea from her
 * comment's menu; Bea comments from her browser, and the reader sees it on the Following page and in the header's
 * count without reloading; Bea replies to the reader, who is told at once by a toast, opens the notification and
 * lands on the reply. Screenshots go to {@code target/screenshots/notification-journey-*.png}; the reader's console
 * must stay free of errors.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest(cleanConsole = true)
class FollowAndNotificationJourneyBrowserTests {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleLists articleLists;

    @Autowired
    AccountService accounts;

    @Autowired
    CommentPosting posting;

    private SiteBrowser site;

    @BeforeEach
    void setUp(SiteBrowser site) {
        this.site = site;
    }

    @Test
    void followsAReaderSeesTheirCommentLiveAndOpensTheirReply() {
        String stamp = Long.toString(System.nanoTime(), 36);
        String bea = "bea" + stamp;
        accounts.createVerified(bea, "Bea Journey", bea + "@example.com", "quiet-harbour-lanterns",
                EnumSet.of(Role.READER));
        long beaId = accounts.idOf(bea).orElseThrow();
        long readerId = accounts.idOf("reader").orElseThrow();
        ArticleCard article = articleLists.latest(FeedScope.site(), 100).stream()
                .filter(card -> articles.commentTarget(card.id()).orElseThrow().commentsOpen())
                .filter(card -> card.commentCount() < 100).findFirst().orElseThrow();
        long beas = posting.post(beaId, article.id(), null, "Bea's first word " + stamp + ".", null).id();
        long readers = posting.post(readerId, article.id(), null, "The reader's view " + stamp + ".", null).id();

        // 1. Signed in, the reader follows Bea from her comment's menu.
        site.signIn("reader", "broadsheet-demo");
        site.open("/comments/" + beas);
        openMore(beas);
        WebElement follow = site.visible(By.cssSelector("#comment-" + beas + " button[formaction$='/follow-author']"));
        assertThat(follow.getText()).isEqualTo("Follow Bea Journey");
        // In place: the button turns into "Stop following", and the notice is announced.
        follow.click();
        site.waitUntil(d -> follow.getText().equals("Stop following Bea Journey"));
        site.waitUntil(d -> d.findElement(By.id("comment-status")).getDomProperty("textContent")
                .equals("You now follow Bea Journey. Their comments appear on your Following page."));
        site.screenshot("notification-journey-1-followed");
        site.driver().navigate().refresh();
        openMore(beas);
        assertThat(site.visible(By.cssSelector("#comment-" + beas + " button[formaction$='/unfollow-author']"))
                .getText())
                .as("after a reload").isEqualTo("Stop following Bea Journey");

        // 2. On the Following page, Bea comments: the page's count follows without a reload.
        site.clickAndWaitForNewPage(site.visible(By.cssSelector(".masthead a.following-link")));
        assertThat(site.path()).isEqualTo("/following");
        assertThat(site.find(By.cssSelector(".recent-comment .comment-text")).getText())
                .isEqualTo("Bea's first word " + stamp + ".");
        WebElement link = site.visible(By.cssSelector(".masthead a.notifications-link"));
        int before = unread(link);
        site.js("window.stillThisPage = true");
        try (Browser second = Browser.start()) {
            SiteBrowser beaSite = site.in(second);
            beaSite.signIn(bea, "quiet-harbour-lanterns");
            beaSite.open(article.url());
            beaSite.visible(By.id("comment-text")).sendKeys("Bea again " + stamp + ".");
            beaSite.find(By.cssSelector("#comment-form button[type=submit]")).click();
            beaSite.visible(By.cssSelector("li.comment.just-posted"));
            beasBrowserReply = () -> {
                beaSite.open("/comments/" + readers + "/reply");
                beaSite.visible(By.id("comment-text")).sendKeys("Bea answers you " + stamp + ".");
                beaSite.clickAndWaitForNewPage(beaSite.find(By.cssSelector("#comment-form button[type=submit]")));
                return Long.parseLong(beaSite.path().replaceAll("\\D", ""));
            };
            followingAndReply(link, before, stamp, readers);
        }
    }

    /** What Bea does from her browser when the reader is on their notifications. */
    private java.util.function.LongSupplier beasBrowserReply;

    private void followingAndReply(WebElement link, int before, String stamp, long readers) {
        site.waitUntil(d -> unread(link) == before + 1);
        assertThat(site.js("return window.stillThisPage")).as("no reload").isEqualTo(true);
        WebElement toast = site.visible(By.cssSelector(".toast-region .toast a"));
        assertThat(toast.getText()).startsWith("Bea Journey, whom you follow, commented on");
        site.driver().navigate().refresh();
        assertThat(site.findAll(By.cssSelector(".recent-comment .comment-text")).get(0).getText())
                .isEqualTo("Bea again " + stamp + ".");
        site.screenshot("notification-journey-2-following");

        // 3. Bea replies to the reader: the toast says so, and opening it lands on the reply.
        WebElement header = site.visible(By.cssSelector(".masthead a.notifications-link"));
        int now = unread(header);
        long reply = beasBrowserReply.getAsLong();
        site.waitUntil(d -> unread(header) == now + 1);
        WebElement told = site.visible(By.cssSelector(".toast-region .toast a"));
        site.waitUntil(d -> told.getText().startsWith("Bea Journey replied to your comment on"));
        site.screenshot("notification-journey-3-toast");
        site.clickAndWaitForNewPage(told);
        assertThat(site.path()).isEqualTo("/comments/" + reply);
        WebElement landed = site.visible(By.cssSelector("li.comment.highlighted"));
        assertThat(landed.getDomAttribute("id")).isEqualTo("comment-" + reply);
        assertThat(landed.findElement(By.cssSelector(".comment-text")).getText())
                .isEqualTo("Bea answers you " + stamp + ".");
        assertThat(unread(site.visible(By.cssSelector(".masthead a.notifications-link")))).isEqualTo(now);
        site.screenshot("notification-journey-4-landed");

        // 4. In the centre, the reply is read and the rest can be marked read at once.
        site.open("/notifications");
        site.clickAndWaitForNewPage(site.visible(By.cssSelector("form[action='/notifications/read-all'] button")));
        assertThat(site.findAll(By.cssSelector("li.notification.unread"))).isEmpty();
        assertThat(site.findAll(By.cssSelector(".masthead .unread-count"))).isEmpty();
        site.screenshot("notification-journey-5-centre");
    }

    private void openMore(long commentId) {
        site.click(site.visible(By.cssSelector("#comment-" + commentId + " .comment-more summary")));
    }

    /** The unread count the header's link tells screen readers (and shows), 0 when none. */
    private static int unread(WebElement link) {
        String label = link.getDomAttribute("aria-label");
        return label == null || !label.contains(",") ? 0 : Integer.parseInt(label.replaceAll("[^0-9]", ""));
    }
}
