package org.broadsheet.account;

/**
 * What an account may do. Everyone who registers is a {@link #READER}; staff roles open the desks, and
 * {@link #ADMIN} includes all of them (see the role hierarchy in the security configuration).
 */
public enum Role {
    READER, EDITOR, MODERATOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean staff() {
        return this != READER;
    }
}
