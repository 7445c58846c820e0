package org.broadsheet.comment;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/** The review's cases on H2; the context is the one {@code RegistrationFlowTests} uses. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CommentRacesTests extends CommentRacesScenarios {
}
