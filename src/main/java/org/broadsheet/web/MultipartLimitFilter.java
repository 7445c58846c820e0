package org.broadsheet.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Reads a multipart upload before anything else does, so that one over the limits
 * ({@code spring.servlet.multipart.max-file-size} and {@code max-request-size}) gets the site's 413 page, which
 * explains the limits, and a malformed one the 400 page. Without it the first reader of a form field, Spring
 * Security's CSRF check, fails on the unreadable request, and so does the error page after it: once the parts
 * fail, the container refuses every later look at the request's parameters.
 */
@Component
class MultipartLimitFilter extends OncePerRequestFilter implements Ordered {

    /** Ahead of Spring Security (-100), after the character encoding filter. */
    static final int ORDER = -110;

    private static final Logger log = LoggerFactory.getLogger(MultipartLimitFilter.class);

    private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();
    private final String errorPath;

    MultipartLimitFilter(@Value("${server.error.path:/error}") String errorPath) {
        this.errorPath = errorPath;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !multipart.isMultipart(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpStatus refusal = null;
        try {
            // The container parses the parts once and keeps them, for the form fields and the files alike.
            multipart.resolveMultipart(request);
        } catch (MaxUploadSizeExceededException e) {
            refusal = HttpStatus.CONTENT_TOO_LARGE;
            log.info("Refused an upload to {}: {}", request.getRequestURI(), cause(e));
        } catch (MultipartException e) {
            refusal = HttpStatus.BAD_REQUEST;
            log.info("Refused an upload to {}: {}", request.getRequestURI(), cause(e));
        }
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, refusal.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(refusal.value());
        request.getRequestDispatcher(errorPath).forward(new WithoutBody(request), response);
    }

    /** What the container said, for the log (too many parts shows as the name of Tomcat's exception). */
    private static String cause(MultipartException e) {
        return NestedExceptionUtils.getMostSpecificCause(e).toString();
    }

    /**
     * The refused request as the error page sees it: a GET without parameters or parts, so that rendering the
     * page never touches the body the container could not read (and asks for no CSRF token).
     */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
