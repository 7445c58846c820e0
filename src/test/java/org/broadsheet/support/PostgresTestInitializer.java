package org.broadsheet.support;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the datasource, Flyway and Hibernate of a test context at this JVM's PostgreSQL test schema, with
 * the highest precedence (above application.properties and any profile file). Used through
 * {@link PostgresTest}.
 */
public class PostgresTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY_SOURCE_NAME = "broadsheetPostgresTest";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = PostgresTestDatabase.schema(); // creates it on first use; fails if unreachable
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", PostgresTestDatabase.jdbcUrl());
        properties.put("spring.datasource.username", PostgresTestDatabase.USER);
        properties.put("spring.datasource.password", PostgresTestDatabase.PASSWORD);
        properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        // Several cached contexts may be alive in one test JVM: keep each pool small.
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.default-schema", schema);
        ConfigurableEnvironment environment = context.getEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
        if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
            throw new IllegalStateException("A @PostgresTest must not run with the demo profile active (it loads "
                    + "demo content); active profiles: " + Arrays.toString(environment.getActiveProfiles()));
        }
    }
}
