package org.broadsheet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.comment.CommentPosting;
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
 * Two readers, each in a headless Chromium of their own, on the demo site: the demo reader follows Bea from her
 * comment's menu; Bea comments from her browser, and the reader sees it on the Following page and in the header's
 * count without reloading; Bea replies to the reader, who is told at once by a toast, opens the notification and
 * lands on the reply. Screenshots go to {@code target/screenshots/notification-journey-*.png}; the reader's console
 * must stay free of errors.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest
class FollowAndNotificationJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleLists articleLists;

    @Autowired
    AccountService accounts;

    

    @Autowired
    CommentPosting posting;

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
        open("/login");
        type("username", "reader");
        type("password", "broadsheet-demo");
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        open("/comments/" + beas);
        openMore(beas);
        WebElement follow = visible(By.cssSelector("#comment-" + beas + " button[formaction$='/follow-author']"));
        assertThat(follow.getText()).isEqualTo("Follow Bea Journey");
        // In place: the button turns into "Stop following", and the notice is announced.
        follow.click();
        wait.until(d -> follow.getText().equals("Stop following Bea Journey"));
        wait.until(d -> d.findElement(By.id("comment-status")).getDomProperty("textContent")
                .equals("You now follow Bea Journey. Their comments appear on your Following page."));
        screenshot("notification-journey-1-followed");
        driver.navigate().refresh();
        openMore(beas);
        assertThat(visible(By.cssSelector("#comment-" + beas + " button[formaction$='/unfollow-author']")).getText())
                .as("after a reload").isEqualTo("Stop following Bea Journey");

        // 2. On the Following page, Bea comments: the page's count follows without a reload.
        clickAndWaitForNewPage(visible(By.cssSelector(".masthead a.following-link")));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/following");
        assertThat(driver.findElement(By.cssSelector(".recent-comment .comment-text")).getText())
                .isEqualTo("Bea's first word " + stamp + ".");
        WebElement link = visible(By.cssSelector(".masthead a.notifications-link"));
        int before = unread(link);
        js("window.stillThisPage = true");
        try (Browser second = Browser.start()) {
            WebDriverWait beaWaits = new WebDriverWait(second.driver(), Duration.ofSeconds(15));
            second.open(url("/login"));
            second.driver().findElement(By.id("username")).sendKeys(bea);
            second.driver().findElement(By.id("password")).sendKeys("quiet-harbour-lanterns");
            second.clickAndWaitForNewPage(second.driver().findElement(By.cssSelector("main form button[type=submit]")),
                    beaWaits);
            second.open(url(article.url()));
            beaWaits.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-text")))
                    .sendKeys("Bea again " + stamp + ".");
            second.driver().findElement(By.cssSelector("#comment-form button[type=submit]")).click();
            beaWaits.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.comment.just-posted")));
            beasBrowserReply = () -> {
                second.open(url("/comments/" + readers + "/reply"));
                beaWaits.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-text")))
                        .sendKeys("Bea answers you " + stamp + ".");
                second.clickAndWaitForNewPage(second.driver().findElement(
                        By.cssSelector("#comment-form button[type=submit]")), beaWaits);
                return Long.parseLong(URI.create(second.driver().getCurrentUrl()).getPath().replaceAll("\\D", ""));
            };
            followingAndReply(link, before, stamp, readers);
        }
    }

    /** What Bea does from her browser when the reader is on their notifications. */
    private java.util.function.LongSupplier beasBrowserReply;

    private void followingAndReply(WebElement link, int before, String stamp, long readers) {
        wait.until(d -> unread(link) == before + 1);
        assertThat(js("return window.stillThisPage")).as("no reload").isEqualTo(true);
        WebElement toast = visible(By.cssSelector(".toast-region .toast a"));
        assertThat(toast.getText()).startsWith("Bea Journey, whom you follow, commented on");
        driver.navigate().refresh();
        assertThat(driver.findElements(By.cssSelector(".recent-comment .comment-text")).get(0).getText())
                .isEqualTo("Bea again " + stamp + ".");
        screenshot("notification-journey-2-following");

        // 3. Bea replies to the reader: the toast says so, and opening it lands on the reply.
        WebElement header = visible(By.cssSelector(".masthead a.notifications-link"));
        int now = unread(header);
        long reply = beasBrowserReply.getAsLong();
        wait.until(d -> unread(header) == now + 1);
        WebElement told = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".toast-region .toast a")));
        wait.until(d -> told.getText().startsWith("Bea Journey replied to your comment on"));
        screenshot("notification-journey-3-toast");
        clickAndWaitForNewPage(told);
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/comments/" + reply);
        WebElement landed = visible(By.cssSelector("li.comment.highlighted"));
        assertThat(landed.getDomAttribute("id")).isEqualTo("comment-" + reply);
        assertThat(landed.findElement(By.cssSelector(".comment-text")).getText())
                .isEqualTo("Bea answers you " + stamp + ".");
        assertThat(unread(visible(By.cssSelector(".masthead a.notifications-link")))).isEqualTo(now);
        screenshot("notification-journey-4-landed");

        // 4. In the centre, the reply is read and the rest can be marked read at once.
        open("/notifications");
        clickAndWaitForNewPage(visible(By.cssSelector("form[action='/notifications/read-all'] button")));
        assertThat(driver.findElements(By.cssSelector("li.notification.unread"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".masthead .unread-count"))).isEmpty();
        screenshot("notification-journey-5-centre");
    }

    private void openMore(long commentId) {
        WebElement summary = visible(By.cssSelector("#comment-" + commentId + " .comment-more summary"));
        js("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
    }

    /** The unread count the header's link tells screen readers (and shows), 0 when none. */
    private static int unread(WebElement link) {
        String label = link.getDomAttribute("aria-label");
        return label == null || !label.contains(",") ? 0 : Integer.parseInt(label.replaceAll("[^0-9]", ""));
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
