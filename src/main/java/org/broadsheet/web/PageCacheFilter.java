package org.broadsheet.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import org.broadsheet.shared.web.CacheablePage;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves pages that are the same for every anonymous reader from memory, with an ETag and a ready-made gzip
 * copy, so that the busiest pages cost no SQL and no template rendering. A page is kept only when its handler
 * is marked {@link CacheablePage}, it was asked for at its canonical address ({@link CanonicalAddresses}), it
 * answered 200 without setting a cookie, and the reader has no session. The cache is bounded by the bytes it
 * holds ({@code broadsheet.site.page-cache-size}), so no sequence of requests can take it past that; everything is
 * dropped when content changes ({@link #clear()}), and each page expires after a short time so that several
 * instances, scheduled articles and relative times never stay stale for long.
 */
public class PageCacheFilter extends OncePerRequestFilter {

    static final String CACHEABLE = PageCacheFilter.class.getName() + ".cacheable";
    private static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
    private static final int MAX_BODY = 2 * 1024 * 1024;
    /** What an entry costs beyond its bytes: key, headers, the record itself. */
    private static final int ENTRY_OVERHEAD = 1_024;
    /** How long a request waits for another one rendering the same page before rendering it itself. */
    private static final Duration RENDER_WAIT = Duration.ofSeconds(5);
    private static final List<String> SKIPPED_HEADERS = List.of(HttpHeaders.SET_COOKIE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.DATE, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL,
            HttpHeaders.PRAGMA, HttpHeaders.EXPIRES, HttpHeaders.CONTENT_ENCODING, HttpHeaders.VARY,
            STRICT_TRANSPORT_SECURITY);

    /**
     * The pages, kept for twice their lifetime: an expired one is still served to the readers who arrive while
     * one of them renders it again.
     */
    private final Cache<String, Entry> entries;
    /**
     * Addresses whose page has been kept before, also after a change emptied the cache: only these are worth
     * waiting for while one request renders them. Bounded too; only canonical addresses ever get here.
     */
    private final Cache<String, Boolean> knownKeys = Caffeine.newBuilder().maximumWeight(1024 * 1024)
            .weigher((String key, Boolean known) -> 64 + 2 * key.length()).build();
    private final PageFiles files;
    /** The pages being rendered right now, for the requests that arrive meanwhile. */
    private final Map<String, CompletableFuture<Entry>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Duration ttl;
    private final Clock clock;

    public PageCacheFilter(Duration ttl, DataSize maxSize, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.files = new PageFiles(PageFiles.GRACE);
        this.entries = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, maxSize.toBytes()))
                .weigher((String key, Entry entry) -> entry.weight())
                .expireAfterWrite(ttl.isZero() ? Duration.ofMillis(1) : ttl.multipliedBy(2))
                .removalListener((String key, Entry entry, RemovalCause cause) -> {
                    if (entry != null) {
                        files.release(entry.bodyFile());
                        files.release(entry.gzippedFile());
                    }
                })
                .build();
    }

    /** Forgets every page; called after anything readers see has changed. */
    public void clear() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** Whether the handler renders a page that is the same for every anonymous reader. */
    static boolean isCacheable(HandlerMethod method) {
        return method.hasMethodAnnotation(CacheablePage.class)
                || method.getBeanType().isAnnotationPresent(CacheablePage.class);
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** The bytes the kept pages weigh now, at most the configured size. */
    long weight() {
        entries.cleanUp();
        return entries.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    /** How many pages are kept as files for sendfile. */
    long storedFiles() {
        return files.count();
    }

    /** The page kept for anonymous readers at this request's address, if it is still fresh. */
    byte[] cachedBody(HttpServletRequest request) {
        Entry entry = entries.getIfPresent(key(request));
        return entry != null && entry.expiresAt > clock.millis() ? entry.body : null;
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
        if (!"GET".equals(request.getMethod()) || hasSessionCookie(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.expiresAt > clock.millis()) {
            entry.writeTo(request, response, true);
            return;
        }
        // One request renders a missing or expired page that has been kept before; the others meanwhile get the
        // expired copy, or wait for the new one, so that a busy page never has everyone render it at once.
        boolean known = !ttl.isZero() && (entry != null || knownKeys.getIfPresent(key) != null);
        CompletableFuture<Entry> mine = known ? new CompletableFuture<>() : null;
        CompletableFuture<Entry> running = known ? rendering.putIfAbsent(key, mine) : null;
        if (running != null) {
            Entry ready = entry != null ? entry : awaited(running);
            if (ready != null) {
                ready.writeTo(request, response, true);
                return;
            }
            mine = null;
        }
        try {
            Entry fresh = render(key, request, response, chain);
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

    private static Entry awaited(CompletableFuture<Entry> running) {
        try {
            return running.get(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Renders the page and keeps it when it may be kept; returns what was kept (null when nothing was). */
    private Entry render(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long now = clock.millis();
        long startedIn = generation.get();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (Boolean.TRUE.equals(request.getAttribute(CACHEABLE)) && wrapper.getStatus() == 200
                && !wrapper.containsHeader(HttpHeaders.SET_COOKIE) && wrapper.getContentSize() <= MAX_BODY
                && request.getSession(false) == null) {
            Entry fresh = Entry.of(wrapper, now + ttl.toMillis(), ttl.isZero() ? null : files);
            // With a zero time-to-live nothing is kept, but the page still gets its ETag and a 304 when unchanged.
            if (!ttl.isZero() && generation.get() == startedIn) {
                entries.put(key, fresh);
                knownKeys.put(key, Boolean.TRUE);
                if (generation.get() != startedIn) {
                    entries.invalidate(key); // content changed while it was being put
                }
            }
            wrapper.resetBuffer();
            fresh.writeTo(request, response, false);
            return ttl.isZero() ? null : fresh;
        }
        wrapper.copyBodyToResponse();
        return null;
    }

    private static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + '?' + query;
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

    private record Entry(byte[] body, byte[] gzipped, String etag, String contentType,
            List<Map.Entry<String, String>> headers, String hsts, long expiresAt, Path bodyFile, Path gzippedFile) {

        int weight() {
            return body.length + gzipped.length + ENTRY_OVERHEAD;
        }

        static Entry of(ContentCachingResponseWrapper response, long expiresAt, PageFiles files) {
            byte[] body = response.getContentAsByteArray();
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String name : response.getHeaderNames()) {
                if (SKIPPED_HEADERS.stream().noneMatch(name::equalsIgnoreCase)
                        && !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                    for (String value : response.getHeaders(name)) {
                        headers.add(Map.entry(name, value));
                    }
                }
            }
            byte[] gzipped = gzip(body);
            String hash = hash(body);
            boolean large = files != null && body.length >= PageFiles.SENDFILE_FROM;
            return new Entry(body, gzipped, "W/\"" + hash + "\"", response.getContentType(), List.copyOf(headers),
                    response.getHeader(STRICT_TRANSPORT_SECURITY), expiresAt,
                    large ? files.write(".html", body) : null,
                    large ? files.write(".html.gz", gzipped) : null);
        }

        void writeTo(HttpServletRequest request, HttpServletResponse response, boolean replayHeaders)
                throws IOException {
            if (replayHeaders) {
                for (Map.Entry<String, String> header : headers) {
                    response.addHeader(header.getKey(), header.getValue());
                }
                // HSTS belongs to HTTPS responses only, whichever kind of request filled the cache.
                if (request.isSecure()) {
                    response.setHeader(STRICT_TRANSPORT_SECURITY,
                            hsts != null ? hsts : "max-age=31536000 ; includeSubDomains");
                }
            }
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            response.setHeader(HttpHeaders.VARY, "Accept-Encoding, Cookie");
            String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
            if (ifNoneMatch != null && (ifNoneMatch.contains(etag.substring(2)) || "*".equals(ifNoneMatch.trim()))) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setStatus(HttpServletResponse.SC_OK);
            if (contentType != null) {
                response.setContentType(contentType);
            }
            String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
            byte[] payload = body;
            if (accept != null && accept.contains("gzip") && gzipped.length < body.length) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                payload = gzipped;
            }
            response.setContentLength(payload.length);
            Path file = payload == gzipped ? gzippedFile : bodyFile;
            if (file != null && PageFiles.sendfile(request, file, payload.length)) {
                return; // Tomcat sends the file's bytes itself, from the kernel's page cache.
            }
            response.getOutputStream().write(payload);
        }

        private static byte[] gzip(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        }

        private static String hash(byte[] body) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
                return HexFormat.of().formatHex(digest, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

}
