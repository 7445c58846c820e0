package org.broadsheet.shared;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link OtherInstances} of every {@link ContentChangedEvent} once its transaction commits, so that
 * their caches (pages, pages of threads) drop what this change made stale, as this instance's do.
 */
@Component
class ContentChangesElsewhere {

    private final OtherInstances others;

    ContentChangesElsewhere(OtherInstances others) {
        this.others = others;
    }

    @EventListener
    void on(ContentChangedEvent event) {
        AfterCommit.run(() -> others.tell(ContentChangedEvent.TOPIC, event.message()));
    }
}
