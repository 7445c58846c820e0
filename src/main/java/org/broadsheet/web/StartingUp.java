package org.broadsheet.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.shared.web.SecurityHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The site takes no request until it is ready: until the application has started (in the {@code demo} profile,
 * until the demo content is loaded) and again while it shuts down, every request but Actuator's health gets a
 * short 503 page with {@code Retry-After}, so that nobody sees, and no cache keeps, an empty front page.
 * Readiness is Spring Boot's: {@code ACCEPTING_TRAFFIC} once every {@code ApplicationRunner} has run, as
 * {@code /actuator/health/readiness} reports it.
 */
class StartingUp extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "2";
    private static final byte[] PAGE = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Starting up | Broadsheet</title></head>
            <body><main><h1>Just a moment</h1>
            <p>The site is starting up. Please try again in a few seconds.</p></main></body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    private final ObjectProvider<ApplicationAvailability> availability;

    StartingUp(ObjectProvider<ApplicationAvailability> availability) {
        this.availability = availability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isReady()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        for (Map.Entry<String, String> header : SecurityHeaders.all()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(PAGE.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(PAGE);
        }
    }

    private boolean isReady() {
        ApplicationAvailability state = availability.getIfAvailable();
        // Without Boot's availability (a slice test), there is nothing to wait for.
        return state == null || state.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }
}
