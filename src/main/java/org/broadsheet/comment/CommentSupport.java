package org.broadsheet.comment;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Views.CommentTarget;
import org.broadsheet.comment.CommentEvents.CommentPosted;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the comments' use cases share: the article a conversation is under, what changes when readers come to see
 * a comment or no longer do (the counts, by one atomic statement each, and the pages and listeners that hear of
 * it), and the moderation desk's rules when that module is there.
 */
@Component
class CommentSupport {

    private final CommentRepository comments;
    private final ArticleService articles;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ModerationRules> rules;

    CommentSupport(CommentRepository comments, ArticleService articles, ApplicationEventPublisher events,
            ObjectProvider<ModerationRules> rules) {
        this.comments = comments;
        this.articles = articles;
        this.events = events;
        this.rules = rules;
    }

    /** The visible article with this id, or 404. */
    CommentTarget target(long articleId) {
        return articles.commentTarget(articleId).orElseThrow(() -> new NotFoundException("article " + articleId));
    }

    static ArticleRef ref(CommentTarget target) {
        return new ArticleRef(target.id(), target.url(), target.headline(), target.commentsOpen(),
                target.commentCount());
    }

    /** The desk's rules, or null where the moderation module is not part of the application (slice tests). */
    ModerationRules rules() {
        return rules.getIfAvailable();
    }

    /** The comment joins ({@code +1}) or leaves ({@code -1}) its article's count and its thread's replies. */
    void counted(Comment comment, int delta) {
        articles.adjustCommentCount(comment.getArticleId(), delta);
        if (!comment.isTopLevel()) {
            comments.adjustReplyCount(comment.threadId(), delta);
        }
    }

    /** The comment joins or leaves its article's count only (a placeholder keeps its place among replies). */
    void countedOnArticle(Comment comment, int delta) {
        articles.adjustCommentCount(comment.getArticleId(), delta);
    }

    /** Tells whoever listens that a comment became visible, and that the pages under it changed. */
    void announce(Comment comment, Long parentAuthorId) {
        events.publishEvent(new CommentPosted(comment.getId(), comment.getArticleId(), comment.getAuthorId(),
                comment.getParentId(), parentAuthorId));
        changed(comment.getArticleId(), true);
    }

    /** The pages that show the article's conversation changed; with its count, so did its cards. */
    void changed(long articleId, boolean countChanged) {
        events.publishEvent(ContentChangedEvent.ofConversation(articleId, countChanged));
    }

    void publish(Object event) {
        events.publishEvent(event);
    }
}
