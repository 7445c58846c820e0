package org.broadsheet.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.broadsheet.shared.AfterCommit;
import org.broadsheet.shared.OtherInstances;
import org.broadsheet.account.AccountEvents.RolesChanged;
import org.broadsheet.account.AccountUserDetailsService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a change of roles apply to the account's open sessions at their next request, without signing anyone out:
 * a promoted reader sees the staff desk at once, a demoted editor loses it at once. When an administrator changes
 * the roles, the account's sessions are marked; the {@link #filter() filter} reloads the account for a marked
 * session before access is decided. On several instances, the instance where the roles changed tells the others
 * ({@link OtherInstances}), and each marks the account's sessions (found in the shared registry) for itself: a
 * marked session reloads the account once on each instance it next reaches. A bean of {@link SecurityConfig}, which
 * puts the filter in its chain.
 */
class FreshRoles {

    private final SessionRegistry sessions;
    private final AccountUserDetailsService users;
    private final Set<String> stale = ConcurrentHashMap.newKeySet();

    static final String TOPIC = "roles-changed";

    private final OtherInstances others;

    FreshRoles(SessionRegistry sessions, AccountUserDetailsService users, OtherInstances others) {
        this.sessions = sessions;
        this.users = users;
        this.others = others;
        others.listen(TOPIC, OtherInstances.Listener.of(this::markSessionsOf, () -> {
        }));
    }

    /** After the commit: marked earlier, a session could reload the old roles before the new ones are stored. */
    @EventListener
    void on(RolesChanged event) {
        AfterCommit.run(() -> {
            markSessionsOf(event.username());
            others.tell(TOPIC, event.username());
        });
    }

    private void markSessionsOf(String username) {
        for (SessionInformation session : SessionEnder.sessionsOf(sessions, username)) {
            stale.add(session.getSessionId());
        }
    }

    @EventListener
    void on(SessionDestroyedEvent event) {
        stale.remove(event.getId());
    }

    /** The same, for sessions kept by Spring Session (in Redis, with several instances). */
    @EventListener
    void on(org.springframework.session.events.SessionDestroyedEvent event) {
        stale.remove(event.getSessionId());
    }

    /** Goes in the security filter chain after the session's context is loaded and before access is decided. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && !stale.isEmpty() && stale.remove(session.getId())) {
                    refresh(request, response);
                }
                chain.doFilter(request, response);
            }

            private void refresh(HttpServletRequest request, HttpServletResponse response) {
                Authentication current = SecurityContextHolder.getContext().getAuthentication();
                if (current == null || current instanceof AnonymousAuthenticationToken) {
                    return;
                }
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                try {
                    context.setAuthentication(withRolesOf(current, users.loadUserByUsername(current.getName())));
                } catch (UsernameNotFoundException gone) {
                    // The account was deleted meanwhile: the session is signed out.
                    request.getSession().invalidate();
                }
                SecurityContextHolder.setContext(context);
                if (context.getAuthentication() != null) {
                    repository.saveContext(context, request, response);
                }
            }
        };
    }

    /** The same sign-in (form or remember-me, its other authorities kept) with the account's current roles. */
    static Authentication withRolesOf(Authentication current, UserDetails account) {
        Collection<? extends GrantedAuthority> roles = account.getAuthorities();
        return current.toBuilder().principal(account).authorities(authorities -> {
            authorities.removeIf(a -> a.getAuthority() != null && a.getAuthority().startsWith("ROLE_"));
            authorities.addAll(roles);
        }).build();
    }
}
