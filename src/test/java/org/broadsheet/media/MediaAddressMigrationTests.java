package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.broadsheet.support.PostgresAvailableCondition;
import org.broadsheet.support.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The migration that gives uploads unguessable addresses, on a database that had uploads at the old, counted ones:
 * every address stored in articles, authors and revisions points at the new one, and each article's uploads are
 * noted for the rule of who may see them. On H2 and on PostgreSQL.
 */
class MediaAddressMigrationTests {

    @Test
    void shouldRewriteEveryStoredAddressOnH2() {
        SingleConnectionDataSource db = new SingleConnectionDataSource(
                "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        migrateAnOldSite(db, "h2", null);
    }

    @Nested
    @ExtendWith(PostgresAvailableCondition.class)
    class OnPostgres {

        @Test
        void shouldRewriteEveryStoredAddressOnPostgres() throws Exception {
            String schema = "bs_migration_" + Long.toHexString(System.nanoTime());
            try (Connection admin = DriverManager.getConnection(PostgresTestDatabase.databaseUrl(),
                    PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD); Statement ddl = admin.createStatement()) {
                ddl.execute("CREATE SCHEMA " + schema);
                try {
                    SingleConnectionDataSource db = new SingleConnectionDataSource(PostgresTestDatabase.databaseUrl()
                            + "?currentSchema=" + schema, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD,
                            true);
                    migrateAnOldSite(db, "postgresql", schema);
                    db.destroy();
                } finally {
                    ddl.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static void migrateAnOldSite(DataSource db, String vendor, String schema) {
        flyway(db, vendor, schema).target("12").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO section (id, slug, name) VALUES (1, 'news', 'News')");
        jdbc.update("INSERT INTO media (id, kind, created_at) VALUES (1, 'IMAGE', CURRENT_TIMESTAMP), "
                + "(12, 'IMAGE', CURRENT_TIMESTAMP), (13, 'VIDEO', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO article (id, slug, headline, standfirst, body_markdown, body_html, body_text, "
                + "article_type, status, primary_section_id, created_at, lead_kind, lead_url, lead_srcset, seo_image) "
                + "VALUES (1, 'a', 'H', 'S', 'See ![x](/media/12/960.jpg) and [v](/media/13/video.mp4)', "
                + "'<img src=\"/media/12/960.jpg\">', 'x', 'NEWS', 'DRAFT', 1, CURRENT_TIMESTAMP, 'IMAGE', "
                + "'/media/1/1600.jpg', '/media/1/480.jpg 480w, /media/1/1600.jpg 1600w', '/media/12/1600.jpg')");
        jdbc.update("INSERT INTO author (id, slug, name, photo_url) VALUES (1, 'ana', 'Ana', '/media/12/480.jpg')");
        jdbc.update("INSERT INTO article_revision (article_id, revision_number, created_at, created_by, headline, "
                + "snapshot) VALUES (1, 1, CURRENT_TIMESTAMP, 'editor', 'H', '{\"leadUrl\":\"/media/1/1600.jpg\"}')");

        flyway(db, vendor, schema).load().migrate();

        String one = jdbc.queryForObject("SELECT public_key FROM media WHERE id = 1", String.class);
        String twelve = jdbc.queryForObject("SELECT public_key FROM media WHERE id = 12", String.class);
        String thirteen = jdbc.queryForObject("SELECT public_key FROM media WHERE id = 13", String.class);
        assertThat(one).matches(MediaNames.KEY_PATTERN);
        assertThat(twelve).matches(MediaNames.KEY_PATTERN).isNotEqualTo(one);
        var article = jdbc.queryForMap("SELECT lead_url, lead_srcset, seo_image, body_markdown, body_html "
                + "FROM article WHERE id = 1");
        assertThat(article.get("lead_url")).isEqualTo("/media/" + one + "/1600.jpg");
        assertThat(article.get("lead_srcset"))
                .isEqualTo("/media/" + one + "/480.jpg 480w, /media/" + one + "/1600.jpg 1600w");
        assertThat(article.get("seo_image")).isEqualTo("/media/" + twelve + "/1600.jpg");
        assertThat(article.get("body_markdown"))
                .isEqualTo("See ![x](/media/" + twelve + "/960.jpg) and [v](/media/" + thirteen + "/video.mp4)");
        assertThat(article.get("body_html")).isEqualTo("<img src=\"/media/" + twelve + "/960.jpg\">");
        assertThat(jdbc.queryForObject("SELECT photo_url FROM author WHERE id = 1", String.class))
                .isEqualTo("/media/" + twelve + "/480.jpg");
        assertThat(jdbc.queryForObject("SELECT snapshot FROM article_revision WHERE article_id = 1", String.class))
                .contains("/media/" + one + "/1600.jpg");
        assertThat(jdbc.queryForList("SELECT media_key FROM article_media WHERE article_id = 1", String.class))
                .containsExactlyInAnyOrder(one, twelve, thirteen);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource db, String vendor,
            String schema) {
        var configuration = Flyway.configure().dataSource(db)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        return schema == null ? configuration : configuration.schemas(schema).defaultSchema(schema);
    }
}
