package org.broadsheet.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManagerFactory;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentSeeder;
import org.broadsheet.comment.IgnoredReaders;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.Recommendations;
import org.broadsheet.support.DurableEventsSettled;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A page that is the same for everyone but for each reader's parts is kept once and served to every reader with
 * their own parts rendered into it: for each kind of page and each kind of reader, what the cache serves is
 * byte for byte what a full render with the cache switched off gives (but for the form token, masked afresh for
 * every response, and the comment box's key, new for every box).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "broadsheet.site.page-cache-ttl=10m")
@ActiveProfiles("test")
class SharedPagesTests {

    private static final String PASSWORD = "quiet-harbour-lanterns";
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
    AccountService accounts;

    

    @Autowired
    CommentPosting posting;

    @Autowired
    Recommendations recommendations;

    @Autowired
    IgnoredReaders ignoredReaders;

    @Autowired
    CommentSeeder seeder;

    @Autowired
    PageCache pageCache;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private Statistics statistics;
    private String section;
    private long articleId;
    private String articleUrl;
    private long anasComment;
    private long bensComment;
    private long calsComment;
    private long reply;
    private String suffix;

    @BeforeEach
    void setUp() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        suffix = SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
        ArticleTestData data = new ArticleTestData(imports);
        section = data.section(null);
        articleId = data.article(section, data.author()).headline("Personal parts " + section).save();
        articleUrl = articles.cardsFor(List.of(articleId)).get(0).url();
        pageCache.switchOn(true);
    }

    @AfterEach
    void switchBackOn() {
        pageCache.switchOn(true);
    }

    /** Ana has a comment, recommends Ben's and ignores Cal; a reply answers Ben. */
    private void converse(long ana, long ben, long cal) {
        Instant now = Instant.now();
        anasComment = seeder.comment(articleId, null, ana, "Ana's own view <b>bold</b>", now.minusSeconds(300));
        bensComment = seeder.comment(articleId, null, ben, "Ben's <script>alert(1)</script> take",
                now.minusSeconds(200));
        calsComment = seeder.comment(articleId, null, cal, "Cal says something Ana would rather not read",
                now.minusSeconds(100));
        reply = seeder.comment(articleId, bensComment, cal, "Cal answers Ben", now.minusSeconds(50));
        recommendations.toggle(ana, bensComment);
        ignoredReaders.ignoreAuthorOf(ana, calsComment);
        pageCache.clear();
    }

    private long account(String username, Role role) {
        accounts.createVerified(username, "Reader <b>" + username + "</b>", username + "@example.com", PASSWORD,
                EnumSet.of(role));
        return accounts.idOf(username).orElseThrow();
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Document login = Jsoup.parse(get(client, "/login").body());
        String csrf = login.select("input[name=_csrf]").attr("value");
        String form = "username=" + username + "&password=" + PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String comparable(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"")
                .replaceAll("name=\"key\" value=\"[^\"]*\"", "name=\"key\" value=\"\"")
                // A comment's age in words moves on while the test runs ("just now", then "1 minute ago").
                .replaceAll(">(just now|\\d+ minutes? ago)</time>", ">(its age)</time>");
    }

    private List<String> pages() {
        return List.of("/", "/sections/" + section, articleUrl, "/articles/" + articleId + "/comments?sort=oldest",
                "/comments/" + reply, "/corrections", "/community-guidelines");
    }

    /**
     * For each page: the reader's first request (the page is rendered and kept), their second (served from the
     * cache), another reader's request in between (so that the kept page was recorded for someone else), and a
     * full render with the cache off all give the same page.
     */
    private void assertCachedEqualsRendered(HttpClient reader, HttpClient other, String who) throws Exception {
        Map<String, String> rendered = new LinkedHashMap<>();
        pageCache.switchOn(false);
        for (String page : pages()) {
            HttpResponse<String> answer = get(reader, page);
            assertThat(answer.statusCode()).as(who + " " + page).isEqualTo(200);
            rendered.put(page, comparable(answer.body()));
        }
        pageCache.switchOn(true);
        for (String page : pages()) {
            get(other, page); // kept while rendered for another reader
            String fromCache = comparable(get(reader, page).body());
            String again = comparable(get(reader, page).body());
            assertThat(fromCache).as(who + " " + page + " from the cache").isEqualTo(rendered.get(page));
            assertThat(again).as(who + " " + page + " from the cache again").isEqualTo(rendered.get(page));
        }
    }

    private static String recommend(long commentId) {
        return "button.recommend[formaction=/comments/" + commentId + "/recommend]";
    }

    @Test
    void shouldServeEachKindOfReaderFromTheCacheExactlyWhatAFullRenderShowsThem() throws Exception {
        long ana = account("ana" + suffix, Role.READER);
        long ben = account("ben" + suffix, Role.READER);
        long cal = account("cal" + suffix, Role.READER);
        account("eve" + suffix, Role.EDITOR);
        account("mo" + suffix, Role.MODERATOR);
        converse(ana, ben, cal);
        HttpClient anonymous = HttpClient.newHttpClient();
        HttpClient anaClient = signedIn("ana" + suffix);
        HttpClient benClient = signedIn("ben" + suffix);

        assertCachedEqualsRendered(anonymous, benClient, "anonymous");
        assertCachedEqualsRendered(anaClient, anonymous, "ana");
        assertCachedEqualsRendered(benClient, anaClient, "ben");
        assertCachedEqualsRendered(signedIn("eve" + suffix), anaClient, "an editor");
        assertCachedEqualsRendered(signedIn("mo" + suffix), anonymous, "a moderator");

        // And the parts are really each reader's own.
        Document forAna = Jsoup.parse(get(anaClient, articleUrl).body());
        assertThat(forAna.select(recommend(bensComment)).attr("aria-pressed")).isEqualTo("true");
        assertThat(forAna.select(recommend(anasComment))).as("not one's own").isEmpty();
        assertThat(forAna.select("details.ignored").text()).contains("Reader <b>cal" + suffix + "</b>");
        assertThat(forAna.select(".account-links a").first().text()).isEqualTo("Reader <b>ana" + suffix + "</b>");
        assertThat(forAna.select("#comment-form textarea")).hasSize(1);
        Document forBen = Jsoup.parse(get(benClient, articleUrl).body());
        assertThat(forBen.select(recommend(bensComment))).isEmpty();
        assertThat(forBen.select(recommend(anasComment)).attr("aria-pressed")).isEqualTo("false");
        assertThat(forBen.select("details.ignored")).isEmpty();
        String forAnyone = get(anonymous, articleUrl).body();
        assertThat(forAnyone).contains("Join our commenting forum").doesNotContain("ana" + suffix + "</b>")
                .doesNotContain("<script>alert(1)</script>").doesNotContain("<b>bold</b>");
        assertThat(Jsoup.parse(forAnyone).select(".recommend")).isEmpty();
    }

    @Test
    void shouldReadOnlyTheReadersOwnViewForAKeptPage() throws Exception {
        long ana = account("ana" + suffix, Role.READER);
        converse(ana, account("ben" + suffix, Role.READER), account("cal" + suffix, Role.READER));
        HttpClient reader = signedIn("ana" + suffix);
        get(HttpClient.newHttpClient(), articleUrl);

        DurableEventsSettled.await(jdbc); // the listeners of earlier changes would count too

        statistics.clear();
        HttpResponse<String> fromCache = get(reader, articleUrl);
        // Their recommendations among the page's comments, the readers they ignore and their own comments that
        // wait for a moderator; nothing of the page.
        assertThat(statistics.getPrepareStatementCount()).as("statements for a signed-in reader's kept page")
                .isLessThanOrEqualTo(3);
        assertThat(fromCache.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        pageCache.clear();
        DurableEventsSettled.await(jdbc);
        statistics.clear();
        get(reader, articleUrl);
        assertThat(statistics.getPrepareStatementCount()).as("a full render reads the database").isGreaterThan(3);
    }

    @Test
    void shouldShowStaffTheirDeskLinkOnCachedPages() throws Exception {
        get(HttpClient.newHttpClient(), articleUrl);
        account("deskeditor" + suffix, Role.EDITOR);
        Document page = Jsoup.parse(get(signedIn("deskeditor" + suffix), articleUrl).body());
        assertThat(page.select(".account-links a[href=/admin]").text()).isEqualTo("Staff desk");
    }

    @Test
    void shouldLetTheSignOutFormOfACachedPageWork() throws Exception {
        get(HttpClient.newHttpClient(), articleUrl);
        account("signsout" + suffix, Role.READER);
        HttpClient reader = signedIn("signsout" + suffix);
        Document page = Jsoup.parse(get(reader, articleUrl).body());
        String csrf = page.select(".account-links form input[name=_csrf]").attr("value");
        HttpResponse<String> out = reader.send(HttpRequest.newBuilder(uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/?signed-out");
        assertThat(get(reader, "/account").statusCode()).isEqualTo(302);
    }

    @Test
    void shouldShowEachReaderTheirOwnUnreadCountOnCachedPages() throws Exception {
        long ana = account("ana" + suffix, Role.READER);
        long ben = account("ben" + suffix, Role.READER);
        long anas = posting.post(ana, articleId, null, "Ana opens", "unread-" + suffix).id();
        HttpClient anaClient = signedIn("ana" + suffix);
        HttpClient benClient = signedIn("ben" + suffix);
        get(HttpClient.newHttpClient(), articleUrl);
        assertThat(Jsoup.parse(get(anaClient, articleUrl).body()).select(".notifications-link .unread-count"))
                .isEmpty();

        posting.post(ben, articleId, anas, "Ben answers", "unread-reply-" + suffix);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !Jsoup.parse(
                get(anaClient, articleUrl).body()).select(".notifications-link .unread-count").isEmpty());

        Document forAna = Jsoup.parse(get(anaClient, articleUrl).body());
        assertThat(forAna.select(".notifications-link").attr("aria-label")).isEqualTo("Notifications, 1 unread");
        assertThat(Jsoup.parse(get(benClient, articleUrl).body()).select(".notifications-link").attr("aria-label"))
                .isEqualTo("Notifications");
        assertThat(get(HttpClient.newHttpClient(), articleUrl).body()).doesNotContain("notifications-link");
    }
}
