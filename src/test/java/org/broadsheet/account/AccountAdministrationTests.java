package org.broadsheet.account;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link AccountAdministrationScenarios} on the default embedded database (H2), in a context of its own (the
 * property), so that its database holds only the accounts these tests make.
 */
@SpringBootTest(properties = "broadsheet.test.database=account-administration")
@ActiveProfiles("test")
class AccountAdministrationTests extends AccountAdministrationScenarios {
}
