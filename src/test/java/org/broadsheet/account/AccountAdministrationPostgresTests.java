package org.broadsheet.account;

import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * {@link AccountAdministrationScenarios} on PostgreSQL, the production database: its row locks and its LIKE.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
class AccountAdministrationPostgresTests extends AccountAdministrationScenarios {
}
