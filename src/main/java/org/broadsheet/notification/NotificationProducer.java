package org.broadsheet.notification;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.CorrectionAdded;
import org.broadsheet.article.CorrectionKind;
import org.broadsheet.comment.CommentEvents.CommentPosted;
import org.broadsheet.comment.CommentEvents.RecommendationChanged;
import org.broadsheet.comment.ReaderActivity;
import org.broadsheet.comment.ReaderActivity.CommentFacts;
import org.broadsheet.following.FollowService;
import org.broadsheet.notification.Notifier.Subject;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes notifications from the domain events, after their commit, through the event publication registry: a
 * listener that fails is run again later (also after a restart), and {@link Notifier} makes that harmless. The
 * listeners hold no transaction of their own: each reader is told in a short one ({@link Notifier#tell}), so that
 * a comment with thousands of followers never holds a connection, or locks, for all of them at once. Each
 * reader is told of one comment once, by its most particular kind (a reply to them before a staff reply in their
 * thread, before a comment of a reader they follow, before a new comment on a story they follow). Nobody is told
 * of what they did themselves or of what a reader they ignore did. An editor's note under an article tells its
 * commenters and followers: an update note as the article updated, a correction or clarification as such.
 */
@Component
class NotificationProducer {

    private final Notifier notifier;
    private final ReaderActivity activity;
    private final FollowService follows;
    private final AccountService accounts;

    NotificationProducer(Notifier notifier, ReaderActivity activity, FollowService follows,
            AccountService accounts) {
        this.notifier = notifier;
        this.activity = activity;
        this.follows = follows;
        this.accounts = accounts;
    }

    @Async
    @TransactionalEventListener
    void on(CommentPosted event) {
        CommentFacts comment = activity.facts(event.commentId()).filter(CommentFacts::visible).orElse(null);
        if (comment == null || comment.authorId() == null) {
            return; // deleted, or its author is gone, before we heard of it
        }
        long author = comment.authorId();
        // Who follows first, who ignores the author last: a reader who ignored the author before following them
        // or the story is then always seen ignoring (read the other way round, the ignore could be missed).
        List<Long> participants = comment.parentId() != null && staff(author)
                ? List.copyOf(activity.threadParticipants(comment.threadId())) : List.of();
        List<Long> followers = List.copyOf(follows.followersOf(author));
        List<Long> storyFollowers = List.copyOf(follows.storyFollowers(comment.articleId()));
        Set<Long> told = new HashSet<>(activity.readersIgnoring(author));
        told.add(author);
        Subject subject = new Subject(comment.articleId(), comment.id(), author);
        String source = "comment:" + comment.id();
        if (comment.parentAuthorId() != null && told.add(comment.parentAuthorId())) {
            notifier.tell(comment.parentAuthorId(), NotificationKind.REPLY, subject, source);
        }
        tellAll(participants, told, NotificationKind.STAFF_REPLY, subject, source);
        tellAll(followers, told, NotificationKind.FOLLOWED_COMMENT, subject, source);
        tellAll(storyFollowers, told, NotificationKind.STORY_COMMENTS, subject, source);
    }

    @Async
    @TransactionalEventListener
    void on(RecommendationChanged event) {
        if (!event.recommended() || event.authorId() == null || event.authorId() == event.accountId()
                || activity.readersIgnoring(event.accountId()).contains(event.authorId())) {
            return;
        }
        notifier.tell(event.authorId(), NotificationKind.RECOMMENDED,
                new Subject(event.articleId(), event.commentId(), event.accountId()),
                "recommendation:" + event.commentId() + ":" + event.accountId());
    }

    @Async
    @TransactionalEventListener
    void on(CorrectionAdded event) {
        Set<Long> readers = new HashSet<>(activity.commentersOn(event.articleId()));
        readers.addAll(follows.storyFollowers(event.articleId()));
        Subject subject = new Subject(event.articleId(), null, null);
        NotificationKind kind = event.kind() == CorrectionKind.UPDATE ? NotificationKind.ARTICLE_UPDATED
                : NotificationKind.CORRECTION;
        for (long reader : readers) {
            notifier.tell(reader, kind, subject, "correction:" + event.correctionId());
        }
    }

    private void tellAll(Iterable<Long> readers, Set<Long> told, NotificationKind kind, Subject subject,
            String source) {
        for (long reader : readers) {
            if (told.add(reader)) {
                notifier.tell(reader, kind, subject, source);
            }
        }
    }

    private boolean staff(long accountId) {
        Commenter author = accounts.commenters(List.of(accountId)).get(accountId);
        return author != null && author.staff();
    }
}
