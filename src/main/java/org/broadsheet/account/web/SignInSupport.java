package org.broadsheet.account.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountUserDetailsService;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.RegisterSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a reader in without a second step, right after they register, as the sign-in form would: a new session
 * id (no fixation), a new CSRF token, and the security context saved in the session.
 */
@Component
class SignInSupport {

    private final AccountUserDetailsService users;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final SessionAuthenticationStrategy session;

    SignInSupport(AccountUserDetailsService users, SessionRegistry sessions) {
        this.users = users;
        // The same steps as form login's: the site keeps CSRF tokens in the session, Spring Security's default,
        // and registers the session so that it can be ended when the password changes.
        this.session = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(),
                new RegisterSessionAuthenticationStrategy(sessions),
                new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));
    }

    /**
     * Signs {@code username} in, or, when they are the one already signed in, refreshes what the session holds
     * about them (display name, roles) without a new session id or CSRF token, so their other tabs keep working.
     */
    void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
        UserDetails user = users.loadUserByUsername(username);
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        Authentication current = holder.getContext().getAuthentication();
        if (!trust.isAuthenticated(current) || !current.getName().equals(user.getUsername())) {
            session.onAuthentication(authentication, request, response);
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
