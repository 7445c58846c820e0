package org.broadsheet.comment;

import java.time.Clock;
import java.time.Instant;

import org.broadsheet.comment.CommentEvents.CommentApproved;
import org.broadsheet.comment.CommentEvents.CommentRejected;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators' decisions on one comment: approve (publish a held comment, keep a reported one, restore a rejected
 * one), reject with a reason, and pick or unpick as an editors' pick. Each locks the comment and checks the
 * version the moderator was shown, so two moderators deciding at once give one decision and a clear refusal to
 * the other; each writes its line in the audit log and its row of decisions in the same transaction, closes the
 * comment's open reports, and changes the article's count exactly when what readers can see changes.
 */
@Service
@Transactional
public class CommentDecisions {

    private final CommentRepository comments;
    private final CommentSupport support;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentDecisions(CommentRepository comments, CommentSupport support, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.comments = comments;
        this.support = support;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Approves the comment as shown at {@code version}.
     *
     * @throws DecisionConflictException when another decision came first
     */
    public void approve(long commentId, int version, String moderator) {
        Comment comment = decidable(commentId, version);
        CommentStatus before = comment.getStatus();
        Instant now = clock.instant();
        comment.approve(moderator, now);
        if (before != CommentStatus.VISIBLE) {
            comments.flush();
            support.counted(comment, 1);
        }
        record(comment, "APPROVED", null, null, moderator, now);
        events.publishEvent(new AuditEvent(moderator, "comment.approved", "comment " + commentId,
                before == CommentStatus.VISIBLE ? "kept after reports" : "was " + before.name().toLowerCase()));
        if (before != CommentStatus.VISIBLE) {
            events.publishEvent(new CommentApproved(commentId, comment.getArticleId(), comment.getAuthorId(),
                    before == CommentStatus.HELD));
            if (before == CommentStatus.HELD && comment.getAuthorId() != null) {
                Long parentAuthor = comment.getParentId() == null ? null
                        : comments.findById(comment.getParentId()).map(Comment::getAuthorId).orElse(null);
                events.publishEvent(new CommentEvents.CommentPosted(commentId, comment.getArticleId(),
                        comment.getAuthorId(), comment.getParentId(), parentAuthor));
            }
        }
        events.publishEvent(ContentChangedEvent.ofConversation(comment.getArticleId(), before != CommentStatus.VISIBLE));
    }

    /**
     * Rejects the comment as shown at {@code version}: others see a placeholder, its author the text and why.
     *
     * @throws DecisionConflictException when another decision came first
     */
    public void reject(long commentId, int version, RejectReason reason, String note, String moderator) {
        Comment comment = decidable(commentId, version);
        CommentStatus before = comment.getStatus();
        if (before == CommentStatus.REJECTED) {
            throw new DecisionConflictException(comment.getDecidedBy(), "rejected", comment.getModerationVersion());
        }
        String cleanNote = note == null || note.isBlank() ? null : CommentText.normalise(note);
        if (cleanNote != null && cleanNote.length() > 500) {
            cleanNote = cleanNote.substring(0, 500);
        }
        Instant now = clock.instant();
        comment.reject(reason, cleanNote, moderator, now);
        if (before == CommentStatus.VISIBLE) {
            comments.flush();
            support.counted(comment, -1);
        }
        record(comment, "REJECTED", reason.name(), cleanNote, moderator, now);
        events.publishEvent(new AuditEvent(moderator, "comment.rejected", "comment " + commentId,
                reason.name() + (cleanNote == null ? "" : ": " + cleanNote)));
        if (comment.getAuthorId() != null) {
            events.publishEvent(new CommentRejected(commentId, comment.getArticleId(), comment.getAuthorId(),
                    reason.key(), comment.getModerationVersion()));
        }
        events.publishEvent(ContentChangedEvent.ofConversation(comment.getArticleId(), before == CommentStatus.VISIBLE));
    }

    /** Marks a published comment as an editors' pick, or takes the mark away. */
    public void pick(long commentId, boolean picked, String moderator) {
        Comment comment = comments.findLockedById(commentId).filter(c -> c.getStatus() == CommentStatus.VISIBLE)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        if (picked == (comment.getPickedAt() != null)) {
            return;
        }
        if (picked) {
            comment.pick(clock.instant());
        } else {
            comment.unpick();
        }
        events.publishEvent(new AuditEvent(moderator, picked ? "comment.picked" : "comment.unpicked",
                "comment " + commentId, null));
        events.publishEvent(ContentChangedEvent.ofConversation(comment.getArticleId(), true));
    }

    private Comment decidable(long commentId, int version) {
        Comment comment = comments.findLockedById(commentId)
                .filter(c -> c.getStatus() != CommentStatus.DELETED && c.getAuthorId() != null)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        if (comment.getModerationVersion() != version) {
            throw new DecisionConflictException(comment.getDecidedBy(),
                    comment.getStatus() == CommentStatus.REJECTED ? "rejected" : "approved",
                    comment.getModerationVersion());
        }
        return comment;
    }

    private void record(Comment comment, String decision, String reason, String note, String moderator,
            Instant now) {
        jdbc.sql("""
                INSERT INTO comment_decision (comment_id, author_id, decision, reason, note, moderator, decided_at)
                VALUES (:comment, :author, :decision, :reason, :note, :moderator, :at)""")
                .param("comment", comment.getId()).param("author", comment.getAuthorId())
                .param("decision", decision).param("reason", reason).param("note", note)
                .param("moderator", moderator).param("at", now.atOffset(java.time.ZoneOffset.UTC)).update();
        jdbc.sql("UPDATE comment_report SET resolved_at = :at WHERE comment_id = :comment AND resolved_at IS NULL")
                .param("at", now.atOffset(java.time.ZoneOffset.UTC)).param("comment", comment.getId()).update();
    }
}
