package org.broadsheet.account;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in the throttle refused before any password was checked: published by Spring Security's event publisher
 * (mapped from {@link SignInThrottledException} in {@link AccountSecurityConfig}), counted by
 * {@link SignInCounters}.
 */
public class SignInThrottledEvent extends AbstractAuthenticationFailureEvent {

    public SignInThrottledEvent(Authentication authentication, AuthenticationException exception) {
        super(authentication, exception);
    }
}
