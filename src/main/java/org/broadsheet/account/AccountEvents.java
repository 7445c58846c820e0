package org.broadsheet.account;

/**
 * Events the account module publishes; other modules listen rather than being called.
 */
public final class AccountEvents {

    private AccountEvents() {
    }

    /** A link to verify {@code email} must be mailed. */
    public record VerificationRequested(long accountId, String email, String displayName, String token) {
    }

    /** A password reset link must be mailed. */
    public record PasswordResetRequested(long accountId, String email, String displayName, String token) {
    }

    /** An account was deleted; modules holding its data remove or anonymise it. */
    public record AccountDeleted(long accountId, String username) {
    }
}
