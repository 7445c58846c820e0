package org.broadsheet.article;

import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * {@link CatalogueScenarios} on PostgreSQL, the production database, which words a unique-constraint
 * violation its own way and makes a racing insert wait for the other transaction.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
class CataloguePostgresTests extends CatalogueScenarios {
}
