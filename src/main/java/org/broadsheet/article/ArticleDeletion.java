package org.broadsheet.article;

import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting an article from the editorial desk, with its comments and its revisions; the audit log keeps a line
 * of it.
 */
@Service
public class ArticleDeletion {

    private final ArticleRepository articles;
    private final EditableArticles editable;
    private final ApplicationEventPublisher events;

    ArticleDeletion(ArticleRepository articles, EditableArticles editable, ApplicationEventPublisher events) {
        this.articles = articles;
        this.editable = editable;
        this.events = events;
    }

    /** Deletes the article, its comments and its revisions; the audit log keeps a line of it. */
    @Transactional
    public void delete(long id, String editor) {
        Article article = editable.find(id);
        events.publishEvent(new AuditEvent(editor, "article.deleted", article.getHeadline(), null));
        articles.delete(article);
        articles.flush();
        events.publishEvent(ContentChangedEvent.ofArticle(id, true));
    }
}
