package org.broadsheet.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.Views.CommentTarget;
import org.broadsheet.comment.CommentViews.Posted;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posting a comment or a reply: every rule in turn (comments open, the reader's sanctions, the parent still
 * there, the text, at most {@value #POSTS_PER_MINUTE} a minute, no repeat, the desk's words and holds), with the
 * account's row locked so that the limits hold under a burst, and a key that makes a resubmission harmless.
 */
@Service
@Transactional
public class CommentPosting {

    public static final int POSTS_PER_MINUTE = 5;

    private final CommentRepository comments;
    private final CommentSupport support;
    private final CommentReports reports;
    private final AccountService accounts;
    private final CommentCounters counters;
    private final Clock clock;

    CommentPosting(CommentRepository comments, CommentSupport support, CommentReports reports,
            AccountService accounts, CommentCounters counters, Clock clock) {
        this.comments = comments;
        this.support = support;
        this.reports = reports;
        this.accounts = accounts;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Posts a comment, or a reply when {@code parentId} is given. A second request with the same key returns the
     * comment the first one made.
     *
     * @throws CommentRejectedException when a rule refuses it; nothing is stored
     */
    public Posted post(long accountId, long articleId, Long parentId, String text, String key) {
        CommentTarget target = support.target(articleId);
        // One request per account at a time from here on, so that the limits below hold under a burst.
        Commenter author = accounts.lockForWriting(accountId);
        // Looked up as stored (at most 64 characters), so that a long key finds the comment it made.
        String storedKey = key == null || key.isBlank() ? null : key.substring(0, Math.min(64, key.length()));
        if (storedKey != null) {
            var earlier = comments.findByAuthorIdAndIdempotencyKey(accountId, storedKey);
            if (earlier.isPresent()) {
                return posted(earlier.get());
            }
        }
        if (!target.commentsOpen()) {
            throw new CommentRejectedException("comment.closed");
        }
        ModerationRules moderation = support.rules();
        if (moderation != null) {
            moderation.checkMayPost(accountId);
        }
        Comment parent = null;
        if (parentId != null) {
            // Locked, so that a reply and the parent's deletion arriving together take turns.
            parent = comments.findLockedById(parentId)
                    .filter(p -> p.getArticleId() == articleId && p.getStatus() == CommentStatus.VISIBLE)
                    .orElseThrow(() -> new CommentRejectedException("comment.parent.gone"));
        }
        String body = CommentRules.checkedText(text);
        Instant now = clock.instant();
        if (comments.countByAuthorIdAndCreatedAtAfter(accountId, now.minus(Duration.ofMinutes(1)))
                >= POSTS_PER_MINUTE) {
            throw new CommentRejectedException("comment.text.too-fast");
        }
        var last = comments.findFirstByAuthorIdOrderByCreatedAtDescIdDesc(accountId);
        if (last.isPresent() && last.get().getBody() != null && CommentRules.same(last.get().getBody(), body)) {
            throw new CommentRejectedException("comment.text.repeated");
        }
        ModerationRules.Screening screening = moderation == null ? ModerationRules.Screening.PUBLISH
                : moderation.screen(accountId, articleId, body, author.emailVerified());
        Comment comment = parent == null
                ? Comment.topLevel(articleId, accountId, body, CommentStatus.VISIBLE, now, storedKey)
                : Comment.reply(parent, accountId, body, CommentStatus.VISIBLE, now, storedKey);
        if (screening.hold() != null) {
            comment.hold(screening.hold());
        }
        store(comment);
        counters.posted();
        if (comment.getStatus() == CommentStatus.VISIBLE) {
            reports.reportBySite(comment, screening.suspectWords());
            support.announce(comment, parent == null ? null : parent.getAuthorId());
        }
        return posted(comment);
    }

    /** Saves a new comment, starting its thread if it is top-level, and counts it if readers can see it. */
    void store(Comment comment) {
        comments.saveAndFlush(comment);
        comment.startThreadIfTopLevel();
        if (comment.getStatus() == CommentStatus.VISIBLE) {
            support.counted(comment, 1);
        }
    }

    private static Posted posted(Comment c) {
        boolean held = c.getStatus() == CommentStatus.HELD;
        return new Posted(c.getId(), c.getArticleId(), held,
                held && c.getHeldReason() != null ? HoldReason.valueOf(c.getHeldReason()) : null);
    }
}
