package org.broadsheet.comment.web;

import java.time.Instant;
import java.util.List;

import org.broadsheet.article.ArticleDiscussion;
import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.comment.CommentHighlights;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentSort;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.comment.CommentViews.Discussion;
import org.broadsheet.pages.PageTags;
import org.broadsheet.shared.ContentChangedEvent;
import org.springframework.stereotype.Component;

/**
 * The conversation under an article, as the article page prints it ({@link ArticleDiscussion}): the first page of
 * threads, the same for every reader (their own parts are {@link CommentParts}), and the articles most discussed.
 */
@Component
class ArticleConversations implements ArticleDiscussion {

    private final CommentService comments;
    private final CommentHighlights highlights;

    ArticleConversations(CommentService comments, CommentHighlights highlights) {
        this.comments = comments;
        this.highlights = highlights;
    }

    @Override
    public Discussion firstPage(ArticlePage article, String sort) {
        CommentSort order;
        try {
            order = CommentSort.parse(sort);
        } catch (IllegalArgumentException e) {
            throw new UnknownOrderException(sort);
        }
        PageTags.add(ContentChangedEvent.conversation(article.id()));
        return comments.discussion(new ArticleRef(article.id(), article.url(), article.headline(),
                article.commentsOpen(), article.commentCount()), article.authorAccountIds(), order, 1);
    }

    @Override
    public List<Long> mostDiscussed(Instant since, int limit) {
        PageTags.add(ContentChangedEvent.MOST_DISCUSSED);
        return highlights.mostDiscussed(since, limit);
    }

    @Override
    public java.util.Map<Long, Pick> picks(java.util.Collection<Long> articleIds) {
        java.util.Map<Long, Pick> picks = new java.util.LinkedHashMap<>();
        highlights.picksFor(articleIds).forEach((article, pick) -> picks.put(article,
                new Pick(pick.authorName(), pick.excerpt(), pick.permalink())));
        return picks;
    }
}
