package org.broadsheet.comment;

/**
 * A comment action refused by a rule (too long, too many links, too fast, comments closed...). The code is a
 * message key; the form shows the message next to the field and keeps what the reader typed.
 */
public class CommentRejectedException extends RuntimeException {

    private final String code;

    public CommentRejectedException(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
