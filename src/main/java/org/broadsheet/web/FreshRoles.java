package org.broadsheet.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.broadsheet.shared.AfterCommit;
import org.broadsheet.account.AccountEvents.RolesChanged;
import org.broadsheet.account.AccountUserDetailsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a change of roles apply to the account's open sessions at their next request, without signing anyone out:
 * a promoted reader sees the staff desk at once, a demoted editor loses it at once. When an administrator changes
 * the roles, the account's sessions are marked after the commit, before the administrator's request returns; the
 * {@link #filter() filter} reloads the account for a marked session before access is decided, and the session keeps
 * the reloaded sign-in. On one instance the marks are kept here. On several instances the sessions are Spring
 * Session's, in Redis: the mark is an attribute written into each of the account's sessions there, so the next
 * request reads it whichever instance it reaches, with no message to wait for (a message could arrive after that
 * request). A bean of {@link SecurityConfig}, which puts the filter in its chain.
 */
class FreshRoles {

    /**
     * The attributes of a shared session: the latest change of its account's roles ({@value}, a new value for each
     * change, written by the instance that made it), and the change the session last reloaded its roles for. A
     * request writes only the second, so it can never erase a change made while it was under way.
     */
    static final String MARK = "org.broadsheet.web.FreshRoles.CHANGED";
    static final String APPLIED = "org.broadsheet.web.FreshRoles.APPLIED";

    private static final Logger log = LoggerFactory.getLogger(FreshRoles.class);

    private final SessionRegistry sessions;
    private final AccountUserDetailsService users;
    private final FindByIndexNameSessionRepository<?> shared;
    private final Set<String> stale = ConcurrentHashMap.newKeySet();

    /** {@code shared} is Spring Session's repository when the sessions are kept in Redis, else null. */
    FreshRoles(SessionRegistry sessions, AccountUserDetailsService users, FindByIndexNameSessionRepository<?> shared) {
        this.sessions = sessions;
        this.users = users;
        this.shared = shared;
    }

    /** After the commit: marked earlier, a session could reload the old roles before the new ones are stored. */
    @EventListener
    void on(RolesChanged event) {
        AfterCommit.run(() -> {
            if (shared != null) {
                markShared(shared, event.username());
            } else {
                for (SessionInformation session : SessionEnder.sessionsOf(sessions, event.username())) {
                    stale.add(session.getSessionId());
                }
            }
        });
    }

    /**
     * Saving only the changed attribute: a request in flight on another instance keeps the mark when it saves. A
     * session that cannot be marked (Redis failing) is logged and the others are still marked.
     */
    private static <S extends Session> void markShared(FindByIndexNameSessionRepository<S> repository,
            String username) {
        String change = UUID.randomUUID().toString();
        for (S session : repository.findByPrincipalName(username).values()) {
            try {
                session.setAttribute(MARK, change);
                repository.save(session);
            } catch (RuntimeException e) {
                log.warn("Could not mark session {} of {} for its new roles", session.getId(), username, e);
            }
        }
    }

    /** Whether the session's roles must be reloaded: once for each change (the change is recorded as applied). */
    private boolean takeMark(HttpSession session) {
        if (shared != null) {
            Object change = session.getAttribute(MARK);
            if (change == null || change.equals(session.getAttribute(APPLIED))) {
                return false;
            }
            session.setAttribute(APPLIED, change);
            return true;
        }
        return !stale.isEmpty() && stale.remove(session.getId());
    }

    @EventListener
    void on(SessionDestroyedEvent event) {
        stale.remove(event.getId());
    }

    /** Goes in the security filter chain after the session's context is loaded and before access is decided. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && takeMark(session)) {
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
