package org.broadsheet.comment;

/**
 * Another moderator decided on the comment after this one was shown it: their decision stands, and this one is
 * told who made it.
 */
public class DecisionConflictException extends RuntimeException {

    private final String decidedBy;
    private final String decision;
    private final int version;

    public DecisionConflictException(String decidedBy, String decision, int version) {
        super("already " + decision + " by " + decidedBy);
        this.decidedBy = decidedBy;
        this.decision = decision;
        this.version = version;
    }

    /** The username of the moderator whose decision stands (null when nobody decided yet). */
    public String decidedBy() {
        return decidedBy;
    }

    /** {@code approved} or {@code rejected}. */
    public String decision() {
        return decision;
    }

    public int version() {
        return version;
    }
}
