package org.broadsheet.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import jakarta.persistence.EntityManagerFactory;

import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.support.DurableEventsSettled;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Pages for anonymous readers are served from memory, revalidated with ETags, compressed, and dropped as soon
 * as content changes; a reader with a session always gets a freshly rendered page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "broadsheet.site.page-cache-ttl=10m")
@ActiveProfiles("test")
class PageCacheTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ArticleCards articles;

    @Autowired
    ArticleImports imports;

    @Autowired
    PageCache pageCache;

    @Autowired
    PageFiles pageFiles;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private final HttpClient http = HttpClient.newHttpClient();
    private Statistics statistics;
    private String section;

    @BeforeEach
    void setUp() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        ArticleTestData data = new ArticleTestData(imports);
        section = data.section(null);
        data.article(section, data.author()).headline("Cached headline " + section).save();
        pageCache.clear();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldSendALargeCachedPageFromItsFileWithTheSameBytes() throws Exception {
        String paragraph = "A long report on the harbour works, told paragraph by paragraph. ".repeat(12);
        long id = new ArticleTestData(imports).article(section, new ArticleTestData(imports).author())
                .body((paragraph + "\n\n").repeat(90)).save();
        String url = articles.cardsFor(List.of(id)).get(0).url();

        HttpResponse<byte[]> first = get(url);
        DurableEventsSettled.await(jdbc); // the listeners of earlier changes would count too
        statistics.clear();
        HttpResponse<byte[]> second = get(url);
        HttpResponse<byte[]> zipped = get(url, "Accept-Encoding", "gzip");

        assertThat(first.body().length).isGreaterThan(64 * 1024);
        assertThat(statistics.getPrepareStatementCount()).isZero();
        assertThat(pageFiles.count()).as("plain and gzip copies on disk").isGreaterThanOrEqualTo(2);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValueAsLong("Content-Length").orElse(-1))
                .isEqualTo(first.body().length);
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(first.body());
        }
    }

    @Test
    void shouldRenderAPageOnceWhenManyReadersAskForItAtOnce() throws Exception {
        get("/sections/" + section);
        pageCache.clear();
        DurableEventsSettled.await(jdbc);
        statistics.clear();
        get("/sections/" + section);
        long oneRender = statistics.getPrepareStatementCount();
        pageCache.clear();
        DurableEventsSettled.await(jdbc);
        statistics.clear();

        int readers = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(readers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<HttpResponse<byte[]>>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < readers; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return get("/sections/" + section);
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<HttpResponse<byte[]>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
            assertThat(text(answer.get())).contains("Cached headline " + section);
        }
        pool.shutdown();

        assertThat(oneRender).isPositive();
        assertThat(statistics.getPrepareStatementCount()).as("statements for %d readers at once", readers)
                .isEqualTo(oneRender);
    }

    @Test
    void shouldServeTheSecondAnonymousRequestWithoutSql() throws Exception {
        HttpResponse<byte[]> first = get("/sections/" + section);
        DurableEventsSettled.await(jdbc);
        statistics.clear();
        HttpResponse<byte[]> second = get("/sections/" + section);

        assertThat(statistics.getPrepareStatementCount()).isZero();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(text(second)).isEqualTo(text(first)).contains("Cached headline " + section);
        assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(second.headers().allValues("Content-Security-Policy")).hasSize(1);
    }

    @Test
    void shouldAnswerNotModifiedWhenTheETagMatches() throws Exception {
        String etag = get("/sections/" + section).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> revalidated = get("/sections/" + section, "If-None-Match", etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
    }

    @Test
    void shouldAnswerHeadAsItsGetWouldWithoutABody() throws Exception {
        // Asked with HEAD first (not kept yet) and then again (kept): the headers of the GET, and no body.
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/sections/" + section))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> get = get("/sections/" + section);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Cache-Control")).isEqualTo(get.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(value -> assertThat(value).doesNotContain("no-store"));
            assertThat(head.headers().firstValue("ETag")).isPresent().isEqualTo(get.headers().firstValue("ETag"));
            assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        }
    }

    @Test
    void shouldSendGzipToReadersWhoAcceptIt() throws Exception {
        String plain = text(get("/sections/" + section));
        HttpResponse<byte[]> gzipped = get("/sections/" + section, "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
    }

    @Test
    void shouldRenderAgainAfterContentChanges() throws Exception {
        get("/sections/" + section);
        ArticleTestData data = new ArticleTestData(imports);
        data.article(section, data.author()).headline("Fresh headline " + section).save();
        assertThat(text(get("/sections/" + section))).contains("Fresh headline " + section);
    }

    @Test
    void shouldCacheTheCorrectionsPageUntilANoteIsAdded(
            @Autowired org.broadsheet.article.CorrectionService corrections) throws Exception {
        ArticleTestData data = new ArticleTestData(imports);
        long article = data.article(section, data.author()).save();
        get("/corrections");
        DurableEventsSettled.await(jdbc);
        statistics.clear();
        assertThat(get("/corrections").statusCode()).isEqualTo(200);
        assertThat(statistics.getPrepareStatementCount()).isZero();

        corrections.add(article, org.broadsheet.article.CorrectionKind.UPDATE, "Fresh note " + section, "editor");
        assertThat(text(get("/corrections"))).contains("Fresh note " + section);
    }

    @Test
    void shouldServeAReaderWithAnEndedSessionTheKeptPageWithoutReadingTheDatabase() throws Exception {
        String anonymous = text(get("/sections/" + section));
        DurableEventsSettled.await(jdbc);
        statistics.clear();
        HttpResponse<byte[]> stale = get("/sections/" + section, "Cookie", "JSESSIONID=abc");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(statistics.getPrepareStatementCount()).as("the kept page, the parts of nobody").isZero();
        assertThat(text(stale)).isEqualTo(anonymous);
        assertThat(stale.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void shouldSendAddressesWithParametersAPageDoesNotReadToItsOwnAddress() throws Exception {
        ArticleTestData data = new ArticleTestData(imports);
        long id = data.article(section, data.author()).save();
        String url = articles.cardsFor(List.of(id)).get(0).url();
        get(url);
        long pages = pageCache.size();
        long files = pageFiles.count();

        // What filled the cache with 2,000 copies of one article: a parameter it does not read.
        for (int page = 1; page <= 2_000; page++) {
            HttpResponse<byte[]> answer = get(url + "?page=" + page);
            assertThat(answer.statusCode()).isEqualTo(301);
            assertThat(answer.headers().firstValue("Location")).contains(url);
        }
        assertThat(pageCache.size()).isEqualTo(pages);
        assertThat(pageFiles.count()).isEqualTo(files);
        for (String madeUp : List.of("?utm_source=x", "?sort=newest", "?sort=", "?signed-out=1&sort=newest")) {
            assertThat(get(url + madeUp).headers().firstValue("Location")).as(madeUp)
                    .contains(madeUp.startsWith("?signed-out") ? url + "?signed-out" : url);
        }
        assertThat(get("/sections/" + section + "?sort=oldest").headers().firstValue("Location"))
                .as("a section has no order of comments").contains("/sections/" + section);
        assertThat(pageCache.size()).isEqualTo(pages);
    }

    @Test
    void shouldSendNumbersWrittenAnotherWayToTheirPlainAddress() throws Exception {
        String base = "/sections/" + section;
        assertThat(location(base + "?page=1")).contains(base);
        assertThat(location(base + "?page=01")).contains(base);
        assertThat(location(base + "?page=002")).contains(base + "?page=2");
        assertThat(location(base + "?page=%EF%BC%92")).as("a full-width 2").contains(base + "?page=2");
        assertThat(location(base + "?page=+2")).contains(base + "?page=2");
        assertThat(location(base + "?page=2&page=3")).contains(base + "?page=2");
        ArticleTestData data = new ArticleTestData(imports);
        long id = data.article(section, data.author()).save();
        assertThat(location("/articles/0" + id + "/comments")).contains("/articles/" + id + "/comments");
        assertThat(location("/articles/" + id + "/comments?sort=oldest&page=1"))
                .contains("/articles/" + id + "/comments?sort=oldest");
        assertThat(location("/articles/" + id + "/comments?sort=oldest&page=2"))
                .as("the handler's order of parameters").contains("/articles/" + id + "/comments?page=2&sort=oldest");
        assertThat(get(base + "?page=abc").statusCode()).isEqualTo(400);
        assertThat(get(base + "?page=99999999999").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldCacheOnlyPagesAskedForAtTheirOwnAddress() throws Exception {
        pageCache.clear();
        get("/sections/" + section + "?page=01");
        get("/sections/" + section + "?utm_campaign=x");
        assertThat(pageCache.size()).isZero();
        get("/sections/" + section);
        assertThat(pageCache.size()).isEqualTo(1);
    }

    private String location(String path) throws Exception {
        HttpResponse<byte[]> answer = get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(301);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void shouldNotCacheErrorsOrSearch() throws Exception {
        get("/sections/not-a-section-" + section);
        get("/search?q=cached");
        DurableEventsSettled.await(jdbc);
        statistics.clear();
        assertThat(get("/sections/not-a-section-" + section).statusCode()).isEqualTo(404);
        get("/search?q=cached");
        assertThat(statistics.getPrepareStatementCount()).isPositive();
    }
}
