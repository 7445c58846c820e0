package org.broadsheet.pages;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves kept pages to anonymous readers before anything else runs, with an ETag and a ready-made gzip copy, so
 * that the busiest pages cost no SQL, no template and no security check. A request without a session that finds
 * nothing fresh goes on to its handler; what it renders is kept by the view ({@link RecordingView}), or, for a
 * page that is not a template (a feed, a sitemap), here. One request renders a missing or expired page that has
 * been kept before; the others meanwhile get the expired copy or wait for the new one.
 */
class PageCacheFilter extends OncePerRequestFilter {

    /** Set by {@link CanonicalAddresses}: the handler's page is the same for everyone, at its own address. */
    static final String CACHEABLE = PageCacheFilter.class.getName() + ".cacheable";
    /** Set when the page was a template, rendered or taken from the cache: never kept as a whole here. */
    static final String TEMPLATE = PageCacheFilter.class.getName() + ".template";
    /** Set by {@link RecordingView} when it kept the page it rendered. */
    static final String KEPT = PageCacheFilter.class.getName() + ".kept";
    /** Where changes stood when the request began to render its page (see {@link PageCache#keep}). */
    static final String BEGAN = PageCacheFilter.class.getName() + ".began";

    private static final int MAX_BODY = 2 * 1024 * 1024;
    /** How long a request waits for another one rendering the same page before rendering it itself. */
    private static final Duration RENDER_WAIT = Duration.ofSeconds(5);
    private static final List<String> SKIPPED_HEADERS = List.of(HttpHeaders.SET_COOKIE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.DATE, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL,
            HttpHeaders.PRAGMA, HttpHeaders.EXPIRES, HttpHeaders.CONTENT_ENCODING, HttpHeaders.VARY,
            HttpHeaders.CONTENT_TYPE, CachedPage.STRICT_TRANSPORT_SECURITY);

    private final PageCache cache;
    private final PageFiles files;
    private final Clock clock;
    /**
     * Addresses whose page has been kept before, also after a change dropped it: only these are worth waiting
     * for while one request renders them. Bounded; only canonical addresses ever get here.
     */
    private final Cache<String, Boolean> known = Caffeine.newBuilder().maximumWeight(1024 * 1024)
            .weigher((String key, Boolean value) -> 64 + 2 * key.length()).build();
    /** The pages being rendered right now, for the requests that arrive meanwhile. */
    private final Map<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();

    PageCacheFilter(PageCache cache, PageFiles files, Clock clock) {
        this.cache = cache;
        this.files = files;
        this.clock = clock;
    }

    /** Whether the handler renders a page that is the same for every reader but for their parts. */
    static boolean isCacheable(HandlerMethod method) {
        return method.hasMethodAnnotation(CacheablePage.class)
                || method.getBeanType().isAnnotationPresent(CacheablePage.class);
    }

    /**
     * A page is kept per scheme, host and port as well as address: without a configured base URL its canonical
     * link, feeds and JSON-LD name the host it was asked for, and a request with another {@code Host} must never
     * be served, or leave for others, a page that names that host.
     */
    static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        String origin = request.getScheme() + "://" + request.getServerName() + ':' + request.getServerPort();
        return query == null ? origin + request.getRequestURI() : origin + request.getRequestURI() + '?' + query;
    }

    /**
     * Uploaded media (and the demo videos beside them) are large files with their own year-long cache headers
     * and Range requests: they pass straight through, never copied into memory here.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/media/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read || hasSessionCookie(request) || !cache.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        CachedPage page = cache.get(key);
        if (page != null && page.expiresAt() > clock.millis()) {
            page.writeTo(request, response, cache.cacheControl());
            return;
        }
        boolean wellKnown = page != null || known.getIfPresent(key) != null;
        CompletableFuture<CachedPage> mine = wellKnown ? new CompletableFuture<>() : null;
        CompletableFuture<CachedPage> running = wellKnown ? rendering.putIfAbsent(key, mine) : null;
        if (running != null) {
            CachedPage ready = page != null ? page : awaited(running);
            if (ready != null) {
                ready.writeTo(request, response, cache.cacheControl());
                return;
            }
            mine = null;
        }
        try {
            CachedPage fresh = render(key, request, response, chain);
            if (mine != null) {
                mine.complete(fresh);
            }
        } catch (IOException | ServletException | RuntimeException e) {
            if (mine != null) {
                mine.complete(null);
            }
            throw e;
        } finally {
            if (mine != null) {
                rendering.remove(key, mine);
            }
        }
    }

    private static CachedPage awaited(CompletableFuture<CachedPage> running) {
        try {
            return running.get(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Renders the page, keeps it when it may be kept, and returns what was kept (null when nothing was). */
    private CachedPage render(String key, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        request.setAttribute(BEGAN, cache.beginRender());
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        CachedPage kept = (CachedPage) request.getAttribute(KEPT);
        if (kept == null && keepable(request, wrapper)) {
            kept = CachedPage.of(PageTemplate.whole(wrapper.getContentAsByteArray()),
                    wrapper.getContentAsByteArray(), wrapper.getContentType(), headers(wrapper),
                    clock.millis() + cache.ttl().toMillis(), files, PageTags.of(request));
            if (!cache.keep(key, kept, (Long) request.getAttribute(BEGAN))) {
                kept = null;
            }
        }
        if (kept != null) {
            known.put(key, Boolean.TRUE);
            wrapper.resetBuffer();
            kept.writeTo(request, response, cache.cacheControl());
            return kept;
        }
        wrapper.copyBodyToResponse();
        return null;
    }

    private static boolean keepable(HttpServletRequest request, ContentCachingResponseWrapper response) {
        return Boolean.TRUE.equals(request.getAttribute(CACHEABLE)) && request.getAttribute(TEMPLATE) == null
                && response.getStatus() == 200
                && !response.containsHeader(HttpHeaders.SET_COOKIE) && response.getContentSize() <= MAX_BODY
                && request.getSession(false) == null;
    }

    private static List<Map.Entry<String, String>> headers(HttpServletResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (SKIPPED_HEADERS.stream().noneMatch(name::equalsIgnoreCase)) {
                for (String value : response.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        return headers;
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            String name = cookie.getName();
            if ("JSESSIONID".equals(name) || "SESSION".equals(name) || "remember-me".equals(name)) {
                return true;
            }
        }
        return false;
    }
}
