package org.broadsheet.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test class against the local PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}) instead of the in-memory H2 of the {@code demo} profile:
 *
 * <pre>
 * &#64;SpringBootTest(webEnvironment = WebEnvironment.NONE)
 * &#64;PostgresTest
 * class SearchPostgresTests { ... }
 * </pre>
 *
 * <ul>
 * <li>If PostgreSQL does not answer, the class is skipped, or fails when {@code CI=true}
 * ({@link PostgresAvailableCondition}).</li>
 * <li>Each test JVM gets a fresh schema {@code bs_test_<random>}: the datasource, Flyway and Hibernate use
 * it, and it is dropped when the JVM exits ({@link PostgresTestDatabase}).</li>
 * <li>The {@code postgres-test} profile is active, so the default {@code demo} profile (H2 and demo content)
 * is not. Do not add another {@code @ActiveProfiles} on the class: it would replace this one.</li>
 * </ul>
 * Every {@code @PostgresTest} class with the same other configuration shares one cached Spring context.
 * Works with {@code @SpringBootTest} and with slices such as {@code @DataJpaTest} (add
 * {@code @AutoConfigureTestDatabase(replace = Replace.NONE)} there, or the slice swaps in an embedded
 * database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@ExtendWith(PostgresAvailableCondition.class)
@ActiveProfiles(PostgresTestDatabase.PROFILE)
@ContextConfiguration(initializers = PostgresTestInitializer.class)
public @interface PostgresTest {
}
