package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.broadsheet.account.AccountEvents.CredentialsChanged;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends every other session of an account whose password changed (or that is being deleted), so that someone
 * who had taken over a session loses it when the owner changes or resets the password. The session making the
 * change is kept. Sessions are tracked per instance: a site on several instances needs shared sessions.
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
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(event.username())) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(current)) {
                        session.expireNow();
                    }
                }
            }
        }
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
