package org.broadsheet.notification;

import org.broadsheet.comment.CommentEvents.CommentApproved;
import org.broadsheet.comment.CommentEvents.CommentRejected;
import org.broadsheet.moderation.ModerationEvents.ReviewDecided;
import org.broadsheet.moderation.ModerationEvents.SanctionImposed;
import org.broadsheet.notification.Notifier.Subject;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells readers what moderators decided about them: a comment removed (the reason is on the comment, shown to
 * them only), a held comment published, a review's outcome, a warning, suspension or ban. Through the event
 * publication registry like every notification, and always in the centre whatever the reader chose.
 */
@Component
class ModerationNotices {

    private final Notifier notifier;

    ModerationNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    @Async
    @TransactionalEventListener
    void on(CommentRejected event) {
        notifier.tell(event.authorId(), NotificationKind.MODERATION,
                new Subject(event.articleId(), event.commentId(), null),
                "rejected:" + event.commentId() + ":" + event.version(), "rejected");
    }

    @Async
    @TransactionalEventListener
    void on(CommentApproved event) {
        // A comment restored by a review is told by the review's outcome.
        if (event.wasHeld() && event.authorId() != null) {
            notifier.tell(event.authorId(), NotificationKind.MODERATION,
                    new Subject(event.articleId(), event.commentId(), null), "approved:" + event.commentId(),
                    "approved");
        }
    }

    @Async
    @TransactionalEventListener
    void on(ReviewDecided event) {
        notifier.tell(event.accountId(), NotificationKind.MODERATION,
                new Subject(event.articleId(), event.commentId(), null), "review:" + event.requestId(),
                event.approved() ? "review-approved" : "review-upheld");
    }

    @Async
    @TransactionalEventListener
    void on(SanctionImposed event) {
        notifier.tell(event.accountId(), NotificationKind.MODERATION, new Subject(null, null, null),
                "sanction:" + event.sanctionId(), event.kind());
    }
}
