package org.broadsheet.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Gives every page that is the same for all readers one address, so that the page cache holds one copy of it.
 * The handler's own {@code @RequestParam}s say which query parameters a page reads: any other parameter, a value
 * equal to the default ({@code page=1}), a number not written the plain way ({@code page=01}, full-width digits,
 * {@code /articles/02/comments}) or the parameters in another order answer {@code 301} to the canonical address.
 * Only a request at its canonical address is marked for the page cache, so no made-up address can add a copy.
 * A value the handler cannot read at all ({@code page=abc}) is left to it (400 or 404, never cached).
 */
final class CanonicalAddresses implements HandlerInterceptor {

    /** Read by the layout on any page: the notice after signing out. */
    static final Set<String> SITE_PARAMETERS = Set.of("signed-out");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || !(handler instanceof HandlerMethod method) || !PageCacheFilter.isCacheable(method)) {
            return true;
        }
        String canonical = canonical(request, method);
        if (canonical == null) {
            return true; // a value the handler will refuse
        }
        if (!canonical.equals(current(request))) {
            response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
            response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + canonical);
            return false;
        }
        request.setAttribute(PageCacheFilter.CACHEABLE, Boolean.TRUE);
        return true;
    }

    private static String current(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + '?' + request.getQueryString();
    }

    /** The page's canonical path and query, or null when a value cannot be read as the handler reads it. */
    static String canonical(HttpServletRequest request, HandlerMethod method) {
        String path = canonicalPath(request, method);
        if (path == null) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
            String value = request.getParameter(name);
            if (value == null || value.isEmpty()) {
                continue;
            }
            String plain = plain(value, parameter.getParameterType());
            if (plain == null) {
                return null;
            }
            String fallback = ValueConstants.DEFAULT_NONE.equals(param.defaultValue()) ? null : param.defaultValue();
            if (!plain.equals(fallback)) {
                query.put(name, plain);
            }
        }
        for (String name : SITE_PARAMETERS) {
            if (request.getParameter(name) != null) {
                query.put(name, "");
            }
        }
        if (query.isEmpty()) {
            return path;
        }
        List<String> pairs = new ArrayList<>();
        query.forEach((name, value) -> pairs.add(value.isEmpty() ? name
                : name + '=' + UriUtils.encodeQueryParam(value, java.nio.charset.StandardCharsets.UTF_8)));
        return path + '?' + String.join("&", pairs);
    }

    /** The path with its numeric variables written plainly; null when one is not a number at all. */
    private static String canonicalPath(HttpServletRequest request, HandlerMethod method) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (variables == null || pattern == null) {
            return path;
        }
        Map<String, String> plainVariables = new LinkedHashMap<>(variables);
        boolean changed = false;
        for (MethodParameter parameter : method.getMethodParameters()) {
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            if (variable == null || !isNumber(parameter.getParameterType())) {
                continue;
            }
            String name = !variable.name().isEmpty() ? variable.name() : parameter.getParameterName();
            String value = variables.get(name);
            if (value == null) {
                continue;
            }
            String plain = plain(value, parameter.getParameterType());
            if (plain == null) {
                return null;
            }
            if (!plain.equals(value)) {
                plainVariables.put(name, plain);
                changed = true;
            }
        }
        return changed ? UriComponentsBuilder.fromPath(pattern).buildAndExpand(plainVariables).encode().getPath()
                : path;
    }

    /**
     * The value as the handler will read it, written the one plain way: a number without sign, leading zeros or
     * digits of other scripts, which {@link Integer#parseInt} would all accept; null when it is not a number.
     */
    static String plain(String value, Class<?> type) {
        if (!isNumber(type)) {
            return value;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (type == int.class || type == Integer.class) {
                Math.toIntExact(number);
            }
            return Long.toString(number);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean isNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }
}
