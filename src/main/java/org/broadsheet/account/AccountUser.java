package org.broadsheet.account;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in reader as Spring Security holds them: the account id and display name beside the username.
 */
public class AccountUser extends User {

    private final long id;
    private final String displayName;

    public AccountUser(long id, String username, String displayName, String passwordHash,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, authorities);
        this.id = id;
        this.displayName = displayName;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
