package org.broadsheet.comment;

import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link CommentConcurrencyScenarios} on PostgreSQL, the production database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PostgresTest
class CommentConcurrencyPostgresTests extends CommentConcurrencyScenarios {
}
