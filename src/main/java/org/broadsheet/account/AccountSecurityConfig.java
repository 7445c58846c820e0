package org.broadsheet.account;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * How passwords are hashed, how roles include one another and which sessions are signed in; needed with or
 * without the web layer.
 */
@Configuration(proxyBeanMethods = false)
public class AccountSecurityConfig {

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_EDITOR
                ROLE_ADMIN > ROLE_MODERATOR
                ROLE_EDITOR > ROLE_READER
                ROLE_MODERATOR > ROLE_READER
                """);
    }

    /**
     * Every signed-in session, so that those of an account can be ended when its password changes: this
     * instance's own, or, when sessions are kept in Redis for several instances (Spring Session, in {@code prod}),
     * every instance's, found there by the account's username (the request's own session read from the request:
     * {@link RequestFirstSessionRegistry}).
     */
    @Bean
    SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<?>> sharedSessions) {
        FindByIndexNameSessionRepository<?> shared = sharedSessions.getIfAvailable();
        return shared == null ? new SessionRegistryImpl()
                : new RequestFirstSessionRegistry(new SpringSessionBackedSessionRegistry<>(shared));
    }

    /**
     * Spring Security's events of sign-ins, with one of the site's own: a sign-in the throttle refused before any
     * password was checked, which Spring Security would otherwise publish no event for ({@link SignInCounters}).
     */
    @Bean
    DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(SignInThrottledException.class, SignInThrottledEvent.class));
        return publisher;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, and any stored hash keeps working when the default moves on.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
