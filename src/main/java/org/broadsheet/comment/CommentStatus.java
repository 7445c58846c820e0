package org.broadsheet.comment;

/**
 * Where a comment stands: shown; held until a moderator (or its author's verified address) releases it; rejected
 * by a moderator (a placeholder for others, the text and the reason for its author); or deleted (a placeholder).
 */
enum CommentStatus {
    VISIBLE, HELD, REJECTED, DELETED
}
