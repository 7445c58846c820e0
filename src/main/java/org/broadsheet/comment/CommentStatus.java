package org.broadsheet.comment;

/** Where a comment stands: shown, held until its author verifies their email, or deleted (a placeholder). */
enum CommentStatus {
    VISIBLE, HELD, DELETED
}
