package org.broadsheet.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local PostgreSQL used by {@link PostgresTest}: 127.0.0.1:5432, database {@code test}, user
 * {@code postgres} (trust authentication).
 * <p>
 * Each test JVM creates one schema of its own, {@code bs_test_<epoch seconds, base 36>_<random>}, on first
 * use; the datasource URL selects it with {@code currentSchema}, so concurrent runs (several developers,
 * CI) do not see each other's tables. A shutdown hook drops it with {@code DROP SCHEMA ... CASCADE}. Schemas
 * left behind by killed JVMs are dropped by the next run once they are older than a day.
 * <p>
 * Host and port can be overridden with the system properties {@code broadsheet.test.postgres.host} and
 * {@code broadsheet.test.postgres.port} (used to check the skip/fail behaviour).
 */
public final class PostgresTestDatabase {

    public static final String PROFILE = "postgres-test";
    public static final String HOST = System.getProperty("broadsheet.test.postgres.host", "127.0.0.1");
    public static final int PORT = Integer.getInteger("broadsheet.test.postgres.port", 5432);
    public static final String DATABASE = "test";
    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private static final String SCHEMA_PREFIX = "bs_test_";
    private static final Pattern SCHEMA_NAME = Pattern.compile("bs_test_([0-9a-z]+)_[0-9a-f]+");
    private static final Duration STALE_AFTER = Duration.ofDays(1);

    private static volatile Optional<String> unavailableReason;
    private static volatile String schema;

    private PostgresTestDatabase() {
    }

    /** {@code 127.0.0.1:5432 (database test, user postgres)}. */
    public static String describe() {
        return HOST + ":" + PORT + " (database " + DATABASE + ", user " + USER + ")";
    }

    public static String skipMessage() {
        return "PostgreSQL is not reachable on " + describe() + ": skipping PostgreSQL tests";
    }

    /** JDBC URL of the database itself, without a schema. */
    public static String databaseUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE;
    }

    /**
     * JDBC URL of this JVM's test schema. The application name marks the connections, so that the shutdown
     * hook can end them before dropping the schema.
     */
    public static String jdbcUrl() {
        String schema = schema();
        return databaseUrl() + "?currentSchema=" + schema + "&ApplicationName=" + schema;
    }

    /** Empty when PostgreSQL answers; otherwise why not. Probed once per JVM, with short timeouts. */
    public static Optional<String> unavailableReason() {
        Optional<String> reason = unavailableReason;
        if (reason == null) {
            synchronized (PostgresTestDatabase.class) {
                reason = unavailableReason;
                if (reason == null) {
                    reason = probe();
                    unavailableReason = reason;
                }
            }
        }
        return reason;
    }

    public static boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    private static Optional<String> probe() {
        try (Connection connection = connect(databaseUrl()); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return Optional.empty();
        }
        catch (SQLException | RuntimeException ex) {
            return Optional.of(ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }

    /** This JVM's schema, created on first call. */
    public static String schema() {
        String current = schema;
        if (current == null) {
            synchronized (PostgresTestDatabase.class) {
                current = schema;
                if (current == null) {
                    current = createSchema();
                    schema = current;
                }
            }
        }
        return current;
    }

    /** A plain JDBC connection to this JVM's schema (for tests without a Spring context). */
    public static Connection connect() throws SQLException {
        return connect(jdbcUrl());
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "2"); // seconds
        properties.setProperty("loginTimeout", "3");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(url, properties);
    }

    private static String createSchema() {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException("PostgreSQL is not reachable on " + describe() + ": " + reason);
        });
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String name = SCHEMA_PREFIX + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
                + HexFormat.of().formatHex(random);
        try (Connection connection = connect(databaseUrl()); Statement statement = connection.createStatement()) {
            dropStaleSchemas(connection);
            statement.execute("CREATE SCHEMA " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create test schema " + name + " on " + describe(), ex);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(name), "drop-" + name));
        return name;
    }

    private static void dropStaleSchemas(Connection connection) {
        List<String> stale = new ArrayList<>();
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bs\\_test\\_%'")) {
            while (rs.next()) {
                Matcher matcher = SCHEMA_NAME.matcher(rs.getString(1));
                if (matcher.matches()
                        && Instant.ofEpochSecond(Long.parseLong(matcher.group(1), 36)).isBefore(cutoff)) {
                    stale.add(matcher.group());
                }
            }
            for (String name : stale) {
                statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
        catch (SQLException | NumberFormatException ex) {
            System.err.println("[PostgresTestDatabase] could not drop stale test schemas " + stale + ": " + ex);
        }
    }

    private static void dropSchema(String name) {
        try (Connection connection = connect(databaseUrl()); Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '10s'");
            // Connection pools of cached Spring contexts may still be open while the JVM exits: end them so
            // that no lock held by them blocks the drop.
            try (PreparedStatement terminate = connection.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE application_name = ? AND pid <> pg_backend_pid()")) {
                terminate.setString(1, name);
                terminate.execute();
            }
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
        catch (SQLException ex) {
            System.err.println("[PostgresTestDatabase] could not drop test schema " + name + ": " + ex);
        }
    }
}
