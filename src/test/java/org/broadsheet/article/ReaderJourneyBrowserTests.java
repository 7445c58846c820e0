package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.broadsheet.support.BrowserConsole;
import org.broadsheet.support.BrowserTest;
import org.broadsheet.support.SiteBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A reader's journeys through the demo site (default "demo" profile) in headless Chromium: what a person sees
 * and does, asserted on visible text, layout and focus rather than on markup alone. One Spring context and one
 * browser for the whole class; each step leaves a screenshot in {@code target/screenshots/journey-*.png}.
 * <p>
 * Every test also checks the browser's console (through the DevTools protocol): no script errors, no failed
 * requests, no Content-Security-Policy violations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReaderJourneyBrowserTests {

    /** What the demo content renames (see DemoContent.RENAMED_FROM / RENAMED_TO). */
    private static final String OLD_SLUG = "carrow-bay-harbour-bridge-to-close-for-six-months";
    private static final String NEW_SLUG = "carrow-bay-harbour-bridge-to-close-for-six-weeks";
    private static final String RENAMED_HEADLINE = "Carrow Bay harbour bridge to close for six weeks of repairs";

    private static final String DATELINE = "^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{2} "
            + "[A-Z][a-z]+ \\d{4} \\d{2}:\\d{2} (GMT|BST)$";
    private static final DateTimeFormatter DISPLAYED = DateTimeFormatter.ofPattern("EEEE dd MMMM yyyy HH:mm zzz",
            Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(360, 800);

    private static SiteBrowser site;
    private static BrowserConsole console;
    private static boolean consoleCheckProven;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleLists articleLists;

    @BeforeAll
    static void startBrowser(SiteBrowser classSite) {
        site = classSite;
        console = BrowserConsole.listen(site.driver());
    }

    @BeforeEach
    void setUp() {
        site.driver().manage().window().setSize(DESKTOP);
        if (!consoleCheckProven) {
            proveTheConsoleCheck();
            consoleCheckProven = true;
        }
        console.clear();
    }

    /** The console check must not pass vacuously: a script error and a missing image have to show up in it. */
    private void proveTheConsoleCheck() {
        open("/");
        site.js("setTimeout(() => { throw new Error('console check canary'); });"
                + "const img = new Image(); img.src = '/console-check-canary.png'; document.body.append(img);");
        site.waitUntil(d -> {
            List<String> problems = console.problems();
            return problems.stream().anyMatch(p -> p.contains("console check canary"))
                    && problems.stream().anyMatch(p -> p.contains("404"));
        });
    }

    @AfterEach
    void noErrorsInTheConsole() throws InterruptedException {
        site.driver().manage().window().setSize(DESKTOP);
        console.assertClean();
    }

    // ------------------------------------------------------------------------------------------- journeys

    @Test
    @Order(1)
    void readsTheLeadStoryAndFollowsItsLinks() {
        open("/");
        assertThat(site.visible(By.cssSelector(".masthead .brand")).getText()).isEqualTo("Broadsheet");
        assertThat(site.visible(By.cssSelector("nav.sections-nav")).getDomAttribute("aria-label"))
                .isEqualTo("Sections");
        List<String> sections = texts("nav.sections-nav a");
        assertThat(sections).first().isEqualTo("Home");
        assertThat(sections).hasSizeGreaterThan(3).doesNotContain("");
        assertThat(texts("main h2.block-heading")).contains("Top stories", "Latest news");
        WebElement leadLink = site.visible(By.cssSelector(".lead-story .card-headline a"));
        String headline = leadLink.getText();
        String standfirst = site.visible(By.cssSelector(".lead-story .card-standfirst")).getText();
        assertThat(headline).isNotBlank();
        assertThat(standfirst).isNotBlank();
        assertThat(texts(".top-stories .card-headline a")).isNotEmpty().doesNotContain("");
        assertThat(texts(".latest .card-headline a")).isNotEmpty().doesNotContain("");
        site.screenshot("journey-1-front-page");

        clickAndWaitForNewAddress(leadLink);
        String articleUrl = site.driver().getCurrentUrl();
        assertThat(URI.create(articleUrl).getPath()).matches("/[a-z0-9-]+/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+");
        List<WebElement> h1s = site.findAll(By.tagName("h1"));
        assertThat(h1s).hasSize(1);
        assertThat(h1s.get(0).isDisplayed()).isTrue();
        assertThat(h1s.get(0).getText()).isEqualTo(headline);
        assertThat(site.driver().getTitle()).contains(headline).endsWith("| Broadsheet");
        assertThat(site.visible(By.cssSelector(".article-header .standfirst")).getText()).isEqualTo(standfirst);

        WebElement byline = site.visible(By.cssSelector(".article-header .byline"));
        assertThat(byline.getText()).startsWith("By ");
        List<WebElement> authorLinks = byline.findElements(By.cssSelector("a[rel=author]"));
        assertThat(authorLinks).isNotEmpty();
        assertThat(authorLinks.get(0).getText()).isNotBlank();
        assertThat(URI.create(authorLinks.get(0).getDomProperty("href")).getPath()).startsWith("/authors/");

        WebElement published = site.visible(By.cssSelector(".article-header .dateline time.published"));
        assertThat(published.getText()).matches(DATELINE);
        OffsetDateTime datetime = OffsetDateTime.parse(published.getDomAttribute("datetime"));
        assertThat(DISPLAYED.format(datetime.atZoneSameInstant(LONDON))).isEqualTo(published.getText());

        WebElement figure = site.visible(By.cssSelector("figure.lead-media"));
        WebElement media = figure.findElement(By.cssSelector("img, video"));
        assertThat(media.isDisplayed()).isTrue();
        if ("img".equals(media.getTagName())) {
            assertThat(media.getDomAttribute("alt")).isNotBlank();
            assertThat(number(site.js("return arguments[0].complete && arguments[0].naturalWidth", media)))
                    .as("the lead image has loaded").isGreaterThan(0);
        }
        assertThat(figure.findElement(By.tagName("figcaption")).getText()).isNotBlank();

        site.screenshot("journey-1-article");

        // A story closed to comments with none (the demo's live blog): nothing at its top invites to comment.
        Views.ArticleCard closed = articleLists.latest(FeedScope.site(), 100).stream()
                .filter(card -> !card.commentsOpen() && card.commentCount() == 0).findFirst().orElseThrow();
        open(closed.url());
        assertThat(site.findAll(By.cssSelector(".article-header .comments-link"))).isEmpty();
        assertThat(site.visible(By.id("comments")).getText()).contains("Comments are closed");

        // The most discussed story links to its comments from its top, in the first screenful.
        open("/");
        clickAndWaitForNewAddress(site.visible(By.cssSelector(".most-discussed li > a:first-child")));
        WebElement commentsLink = site.visible(By.cssSelector(".article-header .comments-link a"));
        assertThat(commentsLink.getText()).matches("No comments yet|1 comment|\\d+ comments");
        assertThat(rect(commentsLink).get("bottom")).as("the comments link is in the first screenful")
                .isLessThanOrEqualTo(innerHeight());
        site.screenshot("journey-1-article-discussed");

        commentsLink.click();
        site.waitUntil(d -> d.getCurrentUrl().endsWith("#comments"));
        assertThat(URI.create(site.driver().getCurrentUrl()).getFragment()).isEqualTo("comments");
        WebElement commentsHeading = site.visible(By.id("comments-heading"));
        assertThat(commentsHeading.getText()).startsWith("Comments");
        assertInViewport(commentsHeading, "the Comments heading");
        site.screenshot("journey-1-article-comments");

        open(articleUrl);
        WebElement crumb = site.visible(By.cssSelector(".article-header .breadcrumb a"));
        String sectionName = crumb.getText();
        assertThat(sectionName).isNotBlank();
        clickAndWaitForNewAddress(crumb);
        assertThat(site.path()).startsWith("/sections/");
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo(sectionName);
        assertThat(site.findAll(By.cssSelector("main .card-headline a"))).isNotEmpty();
        site.screenshot("journey-1-section");

        open(articleUrl);
        WebElement author = site.visible(By.cssSelector(".article-header .byline a[rel=author]"));
        String authorName = author.getText();
        clickAndWaitForNewAddress(author);
        assertThat(site.path()).startsWith("/authors/");
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo(authorName);
        assertThat(texts("main h2")).contains("Articles by " + authorName);
        assertThat(texts("main .card-headline a")).contains(headline);
        site.screenshot("journey-1-author");
    }

    @Test
    @Order(2)
    void readsOnAPhoneWithoutScrollingSideways() {
        site.driver().manage().window().setSize(PHONE);
        open("/");
        assertThat(number(site.js("return window.innerWidth"))).as("viewport width").isEqualTo(360);
        assertNoHorizontalScrolling("front page");
        WebElement leadHeadline = site.visible(By.cssSelector(".lead-story .card-headline a"));
        assertThat(fontSize(leadHeadline)).as("lead headline font size").isGreaterThanOrEqualTo(24);
        assertFitsTheViewport(site.visible(By.cssSelector(".lead-story .card-image img")), "front page lead image");
        assertThat(site.visible(By.cssSelector(".masthead .brand")).getText()).isEqualTo("Broadsheet");
        // A compact masthead: name, Search and account links over the sections, about 120 px at most.
        assertThat(rect(site.find(By.cssSelector(".masthead"))).get("height")).as("masthead height")
                .isLessThanOrEqualTo(120);
        assertThat(site.find(By.id("site-search")).isDisplayed()).isFalse();
        WebElement searchLink = site.visible(By.cssSelector(".masthead .search-link"));
        assertFitsTheViewport(searchLink, "the Search link");
        site.screenshot("journey-2-phone-front-page");

        clickAndWaitForNewAddress(leadHeadline);
        assertNoHorizontalScrolling("article");
        WebElement h1 = site.visible(By.tagName("h1"));
        assertThat(fontSize(h1)).as("h1 font size").isGreaterThanOrEqualTo(24);
        assertFitsTheViewport(h1, "headline");
        assertThat(fontSize(site.visible(By.cssSelector(".article-body p")))).as("body text font size")
                .isGreaterThanOrEqualTo(16);
        assertFitsTheViewport(site.visible(By.cssSelector("figure.lead-media img, figure.lead-media video")),
                "article lead image");
        site.screenshot("journey-2-phone-article");

        site.js("window.scrollTo(0, document.querySelector('.article-body').getBoundingClientRect().top"
                + " + window.scrollY)");
        site.screenshot("journey-2-phone-article-body");
    }

    /**
     * Every element with text of its own, visible, against the first opaque background behind it: the pairs below
     * WCAG AA (4.5:1, or 3:1 for large text), as "tag.class "text" ratio".
     */
    private static final String LOW_CONTRAST = """
            const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92
                : Math.pow((v + 0.055) / 1.055, 2.4); }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
            const opaque = c => c.length === 3 || (c.length === 4 && c[3] > 0.5);
            const behind = el => { for (let e = el; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor); if (opaque(c)) { return c; } } return [255, 255, 255]; };
            const low = [];
            for (const el of document.querySelectorAll('body *')) {
                if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) { continue; }
                const st = getComputedStyle(el);
                const r = el.getBoundingClientRect();
                if (st.visibility === 'hidden' || r.width <= 1 || r.height <= 1 || !el.checkVisibility()) { continue; }
                const a = lum(rgb(st.color)), b = lum(behind(el));
                const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
                if (ratio < (size >= 24 || (bold && size >= 18.6) ? 3 : 4.5)) {
                    low.push(el.tagName.toLowerCase() + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30)
                        + '" ' + ratio.toFixed(2));
                }
            }
            return low;""";

    /**
     * For every picture with a {@code sizes}, the width it says the picture is shown at (its first entry whose
     * media condition holds, measured on a probe) against the width it is shown at, as "src: sizes says S, shown
     * W". vw counts the scrollbar that headless Chromium draws, so sizes may say up to its width more.
     */
    private static final String SIZES_MISMATCHES = """
            const probe = document.createElement('div');
            probe.style.position = 'absolute';
            probe.style.visibility = 'hidden';
            probe.style.height = '0';
            document.body.append(probe);
            const scrollbar = window.innerWidth - document.documentElement.clientWidth;
            const slot = sizes => {
                for (const entry of sizes.split(',').map(e => e.trim())) {
                    const condition = entry.startsWith('(') ? entry.slice(0, entry.indexOf(')') + 1) : null;
                    if (condition === null || matchMedia(condition).matches) {
                        probe.style.width = condition === null ? entry : entry.slice(condition.length).trim();
                        return probe.getBoundingClientRect().width;
                    }
                }
                return NaN;
            };
            const found = [...document.querySelectorAll('picture img[sizes], picture source[sizes]')].map(e => {
                const img = e.tagName === 'IMG' ? e : e.parentElement.querySelector('img');
                const said = slot(e.getAttribute('sizes'));
                const shown = img.getBoundingClientRect().width;
                return said + 1 >= shown && said - shown <= scrollbar + 1 ? null
                    : `${e.tagName} of ${img.getAttribute('src')}: sizes says ${said}, shown ${shown}`;
            }).filter(m => m !== null);
            probe.remove();
            return {checked: document.querySelectorAll('picture img[sizes]').length, found};
            """;

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void getsEachPictureAtTheWidthItIsShownAndAsWebp() {
        String article = leadArticleUrl();
        String section = site.visible(By.cssSelector("body > header nav a[href^='/sections/']")).getDomProperty("href");
        for (int width : new int[] { 360, 500, 600, 780, 1000, 1100, 1280, 1400 }) {
            site.driver().manage().window().setSize(new Dimension(width, 900));
            for (String page : List.of("/", article, section)) {
                open(page);
                Map<String, Object> result = (Map<String, Object>) site.js(SIZES_MISMATCHES);
                assertThat(number(result.get("checked"))).as("pictures with sizes on %s", page).isPositive();
                assertThat((List<String>) result.get("found")).as("%s at %d px", page, width).isEmpty();
            }
        }
        site.driver().manage().window().setSize(PHONE);
        open("/");
        WebElement lead = site.visible(By.cssSelector(".lead-story .card-image img"));
        site.waitUntil(d -> Boolean.TRUE.equals(
                site.js("return arguments[0].complete && arguments[0].naturalWidth > 0", lead)));
        // 328 CSS px at one device pixel each: a WebP of 480 px (or the next one up, if the browser kept it from
        // the wider windows before), never the largest JPEG: a demo picture's versions (name-480-hash.webp), or
        // an upload's (/media/id/480.webp) when another test published a story with one that now leads.
        assertThat((String) site.js("return arguments[0].currentSrc", lead))
                .matches(".*(-(480|800)-[0-9a-f]{32}|/media/.*/(480|960)(-[0-9a-f]{32})?)\\.webp");
    }

    private void emulate(String media, String colorScheme) {
        ((ChromeDriver) site.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media,
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    }

    @Test
    @Order(2)
    void keepsEveryTextReadableInLightAndDarkMode() {
        String busiest = articleLists.latest(FeedScope.site(), 100).stream()
                .max(java.util.Comparator.comparingInt(Views.ArticleCard::commentCount)).orElseThrow().url();
        // The check must be able to fail: grey on grey is reported.
        open("/");
        site.js("const p = document.createElement('p'); p.textContent = 'Grey on grey'; p.style.color = '#777777';"
                + "p.style.background = '#888888'; document.querySelector('main').append(p);");
        @SuppressWarnings("unchecked")
        List<String> planted = (List<String>) site.js(LOW_CONTRAST);
        assertThat(planted).anySatisfy(problem -> assertThat(problem).contains("Grey on grey"));
        try {
            for (String scheme : List.of("light", "dark")) {
                emulate("", scheme);
                for (String path : List.of("/", busiest, "/sections/news", "/login", "/search?q=bridge")) {
                    open(path);
                    assertThat(site.js("return matchMedia('(prefers-color-scheme: dark)').matches"))
                            .isEqualTo("dark".equals(scheme));
                    @SuppressWarnings("unchecked")
                    List<String> low = (List<String>) site.js(LOW_CONTRAST);
                    assertThat(low).as("text below 4.5:1 on %s in %s mode", path, scheme).isEmpty();
                }
                if ("dark".equals(scheme)) {
                    open("/");
                    String paper = (String) site.js("return getComputedStyle(document.body).backgroundColor");
                    assertThat(paper).as("a dark page").isNotEqualTo("rgb(255, 255, 255)");
                    site.screenshot("dark-front-page");
                    open(busiest);
                    site.screenshot("dark-article");
                }
            }
        } finally {
            emulate("", "light");
        }
    }

    @Test
    @Order(2)
    void givesTheLeadVideoAndPictureTheArticleColumnsFullWidth() {
        String video = articleLists.latest(FeedScope.site(), 200).stream()
                .filter(card -> card.lead() != null && card.lead().video()).findFirst().orElseThrow().url();
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            site.driver().manage().window().setSize(size);
            for (String page : List.of(video, leadArticleUrl())) {
                open(page);
                WebElement media = site.visible(By.cssSelector("figure.lead-media > video, figure.lead-media img"));
                Map<String, Double> shown = rect(media);
                Map<String, Double> column = rect(site.visible(By.cssSelector(".article-body")));
                assertThat(shown.get("width")).as("%s's lead at %s wide, the column %s", page, size, column)
                        .isCloseTo(column.get("width"), org.assertj.core.data.Offset.offset(1.0));
                assertThat(shown.get("left")).isCloseTo(column.get("left"), org.assertj.core.data.Offset.offset(1.0));
            }
        }
        // The caption and the credit are set apart: the credit in a span of its own, after the caption.
        open(video);
        assertThat(site.visible(By.cssSelector("figure.lead-media figcaption .credit")).getText()).isNotBlank();
    }

    @Test
    @Order(2)
    void printsAnArticleAsAnArticle() {
        String article = leadArticleUrl();
        try {
            open(article);
            // Headless Chromium here ignores CDP's print media emulation (matchMedia('print') stays false), so the
            // stylesheet's own @media print rules are applied to the screen, as printing would apply them.
            Number applied = (Number) site.js("""
                    let count = 0;
                    for (const sheet of [...document.styleSheets]) {
                        const print = [...sheet.cssRules].filter(r => r instanceof CSSMediaRule && r.media.mediaText === 'print');
                        for (const rule of print) {
                            // Into the site's own sheet (the CSP refuses a new style element), last, so they win.
                            for (const inner of [...rule.cssRules]) { sheet.insertRule(inner.cssText, sheet.cssRules.length); count++; }
                        }
                    }
                    return count;""");
            assertThat(applied.intValue()).as("rules of the print stylesheet").isPositive();
            for (String gone : List.of(".masthead", ".site-footer", "#comments", "form", "aside.related")) {
                for (WebElement element : site.findAll(By.cssSelector(gone))) {
                    assertThat(element.isDisplayed()).as("%s in print", gone).isFalse();
                }
            }
            for (String kept : List.of("h1", ".byline", ".article-header time", ".article-body")) {
                assertThat(site.find(By.cssSelector(kept)).isDisplayed()).as("%s in print", kept).isTrue();
            }
            WebElement address = site.find(By.cssSelector(".article-address"));
            assertThat(address.isDisplayed()).isTrue();
            assertThat(address.getText()).endsWith(URI.create(article).getPath());
        } finally {
            emulate("", "light");
        }
        open(article);
        assertThat(site.find(By.cssSelector(".article-address")).isDisplayed()).as("on screen").isFalse();
    }

    /** Per card row of the page's grids: its problems (misaligned kickers or headlines, an empty column, mixed rows). */
    private static final String ROW_PROBLEMS = """
            const problems = [];
            for (const grid of document.querySelectorAll(arguments[0])) {
                const cards = [...grid.children].filter(c => c.matches('.card'));
                const pictured = cards.filter(c => c.querySelector('.card-image img'));
                if (pictured.length && pictured.length !== cards.length) problems.push('a row mixes cards with and without pictures');
                const rows = new Map();
                for (const card of cards) {
                    const top = Math.round(card.getBoundingClientRect().top);
                    rows.set(top, [...(rows.get(top) || []), card]);
                }
                const gridRight = grid.getBoundingClientRect().right;
                for (const row of rows.values()) {
                    for (const part of ['.kicker', '.card-headline']) {
                        const tops = new Set(row.map(c => Math.round(c.querySelector(part).getBoundingClientRect().top)));
                        if (tops.size > 1) problems.push(part + ' at ' + [...tops].join('/') + ' px in one row');
                    }
                    const right = Math.max(...row.map(c => c.getBoundingClientRect().right));
                    if (right < gridRight - 2) problems.push('a row ends at ' + right + ' of ' + gridRight + ' px');
                }
            }
            return problems;""";

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void setsTheFrontPageInWholeAlignedRowsUnderALeadThatLeads() {
        open("/");
        assertThat(site.findAll(By.cssSelector(".section-block .card-grid"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat((List<String>) site.js(ROW_PROBLEMS, ".card-grid")).as("the front page's rows at 1280 px").isEmpty();
        // The lead story dominates: as tall as the top stories beside it, give or take, with no hole under it.
        Map<String, Double> lead = rect(site.visible(By.cssSelector(".lead-story")));
        Map<String, Double> top = rect(site.visible(By.cssSelector(".top-stories")));
        assertThat(top.get("left")).as("top stories beside the lead").isGreaterThan(lead.get("right"));
        assertThat(Math.abs(lead.get("height") - top.get("height"))).as("lead %s, top stories %s", lead, top)
                .isLessThan(200);
        assertThat(lead.get("width")).isGreaterThan(top.get("width"));
        site.screenshot("front-page-rows-1280");

        // On a phone, lists are compact rows with a small picture at the side.
        site.driver().manage().window().setSize(PHONE);
        open("/sections/news");
        List<WebElement> thumbnails = site.findAll(By.cssSelector(".card-list .card-image img"));
        assertThat(thumbnails).isNotEmpty();
        for (WebElement thumbnail : thumbnails.subList(0, Math.min(5, thumbnails.size()))) {
            assertThat(rect(thumbnail).get("width")).as("a list's picture on a phone").isLessThanOrEqualTo(120);
        }
        open("/");
        assertThat((List<String>) site.js(ROW_PROBLEMS, ".card-grid")).as("the front page's rows on a phone").isEmpty();
    }

    @Test
    @Order(2)
    void givesTheMostDiscussedLinksTargetsOfAtLeast24Pixels() {
        open("/");
        List<WebElement> links = site.findAll(By.cssSelector(".most-discussed a"));
        assertThat(links).hasSizeGreaterThanOrEqualTo(2);
        Map<String, Double> previous = null;
        for (WebElement link : links) {
            Map<String, Double> r = rect(link);
            // WCAG 2.5.8 (axe target-size): 24 by 24 px, or no other target within a 24 px circle's reach.
            assertThat(r.get("bottom") - r.get("top")).as("height of %s", link.getText()).isGreaterThanOrEqualTo(24);
            assertThat(r.get("right") - r.get("left")).as("width of %s", link.getText()).isGreaterThanOrEqualTo(24);
            if (previous != null) {
                assertThat(r.get("top")).as("%s starts below the link before it", link.getText())
                        .isGreaterThanOrEqualTo(previous.get("bottom"));
            }
            previous = r;
        }
    }

    @Test
    @Order(2)
    void reflowsAt320PixelsWithTheWholeHeaderInView() {
        // WCAG 1.4.10: content reflows at 320 CSS pixels, with no scrolling sideways, the Search button included.
        site.driver().manage().window().setSize(new Dimension(320, 800));
        for (String path : List.of("/", leadArticleUrl(), "/sections/news", "/search?q=bridge", "/login")) {
            open(path);
            assertThat(number(site.js("return window.innerWidth"))).as("viewport width").isEqualTo(320);
            assertNoHorizontalScrolling(path + " at 320 px");
            assertFitsTheViewport(site.visible(By.cssSelector(".masthead .search-link")), path + ": the Search link");
            assertFitsTheViewport(site.visible(By.cssSelector(".masthead .account-links")),
                    path + ": the account links");
        }
        open("/");
        site.screenshot("phone-320-front-page");
        open(leadArticleUrl());
        site.screenshot("phone-320-article");
    }

    @Test
    @Order(3)
    void skipsToTheContentWithTheKeyboard() {
        String articleUrl = leadArticleUrl();
        open(articleUrl);

        new Actions(site.driver()).sendKeys(Keys.TAB).perform();
        WebElement focused = site.driver().switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to main content");
        assertThat(focused.isDisplayed()).isTrue();
        assertInViewport(focused, "the focused skip link");
        site.screenshot("journey-3-skip-link-focused");

        new Actions(site.driver()).sendKeys(Keys.ENTER).perform();
        site.waitUntil(d -> d.getCurrentUrl().endsWith("#main"));
        WebElement main = site.find(By.id("main"));
        assertThat(Math.abs(rect(main).get("top"))).as("main is scrolled to the top of the viewport")
                .isLessThanOrEqualTo(2);
        // The next TAB continues inside main, not in the masthead: focus navigation has moved there.
        new Actions(site.driver()).sendKeys(Keys.TAB).perform();
        assertThat((Boolean) site.js("return document.getElementById('main').contains(document.activeElement)"))
                .as("after the skip link, TAB focuses %s inside main",
                        describe(site.driver().switchTo().activeElement()))
                .isTrue();
        site.screenshot("journey-3-skipped-to-main");
    }

    @Test
    @Order(4)
    void searchesForAWordOfTheLeadHeadline() {
        open("/");
        String headline = site.visible(By.cssSelector(".lead-story .card-headline a")).getText();
        String word = Arrays.stream(headline.split("[^\\p{L}]+")).max(Comparator.comparingInt(String::length))
                .orElseThrow();
        assertThat(word).hasSizeGreaterThanOrEqualTo(4);

        WebElement box = site.visible(By.id("site-search"));
        box.sendKeys(word);
        site.screenshot("journey-4-search-typed");
        box.sendKeys(Keys.ENTER);
        site.waitUntil(ExpectedConditions.urlContains("/search?"));
        URI url = URI.create(site.driver().getCurrentUrl());
        assertThat(url.getPath()).isEqualTo("/search");
        assertThat(URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8)).isEqualTo("q=" + word);
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo("Search");
        assertThat(site.visible(By.cssSelector(".search-count")).getText())
                .matches("(1 article matches|\\d+ articles match) \u201c" + word + "\u201d");

        WebElement hit = site.findAll(By.cssSelector(".search-hit")).stream()
                .filter(h -> h.findElement(By.cssSelector(".card-headline a")).getText().equals(headline))
                .findFirst().orElseThrow(() -> new AssertionError(
                        "\"" + headline + "\" is not among the results " + texts(".search-hit h2")));
        assertThat(hit.isDisplayed()).isTrue();
        List<String> marked = hit.findElements(By.cssSelector(".card-headline a mark")).stream()
                .map(WebElement::getText).toList();
        assertThat(marked).as("marked words in the headline").isNotEmpty()
                .allSatisfy(m -> assertThat(m).isEqualToIgnoringCase(word));
        for (WebElement text : site.findAll(By.cssSelector(".search-hit"))) {
            assertThat(text.getText()).as("what the reader sees of a search result").doesNotContain("<mark>",
                    "</mark>", "&lt;", "&amp;");
        }
        site.screenshot("journey-4-search-results");
    }

    @Test
    @Order(5)
    void followsAnOldLinkToARenamedArticle() {
        ArticleLookup lookup = articles.article(NEW_SLUG);
        assertThat(lookup).isInstanceOf(ArticleLookup.Found.class);
        String newPath = ((ArticleLookup.Found) lookup).page().url();
        assertThat(newPath).endsWith("/" + NEW_SLUG);
        String oldPath = newPath.substring(0, newPath.length() - NEW_SLUG.length()) + OLD_SLUG;

        open(oldPath);
        assertThat(site.path()).isEqualTo(newPath);
        assertThat(site.visible(By.tagName("h1")).getText()).isEqualTo(RENAMED_HEADLINE);
        assertThat(site.find(By.cssSelector("link[rel=canonical]")).getDomProperty("href")).endsWith(newPath);
        assertThat(site.visible(By.cssSelector(".dateline")).getText()).contains("Updated");
        site.screenshot("journey-5-renamed-article");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void open(String pathOrUrl) {
        site.open(pathOrUrl);
        assertThat(site.driver().getTitle()).as("title of %s", pathOrUrl)
                .doesNotContain("Page not found", "went wrong");
    }

    private String leadArticleUrl() {
        open("/");
        return site.visible(By.cssSelector(".lead-story .card-headline a")).getDomProperty("href");
    }

    /** Clicks a link and waits for its page, which must be at another address (a form may answer at its own). */
    private void clickAndWaitForNewAddress(WebElement link) {
        String before = site.driver().getCurrentUrl();
        site.clickAndWaitForNewPage(link);
        site.waitUntil(d -> !d.getCurrentUrl().equals(before));
    }

    /** The visible text of each visible element matching a CSS selector, in one round trip. */
    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) site.js("return [...document.querySelectorAll(arguments[0])]"
                + ".filter(e => e.checkVisibility({visibilityProperty: true}))"
                + ".map(e => e.innerText.trim());", css);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private double innerHeight() {
        return number(site.js("return window.innerHeight"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Double> rect(WebElement element) {
        Map<String, Object> raw = (Map<String, Object>) site.js("const r = arguments[0].getBoundingClientRect();"
                + "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height};",
                element);
        return Map.of("top", number(raw.get("top")), "bottom", number(raw.get("bottom")), "left",
                number(raw.get("left")), "right", number(raw.get("right")), "width", number(raw.get("width")),
                "height", number(raw.get("height")));
    }

    private void assertInViewport(WebElement element, String what) {
        Map<String, Double> r = rect(element);
        double width = number(site.js("return window.innerWidth"));
        Supplier<String> where = () -> what + " at " + r + " in a viewport of " + width + "x" + innerHeight();
        assertThat(r.get("height")).as(where).isGreaterThan(0);
        assertThat(r.get("top")).as(where).isGreaterThanOrEqualTo(0);
        assertThat(r.get("left")).as(where).isGreaterThanOrEqualTo(0);
        assertThat(r.get("bottom")).as(where).isLessThanOrEqualTo(innerHeight());
        assertThat(r.get("right")).as(where).isLessThanOrEqualTo(width);
    }

    private void assertFitsTheViewport(WebElement element, String what) {
        Map<String, Double> r = rect(element);
        double width = number(site.js("return document.documentElement.clientWidth"));
        assertThat(r.get("width")).as("%s width %s", what, r).isGreaterThan(0).isLessThanOrEqualTo(width);
        assertThat(r.get("left")).as("%s left %s", what, r).isGreaterThanOrEqualTo(0);
        assertThat(r.get("right")).as("%s right %s", what, r).isLessThanOrEqualTo(width);
    }

    private void assertNoHorizontalScrolling(String page) {
        double scrollWidth = number(site.js("return document.documentElement.scrollWidth"));
        double innerWidth = number(site.js("return window.innerWidth"));
        // Headless Chromium draws a classic scrollbar, so the layout is narrower than innerWidth: check both.
        double clientWidth = number(site.js("return document.documentElement.clientWidth"));
        assertThat(scrollWidth).as("%s: scrollWidth %s within clientWidth %s", page, scrollWidth, clientWidth)
                .isLessThanOrEqualTo(clientWidth);
        assertThat(scrollWidth).as("%s: scrollWidth %s within innerWidth %s (widest: %s)", page, scrollWidth,
                innerWidth, site.js("""
                        return [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                            .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                            .join(', ');""")).isLessThanOrEqualTo(innerWidth);
    }

    private double fontSize(WebElement element) {
        return Double.parseDouble(element.getCssValue("font-size").replace("px", ""));
    }

    private String describe(WebElement element) {
        return "<" + element.getTagName() + "> \"" + element.getText() + "\"";
    }
}
