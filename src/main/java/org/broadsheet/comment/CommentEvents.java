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

    /** A reader recommended a comment or withdrew their recommendation. */
    public record RecommendationChanged(long commentId, long articleId) {
    }

    /** A reader reported a comment. */
    public record CommentReported(long commentId, long reporterId, String reason) {
    }
}
