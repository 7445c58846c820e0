package org.broadsheet.account;

import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks username or email and password, refusing to even try while {@link SignInThrottle} says the account
 * name or the address has failed too often. Unknown names count like wrong passwords, so the answer never
 * tells whether an account exists.
 */
public class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;

    public ThrottledAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder,
            SignInThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        long attempt = throttle.begin(name, address).orElseThrow(SignInThrottledException::new);
        // Counted as a failure until the password proves right.
        Authentication authenticated = super.authenticate(authentication);
        throttle.succeeded(attempt);
        return authenticated;
    }
}
