package org.broadsheet.generator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.broadsheet.article.MarkdownRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Fills an empty, migrated PostgreSQL database with a generated site in one transaction, every table by
 * {@code COPY} (never a statement per row), then analyses it and moves each identity past the ids it used, so
 * the site adds rows after them. Refuses a database that has articles, comments or accounts already.
 */
class DataGenerator {

    /** The password of every generated account (one hash, made once, for all of them). */
    static final String PASSWORD = "broadsheet-generated";

    /** The newest article's slug: the one with {@code busiest} comments. */
    static final String BUSIEST_SLUG = "the-busiest-conversation";

    private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);
    private static final List<String> TABLES = List.of("section", "author", "tag", "account", "article", "comment");
    private static final List<String> VACUUMED = List.of("section", "author", "tag", "account", "account_role",
            "article", "article_author", "article_tag", "article_section", "comment", "comment_recommendation");

    /** What was made: rows per kind, and how long it took. */
    record Report(Map<String, Long> rows, Duration took) {

        String describe() {
            StringBuilder text = new StringBuilder("Generated in ").append(took.toMillis() / 1000.0).append(" s:");
            rows.forEach((kind, n) -> text.append(String.format("%n  %-40s %,12d", kind, n)));
            return text.append(String.format("%nEvery account signs in with the password %s; the busiest article's "
                    + "slug is %s.", PASSWORD, BUSIEST_SLUG)).toString();
        }
    }

    private final DataSource dataSource;
    private final PasswordEncoder passwords;
    private final MarkdownRenderer renderer;
    private final Clock clock;

    DataGenerator(DataSource dataSource, PasswordEncoder passwords, MarkdownRenderer renderer, Clock clock) {
        this.dataSource = dataSource;
        this.passwords = passwords;
        this.renderer = renderer;
        this.clock = clock;
    }

    Report generate(GeneratorProperties sizes) throws SQLException {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Random random = new Random(sizes.seed());
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            refuseUnlessEmpty(connection);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = off");
                boolean checked = checkForeignKeys(statement);
                Texts texts = new Texts(renderer, random);
                Articles articles = new Articles(sizes.articles(), sizes.seed(), now);
                rows.put("sections, authors, tags", Catalogue.write(connection));
                analyze(statement, "section", "author", "tag");
                String hash = passwords.encode(PASSWORD);
                step("accounts", started);
                rows.put("accounts (and roles)", Accounts.write(connection, sizes.accounts(), hash, articles.first()));
                analyze(statement, "account");
                Conversations conversations = new Conversations(random, sizes.accounts(), now);
                int[] counts = conversations.plan(sizes.articles(), sizes.comments(), sizes.busiest());
                step("articles", started);
                rows.put("articles (and bylines, tags, sections)", articles.write(connection, texts, counts));
                analyze(statement, "article");
                step("comments", started);
                rows.put("comments", conversations.write(connection, texts, articles, counts));
                rows.put("recommendations", conversations.recommendations());
                for (String table : TABLES) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'),"
                            + " (SELECT coalesce(max(id), 0) + 1 FROM " + table + "), false)");
                }
                step(checked ? "commit" : "commit (foreign keys were not checked: the rows are made consistent)",
                        started);
                connection.commit();
            }
            catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
            step("vacuum analyze", started);
            try (Statement statement = connection.createStatement()) {
                // Statistics for the planner and a visibility map for index-only scans, as a live site has.
                statement.execute("VACUUM (ANALYZE) " + String.join(", ", VACUUMED));
            }
        }
        return new Report(rows, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * A superuser's session skips the foreign-key triggers while loading (the generator makes every reference
     * point at a row it wrote; GeneratorPostgresTests checks it); anyone else's checks them row by row.
     *
     * @return whether the foreign keys are checked
     */
    private static boolean checkForeignKeys(Statement statement) {
        try {
            statement.execute("SAVEPOINT replication_role");
            statement.execute("SET LOCAL session_replication_role = replica");
            return false;
        }
        catch (SQLException notSuperuser) {
            try {
                statement.execute("ROLLBACK TO SAVEPOINT replication_role");
            }
            catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
            return true;
        }
    }

    /**
     * Fresh statistics before the rows that refer to these tables come: the foreign-key checks are planned from
     * them, and planned on an empty table they scan it whole for every row.
     */
    private static void analyze(Statement statement, String... tables) throws SQLException {
        statement.execute("ANALYZE " + String.join(", ", tables));
    }

    private static void refuseUnlessEmpty(Connection connection) throws SQLException {
        if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            throw new IllegalStateException("The generator writes with PostgreSQL's COPY: run it on the prod profile");
        }
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT (SELECT count(*) FROM article) + (SELECT count(*) FROM comment)"
                        + " + (SELECT count(*) FROM account) + (SELECT count(*) FROM section)")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("The database has sections, articles, comments or accounts already: the "
                        + "generator fills an empty one only (create a fresh database for it)");
            }
        }
    }

    private static void step(String what, long started) {
        log.info("Generating: {} ({} s)", what, (System.nanoTime() - started) / 1_000_000_000);
    }
}
