package org.broadsheet.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

import org.broadsheet.article.MarkdownRenderer;
import org.broadsheet.support.PostgresAvailableCondition;
import org.broadsheet.support.PostgresTestDatabase;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The data generator at the small size CI runs ({@link GeneratedSchema#SMALL}) on PostgreSQL: the sizes asked
 * for, every counter equal to the rows it counts, search vectors filled, and the site's pages working on the
 * result (front page, the last full page of the deepest section, the busiest article, search, a generated
 * reader signing in and posting).
 */
@Tag("postgres")
@ExtendWith(PostgresAvailableCondition.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "broadsheet.test.generated-schema=GeneratorPostgresTests")
@ActiveProfiles(PostgresTestDatabase.PROFILE)
@ContextConfiguration(initializers = GeneratedSchema.Initializer.class)
class GeneratorPostgresTests {

    private final GeneratedSchema schema = GeneratedSchema.of("GeneratorPostgresTests");

    @LocalServerPort
    int port;

    @Test
    void shouldMakeWhatWasAskedFor() throws SQLException {
        assertThat(count("SELECT count(*) FROM article WHERE status = 'PUBLISHED'")).isEqualTo(1_000);
        assertThat(count("SELECT count(*) FROM comment")).isGreaterThanOrEqualTo(10_000);
        assertThat(count("SELECT count(*) FROM account")).isEqualTo(500);
        assertThat(count("SELECT count(*) FROM account_role WHERE role = 'READER'")).isEqualTo(500);
        assertThat(count("SELECT count(*) FROM comment_recommendation")).isGreaterThan(5_000);
        assertThat(count("SELECT count(*) FROM section")).isEqualTo(Catalogue.SECTIONS.size());
        assertThat(count("SELECT count(*) FROM article a WHERE NOT EXISTS"
                + " (SELECT 1 FROM article_author b WHERE b.article_id = a.id)")).isZero();
        assertThat(count("SELECT count(*) FROM article a WHERE NOT EXISTS"
                + " (SELECT 1 FROM article_tag t WHERE t.article_id = a.id)")).isZero();
        assertThat(count("SELECT count(*) FROM article WHERE search_vector IS NULL OR length(search_vector) = 0"))
                .isZero();
        assertThat(count("SELECT count(*) FROM comment c JOIN article a ON a.id = c.article_id"
                + " WHERE a.slug = '" + DataGenerator.BUSIEST_SLUG + "'")).isGreaterThanOrEqualTo(500);
        assertThat(count("SELECT count(DISTINCT extract(year FROM published_at)) FROM article")).isGreaterThan(5);
        assertThat(schema.report.rows()).containsEntry("comments", 10_000L);
        assertThat(schema.report.describe()).contains("10,000", DataGenerator.PASSWORD);
    }

    @Test
    void shouldKeepEveryCounterEqualToTheRowsItCounts() throws SQLException {
        assertThat(count("SELECT count(*) FROM article a WHERE comment_count <> (SELECT count(*) FROM comment c"
                + " WHERE c.article_id = a.id AND c.status = 'VISIBLE')")).isZero();
        assertThat(count("SELECT count(*) FROM comment r WHERE r.parent_id IS NULL AND r.reply_count <>"
                + " (SELECT count(*) FROM comment c WHERE c.root_id = r.id AND c.parent_id IS NOT NULL"
                + " AND c.status = 'VISIBLE')")).isZero();
        assertThat(count("SELECT count(*) FROM comment c WHERE recommend_count <>"
                + " (SELECT count(*) FROM comment_recommendation r WHERE r.comment_id = c.id)")).isZero();
        assertThat(count("SELECT count(*) FROM comment_recommendation r JOIN comment c ON c.id = r.comment_id"
                + " WHERE r.account_id = c.author_id")).as("nobody recommends their own comment").isZero();
        assertThat(count("SELECT count(*) FROM comment c JOIN comment p ON p.id = c.parent_id"
                + " WHERE c.root_id <> p.root_id OR c.depth <> p.depth + 1 OR c.created_at < p.created_at"
                + " OR c.article_id <> p.article_id")).isZero();
        assertThat(count("SELECT count(*) FROM comment WHERE parent_id IS NULL AND root_id <> id")).isZero();
        assertThat(count("SELECT count(*) FROM comment WHERE depth > 0")).as("replies").isGreaterThan(3_000);
    }

    @Test
    void shouldLeaveIdentitiesAfterTheGeneratedIdsAndRefuseToFillTheDatabaseTwice() throws SQLException {
        try (Connection connection = schema.connect()) {
            DataGenerator again = new DataGenerator(new SingleConnectionDataSource(connection, true),
                    PasswordEncoderFactories.createDelegatingPasswordEncoder(), new MarkdownRenderer(),
                    Clock.systemUTC());
            assertThatThrownBy(() -> again.generate(GeneratedSchema.SMALL)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("empty");
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("INSERT INTO tag (slug, name) VALUES ('new-tag', 'New')"
                            + " RETURNING id")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(count("SELECT max(id) FROM tag WHERE slug <> 'new-tag'"));
            }
        }
    }

    @Test
    void shouldServeTheSitesPagesOnTheGeneratedData() throws SQLException {
        SiteClient site = new SiteClient(port);
        assertThat(site.get("/").statusCode()).isEqualTo(200);

        long inNews = count("SELECT count(*) FROM article WHERE primary_section_id IN"
                + " (SELECT id FROM section WHERE slug IN ('news', 'uk', 'world', 'europe', 'americas', 'asia',"
                + " 'politics')) OR id IN (SELECT article_id FROM article_section WHERE section_id <= 7)");
        long lastFullPage = inNews / 20;
        HttpResponse<String> deep = site.get("/sections/" + Catalogue.DEEPEST + "?page=" + lastFullPage);
        assertThat(deep.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(deep.body()).select(".card-list article.card")).hasSize(20);

        String busiest = site.articlePath(DataGenerator.BUSIEST_SLUG);
        HttpResponse<String> article = site.get(busiest);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.body()).contains("class=\"count\">(500)<");

        HttpResponse<String> search = site.get("/search?q=harbour");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(search.body()).select("article.search-hit")).hasSize(20);

        assertThat(site.signIn("reader7", DataGenerator.PASSWORD).headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
        assertThat(site.get(busiest).body()).contains("Sign out", "id=\"comment-form\"");
        long articleId = count("SELECT id FROM article WHERE slug = '" + DataGenerator.BUSIEST_SLUG + "'");
        assertThat(site.postComment(articleId, "Posted on the generated site.").statusCode()).isEqualTo(302);
        assertThat(count("SELECT comment_count FROM article WHERE id = " + articleId)).isEqualTo(501);
        assertThat(site.get(busiest).body()).contains("class=\"count\">(501)<", "Posted on the generated site.");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
