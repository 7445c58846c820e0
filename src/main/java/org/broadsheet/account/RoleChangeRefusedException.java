package org.broadsheet.account;

/**
 * A change of roles that the rules do not allow; nothing was changed. The web layer shows {@link #reason()} next
 * to the roles form.
 */
public class RoleChangeRefusedException extends RuntimeException {

    /** Why the change was refused. */
    public enum Reason {
        /** An administrator tried to remove their own ADMIN role. */
        OWN_ADMIN,
        /** The account is the last administrator, and a site needs one. */
        LAST_ADMIN,
        /** Another administrator changed the account since the form was opened. */
        CHANGED_MEANWHILE
    }

    private final Reason reason;

    public RoleChangeRefusedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
