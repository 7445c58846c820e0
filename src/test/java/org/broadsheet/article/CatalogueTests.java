package org.broadsheet.article;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link CatalogueScenarios} on the default embedded database (H2). Shares its context with
 * {@link ArticlePagesTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CatalogueTests extends CatalogueScenarios {
}
