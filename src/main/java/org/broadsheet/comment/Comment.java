package org.broadsheet.comment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A comment or reply. It refers to its article, author, parent and thread by id: threads are read with a query
 * and assembled in memory, never walked through entity associations. The counters are changed only by atomic
 * UPDATE statements in {@link CommentRepository}, so a save never writes a stale count back.
 */
@Entity
class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long articleId;

    private Long authorId;

    private Long parentId;

    private Long rootId;

    private int depth;

    @Enumerated(EnumType.STRING)
    private CommentStatus status;

    private String body;

    private String bodyHtml;

    private Instant createdAt;

    private Instant editedAt;

    @Column(insertable = false, updatable = false)
    private int replyCount;

    @Column(insertable = false, updatable = false)
    private int recommendCount;

    private String idempotencyKey;

    private String heldReason;

    private int moderationVersion;

    private String rejectReason;

    private String rejectNote;

    private String decidedBy;

    private Instant decidedAt;

    private Instant pickedAt;

    protected Comment() {
    }

    private Comment(long articleId, long authorId, Comment parent, String body, CommentStatus status,
            Instant createdAt, String idempotencyKey) {
        this.articleId = articleId;
        this.authorId = authorId;
        this.parentId = parent == null ? null : parent.id;
        this.rootId = parent == null ? null : parent.threadId();
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.status = status;
        this.body = body;
        this.bodyHtml = CommentText.toHtml(body);
        this.createdAt = createdAt;
        this.idempotencyKey = idempotencyKey;
    }

    static Comment topLevel(long articleId, long authorId, String body, CommentStatus status, Instant now,
            String key) {
        return new Comment(articleId, authorId, null, body, status, now, key);
    }

    static Comment reply(Comment parent, long authorId, String body, CommentStatus status, Instant now,
            String key) {
        return new Comment(parent.articleId, authorId, parent, body, status, now, key);
    }

    /** A top-level comment is its own thread; its id is known only once saved. */
    void startThreadIfTopLevel() {
        if (rootId == null) {
            rootId = id;
        }
    }

    void edit(String newBody, Instant now) {
        this.body = newBody;
        this.bodyHtml = CommentText.toHtml(newBody);
        this.editedAt = now;
    }

    /** Keeps the comment's place in its thread without its text. */
    void leavePlaceholder() {
        this.status = CommentStatus.DELETED;
        this.body = null;
        this.bodyHtml = null;
    }

    void show() {
        this.status = CommentStatus.VISIBLE;
        this.heldReason = null;
    }

    /** Held for a moderator; {@code reason} says which rule held it. */
    void hold(HoldReason reason) {
        this.status = CommentStatus.HELD;
        this.heldReason = reason.name();
    }

    /** A moderator's approval: published if it was held or rejected, kept if it was reported. */
    void approve(String moderator, Instant now) {
        decided(moderator, now);
        this.status = CommentStatus.VISIBLE;
        this.heldReason = null;
        this.rejectReason = null;
        this.rejectNote = null;
    }

    /** A moderator's rejection: readers see a placeholder, its author the text and why. */
    void reject(RejectReason reason, String note, String moderator, Instant now) {
        decided(moderator, now);
        this.status = CommentStatus.REJECTED;
        this.heldReason = null;
        this.rejectReason = reason.name();
        this.rejectNote = note;
        this.pickedAt = null;
    }

    private void decided(String moderator, Instant now) {
        this.moderationVersion++;
        this.decidedBy = moderator;
        this.decidedAt = now;
    }

    void pick(Instant now) {
        this.pickedAt = now;
    }

    void unpick() {
        this.pickedAt = null;
    }

    boolean isTopLevel() {
        return parentId == null;
    }

    long threadId() {
        return rootId != null ? rootId : id;
    }

    Long getId() {
        return id;
    }

    long getArticleId() {
        return articleId;
    }

    Long getAuthorId() {
        return authorId;
    }

    Long getParentId() {
        return parentId;
    }

    int getDepth() {
        return depth;
    }

    CommentStatus getStatus() {
        return status;
    }

    String getBody() {
        return body;
    }

    String getBodyHtml() {
        return bodyHtml;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getEditedAt() {
        return editedAt;
    }

    int getReplyCount() {
        return replyCount;
    }

    int getRecommendCount() {
        return recommendCount;
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    String getHeldReason() {
        return heldReason;
    }

    int getModerationVersion() {
        return moderationVersion;
    }

    String getRejectReason() {
        return rejectReason;
    }

    String getRejectNote() {
        return rejectNote;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    Instant getPickedAt() {
        return pickedAt;
    }
}
