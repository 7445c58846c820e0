package org.broadsheet.web;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountUser;
import org.broadsheet.shared.web.FragmentRenderer;
import org.broadsheet.shared.web.PersonalRegion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Serves signed-in readers a page that is the same for everyone but for who is reading from the anonymous
 * page cache, with only its personal parts filled in: the header's account links are rendered for the reader
 * (the same template the layout uses, so the result matches a full render) and the "join" invitations are left
 * out. Everything between {@code <!--personal:NAME-->} and {@code <!--/personal:NAME-->} is personal; other
 * modules' {@link PersonalRegion}s (the conversation under an article) are rendered for the reader the same way.
 * Without a fresh cached page the request is rendered as usual.
 */
class PersonalizedPages implements HandlerInterceptor {

    static final String ACCOUNT = "account";
    static final String JOIN = "join";
    private static final String ACCOUNT_LINKS_VIEW = "personal/account-links :: links";

    private final PageCacheFilter pageCache;
    private final ObjectProvider<FragmentRenderer> fragments;
    private final List<PersonalRegion> regions;

    PersonalizedPages(PageCacheFilter pageCache, ObjectProvider<FragmentRenderer> fragments,
            List<PersonalRegion> regions) {
        this.pageCache = pageCache;
        this.fragments = fragments;
        this.regions = List.copyOf(regions);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || !PageCacheFilter.isCacheable(method)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountUser user)) {
            return true;
        }
        byte[] cached = pageCache.cachedBody(request);
        if (cached == null || hasFlashMessage(request)) {
            return true;
        }
        String page = new String(cached, StandardCharsets.UTF_8);
        Map<String, Object> links = Map.of("currentUser", user, "currentPath", request.getRequestURI());
        String withLinks = fill(page, ACCOUNT, render(ACCOUNT_LINKS_VIEW, links, request, response));
        if (withLinks == null) {
            return true;
        }
        String personal = fill(withLinks, JOIN, "");
        for (PersonalRegion region : regions) {
            personal = fillRegion(personal, region, authentication, request, response);
            if (personal == null) {
                return true;
            }
        }
        byte[] body = personal.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return false;
    }

    /** Replaces what stands between the markers of {@code name}; null when the page has no such part. */
    static String fill(String page, String name, String content) {
        String start = "<!--personal:" + name + "-->";
        String end = "<!--/personal:" + name + "-->";
        int from = page.indexOf(start);
        if (from < 0) {
            return name.equals(ACCOUNT) ? null : page;
        }
        int to = page.indexOf(end, from);
        if (to < 0) {
            return null;
        }
        return page.substring(0, from + start.length()) + content + page.substring(to);
    }

    /**
     * Renders each occurrence of the region again for this reader; null when the region declines (the page is
     * then rendered in full) or its markers are broken.
     */
    private String fillRegion(String page, PersonalRegion region, Authentication viewer, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        String start = "<!--personal:" + region.name();
        String end = "<!--/personal:" + region.name() + "-->";
        if (!page.contains(start)) {
            return page;
        }
        StringBuilder result = new StringBuilder(page.length() + 1024);
        int from = 0;
        while (true) {
            int open = page.indexOf(start, from);
            // "<!--personal:comments" must not match the start of "<!--personal:commentsbox".
            while (open >= 0 && !isMarkerEnd(page, open + start.length())) {
                open = page.indexOf(start, open + start.length());
            }
            if (open < 0) {
                result.append(page, from, page.length());
                return result.toString();
            }
            int openEnd = page.indexOf("-->", open);
            int close = openEnd < 0 ? -1 : page.indexOf(end, openEnd);
            if (close < 0) {
                return null;
            }
            String html = region.render(parameters(page.substring(open + start.length(), openEnd)), viewer, request,
                    response);
            if (html == null) {
                return null;
            }
            result.append(page, from, openEnd + 3).append(html);
            from = close;
        }
    }

    private static boolean isMarkerEnd(String page, int at) {
        return at < page.length() && (page.charAt(at) == ' ' || page.startsWith("-->", at));
    }

    static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return parameters;
    }

    private static boolean hasFlashMessage(HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        return flash != null && !flash.isEmpty();
    }

    private String render(String viewName, Map<String, ?> model, HttpServletRequest request,
            HttpServletResponse response) {
        return fragments.getObject().render(viewName, model, request, response);
    }
}
