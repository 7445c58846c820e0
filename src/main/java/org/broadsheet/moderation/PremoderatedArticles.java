package org.broadsheet.moderation;

import java.time.Clock;
import java.time.ZoneOffset;

import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles whose every comment waits for a moderator, switched on the desk or in the moderator's tools on the
 * article page. The article's comments section says so, so its pages are refreshed when it changes.
 */
@Service
@Transactional
public class PremoderatedArticles {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PremoderatedArticles(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean premoderated(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM premoderated_article WHERE article_id = :a").param("a", articleId)
                .query(Long.class).single() > 0;
    }

    /** The ids of the pre-moderated articles, most recently switched first. */
    @Transactional(readOnly = true)
    public java.util.List<Long> ids() {
        return jdbc.sql("SELECT article_id FROM premoderated_article ORDER BY since DESC, article_id")
                .query(Long.class).list();
    }

    public void set(long articleId, String headline, boolean on, String moderator) {
        int changed = on ? jdbc.sql("""
                INSERT INTO premoderated_article (article_id, since, set_by) SELECT :a, :at, :by
                WHERE NOT EXISTS (SELECT 1 FROM premoderated_article WHERE article_id = :a)""")
                .param("a", articleId).param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("by", moderator)
                .update()
                : jdbc.sql("DELETE FROM premoderated_article WHERE article_id = :a").param("a", articleId).update();
        if (changed > 0) {
            events.publishEvent(new AuditEvent(moderator, on ? "article.premoderated" : "article.postmoderated",
                    headline, null));
            events.publishEvent(ContentChangedEvent.ofConversation(articleId, false));
        }
    }
}
