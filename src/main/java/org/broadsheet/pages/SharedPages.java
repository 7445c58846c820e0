package org.broadsheet.pages;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * For the handlers of pages that are the same for everyone but for their parts: a signed-in reader (whom the
 * page cache filter lets by) gets the kept page with their own parts filled in, without the handler running; a
 * page that is not kept is rendered by a {@link RecordingView}, which keeps it for the next reader.
 */
class SharedPages implements HandlerInterceptor {

    private final PageCache cache;
    private final PageFiles files;
    private final PartRendering rendering;
    private final ObjectProvider<ViewResolver> views;
    private final Clock clock;

    SharedPages(PageCache cache, PageFiles files, PartRendering rendering,
            @Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> views, Clock clock) {
        this.cache = cache;
        this.files = files;
        this.rendering = rendering;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!Boolean.TRUE.equals(request.getAttribute(PageCacheFilter.CACHEABLE))) {
            return true;
        }
        if (request.getAttribute(PageCacheFilter.BEGAN) == null) {
            request.setAttribute(PageCacheFilter.BEGAN, cache.beginRender());
        }
        CachedPage page = cache.fresh(PageCacheFilter.key(request));
        if (page == null || request.getAttribute(PageCacheFilter.KEPT) != null) {
            return true;
        }
        // Signed in, or with a session: the filter did not answer.
        request.setAttribute(PageCacheFilter.TEMPLATE, Boolean.TRUE);
        PageReader reader = rendering.reader(request);
        byte[] body = page.template().hasParts()
                ? page.template().bytesFor(reader, rendering.renderer(request, response)) : page.body();
        if (page.contentType() != null) {
            response.setContentType(page.contentType());
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
        return false;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView result) throws Exception {
        if (result == null || !Boolean.TRUE.equals(request.getAttribute(PageCacheFilter.CACHEABLE))) {
            return;
        }
        String name = result.getViewName();
        if (name == null || name.startsWith("redirect:") || name.startsWith("forward:")) {
            return;
        }
        if (!cache.enabled() && !rendering.reader(request).signedIn()) {
            // Nothing is kept and nobody is signed in: the page is rendered once, its parts in place.
            return;
        }
        // Kept, or for a signed-in reader: their parts are read once for the whole page (see PagePart#prepare).
        View page = views.getObject().resolveViewName(name, RequestContextUtils.getLocale(request));
        if (page != null) {
            result.setView(new RecordingView(page, cache, files, rendering, clock));
        }
    }
}
