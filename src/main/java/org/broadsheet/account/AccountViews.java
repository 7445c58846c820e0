package org.broadsheet.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.broadsheet.shared.Datelines.Dateline;

/**
 * Records the account module hands to the web layer; no {@code Account} entity leaves the module.
 */
public final class AccountViews {

    private AccountViews() {
    }

    /** What the account owner sees on their settings page. */
    public record AccountView(long id, String username, String displayName, String email, boolean emailVerified,
            String bio, boolean profilePublic, Instant createdAt, Set<Role> roles) {

        public boolean staff() {
            return roles.stream().anyMatch(Role::staff);
        }
    }

    /** A reader's public profile; {@code visible} is false when they keep it private. */
    public record PublicProfile(String username, String displayName, Instant memberSince, String bio,
            List<String> badges, boolean visible) {
    }

    /** Who wrote a comment, as the comment shows them. */
    public record Commenter(long id, String username, String displayName, boolean staff, boolean newMember,
            boolean emailVerified) {
    }

    /** A new account, as submitted on the registration form. */
    public record Registration(String username, String displayName, String email, String password) {
    }

    /**
     * An account as the administrators' user list and account page show it. {@code roles} are in the order of
     * {@link Role}, READER first; {@code version} goes with the roles form, so that a change made meanwhile by
     * another administrator is noticed.
     */
    public record AccountSummary(long id, String username, String displayName, String email, boolean emailVerified,
            Dateline memberSince, List<Role> roles, long version) {

        public boolean holds(Role role) {
            return roles.contains(role);
        }
    }
}
