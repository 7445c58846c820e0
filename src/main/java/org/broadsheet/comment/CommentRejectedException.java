package org.broadsheet.comment;

/**
 * A comment action refused by a rule (too long, too many links, too fast, comments closed, a banned word, a
 * suspension...). The code is a message key and the arguments fill it; the form shows the message next to the
 * field and keeps what the reader typed.
 */
public class CommentRejectedException extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public CommentRejectedException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
