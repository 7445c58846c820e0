package org.broadsheet.comment;

import java.time.Clock;
import java.util.Objects;

import org.broadsheet.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's changes to their own comment: editing it within {@link CommentViews#EDIT_WINDOW} of posting, and
 * deleting it at any time. Both lock the comment, so that an edit, a deletion and a reply arriving together take
 * turns.
 */
@Service
@Transactional
public class CommentEditing {

    private final CommentRepository comments;
    private final CommentSupport support;
    private final CommentReports reports;
    private final Clock clock;

    CommentEditing(CommentRepository comments, CommentSupport support, CommentReports reports, Clock clock) {
        this.comments = comments;
        this.support = support;
        this.reports = reports;
        this.clock = clock;
    }

    /** Edits the reader's own comment within {@link CommentViews#EDIT_WINDOW} of posting it. */
    public void edit(long accountId, long commentId, String text) {
        Comment comment = comments.findLockedById(commentId).filter(c -> Objects.equals(c.getAuthorId(), accountId))
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        CommentRules.checkEditable(comment, clock.instant());
        String body = CommentRules.checkedText(text);
        if (body.equals(comment.getBody())) {
            return;
        }
        ModerationRules moderation = support.rules();
        ModerationRules.Screening screening = ModerationRules.Screening.PUBLISH;
        if (moderation != null) {
            moderation.checkMayPost(accountId);
            // An edit is not held again (its comment was already published), but it is checked for words.
            screening = moderation.screen(accountId, comment.getArticleId(), body, true);
        }
        comment.edit(body, clock.instant());
        if (comment.getStatus() == CommentStatus.VISIBLE) {
            reports.reportBySite(comment, screening.suspectWords());
        }
        support.changed(comment.getArticleId(), false);
    }

    /**
     * Deletes the reader's own comment: a comment with replies leaves a placeholder so the thread still reads;
     * one without disappears, and so does a placeholder left without replies.
     *
     * @return the id of the article it was under
     */
    public long delete(long accountId, long commentId) {
        // Locked like a reply's parent: a reply arriving now either lands first (a placeholder stays) or finds
        // the comment gone.
        Comment comment = comments.findLockedById(commentId).filter(c -> Objects.equals(c.getAuthorId(), accountId))
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        if (comment.getStatus() == CommentStatus.DELETED) {
            return comment.getArticleId();
        }
        if (comment.getStatus() == CommentStatus.VISIBLE) {
            // Only the article's count: a placeholder still holds its place among the thread's replies.
            support.countedOnArticle(comment, -1);
        }
        if (comments.existsByParentId(comment.getId())) {
            comment.leavePlaceholder();
        } else {
            remove(comment);
        }
        support.changed(comment.getArticleId(), true);
        return comment.getArticleId();
    }

    private void remove(Comment comment) {
        Long parentId = comment.getParentId();
        boolean countedReply = !comment.isTopLevel() && comment.getStatus() != CommentStatus.HELD
                && comment.getStatus() != CommentStatus.REJECTED;
        comments.delete(comment);
        comments.flush();
        if (countedReply) {
            comments.adjustReplyCount(comment.threadId(), -1);
        }
        if (parentId != null) {
            // Locked, so that the last two replies under a placeholder deleted together cannot both leave it.
            comments.findLockedById(parentId)
                    .filter(p -> p.getStatus() == CommentStatus.DELETED && !comments.existsByParentId(p.getId()))
                    .ifPresent(this::remove);
        }
    }
}
