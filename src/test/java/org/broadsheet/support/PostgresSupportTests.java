package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proves {@link PostgresTest}: the application context runs on PostgreSQL, in this JVM's own schema,
 * migrated by Flyway with the PostgreSQL-specific V2, and without the demo profile.
 * <p>
 * MOCK rather than NONE: no server is started either way, but with NONE the context cannot start while
 * {@code org.broadsheet.web.SecurityConfig} asks for {@code HttpSecurity} unconditionally (that bean only
 * exists in a servlet web application). Switch to NONE once SecurityConfig is
 * {@code @ConditionalOnWebApplication(type = SERVLET)}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.MOCK)
@PostgresTest
class PostgresSupportTests {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Environment environment;

    @Test
    void connectsToPostgresql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(metaData.getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(metaData.getURL()).startsWith("jdbc:postgresql://127.0.0.1:5432/test?");
            assertThat(connection.getCatalog()).isEqualTo("test");
        }
    }

    @Test
    void usesTheGeneratedSchema() {
        String schema = PostgresTestDatabase.schema();
        assertThat(schema).matches("bs_test_[0-9a-z]+_[0-9a-f]{8}");
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(schema);
    }

    @Test
    void flywayAppliedTheCommonAndThePostgresqlMigrations() {
        String schema = PostgresTestDatabase.schema();
        List<String> applied = jdbc.queryForList(
                "SELECT version FROM " + schema + ".flyway_schema_history WHERE success AND version IS NOT NULL"
                        + " ORDER BY installed_rank",
                String.class);
        assertThat(applied).startsWith("1", "2");

        String searchVectorType = jdbc.queryForObject("""
                SELECT udt_name FROM information_schema.columns
                WHERE table_schema = ? AND table_name = 'article' AND column_name = 'search_vector'
                """, String.class, schema);
        assertThat(searchVectorType).isEqualTo("tsvector");
    }

    @Test
    void runsWithThePostgresTestProfileInsteadOfDemo() {
        assertThat(environment.getActiveProfiles()).containsExactly("postgres-test");
        assertThat(environment.matchesProfiles("demo")).isFalse();
    }
}
