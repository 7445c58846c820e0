package org.broadsheet.account;

import java.io.Serializable;

/**
 * A comment a reader typed before registering, kept in their session for the comment box of the article at
 * {@code path}, so that nothing they wrote is lost by joining.
 */
public record PendingComment(String path, String text) implements Serializable {

    /** The session attribute that holds it. */
    public static final String SESSION_ATTRIBUTE = "pendingComment";
}
