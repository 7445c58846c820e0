package org.broadsheet.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, first of all filters: the one a proxy sent in {@code X-Request-Id} when it is
 * short and plain ({@value #MAX_LENGTH} characters at most, letters, digits, {@code - _ . :}), else a new one.
 * It is in the logging context ({@value #MDC_KEY}) on every line logged for the request, in the response's
 * {@code X-Request-Id} header and on the 500 page, so that a reader's report finds its log lines.
 *
 * <p>A request that fails keeps its id in the logging context past this filter, on purpose: Tomcat logs the
 * exception and renders the error page after the filter chain has returned, on the same thread. The listener
 * side of this class takes it away when the container is done with the request.
 */
class RequestIds extends OncePerRequestFilter implements ServletRequestListener {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** The request's id as a request attribute, for the error page and the error dispatch. */
    static final String ATTRIBUTE = RequestIds.class.getName() + ".id";
    static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    /** The filter first of all, for requests, asynchronous dispatches and error pages. */
    static FilterRegistrationBean<RequestIds> registration() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /** The request's id, or null outside a request this filter saw. */
    static String of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
    }

    /** The incoming id if it is one to trust in a log line, else a new one. */
    static String choose(String incoming) {
        return incoming != null && VALID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // The error page is rendered in a dispatch of its own: it logs and shows the same id.
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = of(request);
        if (id == null) {
            id = choose(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
        }
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
        // Reached only when the chain returned: a failure keeps the id for Tomcat's log line and error page.
        MDC.remove(MDC_KEY);
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        String id = of(event.getServletRequest());
        // Only this request's id: an asynchronous request may end on a thread that now serves another.
        if (id != null && id.equals(MDC.get(MDC_KEY))) {
            MDC.remove(MDC_KEY);
        }
    }
}
