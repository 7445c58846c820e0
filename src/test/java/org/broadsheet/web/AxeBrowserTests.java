package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.Views;
import org.broadsheet.support.Axe;
import org.broadsheet.support.BrowserTest;
import org.broadsheet.support.SiteBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * axe-core's WCAG 2.2 A and AA rules on every kind of page of the demo site, signed out, as the demo reader and as
 * the demo administrator (who sees every desk), each at 1366 and 320 px wide (a desktop and the narrowest phone;
 * 390 px was left out to keep the suite's time, no run having found a violation at any width), in light and dark
 * mode: no violation of any impact. A page is loaded once and then resized and switched between colour schemes in
 * place.
 * <p>
 * It also leaves full-page screenshots of the front page and an article at 1366 and 390 px in
 * {@code target/screenshots/} for a reviewer to look at.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AxeBrowserTests {

    private static final String DEMO_PASSWORD = "broadsheet-demo";
    private static final List<Integer> WIDTHS = List.of(1366, 320);
    private static final List<String> SCHEMES = List.of("light", "dark");
    private static final int HEIGHT = 900;
    private static final String NOT_FOUND = "/no-such-page";

    private static SiteBrowser site;

    @Autowired
    ArticleLists articles;

    /** The pages of one test, by name, each with how to reach it. */
    private final Map<String, Runnable> pages = new LinkedHashMap<>();

    @BeforeAll
    static void startBrowser(SiteBrowser classSite) {
        site = classSite;
    }

    @Test
    @Order(1)
    void shouldFindNoViolationOnAnyPageASignedOutReaderSees() {
        signOut();
        proveTheCheckOnTheSite();
        open("/");
        String lead = href(".lead-story .card-headline a");
        String section = href("nav.sections-nav a[href^='/sections/']");
        open(section);
        String sectionPage2 = href("nav.pagination a[rel=next]");
        String subsection = href("nav.subsections a");
        open(lead);
        String author = href(".byline a[rel=author]");
        String tag = href("a[rel=tag]");
        open(busiest().url());
        String comments2 = href(".comment-pages a[rel=next]");
        String permalink = href("li.comment a.comment-time");
        String video = articles.latest(FeedScope.site(), 200).stream()
                .filter(card -> card.lead() != null && card.lead().video()).findFirst().orElseThrow().url();

        page("front page", "/");
        page("section", section);
        page("section, page 2", sectionPage2);
        page("subsection", subsection);
        page("author", author);
        page("tag", tag);
        page("search results", "/search?q=bridge");
        page("empty search", "/search?q=");
        page("article", lead);
        page("article with a video", video);
        page("the busiest article", busiest().url());
        page("its second page of comments", comments2);
        page("a comment's permalink", permalink);
        page("corrections", "/corrections");
        page("community guidelines", "/community-guidelines");
        page("a public profile", "/users/editor");
        page("sign-in", "/login");
        page("sign-in refused", "/login?error");
        page("register", "/register");
        page("registration refused", () -> {
            open("/register");
            site.submit();
            assertThat(site.findAll(By.cssSelector(".field-error"))).isNotEmpty();
        });
        page("forgotten password", "/password/forgot");
        page("not found (404)", NOT_FOUND);
        checkPages();

        resize(1366);
        open("/");
        fullPageScreenshot("front-page-1366");
        open(lead);
        fullPageScreenshot("article-1366");
        resize(390);
        open("/");
        fullPageScreenshot("front-page-390");
        open(lead);
        fullPageScreenshot("article-390");
        resize(WIDTHS.get(0));
    }

    @Test
    @Order(2)
    void shouldFindNoViolationOnAnyPageTheDemoReaderSees() {
        signIn("reader");
        String busiest = busiest().url();
        open(busiest);
        String comment = site.find(By.cssSelector("li.comment[id^='comment-']"))
                .getDomAttribute("id").substring("comment-".length());

        page("front page", "/");
        page("the busiest article, with the comment box", busiest);
        page("reply", "/comments/" + comment + "/reply");
        page("report", "/comments/" + comment + "/report");
        page("account settings", "/account");
        page("notification choices", "/account/notifications");
        page("my comments", "/account/comments");
        page("ignored readers", "/account/ignored");
        page("notification centre", "/notifications");
        page("following", "/following");
        page("own profile", "/users/reader");
        page("followers", "/users/reader/followers");
        checkPages();
    }

    @Test
    @Order(3)
    void shouldFindNoViolationOnAnyPageOfTheStaffDesks() {
        signIn("admin");
        open("/");
        String lead = href(".lead-story .card-headline a");
        open("/admin/articles");
        String edit = href("a[href$='/edit']");
        open("/admin/moderation");
        String moderated = href("a[href^='/admin/moderation/comments/']");
        open("/admin/users");
        String user = href("a[href^='/admin/users/']");

        page("staff desk", "/admin");
        page("articles", "/admin/articles");
        page("new article", "/admin/articles/new");
        page("article form", edit);
        page("article form refused", () -> {
            open("/admin/articles/new");
            site.submit();
            assertThat(site.findAll(By.cssSelector(".field-error"))).isNotEmpty();
        });
        page("front page pins", "/admin/front-page");
        page("sections", "/admin/sections");
        page("authors", "/admin/authors");
        page("tags", "/admin/tags");
        page("moderation desk", "/admin/moderation");
        page("reported comments", "/admin/moderation?tab=reported");
        page("a comment to moderate", moderated);
        page("moderation rules", "/admin/moderation/rules");
        page("users", "/admin/users");
        page("a user", user);
        page("audit log", "/admin/audit");
        page("an article, with the moderator's tools", lead);
        checkPages();
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The check must be able to fail on the site itself: an image without a text alternative is reported. */
    private void proveTheCheckOnTheSite() {
        open("/");
        site.js("const img = document.createElement('img'); img.src = '/favicon.svg';"
                + "document.querySelector('main').append(img);");
        assertThat(Axe.run(site.driver()).violations()).extracting(Axe.Violation::rule).contains("image-alt");
    }

    private void page(String name, String path) {
        pages.put(name + " (" + path + ")", () -> open(path));
    }

    private void page(String name, Runnable opener) {
        pages.put(name, opener);
    }

    /**
     * Opens each page once and runs axe on it at every width and in both colour schemes; fails with every
     * violation found, each listed once with the widths and schemes it was found at.
     */
    private void checkPages() {
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        try {
            for (Map.Entry<String, Runnable> page : pages.entrySet()) {
                emulateColourScheme(SCHEMES.get(0));
                resize(WIDTHS.get(0));
                page.getValue().run();
                Map<String, List<String>> found = new LinkedHashMap<>();
                for (String scheme : SCHEMES) {
                    emulateColourScheme(scheme);
                    for (int width : WIDTHS) {
                        resize(width);
                        Axe.Result result = Axe.run(site.driver());
                        assertThat(result.rules()).as("axe rules run on %s", page.getKey()).isGreaterThan(50);
                        for (Axe.Violation violation : result.violations()) {
                            found.computeIfAbsent(new Axe.Result(result.engineVersion(), 1, List.of(violation))
                                    .describe(), k -> new ArrayList<>()).add(width + " px " + scheme);
                        }
                    }
                }
                found.forEach((violation, where) -> problems.add(page.getKey() + " at " + String.join(", ", where)
                        + ":\n" + violation));
            }
        }
        finally {
            emulateColourScheme(SCHEMES.get(0));
            resize(WIDTHS.get(0));
        }
        System.out.printf("AxeBrowserTests: %d pages at %s px in %s mode in %d s%n", pages.size(), WIDTHS, SCHEMES,
                (System.nanoTime() - start) / 1_000_000_000);
        if (!problems.isEmpty()) {
            fail("axe found %d violation(s):%n%n%s", problems.size(), String.join("\n\n", problems));
        }
    }

    private Views.ArticleCard busiest() {
        return articles.latest(FeedScope.site(), 200).stream()
                .max(Comparator.comparingInt(Views.ArticleCard::commentCount)).orElseThrow();
    }

    private void signIn(String username) {
        signOut();
        open("/login");
        site.submitSignIn(username, DEMO_PASSWORD);
        assertThat(site.path()).as("signed in as " + username).isNotEqualTo("/login");
        assertThat(site.findAll(By.cssSelector(".masthead .account-links button"))).isNotEmpty();
    }

    /** No remembered sign-in is asked for, so forgetting the session cookie signs out. */
    private void signOut() {
        open("/");
        site.driver().manage().deleteAllCookies();
    }

    private void open(String path) {
        site.open(path);
        if (path.equals(NOT_FOUND)) {
            assertThat(site.driver().getTitle()).as("title of %s", path).contains("Page not found");
        }
        else {
            assertThat(site.driver().getTitle()).as("title of %s", path).doesNotContain("Page not found",
                    "Access denied", "Bad request", "went wrong");
        }
        if (!path.startsWith("/login")) {
            assertThat(site.path()).as("%s, not the sign-in page", path).isNotEqualTo("/login");
        }
    }

    private String href(String css) {
        String href = site.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)))
                .getDomAttribute("href");
        assertThat(href).as("%s on %s", css, site.driver().getCurrentUrl()).startsWith("/");
        return href;
    }

    private void resize(int width) {
        site.driver().manage().window().setSize(new Dimension(width, HEIGHT));
        assertThat(site.js("return window.innerWidth")).as("viewport width").isEqualTo((long) width);
    }

    private void emulateColourScheme(String scheme) {
        ((ChromeDriver) site.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        assertThat(site.js("return matchMedia('(prefers-color-scheme: dark)').matches"))
                .isEqualTo("dark".equals(scheme));
    }

    /**
     * A screenshot of the whole page: the window is made as tall as the document, so that lazy images load, and
     * set back afterwards.
     */
    private void fullPageScreenshot(String name) {
        Dimension before = site.driver().manage().window().getSize();
        int height = ((Number) site.js("return document.documentElement.scrollHeight")).intValue();
        site.driver().manage().window().setSize(new Dimension(before.getWidth(), Math.min(height, 16_000)));
        try {
            site.waitUntil(d -> Boolean.TRUE.equals(site.js("return [...document.images].every(i => i.complete)")));
            site.screenshot(name);
        }
        finally {
            site.driver().manage().window().setSize(before);
        }
    }
}
