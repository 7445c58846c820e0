package org.broadsheet.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts sign-ins with a name and password ({@value #SIGN_INS}, tagged {@code outcome=success} or
 * {@code failure}), from Spring Security's authentication events. An attempt the throttle refuses before any
 * password is checked is not counted (Spring Security publishes no event for it), nor is a session restored from a
 * "keep me signed in" cookie, which happens on every new session.
 */
@Component
class SignInCounters {

    static final String SIGN_INS = "broadsheet.signins";

    private final Counter succeeded;
    private final Counter failed;

    SignInCounters(MeterRegistry meters) {
        this.succeeded = counter(meters, "success");
        this.failed = counter(meters, "failure");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(SIGN_INS).description("Sign-ins with a name and password").tag("outcome", outcome)
                .register(meters);
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            succeeded.increment();
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            failed.increment();
        }
    }
}
