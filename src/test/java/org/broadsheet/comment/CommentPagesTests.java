package org.broadsheet.comment;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link CommentPagesScenarios} on the default embedded database (H2).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CommentPagesTests extends CommentPagesScenarios {
}
