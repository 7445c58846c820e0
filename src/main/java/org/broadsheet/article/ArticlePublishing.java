package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.SiteProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing, scheduling and unpublishing: the form's choice applied to the article, the change announced in the
 * audit log, and the scheduled articles published when their time comes ({@link ScheduledPublishing}).
 */
@Service
class ArticlePublishing {

    private final ArticleRepository articles;
    private final Datelines datelines;
    private final SiteProperties site;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ArticlePublishing(ArticleRepository articles, Datelines datelines, SiteProperties site, Clock clock,
            ApplicationEventPublisher events) {
        this.articles = articles;
        this.datelines = datelines;
        this.site = site;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Publishes every scheduled article whose time has come. Each is switched by one conditional UPDATE, so when
     * several instances run this at once, each article is published, and announced, by exactly one of them.
     *
     * @return how many articles this call published
     */
    @Transactional
    public int publishDue() {
        Instant now = clock.instant();
        int published = 0;
        for (Article due : articles.findDue(now)) {
            if (articles.markPublished(due.getId(), now) == 1) {
                published++;
                events.publishEvent(ContentChangedEvent.ofArticle(due.getId(), true));
                events.publishEvent(new AuditEvent(null, "article.published", due.getHeadline(),
                        "scheduled for " + datelines.of(due.getPublishedAt()).display()));
            }
        }
        return published;
    }

    /**
     * Applies the form's publication choice to the article, in the caller's transaction: a draft, published now
     * (unless it already is), or at a time in the site's time zone (scheduled if it is still to come).
     *
     * @throws EditRefusedException when a time is wanted and none given
     */
    void publication(Article article, ArticleDraft draft, Instant now) {
        switch (draft.publication()) {
            case DRAFT -> {
                if (article.getStatus() != ArticleStatus.DRAFT) {
                    article.unpublish();
                }
            }
            case NOW -> {
                if (article.getStatus() != ArticleStatus.PUBLISHED) {
                    article.publish(now, now);
                }
            }
            case AT -> {
                if (draft.publishAt() == null) {
                    throw new EditRefusedException("publishDate", "editor.publish.when");
                }
                Instant current = article.getPublishedAt();
                Instant at;
                if (current != null && LocalDateTime.ofInstant(current, site.zone()).truncatedTo(ChronoUnit.MINUTES)
                        .equals(draft.publishAt())) {
                    // The form shows minutes in local time: the same minute keeps the exact time the article has,
                    // even in the hour that repeats when the clocks go back.
                    at = current;
                } else {
                    at = ZonedDateTime.of(draft.publishAt(), site.zone()).toInstant();
                }
                article.publish(at, now);
            }
            default -> throw new IllegalArgumentException("publication " + draft.publication());
        }
    }

    /**
     * Records a saved article's publishing, scheduling or unpublishing in the audit log, and tells the pages it
     * changed (its listings too when where it is listed changed).
     */
    void announce(Article article, ArticleStatus before, Article.Listing listedBefore, String editor) {
        ArticleStatus after = article.getStatus();
        String action = null;
        if (after != before) {
            action = switch (after) {
                case PUBLISHED -> "article.published";
                case SCHEDULED -> "article.scheduled";
                case DRAFT -> before == null ? null : "article.unpublished";
            };
        }
        if (action != null) {
            String detail = after == ArticleStatus.DRAFT ? null : datelines.of(article.getPublishedAt()).display();
            events.publishEvent(new AuditEvent(editor, action, article.getHeadline(), detail));
        }
        events.publishEvent(listedBefore.changeTo(article.getId(), article.listing()));
    }
}
