package org.broadsheet.comment;


import org.broadsheet.account.AccountEvents.AccountDeleted;
import org.broadsheet.account.AccountEvents.EmailVerified;
import org.broadsheet.account.PersonalDataContributor;
import org.broadsheet.account.ProfileComments;
import org.broadsheet.shared.PagedResult;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Where the comments show up in other modules' pages and hear their events: a reader's profile and data export,
 * deleted accounts and verified addresses. (The conversation under an article is comment.web's
 * ArticleConversations.)
 */
@Component
class CommentsElsewhere implements ProfileComments, PersonalDataContributor {

    private final AuthorComments comments;

    CommentsElsewhere(AuthorComments comments) {
        this.comments = comments;
    }

    @Override
    public PagedResult<RecentComment> recent(long accountId, int page, int size) {
        return comments.visibleBy(accountId, page, size).map(c -> new RecentComment(c.articleHeadline(),
                c.articleUrl(), c.permalink(), c.html(), c.posted()));
    }

    @Override
    public String name() {
        return "comments";
    }

    @Override
    public Object dataFor(long accountId) {
        return comments.export(accountId);
    }

    @EventListener
    void onAccountDeleted(AccountDeleted event) {
        comments.forget(event.accountId());
    }

    /** Durable: held comments are shown even if the site stops right after the address is confirmed. */
    @ApplicationModuleListener
    void onEmailVerified(EmailVerified event) {
        comments.releaseHeld(event.accountId());
    }
}
