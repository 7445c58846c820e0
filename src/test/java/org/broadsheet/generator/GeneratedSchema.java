package org.broadsheet.generator;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.broadsheet.article.MarkdownRenderer;
import org.broadsheet.support.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * A throwaway schema of the local PostgreSQL ({@link PostgresTestDatabase}), migrated by Flyway and filled by
 * the generator at a small size, dropped when the JVM exits. One per test class that asks for it, so that what
 * one class writes (a posted comment) never changes what another counts. {@link #url} and {@link Initializer}
 * point a Spring test context at it.
 */
final class GeneratedSchema {

    /** The small size CI generates: 1,000 articles, 10,000 comments (500 on the busiest), 500 accounts. */
    static final GeneratorProperties SMALL = new GeneratorProperties(1_000, 10_000, 500, 500, 20261202L);

    private static final Map<String, GeneratedSchema> BY_NAME = new LinkedHashMap<>();

    final String name;
    final DataGenerator.Report report;

    private GeneratedSchema(String name, DataGenerator.Report report) {
        this.name = name;
        this.report = report;
    }

    /** The schema of this key (a test class's name), created and generated on first use. */
    static synchronized GeneratedSchema of(String key) {
        return BY_NAME.computeIfAbsent(key, k -> create());
    }

    String url() {
        return PostgresTestDatabase.databaseUrl() + "?currentSchema=" + name + "&ApplicationName=" + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    private static GeneratedSchema create() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        // The bs_test_ prefix and epoch: PostgresTestDatabase drops it a day later if a killed JVM left it.
        String name = "bs_test_" + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
                + HexFormat.of().formatHex(random);
        try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.databaseUrl(),
                PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create schema " + name, ex);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "drop-" + name));
        GeneratedSchema schema = new GeneratedSchema(name, null);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(schema.url(), PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
        Flyway.configure().dataSource(dataSource).schemas(name).defaultSchema(name)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        try {
            DataGenerator generator = new DataGenerator(dataSource,
                    PasswordEncoderFactories.createDelegatingPasswordEncoder(), new MarkdownRenderer(),
                    Clock.systemUTC());
            return new GeneratedSchema(name, generator.generate(SMALL));
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not generate data in " + name, ex);
        }
    }

    private static void drop(String name) {
        try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.databaseUrl(),
                PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '10s'");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + name + "' AND pid <> pg_backend_pid()");
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
        catch (SQLException ex) {
            System.err.println("[GeneratedSchema] could not drop schema " + name + ": " + ex);
        }
    }

    /**
     * Points a test context's datasource, Flyway and Hibernate at the generated schema of the test class named
     * by the context's {@code broadsheet.test.generated-schema} property.
     */
    static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String key = context.getEnvironment().getRequiredProperty("broadsheet.test.generated-schema");
            GeneratedSchema schema = of(key);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", schema.url());
            properties.put("spring.datasource.username", PostgresTestDatabase.USER);
            properties.put("spring.datasource.password", PostgresTestDatabase.PASSWORD);
            properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
            properties.put("spring.datasource.hikari.maximum-pool-size", "4");
            properties.put("spring.flyway.schemas", schema.name);
            properties.put("spring.flyway.default-schema", schema.name);
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("broadsheetGeneratedSchema", properties));
        }
    }
}
