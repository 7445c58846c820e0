package org.broadsheet.shared;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The gauge {@value #PENDING}: the events of the publication registry whose listener has not completed (waiting,
 * running, or failed and waiting to be tried again), counted with one query on the indexed completion date when
 * the metrics are scraped. A number that keeps growing means a listener keeps failing.
 */
@Component
class PendingEvents implements MeterBinder {

    static final String PENDING = "broadsheet.events.pending";
    static final String QUERY = "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL";

    private final JdbcTemplate jdbc;

    PendingEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PENDING, this, PendingEvents::count)
                .description("Events of the publication registry not yet completed by their listener")
                .strongReference(true).register(registry);
    }

    double count() {
        Long count = jdbc.queryForObject(QUERY, Long.class);
        return count == null ? 0 : count;
    }
}
