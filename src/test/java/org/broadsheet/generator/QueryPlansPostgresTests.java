package org.broadsheet.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.broadsheet.generator.StatementLog.Recorded;
import org.broadsheet.support.PostgresAvailableCondition;
import org.broadsheet.support.PostgresTestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs {@code EXPLAIN} on every statement that each benchmarked page sends with the page cache off (front page,
 * the busiest article, a quiet article, the deepest page of the deepest section, search, the sitemap index and
 * the newest month's sitemap, the busiest article signed in, posting a comment) and fails on a sequential scan of a big table; an article page costs the same
 * statements whatever its number of comments. The plans are written to {@code target/query-plans.md}.
 * <p>
 * On the small generated data PostgreSQL rightly prefers scanning small tables, so the plans are made with
 * {@code enable_seqscan = off}: a sequential scan left in a plan is then one that no index can serve. With
 * {@code -Dbroadsheet.plans.database=NAME} the test runs on an existing generated database (the benchmark's,
 * {@code bench/scale.sh}) instead, with the planner's own settings and {@code EXPLAIN (ANALYZE, BUFFERS)} for
 * queries: the plans in {@code docs/performance.md} are made that way. It posts one comment there.
 */
@Tag("postgres")
@ExtendWith(PostgresAvailableCondition.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "broadsheet.test.generated-schema=QueryPlansPostgresTests")
@ActiveProfiles(PostgresTestDatabase.PROFILE)
@ContextConfiguration(initializers = QueryPlansPostgresTests.Target.class)
@Import(StatementLog.Config.class)
class QueryPlansPostgresTests {

    static final String FULL_SIZE = System.getProperty("broadsheet.plans.database", "");

    /**
     * The tables that grow with the site; a sequential scan of one of them grows with it. At full size only the
     * four largest count: there the planner rightly scans {@code article_section} (a tenth of the articles) when
     * a query wants half of it.
     */
    private static final Pattern SEQ_SCAN_OF_BIG_TABLE = Pattern.compile(FULL_SIZE.isEmpty()
            ? "Seq Scan on (article|comment|account|account_role|comment_recommendation|article_author|article_tag|"
                    + "article_section|notification|reader_follow|story_follow)\\b"
            : "Seq Scan on (article|comment|account|comment_recommendation)\\b");

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldServeEveryBenchmarkedPageWithIndexedQueriesOnly() throws Exception {
        SiteClient site = new SiteClient(port);
        String busiest = site.articlePath(DataGenerator.BUSIEST_SLUG);
        // Posted on the next newest article, so that the busiest keeps its 500 comments for bench/scale.sh.
        long otherId = single("SELECT id FROM article WHERE slug <> '" + DataGenerator.BUSIEST_SLUG + "'"
                + " ORDER BY published_at DESC LIMIT 1");
        String quiet = site.articlePath(text("SELECT slug FROM article WHERE comment_count BETWEEN 3 AND 8"
                + " AND id IN (SELECT article_id FROM comment WHERE depth > 0) ORDER BY id DESC LIMIT 1"));
        long inNews = single("SELECT count(*) FROM article WHERE primary_section_id IN (SELECT id FROM section"
                + " WHERE slug IN ('news', 'uk', 'world', 'europe', 'americas', 'asia', 'politics'))"
                + " OR id IN (SELECT article_id FROM article_section WHERE section_id <= 7)");
        long deepPage = Math.min(10_000, inNews / 20);

        Map<String, List<Recorded>> pages = new LinkedHashMap<>();
        site.get("/"); // the first request warms caches that live longer than a page (section tree, settings)
        pages.put("front page /", page(() -> site.get("/")));
        pages.put("article with 500 comments " + busiest, page(() -> site.get(busiest)));
        pages.put("article with a few comments " + quiet, page(() -> site.get(quiet)));
        pages.put("section page " + deepPage + " /sections/news?page=" + deepPage,
                page(() -> site.get("/sections/news?page=" + deepPage)));
        pages.put("search for a name /search?q=Ada+Okoro", page(() -> site.get("/search?q=Ada+Okoro")));
        pages.put("search for a common word /search?q=harbour", page(() -> site.get("/search?q=harbour")));
        pages.put("sitemap index /sitemap.xml", page(() -> site.get("/sitemap.xml")));
        String newestMonth = "/sitemaps/" + text("SELECT to_char(max(published_at) AT TIME ZONE 'Europe/London',"
                + " 'YYYY-MM') FROM article WHERE status = 'PUBLISHED' AND published_at <= now()") + ".xml";
        pages.put("the newest month's sitemap " + newestMonth, page(() -> site.get(newestMonth)));
        site.signIn("reader1", DataGenerator.PASSWORD); // the reader bench/scale.sh signs in: 4,587 comments at full size
        site.get(busiest);
        pages.put("signed-in article with 500 comments", page(() -> site.get(busiest)));
        pages.put("posting a comment POST /articles/" + otherId + "/comments",
                page(() -> site.postComment(otherId, "A comment whose statements are explained, "
                        + System.nanoTime() + ".")));

        List<String> seqScans = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement settings = connection.createStatement()) {
            if (FULL_SIZE.isEmpty()) {
                settings.execute("SET enable_seqscan = off");
            }
            for (var page : pages.entrySet()) {
                report.append("\n### ").append(page.getKey()).append(" (").append(page.getValue().size())
                        .append(" statements)\n");
                for (Recorded statement : page.getValue()) {
                    String plan = explain(connection, statement);
                    report.append("\n```sql\n").append(statement.sql().strip()).append("\n```\n```\n").append(plan)
                            .append("```\n");
                    if (SEQ_SCAN_OF_BIG_TABLE.matcher(plan).find()) {
                        seqScans.add(page.getKey() + ": " + statement.sql() + "\n" + plan);
                    }
                }
            }
        }
        Path out = Path.of("target", FULL_SIZE.isEmpty() ? "query-plans.md" : "query-plans-" + FULL_SIZE + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertThat(seqScans).as("sequential scans of big tables (plans in %s)", out).isEmpty();
        assertThat(pages.get("article with 500 comments " + busiest)).as("statements of an uncached article page")
                .hasSameSizeAs(pages.get("article with a few comments " + quiet)).isNotEmpty();
    }

    private static List<Recorded> page(Supplier<HttpResponse<String>> request) {
        List<Recorded> statements = StatementLog.during(() -> {
            HttpResponse<String> response = request.get();
            assertThat(response.statusCode()).as(response.uri().toString()).isIn(200, 302);
            return response;
        });
        assertThat(statements).isNotEmpty();
        return statements;
    }

    private static String explain(Connection connection, Recorded statement) throws SQLException {
        String sql = statement.sql().strip();
        String verb = sql.substring(0, Math.min(6, sql.length())).toLowerCase(Locale.ROOT);
        boolean query = verb.startsWith("select") || verb.startsWith("with") || verb.startsWith("(selec");
        if (!query && !verb.startsWith("update") && !verb.startsWith("delete") && !verb.startsWith("insert")) {
            return "(not explained)\n";
        }
        // Only queries run again for real: EXPLAIN ANALYZE of an update would apply it a second time.
        String explain = !FULL_SIZE.isEmpty() && query ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ";
        try (PreparedStatement explained = connection.prepareStatement(explain + sql)) {
            for (ParameterSetOperation set : statement.parameters()) {
                try {
                    set.getMethod().invoke(explained, set.getArgs());
                }
                catch (IllegalAccessException | InvocationTargetException ex) {
                    throw new IllegalStateException("Could not set a parameter of " + sql, ex);
                }
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = explained.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private long single(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    /** The generated schema of this class, or with {@code broadsheet.plans.database} that database. */
    static class Target implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (FULL_SIZE.isEmpty()) {
                new GeneratedSchema.Initializer().initialize(context);
                return;
            }
            String database = "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/"
                    + FULL_SIZE;
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("broadsheetPlans", Map.of(
                    "spring.datasource.url", database, "spring.datasource.username", PostgresTestDatabase.USER,
                    "spring.datasource.password", PostgresTestDatabase.PASSWORD,
                    "spring.datasource.driver-class-name", "org.postgresql.Driver")));
        }
    }
}
