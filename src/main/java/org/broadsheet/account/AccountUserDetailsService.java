package org.broadsheet.account;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the account to sign in by its username or its email address, ignoring case.
 */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String usernameOrEmail) {
        Account account = accounts.findByUsernameOrEmail(Account.key(usernameOrEmail))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new AccountUser(account.getId(), account.getUsername(), account.getDisplayName(),
                account.getPasswordHash(),
                account.getRoles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
    }
}
