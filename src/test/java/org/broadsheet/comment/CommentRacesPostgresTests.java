package org.broadsheet.comment;

import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The review's cases on PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
class CommentRacesPostgresTests extends CommentRacesScenarios {
}
