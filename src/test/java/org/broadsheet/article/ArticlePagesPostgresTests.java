package org.broadsheet.article;

import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * {@link ArticlePagesScenarios} on PostgreSQL, the production database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
class ArticlePagesPostgresTests extends ArticlePagesScenarios {
}
