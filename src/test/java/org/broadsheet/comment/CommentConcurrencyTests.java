package org.broadsheet.comment;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link CommentConcurrencyScenarios} on the default embedded database (H2).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CommentConcurrencyTests extends CommentConcurrencyScenarios {
}
