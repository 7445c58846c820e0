package org.broadsheet.support;


import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits until every durable event published so far has been heard (the registry deletes a publication once its
 * listener has run; one whose listener failed stays, marked failed, and is not waited for), for tests that count
 * statements or read what a listener makes.
 */
public final class DurableEventsSettled {

    private DurableEventsSettled() {
    }

    public static void await(JdbcTemplate jdbc) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL "
                        + "AND (status IS NULL OR status <> 'FAILED')", Long.class) == 0);
    }
}
