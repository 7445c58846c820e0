package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;


import org.broadsheet.account.AccountService;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.support.BrowserTest;
import org.broadsheet.support.SiteBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A signed-in reader's turn in the conversation, in headless Chromium on the demo site: they comment on an
 * article and reply to another reader (both posted in place by the page's script), recommend that reader's
 * comment, edit and then delete their own comment, and report the other one. Screenshots go to
 * {@code target/screenshots/comment-journey-*.png}; the console must stay free of errors throughout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest(cleanConsole = true)
class CommentJourneyBrowserTests {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleLists articleLists;

    @Autowired
    AccountService accounts;

    @Autowired
    CommentPosting posting;

    private SiteBrowser site;
    private String articlePath;
    private long othersComment;

    @BeforeEach
    void setUp(SiteBrowser site) {
        this.site = site;
        // An article open for comments, with a comment by another reader to answer.
        ArticleCard article = articleLists.latest(FeedScope.site(), 100).stream()
                .filter(card -> articles.commentTarget(card.id()).orElseThrow().commentsOpen()).findFirst()
                .orElseThrow();
        articlePath = article.url();
        long moderator = accounts.idOf("moderator").orElseThrow();
        othersComment = posting.post(moderator, article.id(), null,
                "Please keep the conversation on the flood defences, " + System.nanoTime() + ".", null).id();
    }

    /** The contrast ratio of an element's text with the first background behind it that is not transparent. */
    static final String CONTRAST = """
            const rgb = c => c.match(/[\\d.]+/g).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92
                : Math.pow((v + 0.055) / 1.055, 2.4); }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
            const el = arguments[0];
            let bg = el;
            while (bg && rgb(getComputedStyle(bg).backgroundColor).length > 3
                    && rgb(getComputedStyle(bg).backgroundColor)[3] === 0) { bg = bg.parentElement; }
            const a = lum(rgb(getComputedStyle(el).color)), b = lum(rgb(getComputedStyle(bg || document.body).backgroundColor));
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);""";

    @Test
    void commentsRepliesRecommendsEditsDeletesAndReports() throws InterruptedException {
        String stamp = Long.toString(System.currentTimeMillis(), 36);

        // 1. Sign in from the article's invitation: back at the comment box.
        site.open(articlePath);
        site.clickAndWaitForNewPage(site.visible(By.cssSelector(".join-forum a[href^='/login']")));
        site.submitSignIn("reader", "broadsheet-demo");
        assertThat(site.path()).isEqualTo(articlePath);
        WebElement box = site.visible(By.id("comment-text"));
        int before = count();
        // The header's "Sign out" reads as the masthead's other links do (WCAG AA: at least 4.5:1).
        WebElement signOut = site.visible(By.cssSelector(".masthead .account-links button"));
        assertThat(signOut.getText()).isEqualTo("Sign out");
        assertThat(((Number) site.js(CONTRAST, signOut)).doubleValue()).as("contrast of Sign out")
                .isGreaterThanOrEqualTo(4.5);
        // A phone 320 px wide: the signed-in header wraps instead of scrolling the page sideways (WCAG 1.4.10).
        site.driver().manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
        site.waitUntil(d -> ((Number) site.js("return window.innerWidth")).intValue() == 320);
        assertThat(((Number) site.js("return document.documentElement.scrollWidth")).doubleValue())
                .as("page width at 320 px")
                .isLessThanOrEqualTo(((Number) site.js("return window.innerWidth")).doubleValue());
        site.screenshot("comment-journey-1-signed-in-320px");
        site.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        site.screenshot("comment-journey-1-signed-in");

        // 2. A comment, posted in place: it appears first, the count goes up, and it is there after a reload.
        String text = "The new sluice gates look sturdier than the old ones " + stamp + ".";
        box.sendKeys(text);
        site.find(By.cssSelector("#comment-form button[type=submit]")).click();
        WebElement mine = site.visible(By.cssSelector(".thread-list > li.thread:first-child li.comment.just-posted"));
        assertThat(mine.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo(text);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(box.getDomProperty("value")).isEmpty();
        String mineId = mine.getDomAttribute("id");
        site.screenshot("comment-journey-2-commented");
        site.driver().navigate().refresh();
        assertThat(site.visible(By.cssSelector("#" + mineId + " .comment-text")).getText()).isEqualTo(text);

        // 3. A reply to the other reader, from the box that opens under their comment.
        WebElement theirs = site.visible(By.id("comment-" + othersComment));
        theirs.findElement(By.cssSelector(".reply-link")).click();
        WebElement replyBox = site.visible(By.cssSelector("#comment-" + othersComment + " > form.reply-box textarea"));
        String othersName = theirs.findElement(By.cssSelector(".comment-author")).getText();
        assertThat(site.find(By.cssSelector("#comment-" + othersComment + " > form.reply-box label"))
                .getText()).isEqualTo("Replying to " + othersName);
        assertThat(site.driver().switchTo().activeElement()).isEqualTo(replyBox);
        // "Cancel" stays beside "Post reply", on the same line.
        WebElement post = site.find(
                By.cssSelector("#comment-" + othersComment + " > form.reply-box button[type=submit]"));
        WebElement cancel = site.find(
                By.cssSelector("#comment-" + othersComment + " > form.reply-box .button-secondary"));
        assertThat(cancel.getText()).isEqualTo("Cancel");
        assertThat(cancel.getRect().getY() + cancel.getRect().getHeight() / 2.0).as("Cancel beside Post reply")
                .isCloseTo(post.getRect().getY() + post.getRect().getHeight() / 2.0,
                        org.assertj.core.data.Offset.offset(2.0));
        assertThat(cancel.getRect().getX()).isGreaterThan(post.getRect().getX() + post.getRect().getWidth() - 1);
        String reply = "Agreed, and the towpath is open again " + stamp + ".";
        replyBox.sendKeys(reply);
        site.find(By.cssSelector("#comment-" + othersComment + " > form.reply-box button[type=submit]"))
                .click();
        WebElement answered = site.visible(By.cssSelector("#comment-" + othersComment + " > ol.replies > li.comment"));
        assertThat(answered.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo(reply);
        assertThat(answered.getDomAttribute("class")).contains("level-2");
        assertThat(site.findAll(By.cssSelector("form.reply-box"))).isEmpty();
        assertThat(count()).isEqualTo(before + 2);
        site.screenshot("comment-journey-3-replied");

        // 4. Recommending the other reader's comment toggles in place and is kept.
        WebElement recommend = theirs.findElement(By.cssSelector(".recommend"));
        int recommendations = Integer.parseInt(recommend.findElement(By.cssSelector(".recommend-count")).getText());
        recommend.click();
        site.waitUntil(d -> "true".equals(recommend.getDomAttribute("aria-pressed")));
        assertThat(recommend.findElement(By.cssSelector(".recommend-count")).getText())
                .isEqualTo(String.valueOf(recommendations + 1));
        site.driver().navigate().refresh();
        WebElement kept = site.visible(By.cssSelector("#comment-" + othersComment + " .recommend"));
        assertThat(kept.getDomAttribute("aria-pressed")).isEqualTo("true");
        site.screenshot("comment-journey-4-recommended");

        // 4b. With the keyboard: Enter on the focused button toggles it, and focus stays on the button throughout.
        site.js("arguments[0].focus()", kept);
        new Actions(site.driver()).sendKeys(Keys.ENTER).perform();
        site.waitUntil(d -> "false".equals(kept.getDomAttribute("aria-pressed"))
                && kept.getDomAttribute("aria-busy") == null);
        assertThat(site.driver().switchTo().activeElement()).as("focus after recommending with the keyboard")
                .isEqualTo(kept);
        new Actions(site.driver()).sendKeys(Keys.SPACE).perform();
        site.waitUntil(d -> "true".equals(kept.getDomAttribute("aria-pressed"))
                && kept.getDomAttribute("aria-busy") == null);
        assertThat(site.driver().switchTo().activeElement()).isEqualTo(kept);

        // 4c. Escape closes an open reply box and puts focus back on its Reply link.
        WebElement replyLink = site.visible(
                By.cssSelector("#comment-" + othersComment + " > .comment-body .reply-link"));
        replyLink.click();
        site.visible(By.cssSelector("#comment-" + othersComment + " > form.reply-box textarea")).sendKeys("Never mind");
        new Actions(site.driver()).sendKeys(Keys.ESCAPE).perform();
        site.waitUntil(d -> d.findElements(By.cssSelector("form.reply-box")).isEmpty());
        assertThat(site.driver().switchTo().activeElement()).isEqualTo(replyLink);

        // 4d. A steady action row: opening "More" leaves Reply and Recommend where they were, and its list opens
        // over what follows rather than pushing the row apart.
        WebElement row = site.visible(
                By.cssSelector("#comment-" + othersComment + " > .comment-body .comment-actions"));
        org.openqa.selenium.Rectangle replyBefore = replyLink.getRect();
        org.openqa.selenium.Rectangle recommendBefore = kept.getRect();
        int rowHeight = row.getRect().getHeight();
        openMore("comment-" + othersComment);
        WebElement list = site.visible(
                By.cssSelector("#comment-" + othersComment + " > .comment-body .comment-more ul"));
        assertThat(replyLink.getRect()).as("Reply after opening More").isEqualTo(replyBefore);
        assertThat(kept.getRect()).as("Recommend after opening More").isEqualTo(recommendBefore);
        assertThat(row.getRect().getHeight()).as("height of the action row").isEqualTo(rowHeight);
        assertThat(list.getRect().getY()).as("the list opens below the row")
                .isGreaterThanOrEqualTo(row.getRect().getY() + rowHeight - 1);
        site.screenshot("comment-journey-4d-more-open");
        site.find(By.cssSelector("#comment-" + othersComment + " > .comment-body .comment-more summary")).click();

        // 5. Editing the comment: "edited" shows on its permalink, highlighted.
        openMore(mineId);
        site.clickAndWaitForNewPage(site.find(By.cssSelector("#" + mineId + " .comment-more a[href$='/edit']")));
        WebElement editor = site.visible(By.id("comment-text"));
        editor.clear();
        editor.sendKeys(text + " Edited to add: the gates were tested on Monday.");
        site.submit();
        WebElement edited = site.visible(By.cssSelector("li.comment.highlighted"));
        assertThat(edited.findElement(By.cssSelector(".comment-text")).getText()).endsWith("tested on Monday.");
        assertThat(edited.findElement(By.cssSelector(".edited")).getText()).isEqualTo("edited");
        site.screenshot("comment-journey-5-edited");

        // 6. Deleting it (no replies): gone from the article, with a notice.
        openMore(mineId);
        site.clickAndWaitForNewPage(site.find(By.cssSelector("#" + mineId + " .comment-more a[href$='/delete']")));
        site.clickAndWaitForNewPage(site.visible(By.cssSelector("main form button[type=submit]")));
        assertThat(site.path()).isEqualTo(articlePath);
        assertThat(site.visible(By.cssSelector(".site-notice")).getText()).isEqualTo("Your comment was deleted.");
        assertThat(site.findAll(By.id(mineId))).isEmpty();
        assertThat(count()).isEqualTo(before + 1);
        site.screenshot("comment-journey-6-deleted");

        // 7. Reporting the other reader's comment, once.
        openMore("comment-" + othersComment);
        site.clickAndWaitForNewPage(site.find(
                By.cssSelector("#comment-" + othersComment + " .comment-more a[href$='/report']")));
        site.find(By.cssSelector("label[for=reason-OFF_TOPIC]")).click();
        site.submit();
        assertThat(site.visible(By.cssSelector(".site-notice")).getText())
                .isEqualTo("Thank you. The moderators will look at the comment.");
        site.open("/comments/" + othersComment + "/report");
        site.find(By.cssSelector("label[for=reason-SPAM]")).click();
        site.submit();
        assertThat(site.visible(By.cssSelector(".error-summary")).getText())
                .isEqualTo("You have already reported this comment. The moderators will look at it.");
        site.console().expectFailedLoad(422, "/comments/" + othersComment + "/report");
        site.screenshot("comment-journey-7-reported");
    }

    @Test
    void loadsMoreThreadsAndTheRestOfAThreadInPlace() {
        // The most discussed article of the demo site has hundreds of comments.
        site.open("/");
        site.clickAndWaitForNewPage(site.visible(By.cssSelector(".most-discussed li:first-child a")));
        String path = site.path();
        assertThat(site.findAll(By.cssSelector(".thread-list > li.thread"))).hasSize(20);

        WebElement more = site.visible(By.cssSelector(".comment-pages a.more-comments"));
        site.click(more);
        site.waitUntil(d -> d.findElements(By.cssSelector(".thread-list > li.thread")).size() == 40);
        assertThat(site.path()).isEqualTo(path);
        assertThat(site.visible(By.cssSelector(".comment-pages")).getText()).contains("Page 2 of");
        site.screenshot("comment-journey-8-more-threads");

        WebElement showRest = site.findAll(By.cssSelector(".more-replies a")).get(0);
        String threadId = "thread-" + showRest.getDomAttribute("data-thread");
        int shown = site.findAll(By.cssSelector("#" + threadId + " li.comment")).size();
        site.click(showRest);
        site.waitUntil(d -> d.findElements(By.cssSelector("#" + threadId + " li.comment")).size() > shown);
        assertThat(site.findAll(By.cssSelector("#" + threadId + " .more-replies"))).isEmpty();
        assertThat(site.path()).isEqualTo(path);
        site.screenshot("comment-journey-9-whole-thread");
    }

    private int count() {
        String text = site.find(By.cssSelector("#comments-heading .count")).getText();
        return Integer.parseInt(text.replaceAll("[^0-9]", ""));
    }

    private void openMore(String commentId) {
        site.click(site.visible(By.cssSelector("#" + commentId + " > .comment-body .comment-more summary")));
    }
}
