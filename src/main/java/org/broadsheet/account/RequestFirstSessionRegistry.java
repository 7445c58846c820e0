package org.broadsheet.account;

import java.util.Date;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Spring Session's registry of the sessions kept in Redis, except that the request's own session, which Spring
 * Session has already read from Redis for the request, is not read from there once more. Spring Security asks for
 * it at every request ({@code ConcurrentSessionFilter}, whether an ended session must be signed out): that was one
 * of the three reads of the session a signed-in request made. An ended session carries Spring Session's mark in
 * its attributes, written into Redis by {@code expireNow()} from whichever instance ended it; it is read here from
 * the request's copy.
 */
final class RequestFirstSessionRegistry implements SessionRegistry {

    /** The attribute {@code SpringSessionBackedSessionInformation.expireNow()} marks an ended session with. */
    static final String EXPIRED = "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";

    private final SessionRegistry shared;

    RequestFirstSessionRegistry(SessionRegistry shared) {
        this.shared = shared;
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        HttpSession session = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getSession(false) : null;
        if (session == null || !session.getId().equals(sessionId) || !(session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context)
                || context.getAuthentication() == null) {
            return shared.getSessionInformation(sessionId);
        }
        Authentication signedIn = context.getAuthentication();
        SessionInformation information = new SessionInformation(signedIn.getName(), sessionId,
                new Date(session.getLastAccessedTime())) {
            @Override
            public void expireNow() {
                // Ended for every instance, as Spring Session's own would be: the mark is written in Redis.
                super.expireNow();
                SessionInformation stored = shared.getSessionInformation(sessionId);
                if (stored != null) {
                    stored.expireNow();
                }
            }
        };
        return Boolean.TRUE.equals(session.getAttribute(EXPIRED)) ? expired(information) : information;
    }

    /** Marked ended here only: it already is in Redis. */
    private static SessionInformation expired(SessionInformation information) {
        SessionInformation ended = new SessionInformation(information.getPrincipal(), information.getSessionId(),
                information.getLastRequest());
        ended.expireNow();
        return ended;
    }

    @Override
    public List<Object> getAllPrincipals() {
        return shared.getAllPrincipals();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return shared.getAllSessions(principal, includeExpiredSessions);
    }

    @Override
    public void refreshLastRequest(String sessionId) {
        shared.refreshLastRequest(sessionId);
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        shared.registerNewSession(sessionId, principal);
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        shared.removeSessionInformation(sessionId);
    }
}
