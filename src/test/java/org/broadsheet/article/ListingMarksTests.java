package org.broadsheet.article;

import org.broadsheet.support.InstancesHeard;
import org.broadsheet.support.MutableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@link ListingMarksScenarios} on the default embedded database (H2). */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
@Import({ InstancesHeard.Config.class, MutableClock.Config.class })
class ListingMarksTests extends ListingMarksScenarios {
}
