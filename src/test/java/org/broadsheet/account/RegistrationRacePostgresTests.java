package org.broadsheet.account;

import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link RegistrationRaceScenarios} on PostgreSQL, the production database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PostgresTest
class RegistrationRacePostgresTests extends RegistrationRaceScenarios {
}
