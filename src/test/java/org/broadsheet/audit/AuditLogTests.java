package org.broadsheet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;

import org.broadsheet.audit.AuditLog.AuditRecord;
import org.broadsheet.shared.AuditEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log against the database: events become lines in the publisher's transaction, and the log reads
 * newest first, filtered. Shares its context (and database) with other tests, so each test acts as people of its
 * own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditLogTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditLog log;

    private String actor;

    @BeforeEach
    void actor() {
        actor = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<AuditRecord> linesBy(String who) {
        return log.page(who, null, 1).entries().items();
    }

    @Test
    void shouldRecordAnEventInThePublishersTransactionAndReadItNewestFirst() {
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new AuditEvent(actor, "article.published", "Bridge reopens", null));
            events.publishEvent(new AuditEvent(actor, "article.unpublished", "Bridge reopens", "a mistake"));
        });

        assertThat(linesBy(actor)).extracting(AuditRecord::action, AuditRecord::target, AuditRecord::detail)
                .containsExactly(tuple("article.unpublished", "Bridge reopens", "a mistake"),
                        tuple("article.published", "Bridge reopens", null));
        assertThat(linesBy(actor).get(0).when().iso()).isNotBlank();
    }

    @Test
    void shouldRecordNothingWhenThePublishersTransactionRollsBack() {
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new AuditEvent(actor, "article.deleted", "Gone", null));
            assertThat(linesBy(actor)).as("visible inside the transaction").hasSize(1);
            status.setRollbackOnly();
        });

        assertThat(linesBy(actor)).isEmpty();
    }

    @Test
    void shouldFilterByActorAndActionAndListBoth() {
        String other = actor + "-other";
        events.publishEvent(new AuditEvent(actor, "article.published", "One", null));
        events.publishEvent(new AuditEvent(actor, "article.deleted", "Two", null));
        events.publishEvent(new AuditEvent(other, "article.published", "Three", null));

        assertThat(log.page(actor, "article.published", 1).entries().items()).extracting(AuditRecord::target)
                .containsExactly("One");
        assertThat(log.page(other, null, 1).entries().items()).extracting(AuditRecord::target)
                .containsExactly("Three");
        assertThat(log.page(null, null, 1).actors()).contains(actor, other).isSorted();
        assertThat(log.page(null, null, 1).actions()).contains("article.published", "article.deleted");
    }

    @Test
    void shouldPageFiftyLinesAtATime() {
        for (int i = 1; i <= 51; i++) {
            events.publishEvent(new AuditEvent(actor, "article.published", "Article " + i, null));
        }
        var first = log.page(actor, null, 1).entries();
        var second = log.page(actor, null, 2).entries();

        assertThat(first.total()).isEqualTo(51);
        assertThat(first.items()).hasSize(50);
        assertThat(first.items().get(0).target()).isEqualTo("Article 51");
        assertThat(second.items()).extracting(AuditRecord::target).containsExactly("Article 1");
    }

    @Test
    void shouldCutTooLongValuesRatherThanFailTheChange() {
        // The cut falls inside the emoji, which takes two chars: it goes whole.
        String headline = "A".repeat(298) + "\uD83D\uDE00 and more";
        events.publishEvent(new AuditEvent(actor, "article.published", headline, "d".repeat(2000)));

        AuditRecord line = linesBy(actor).get(0);
        assertThat(line.target()).isEqualTo("A".repeat(298) + "…");
        assertThat(line.detail()).hasSize(1000).endsWith("…");
    }
}
