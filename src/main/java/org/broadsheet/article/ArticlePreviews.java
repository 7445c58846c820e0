package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;

import org.broadsheet.article.Views.ArticlePage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Previews for the editorial desk: a saved article, drafts too, or the form's unsaved content, exactly as
 * readers would see it.
 */
@Service
@Transactional(readOnly = true)
public class ArticlePreviews {

    private final ArticleRepository articles;
    private final ArticleService reading;
    private final EditableArticles editable;
    private final DraftWriter writer;
    private final ArticlePublishing publishing;
    private final Clock clock;

    ArticlePreviews(ArticleRepository articles, ArticleService reading, EditableArticles editable, DraftWriter writer,
            ArticlePublishing publishing, Clock clock) {
        this.articles = articles;
        this.reading = reading;
        this.editable = editable;
        this.writer = writer;
        this.publishing = publishing;
        this.clock = clock;
    }

    /** The saved article, drafts too, exactly as readers would see it. */
    public ArticlePage preview(long id) {
        return reading.page(editable.find(id), clock.instant());
    }

    /**
     * The form's content as readers would see it if it were saved now, without saving anything: the article is
     * written and read back in a transaction that is then rolled back (so related articles, bylines and tags are
     * exactly as on the site). Nothing is announced and no revision is kept.
     */
    @Transactional
    public ArticlePage preview(Long id, ArticleDraft draft) {
        Instant now = clock.instant();
        Article article = id == null ? new Article("preview-" + Long.toString(now.toEpochMilli(), 36), now)
                : editable.find(id);
        writer.apply(article, draft);
        String slug = DraftWriter.slugFor(draft, now);
        if (articles.findBySlug(slug).filter(other -> !other.getId().equals(article.getId())).isEmpty()) {
            article.renameTo(slug);
        }
        publishing.publication(article, draft, now);
        Article written = articles.saveAndFlush(article);
        ArticlePage page = reading.page(written, now);
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return page;
    }
}
