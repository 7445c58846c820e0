package org.broadsheet.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts sign-ins with a name and password ({@value #SIGN_INS}, tagged {@code outcome=success}, {@code failure},
 * or {@code throttled} for an attempt the throttle refused before any password was checked), from Spring
 * Security's authentication events ({@link SignInThrottledEvent} for the throttled). A session restored from a
 * "keep me signed in" cookie, which happens on every new session, is not counted.
 */
@Component
class SignInCounters {

    static final String SIGN_INS = "broadsheet.signins";

    private final Counter succeeded;
    private final Counter failed;
    private final Counter throttled;

    SignInCounters(MeterRegistry meters) {
        this.succeeded = counter(meters, "success");
        this.failed = counter(meters, "failure");
        this.throttled = counter(meters, "throttled");
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
        if (event instanceof SignInThrottledEvent) {
            throttled.increment();
        } else if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            failed.increment();
        }
    }
}
