package org.broadsheet.comment;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.broadsheet.account.AccountEvents.AccountDeleted;
import org.broadsheet.account.AccountEvents.EmailVerified;
import org.broadsheet.account.PersonalDataContributor;
import org.broadsheet.account.ProfileComments;
import org.broadsheet.article.ArticleDiscussion;
import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.shared.PagedResult;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where the comments show up in other modules' pages and hear their events: the conversation under an article,
 * most discussed articles, a reader's profile and data export, deleted accounts and verified addresses.
 */
@Component
class CommentsElsewhere implements ArticleDiscussion, ProfileComments, PersonalDataContributor {

    private final CommentService comments;

    CommentsElsewhere(CommentService comments) {
        this.comments = comments;
    }

    @Override
    public Object firstPage(ArticlePage article, String sort, Principal viewer) {
        CommentSort order = CommentSort.parse(sort);
        Long viewerId = SignedInReader.accountId(viewer);
        return comments.discussion(new ArticleRef(article.id(), article.url(), article.headline(),
                article.commentsOpen(), article.commentCount()), article.authorAccountIds(), order, 1, viewerId)
                .withText(viewerId == null ? null : SignedInReader.takePendingComment(article.url()));
    }

    @Override
    public List<Long> mostDiscussed(Instant since, int limit) {
        return comments.mostDiscussed(since, limit);
    }

    @Override
    public PagedResult<RecentComment> recent(long accountId, int page, int size) {
        return comments.byAuthor(accountId, page, size).map(c -> new RecentComment(c.articleHeadline(),
                c.articleUrl(), c.permalink(), c.html(), c.posted()));
    }

    @Override
    public String name() {
        return "comments";
    }

    @Override
    public Object dataFor(long accountId) {
        return comments.exportFor(accountId);
    }

    @EventListener
    void onAccountDeleted(AccountDeleted event) {
        comments.forgetAuthor(event.accountId());
    }

    @EventListener
    void onEmailVerified(EmailVerified event) {
        comments.releaseHeld(event.accountId());
    }
}
