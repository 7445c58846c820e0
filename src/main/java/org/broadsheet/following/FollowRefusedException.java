package org.broadsheet.following;

/** A follow refused by a rule (oneself, a reader who ignores one, too many). The code is a message key. */
public class FollowRefusedException extends RuntimeException {

    private final String code;

    public FollowRefusedException(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
