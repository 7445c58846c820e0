package org.broadsheet.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManagerFactory;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleDrafts;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.article.Catalogue.SectionChange;
import org.broadsheet.article.CorrectionKind;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.article.SectionEditing;
import org.broadsheet.comment.CommentSeeder;
import org.broadsheet.comment.CommentEditing;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.Recommendations;
import org.broadsheet.support.DurableEventsSettled;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each kind of change refreshes the kept pages that show what changed, at once, and leaves the others kept:
 * a comment, an edit of one and a recommendation refresh their article's conversation (and, when the count
 * changes, the lists that show it), never another article's page; an editor's change to an article refreshes
 * its pages and the lists; a correction its article and the corrections page; a section renamed, every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "broadsheet.site.page-cache-ttl=10m")
@ActiveProfiles("test")
class PageInvalidationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ArticleCards articles;

    @Autowired
    ArticleImports imports;

    @Autowired
    ArticleDrafts drafts;

    @Autowired
    CorrectionService corrections;

    @Autowired
    AccountService accounts;

    @Autowired
    CommentPosting posting;

    @Autowired
    CommentEditing commentEditing;

    @Autowired
    Recommendations recommendations;

    @Autowired
    CommentSeeder seeder;

    @Autowired
    PageCache pageCache;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private final HttpClient http = HttpClient.newHttpClient();
    private Statistics statistics;
    private String section;
    private String otherSection;
    private long x;
    private long y;
    private String xUrl;
    private String yUrl;
    private long ana;
    private long ben;
    private long anasComment;

    @BeforeEach
    void setUp() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        ArticleTestData data = new ArticleTestData(imports);
        section = data.section(null);
        String author = data.author();
        x = data.article(section, author).headline("Harbour story " + section).save();
        otherSection = data.section(null);
        y = data.article(otherSection, author).headline("Other story " + section).save();
        xUrl = articles.cardsFor(List.of(x)).get(0).url();
        yUrl = articles.cardsFor(List.of(y)).get(0).url();
        String suffix = SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6);
        ana = reader("ana" + suffix);
        ben = reader("ben" + suffix);
        anasComment = seeder.comment(x, null, ana, "First thoughts on the harbour", Instant.now().minusSeconds(120));
        pageCache.clear();
    }

    private long reader(String username) {
        accounts.createVerified(username, "Reader " + username, username + "@example.com", "quiet-harbour-lanterns",
                EnumSet.of(Role.READER));
        return accounts.idOf(username).orElseThrow();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private List<String> keptPages() {
        List<String> pages = new java.util.ArrayList<>(htmlPages());
        pages.addAll(List.of("/rss", "/sitemap.xml", "/sitemaps/pages.xml", monthSitemapOf(xUrl)));
        return pages;
    }

    /** The sitemap of the month in an article's address: {@code /world/2021/05/06/slug} is in 2021-05's. */
    private static String monthSitemapOf(String url) {
        String[] parts = url.split("/");
        return "/sitemaps/" + parts[2] + "-" + parts[3] + ".xml";
    }

    private List<String> htmlPages() {
        return List.of("/", "/sections/" + section, "/sections/" + otherSection, xUrl, yUrl,
                "/articles/" + x + "/comments?sort=oldest", "/comments/" + anasComment, "/corrections",
                "/community-guidelines");
    }

    /** Asks for every page twice, so that each is kept. */
    private void keepAll() throws Exception {
        for (String page : keptPages()) {
            get(page);
            get(page);
        }
    }

    /** The page comes from the cache: not one statement (once the listeners of what was done have run). */
    private void assertKept(String path) throws Exception {
        DurableEventsSettled.await(jdbc);
        // Some pages read by JDBC, which the statistics do not see (the sitemap index): the cache must hold it.
        assertThat(pageCache.nativeCache().asMap().keySet()).as(path + " in the cache")
                .anyMatch(key -> key.endsWith(":" + port + path));
        statistics.clear();
        get(path);
        assertThat(statistics.getPrepareStatementCount()).as(path + " still kept").isZero();
    }

    @Test
    void shouldRefreshTheConversationOfOneArticleWhenAReaderComments() throws Exception {
        keepAll();
        posting.post(ben, x, null, "A new voice on the harbour", UUID.randomUUID().toString());

        assertThat(get(xUrl)).contains("A new voice on the harbour");
        assertThat(get("/articles/" + x + "/comments?sort=oldest")).contains("A new voice on the harbour");
        assertThat(get("/sections/" + section)).as("its card's count").contains("2 comments");
        assertKept(yUrl);
        assertKept("/corrections");
        assertKept("/community-guidelines");
    }

    @Test
    void shouldRefreshTheThreadWhenAReplyIsPostedAndLeaveTheListsAlone() throws Exception {
        posting.post(ben, x, null, "Starting a second thread", UUID.randomUUID().toString());
        keepAll();
        posting.post(ben, x, anasComment, "An answer to Ana", UUID.randomUUID().toString());

        assertThat(get("/comments/" + anasComment)).contains("An answer to Ana");
        assertThat(get(xUrl)).contains("An answer to Ana");
        assertKept(yUrl);
        assertKept("/corrections");
    }

    @Test
    void shouldRefreshTheConversationWhenACommentIsEditedOrRecommended() throws Exception {
        keepAll();
        commentEditing.edit(ana, anasComment, "Second thoughts on the harbour");
        assertThat(get(xUrl)).contains("Second thoughts on the harbour").doesNotContain("First thoughts");
        assertThat(get("/comments/" + anasComment)).contains("Second thoughts on the harbour");
        assertKept("/sections/" + section);
        assertKept(yUrl);

        keepAll();
        recommendations.toggle(ben, anasComment);
        assertThat(get(xUrl)).contains("1 recommendation");
        assertKept(yUrl);
        assertKept("/");
    }

    @Test
    void shouldRefreshAnArticleAndTheListsWhenAnEditorChangesIt() throws Exception {
        keepAll();
        ArticleDraft draft = drafts.load(x).draft();
        drafts.save(x, new ArticleDraft("Harbour story retold " + section, draft.standfirst(), draft.slug(),
                draft.type(), draft.primarySection(), draft.furtherSections(), draft.authors(), draft.tags(),
                draft.bodyMarkdown(), draft.lead(), draft.seoTitle(), draft.seoDescription(), draft.seoImage(),
                draft.commentsOpen(), draft.publication(), draft.publishAt(), draft.version()), "editor");

        assertThat(get(xUrl)).contains("Harbour story retold " + section);
        assertThat(get("/sections/" + section)).contains("Harbour story retold " + section);
        assertThat(get("/")).contains("Harbour story retold " + section);
        assertThat(get("/rss")).contains("Harbour story retold " + section);
        assertKept("/community-guidelines");
        // A new headline moves the story in no list: a list that does not show it stays kept.
        assertKept("/sections/" + otherSection);
        assertKept(yUrl);
    }

    @Test
    void shouldRefreshTheListsAStoryJoinsWhenAnEditorMovesIt() throws Exception {
        keepAll();
        ArticleDraft draft = drafts.load(x).draft();
        ArticleDraft moved = new ArticleDraft(draft.headline(), draft.standfirst(), draft.slug(), draft.type(),
                otherSection, draft.furtherSections(), draft.authors(), draft.tags(), draft.bodyMarkdown(),
                draft.lead(), draft.seoTitle(), draft.seoDescription(), draft.seoImage(), draft.commentsOpen(),
                draft.publication(), draft.publishAt(), draft.version());
        drafts.save(x, moved, "editor");

        assertThat(get("/sections/" + otherSection)).as("the section it joined").contains("Harbour story " + section);
        assertThat(get("/sections/" + section)).as("the section it left").doesNotContain("Harbour story " + section);
        String movedUrl = "/" + otherSection + xUrl.substring(xUrl.indexOf('/', 1));
        assertThat(get(monthSitemapOf(xUrl))).as("its month's sitemap").contains(movedUrl + "</loc>")
                .doesNotContain(xUrl + "</loc>");
        assertKept("/community-guidelines");
    }

    @Test
    void shouldKeepEveryListWhenAnEditorMovesADraft() throws Exception {
        ArticleTestData data = new ArticleTestData(imports);
        long draftId = data.article(section, data.author()).headline("Draft story " + section).draft().save();
        keepAll();
        ArticleDraft draft = drafts.load(draftId).draft();
        drafts.save(draftId, new ArticleDraft("Draft story retold " + section, draft.standfirst(), draft.slug(),
                draft.type(), otherSection, draft.furtherSections(), draft.authors(), draft.tags(),
                draft.bodyMarkdown(), draft.lead(), draft.seoTitle(), draft.seoDescription(), draft.seoImage(),
                draft.commentsOpen(), draft.publication(), draft.publishAt(), draft.version()), "editor");

        // A draft is in no list, wherever it is filed.
        for (String list : List.of("/sections/" + section, "/sections/" + otherSection, "/", "/rss", "/sitemap.xml",
                monthSitemapOf(xUrl))) {
            assertKept(list);
        }
    }

    @Test
    void shouldRefreshTheArticleAndTheCorrectionsPageWhenACorrectionIsAdded() throws Exception {
        keepAll();
        corrections.add(x, CorrectionKind.CORRECTION, "We misnamed the harbour master " + section, "editor");

        assertThat(get(xUrl)).contains("We misnamed the harbour master " + section);
        assertThat(get("/corrections")).contains("We misnamed the harbour master " + section);
        assertKept(yUrl);
        assertKept("/community-guidelines");
    }

    @Test
    void shouldRefreshEveryPageWhenWhatEveryPageShowsChanges(@Autowired SectionEditing sections)
            throws Exception {
        keepAll();
        // A new section on the desk joins every page's navigation.
        sections.saveSection(null, new SectionChange("Harbours " + section, null, "Ports and their people", null,
                1, null), "editor");

        for (String page : htmlPages()) {
            assertThat(get(page)).as(page + " rendered again").contains("Harbours " + section);
        }
        assertThat(get("/sitemaps/pages.xml")).as("the pages' sitemap").contains("/sections/harbours-" + section
                + "</loc>");
        for (String feed : List.of("/rss")) {
            statistics.clear();
            get(feed);
            assertThat(statistics.getPrepareStatementCount()).as(feed + " rendered again").isPositive();
        }
    }
}
