package org.broadsheet.comment;

import java.time.Instant;

import org.broadsheet.shared.NotFoundException;

/** The rules on a comment's text and on editing it, for posting and for editing alike. */
final class CommentRules {

    private CommentRules() {
    }

    /** The text as stored, or the refusal of a rule it breaks. */
    static String checkedText(String text) {
        String body = CommentText.normalise(text);
        if (body.isEmpty()) {
            throw new CommentRejectedException("comment.text.required");
        }
        if (body.length() > CommentText.MAX_LENGTH) {
            throw new CommentRejectedException("comment.text.size");
        }
        if (CommentText.links(body).size() > CommentText.MAX_LINKS) {
            throw new CommentRejectedException("comment.text.links");
        }
        return body;
    }

    /** Whether a new text repeats the earlier one, whatever its spaces and case. */
    static boolean same(String earlier, String body) {
        return CommentText.normalise(earlier).replaceAll("\\s+", " ")
                .equalsIgnoreCase(body.replaceAll("\\s+", " "));
    }

    /** Refuses to edit a comment that is gone, that a moderator removed, or past its edit window. */
    static void checkEditable(Comment comment, Instant now) {
        if (comment.getStatus() == CommentStatus.DELETED) {
            throw new NotFoundException("comment " + comment.getId());
        }
        if (comment.getStatus() == CommentStatus.REJECTED) {
            // The text a moderator removed stays as it was judged; the author may ask for a review instead.
            throw new CommentRejectedException("comment.edit.rejected");
        }
        if (!now.isBefore(comment.getCreatedAt().plus(CommentViews.EDIT_WINDOW))) {
            throw new CommentRejectedException("comment.edit.too-late");
        }
    }
}
