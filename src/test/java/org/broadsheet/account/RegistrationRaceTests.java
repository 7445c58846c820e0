package org.broadsheet.account;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link RegistrationRaceScenarios} on the default embedded database (H2).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegistrationRaceTests extends RegistrationRaceScenarios {
}
