package org.broadsheet.article;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * {@link CorrectionScenarios} on the default embedded database (H2); shares its context with
 * {@link ArticlePagesTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
class CorrectionServiceTests extends CorrectionScenarios {
}
