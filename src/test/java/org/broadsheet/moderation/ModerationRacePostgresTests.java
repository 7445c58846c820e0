package org.broadsheet.moderation;

import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link ModerationRaceScenarios} on PostgreSQL, the production database.
 */
@SpringBootTest
@PostgresTest
class ModerationRacePostgresTests extends ModerationRaceScenarios {
}
