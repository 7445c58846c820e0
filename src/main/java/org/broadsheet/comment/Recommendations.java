package org.broadsheet.comment;

import java.time.Clock;
import java.util.Objects;

import org.broadsheet.comment.CommentEvents.RecommendationChanged;
import org.broadsheet.comment.CommentViews.Recommendation;
import org.broadsheet.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Readers' recommendations of comments: one per reader and comment, never one's own, no down-votes. */
@Service
@Transactional
public class Recommendations {

    private final CommentRepository comments;
    private final CommentSupport support;
    private final Clock clock;

    Recommendations(CommentRepository comments, CommentSupport support, Clock clock) {
        this.comments = comments;
        this.support = support;
        this.clock = clock;
    }

    /**
     * Recommends the comment, or withdraws the reader's recommendation.
     *
     * @throws CommentRejectedException for one's own comment, or when a suspension forbids it
     */
    public Recommendation toggle(long accountId, long commentId) {
        // Locking the comment makes two clicks arriving together take turns.
        Comment comment = comments.findLockedById(commentId)
                .filter(c -> c.getStatus() == CommentStatus.VISIBLE)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        support.target(comment.getArticleId());
        if (Objects.equals(comment.getAuthorId(), accountId)) {
            throw new CommentRejectedException("comment.recommend.own");
        }
        ModerationRules moderation = support.rules();
        if (moderation != null) {
            moderation.checkMayReact(accountId);
        }
        boolean recommended;
        if (comments.unrecommend(commentId, accountId) > 0) {
            comments.adjustRecommendCount(commentId, -1);
            recommended = false;
        } else {
            comments.recommend(commentId, accountId, clock.instant());
            comments.adjustRecommendCount(commentId, 1);
            recommended = true;
        }
        support.publish(new RecommendationChanged(commentId, comment.getArticleId(), accountId,
                comment.getAuthorId(), recommended));
        // Not a change of the whole site's pages: anonymous pages may show the old count for a little while,
        // but signed-in readers of this article see it at once.
        support.changed(comment.getArticleId(), false);
        return new Recommendation(recommended, comments.recommendCount(commentId));
    }
}
