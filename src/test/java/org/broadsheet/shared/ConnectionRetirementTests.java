package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connection pool retires every connection after {@code maxLifetime} (30 minutes), the one that ran the
 * migrations included. On H2 2.4.240 a {@code CHECK (… IN …)} constraint stayed bound to the session that created
 * it, so from that moment every write to a table with one failed ("Check constraint invalid … The database has
 * been closed") until restart: the demo site stopped taking comments after about 25 minutes. This test retires
 * every pooled connection at once and then writes to every table that has a check constraint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class ConnectionRetirementTests {

    /** Every table with a check constraint, each written below: a new one must be added here. */
    private static final Set<String> CHECKED_TABLES = Set.of("ACCOUNT_ROLE", "ACCOUNT_TOKEN", "ARTICLE",
            "ARTICLE_CORRECTION", "COMMENT", "COMMENT_DECISION", "COMMENT_REPORT", "FRONT_PAGE", "FRONT_PAGE_PIN",
            "IGNORED_READER", "MODERATION_SETTINGS", "MODERATION_WORD", "NOTIFICATION", "READER_FOLLOW",
            "REVIEW_REQUEST", "SANCTION");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldKeepTakingWritesAfterThePoolRetiresTheConnectionThatRanTheMigrations() throws Exception {
        assertThat(tablesWithCheckConstraints()).as("tables with check constraints").isEqualTo(CHECKED_TABLES);
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        long before = pool.getHikariPoolMXBean().getTotalConnections();
        assertThat(before).isPositive();
        // What maxLifetime does to each connection in turn, done to all of them now.
        pool.getHikariPoolMXBean().softEvictConnections();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0);

        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            writeToEveryCheckedTable();
            status.setRollbackOnly();
        });
    }

    private Set<String> tablesWithCheckConstraints() {
        List<String> tables = jdbc.queryForList("SELECT DISTINCT TABLE_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                + "WHERE CONSTRAINT_TYPE = 'CHECK' AND TABLE_SCHEMA = 'PUBLIC'", String.class);
        return new TreeSet<>(tables);
    }

    private void writeToEveryCheckedTable() {
        Timestamp now = Timestamp.from(Instant.now());
        long section = insert("INSERT INTO section (slug, name) VALUES ('retired-pool', 'Retired pool')");
        long article = insert("INSERT INTO article (slug, headline, standfirst, body_markdown, body_html, body_text, "
                + "article_type, status, primary_section_id, created_at, lead_kind) "
                + "VALUES ('retired-pool', 'H', 'S', 'b', '<p>b</p>', 'b', 'NEWS', 'PUBLISHED', " + section + ", ?, "
                + "'IMAGE')", now);
        long reader = account("retired-a", now);
        long other = account("retired-b", now);
        jdbc.update("INSERT INTO account_role (account_id, role) VALUES (?, 'READER')", reader);
        jdbc.update("INSERT INTO account_token (account_id, purpose, token_hash, email, created_at, expires_at) "
                + "VALUES (?, 'VERIFY_EMAIL', 'retired-pool-hash', 'a@example.invalid', ?, ?)", reader, now, now);
        long comment = insert("INSERT INTO comment (article_id, author_id, depth, status, body, body_html, created_at) "
                + "VALUES (" + article + ", " + reader + ", 0, 'VISIBLE', 'x', '<p>x</p>', ?)", now);
        jdbc.update("INSERT INTO comment_report (comment_id, account_id, reason, created_at) "
                + "VALUES (?, ?, 'SPAM', ?)", comment, other, now);
        jdbc.update("INSERT INTO ignored_reader (account_id, ignored_id, created_at) VALUES (?, ?, ?)", reader,
                other, now);
        jdbc.update("INSERT INTO article_correction (article_id, kind, note, created_at, created_by) "
                + "VALUES (?, 'CORRECTION', 'n', ?, 'editor')", article, now);
        jdbc.update("UPDATE front_page SET version = version + 1 WHERE id = 1");
        jdbc.update("INSERT INTO front_page_pin (slot, sort_order, article_id) VALUES ('TOP', 3, ?)", article);
        jdbc.update("INSERT INTO reader_follow (follower_id, followed_id, created_at) VALUES (?, ?, ?)", reader,
                other, now);
        jdbc.update("INSERT INTO notification (recipient_id, kind, article_id, comment_id, in_centre, created_at, "
                + "updated_at) VALUES (?, 'REPLY', ?, ?, TRUE, ?, ?)", reader, article, comment, now, now);
        jdbc.update("INSERT INTO comment_decision (comment_id, author_id, decision, moderator, decided_at) "
                + "VALUES (?, ?, 'APPROVED', 'moderator', ?)", comment, reader, now);
        jdbc.update("UPDATE moderation_settings SET hold_links = hold_links WHERE id = 1");
        jdbc.update("INSERT INTO moderation_word (list, word) VALUES ('SUSPECT', 'retired pool')");
        jdbc.update("INSERT INTO review_request (comment_id, account_id, requested_at) VALUES (?, ?, ?)", comment,
                reader, now);
        jdbc.update("INSERT INTO sanction (account_id, kind, reason, imposed_by, imposed_at) "
                + "VALUES (?, 'WARNING', 'r', 'moderator', ?)", reader, now);
    }

    private long account(String username, Timestamp now) {
        return insert("INSERT INTO account (username, username_key, display_name, email, email_key, password_hash, "
                + "created_at) VALUES ('" + username + "', '" + username + "', 'R', '" + username
                + "@example.invalid', '" + username + "@example.invalid', 'x', ?)", now);
    }

    private long insert(String sql, Object... args) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(sql, new String[] { "id" });
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, key);
        return key.getKey().longValue();
    }
}
