package org.broadsheet.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.broadsheet.account.AccountEvents.CredentialsChanged;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends every other session of an account whose password changed (or that is being deleted), so that someone
 * who had taken over a session loses it when the owner changes or resets the password. The session making the
 * change is kept. On several instances the registry is Spring Session's, over the sessions all of them keep in
 * Redis: a session ended here is signed out at its next request, whichever instance it lands on.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionEnder {

    private final SessionRegistry sessions;

    SessionEnder(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(CredentialsChanged event) {
        String current = currentSessionId();
        for (SessionInformation session : sessionsOf(sessions, event.username())) {
            if (!session.getSessionId().equals(current)) {
                session.expireNow();
            }
        }
    }

    /**
     * The account's open sessions. Both registries find them by a principal equal to the signed-in one: an
     * {@link User} with the same username (the in-memory registry compares principals, Spring Session's looks up
     * the username).
     */
    static List<SessionInformation> sessionsOf(SessionRegistry sessions, String username) {
        return sessions.getAllSessions(User.withUsername(username).password("").build(), false);
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            HttpSession session = request.getSession(false);
            return session != null ? session.getId() : null;
        }
        return null;
    }
}
