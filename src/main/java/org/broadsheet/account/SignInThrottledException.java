package org.broadsheet.account;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins for this account name or from this address: the reader must wait.
 */
public class SignInThrottledException extends AuthenticationException {

    public SignInThrottledException() {
        super("Too many failed sign-in attempts");
    }
}
