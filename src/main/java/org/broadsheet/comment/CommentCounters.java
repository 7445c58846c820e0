package org.broadsheet.comment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.broadsheet.shared.AfterCommit;
import org.springframework.stereotype.Component;

/** Counts the comments posted ({@value #POSTED}, shown or held for moderation), once their transaction commits. */
@Component
class CommentCounters {

    static final String POSTED = "broadsheet.comments.posted";

    private final Counter posted;

    CommentCounters(MeterRegistry meters) {
        this.posted = Counter.builder(POSTED).description("Comments and replies posted").register(meters);
    }

    void posted() {
        AfterCommit.run(posted::increment);
    }
}
