package org.broadsheet.account;

/**
 * Events the account module publishes; other modules listen rather than being called.
 */
public final class AccountEvents {

    private AccountEvents() {
    }

    /**
     * A link to verify {@code email} must be mailed. Durable (the event publication registry keeps it until the
     * mail is sent), so it carries no token: the listener makes the link when it sends it.
     */
    public record VerificationRequested(long accountId, String email) {
    }

    /** A password reset link must be mailed to {@code email}; durable, and without a token, as above. */
    public record PasswordResetRequested(long accountId, String email) {
    }

    /**
     * The password changed or the account is going: every session signed in as {@code username} other than the
     * one making the change must end.
     */
    public record CredentialsChanged(String username) {
    }

    /**
     * An administrator changed the account's roles; published inside the transaction, so listeners that act on
     * sessions should wait for the commit. Sessions signed in as {@code username} must pick the new roles up.
     */
    public record RolesChanged(String username) {
    }

    /** The account's email address was verified; comments held until then can be shown. */
    public record EmailVerified(long accountId) {
    }

    /** An account was deleted; modules holding its data remove or anonymise it. */
    public record AccountDeleted(long accountId, String username) {
    }
}
