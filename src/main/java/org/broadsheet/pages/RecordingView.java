package org.broadsheet.pages;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.broadsheet.shared.web.SecurityHeaders;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Renders a page that is the same for everyone as nobody in particular, with its parts left as marks; keeps it
 * (when it may be kept) as a {@link PageTemplate} with the anonymous reader's version ready; then answers the
 * request with the page as its own reader sees it. So a cached page and one rendered in full are written by the
 * same code, from the same template, for the same reader.
 */
final class RecordingView implements View {

    private final View page;
    private final PageCache cache;
    private final PageFiles files;
    private final PartRendering rendering;
    private final java.time.Clock clock;

    RecordingView(View page, PageCache cache, PageFiles files, PartRendering rendering, java.time.Clock clock) {
        this.page = page;
        this.cache = cache;
        this.files = files;
        this.rendering = rendering;
        this.clock = clock;
    }

    @Override
    public String getContentType() {
        return page.getContentType();
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        request.setAttribute(PageCacheFilter.TEMPLATE, Boolean.TRUE);
        HttpServletRequest shared = PartRendering.withoutFormToken(request);
        PageAssembly assembly = new PageAssembly();
        CharArrayWriter html = new CharArrayWriter(32 * 1024);
        Recorded recorded = new Recorded(response, html);
        request.setAttribute(PageAssembly.ATTRIBUTE, assembly);
        try {
            rendering.asNobody(() -> {
                try {
                    page.render(sharedModel(model, request), shared, recorded);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        } finally {
            request.removeAttribute(PageAssembly.ATTRIBUTE);
        }
        recorded.flush();
        PageTemplate template = assembly.template(html.toString());
        String contentType = recorded.getContentType() != null ? recorded.getContentType() : "text/html;charset=UTF-8";
        PageTemplate.Renderer sharedRenderer = rendering.renderer(shared, response);
        byte[] anonymous = rendering.asNobody(() -> template.bytesFor(PageReader.anonymous(shared), sharedRenderer));
        keep(template, anonymous, contentType, request, response);
        PageReader reader = rendering.reader(request);
        byte[] body = reader.signedIn() ? template.bytesFor(reader, rendering.renderer(request, response)) : anonymous;
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void keep(PageTemplate template, byte[] anonymous, String contentType, HttpServletRequest request,
            HttpServletResponse response) {
        Object began = request.getAttribute(PageCacheFilter.BEGAN);
        if (!Boolean.TRUE.equals(request.getAttribute(PageCacheFilter.CACHEABLE)) || response.getStatus() != 200
                || !(began instanceof Long start) || !cache.enabled()) {
            return;
        }
        CachedPage page = CachedPage.of(template, anonymous, contentType, SecurityHeaders.all(),
                clock.millis() + cache.ttl().toMillis(), files, PageTags.of(request));
        if (cache.keep(PageCacheFilter.key(request), page, start)) {
            request.setAttribute(PageCacheFilter.KEPT, page);
        }
    }

    /** The model without what belongs to this reader only: the messages after their last action. */
    private static Map<String, ?> sharedModel(Map<String, ?> model, HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash == null || flash.isEmpty()) {
            return model;
        }
        Map<String, Object> shared = new HashMap<>(model);
        shared.keySet().removeAll(flash.keySet());
        return shared;
    }

    /** The response as the page's template writes it: its text kept here, everything else passed on. */
    private static final class Recorded extends HttpServletResponseWrapper {

        private final PrintWriter writer;
        private String contentType;

        Recorded(HttpServletResponse response, CharArrayWriter html) {
            super(response);
            this.writer = new PrintWriter(html);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            throw new IllegalStateException("A page template writes text");
        }

        @Override
        public void setContentType(String type) {
            this.contentType = type;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public void setContentLength(int length) {
            // The length is the reader's page's, set when it is written.
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        void flush() {
            writer.flush();
        }
    }
}
