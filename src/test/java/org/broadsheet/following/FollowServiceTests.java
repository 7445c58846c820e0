package org.broadsheet.following;

import org.broadsheet.support.MutableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The scenarios of {@link FollowServiceScenarios} on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class FollowServiceTests extends FollowServiceScenarios {
}
