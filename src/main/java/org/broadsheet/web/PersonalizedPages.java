package org.broadsheet.web;

import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.broadsheet.account.AccountUser;
import org.broadsheet.shared.web.CacheablePage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Serves signed-in readers a page that is the same for everyone but for who is reading from the anonymous
 * page cache, with only its personal parts filled in: the header's account links are rendered for the reader
 * (the same template the layout uses, so the result matches a full render) and the "join" invitations are left
 * out. Everything between {@code <!--personal:NAME-->} and {@code <!--/personal:NAME-->} is personal.
 * Without a fresh cached page the request is rendered as usual.
 */
class PersonalizedPages implements HandlerInterceptor {

    static final String ACCOUNT = "account";
    static final String JOIN = "join";
    private static final String ACCOUNT_LINKS_VIEW = "personal/account-links :: links";

    private final PageCacheFilter pageCache;
    private final ObjectProvider<ViewResolver> viewResolver;

    PersonalizedPages(PageCacheFilter pageCache, ObjectProvider<ViewResolver> viewResolver) {
        this.pageCache = pageCache;
        this.viewResolver = viewResolver;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || !cacheable(method)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountUser user)) {
            return true;
        }
        byte[] cached = pageCache.cachedBody(request);
        if (cached == null) {
            return true;
        }
        String page = new String(cached, StandardCharsets.UTF_8);
        String withLinks = fill(page, ACCOUNT, accountLinks(user, request, response));
        if (withLinks == null) {
            return true;
        }
        String personal = fill(withLinks, JOIN, "");
        byte[] body = personal.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return false;
    }

    private static boolean cacheable(HandlerMethod method) {
        return method.hasMethodAnnotation(CacheablePage.class)
                || method.getBeanType().isAnnotationPresent(CacheablePage.class);
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

    private String accountLinks(AccountUser user, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        View view = viewResolver.getObject().resolveViewName(ACCOUNT_LINKS_VIEW, RequestContextUtils.getLocale(request));
        CharArrayWriter out = new CharArrayWriter(512);
        PrintWriter writer = new PrintWriter(out);
        view.render(Map.of("currentUser", user, "currentPath", request.getRequestURI()), request,
                new HttpServletResponseWrapper(response) {
                    @Override
                    public PrintWriter getWriter() {
                        return writer;
                    }

                    @Override
                    public void setContentType(String type) {
                        // The page's own content type is set once, for the whole page.
                    }
                });
        writer.flush();
        return out.toString();
    }
}
