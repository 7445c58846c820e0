package org.broadsheet.comment;

import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * {@link CommentPagesScenarios} on PostgreSQL, the production database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
class CommentPagesPostgresTests extends CommentPagesScenarios {
}
