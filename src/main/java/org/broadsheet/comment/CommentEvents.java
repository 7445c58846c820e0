package org.broadsheet.comment;

/** Events the comments module publishes, for notifications and moderation to hear. */
public final class CommentEvents {

    private CommentEvents() {
    }

    /**
     * A comment became visible. {@code parentAuthorId} is the author of the comment it answers (null for a
     * top-level comment or when that author is gone).
     */
    public record CommentPosted(long commentId, long articleId, long authorId, Long parentId, Long parentAuthorId) {
    }

    /**
     * A reader ({@code accountId}) recommended a comment, or withdrew their recommendation when
     * {@code recommended} is false. {@code authorId} is the comment's author (null when they are gone).
     */
    public record RecommendationChanged(long commentId, long articleId, long accountId, Long authorId,
            boolean recommended) {
    }

    /**
     * A reader began to ignore another; published inside the transaction, so that what must end with it (a
     * follow, either way) ends in the same commit.
     */
    public record ReaderIgnored(long accountId, long ignoredId) {
    }

    /** A reader reported a comment. */
    public record CommentReported(long commentId, long reporterId, String reason) {
    }

    /**
     * A moderator published a held or rejected comment ({@code wasHeld}: it had waited before publication).
     */
    public record CommentApproved(long commentId, long articleId, Long authorId, boolean wasHeld) {
    }

    /**
     * A moderator rejected a comment; {@code reason} is a {@link RejectReason#key()}, {@code version} counts the
     * decisions on the comment (so that a second rejection after an approval is news of its own).
     */
    public record CommentRejected(long commentId, long articleId, long authorId, String reason, int version) {
    }
}
