package org.broadsheet.article;

import org.broadsheet.support.InstancesHeard;
import org.broadsheet.support.MutableClock;
import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/** {@link ListingMarksScenarios} on PostgreSQL, the production database. */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@PostgresTest
@Import({ InstancesHeard.Config.class, MutableClock.Config.class })
class ListingMarksPostgresTests extends ListingMarksScenarios {
}
