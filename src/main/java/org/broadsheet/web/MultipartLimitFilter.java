package org.broadsheet.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.broadsheet.shared.web.UploadForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Guards multipart requests before anything else reads them. Only the upload forms of the editorial desk are
 * read whole (up to {@code spring.servlet.multipart.max-file-size} and {@code max-request-size}, 200 and 215 MB),
 * and only for a session already signed in as an editor: anyone else posting there gets the 403 page, and a
 * multipart request to any other address gets the 413 page when it is larger than an ordinary form (2 MB) or of
 * unknown length, all without the body being read or stored. An editor's upload over the limits gets the 413 page,
 * which explains them, and a malformed one the 400 page. Without this filter the first reader of a form field,
 * Spring Security's CSRF check, would spool any anonymous upload to disk before refusing it, and would fail on an
 * unreadable one, as would the error page after it: once the parts fail, the container refuses every later look
 * at the request's parameters.
 */
@Component
class MultipartLimitFilter extends OncePerRequestFilter implements Ordered {

    /** Ahead of Spring Security (-100), after the character encoding filter. */
    static final int ORDER = -110;

    private static final Logger log = LoggerFactory.getLogger(MultipartLimitFilter.class);

    /** The largest multipart request read for any address but the upload forms: no other form takes files. */
    static final long OTHER_MAX_BYTES = 2L * 1024 * 1024;

    /** The role the upload forms need (SecurityConfig); ADMIN holds it through the role hierarchy. */
    private static final String UPLOADER_ROLE = "ROLE_EDITOR";

    private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();
    private final RoleHierarchy roles;
    private final String errorPath;
    private final ObjectProvider<RequestMappingHandlerMapping> handlers;
    /** The forms that take files, found once from the handlers themselves (see {@link #uploadForms}). */
    private volatile RequestMatcher uploadForms;

    MultipartLimitFilter(RoleHierarchy roles, @Value("${server.error.path:/error}") String errorPath,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        this.roles = roles;
        this.errorPath = errorPath;
        this.handlers = handlers;
    }

    /**
     * Every POST address whose handler is an {@link UploadForm}: the article form, its preview and the author form
     * today. Found from the handlers, so that an address of one cannot be left out.
     */
    RequestMatcher uploadForms() {
        RequestMatcher forms = uploadForms;
        if (forms == null) {
            List<RequestMatcher> matchers = new ArrayList<>();
            handlers.getObject().getHandlerMethods().forEach((mapping, method) -> {
                if (method.hasMethodAnnotation(UploadForm.class)
                        && mapping.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                    for (String pattern : mapping.getPatternValues()) {
                        matchers.add(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, pattern));
                    }
                }
            });
            forms = matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
            uploadForms = forms;
        }
        return forms;
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
        HttpStatus refusal = unread(request);
        if (refusal != null) {
            log.info("Refused a multipart request of {} bytes to {} unread", request.getContentLengthLong(),
                    request.getRequestURI());
            refuse(refusal, request, response);
            return;
        }
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
        refuse(refusal, request, response);
    }

    /**
     * Why the request is refused before its body is read, or null when it may be read: an upload form for a
     * session signed in as an editor, or a request to any other address no larger than an ordinary form.
     */
    private HttpStatus unread(HttpServletRequest request) {
        if (uploadForms().matches(request)) {
            return signedInAsUploader(request) ? null : HttpStatus.FORBIDDEN;
        }
        long length = request.getContentLengthLong();
        return length >= 0 && length <= OTHER_MAX_BYTES ? null : HttpStatus.CONTENT_TOO_LARGE;
    }

    /**
     * Whether the request's session (never created here) holds a sign-in with the uploaders' role. Spring Security
     * has not loaded it yet, so it is read where its repository keeps it; Spring Security still decides access
     * after this filter, with the CSRF token.
     */
    private boolean signedInAsUploader(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object stored = session == null ? null
                : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(stored instanceof SecurityContext context) || context.getAuthentication() == null
                || !context.getAuthentication().isAuthenticated()) {
            return false;
        }
        return roles.getReachableGrantedAuthorities(context.getAuthentication().getAuthorities()).stream()
                .anyMatch(authority -> UPLOADER_ROLE.equals(authority.getAuthority()));
    }

    /** Renders the site's error page for the status, as for a GET, so that nothing reads the request's body. */
    private void refuse(HttpStatus refusal, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, refusal.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(refusal.value());
        request.getRequestDispatcher(errorPath).forward(new WithoutBody(request), response);
    }

    /** What the container said, for the log (too many parts shows as the name of Tomcat's exception). */
    private static String cause(MultipartException e) {
        return NestedExceptionUtils.getMostSpecificCause(e).toString();
    }

    /** The refused request as a GET without parameters or parts, which asks for no CSRF token. */
    private static final class WithoutBody extends UnreadRequest {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
