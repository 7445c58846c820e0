package org.broadsheet.search;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The search scenarios on H2, with the portable weighted word match. The database is this class's own, and
 * the profile is not {@code demo}, so no demo articles are loaded.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
        properties = "spring.datasource.url=jdbc:h2:mem:search-service-tests;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
@ActiveProfiles("search-test")
class SearchServiceTests extends SearchServiceScenarios {

    @Override
    Class<? extends SearchStrategy> expectedStrategy() {
        return PortableSearch.class;
    }
}
