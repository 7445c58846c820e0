package org.broadsheet.article;

import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * {@link CorrectionScenarios} on PostgreSQL, the production database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
@RecordApplicationEvents
class CorrectionServicePostgresTests extends CorrectionScenarios {
}
