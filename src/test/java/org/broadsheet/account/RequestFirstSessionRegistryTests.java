package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Field;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The request's own session is judged from the request's copy, ended or not, without asking Redis again; any other
 * session is Spring Session's registry's to find. {@code TwoInstancesTests} shows a session ended on one instance
 * signed out on the other through it.
 */
class RequestFirstSessionRegistryTests {

    private final SessionRegistry shared = mock(SessionRegistry.class);
    private final RequestFirstSessionRegistry registry = new RequestFirstSessionRegistry(shared);
    private MockHttpSession session;

    @BeforeEach
    void signedInRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated("ada", null, List.of())));
        request.setSession(session);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void done() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void shouldJudgeTheRequestsOwnSessionFromItsAttributes() {
        SessionInformation open = registry.getSessionInformation(session.getId());
        assertThat(open.getPrincipal()).isEqualTo("ada");
        assertThat(open.isExpired()).isFalse();

        session.setAttribute(RequestFirstSessionRegistry.EXPIRED, Boolean.TRUE);
        assertThat(registry.getSessionInformation(session.getId()).isExpired()).as("ended elsewhere").isTrue();
        verify(shared, never()).getSessionInformation(session.getId());
    }

    @Test
    void shouldEndTheRequestsOwnSessionInSpringSessionToo() {
        SessionInformation stored = new SessionInformation("ada", session.getId(), new Date());
        when(shared.getSessionInformation(session.getId())).thenReturn(stored);

        registry.getSessionInformation(session.getId()).expireNow();

        assertThat(stored.isExpired()).as("ended where every instance sees it").isTrue();
    }

    @Test
    void shouldAskSpringSessionForAnyOtherSession() {
        SessionInformation other = new SessionInformation("ben", "other", new Date());
        when(shared.getSessionInformation("other")).thenReturn(other);

        assertThat(registry.getSessionInformation("other")).isSameAs(other);
        RequestContextHolder.resetRequestAttributes();
        when(shared.getSessionInformation(session.getId())).thenReturn(other);
        assertThat(registry.getSessionInformation(session.getId())).as("outside a request").isSameAs(other);
    }

    @Test
    void shouldReadTheMarkSpringSessionWritesWhenItEndsASession() throws Exception {
        Field expired = Class.forName("org.springframework.session.security.SpringSessionBackedSessionInformation")
                .getDeclaredField("EXPIRED_ATTR");
        expired.setAccessible(true);
        assertThat(RequestFirstSessionRegistry.EXPIRED).isEqualTo(expired.get(null));
    }
}
