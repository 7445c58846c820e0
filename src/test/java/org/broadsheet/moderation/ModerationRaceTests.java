package org.broadsheet.moderation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link ModerationRaceScenarios} on the default embedded database (H2).
 */
@SpringBootTest
@ActiveProfiles("test")
class ModerationRaceTests extends ModerationRaceScenarios {
}
