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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

import org.broadsheet.shared.web.CacheablePage;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves pages that are the same for every anonymous reader from memory, with an ETag and a ready-made gzip
 * copy, so that the busiest pages cost no SQL and no template rendering. A page is kept only when its handler
 * is marked {@link CacheablePage}, it answered 200 without setting a cookie, and the reader has no session.
 * Everything is dropped when content changes ({@link #clear()}), and each page expires after a short time so
 * that several instances, scheduled articles and relative times never stay stale for long.
 */
public class PageCacheFilter extends OncePerRequestFilter {

    static final String CACHEABLE = PageCacheFilter.class.getName() + ".cacheable";
    private static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
    private static final int MAX_ENTRIES = 4_000;
    /** The only query parameters of pages that are the same for everyone. */
    private static final Set<String> CACHED_PARAMETERS = Set.of("page", "signed-out", "sort");
    private static final int MAX_BODY = 2 * 1024 * 1024;
    /** How long a request waits for another one rendering the same page before rendering it itself. */
    private static final Duration RENDER_WAIT = Duration.ofSeconds(5);
    private static final List<String> SKIPPED_HEADERS = List.of(HttpHeaders.SET_COOKIE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.DATE, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL,
            HttpHeaders.PRAGMA, HttpHeaders.EXPIRES, HttpHeaders.CONTENT_ENCODING, HttpHeaders.VARY,
            STRICT_TRANSPORT_SECURITY);

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final PageFiles files;
    /** Addresses whose page has been kept before: only these are worth waiting for while one is rendered. */
    private final Set<String> cacheableKeys = ConcurrentHashMap.newKeySet();
    /** The pages being rendered right now, for the requests that arrive meanwhile. */
    private final Map<String, CompletableFuture<Entry>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Duration ttl;
    private final Clock clock;

    public PageCacheFilter(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.files = new PageFiles(ttl);
    }

    /** Forgets every page; called after anything readers see has changed. */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
        files.forgetOld(filesInUse());
    }

    private Set<Path> filesInUse() {
        Set<Path> inUse = new HashSet<>();
        for (Entry entry : entries.values()) {
            if (entry.bodyFile() != null) {
                inUse.add(entry.bodyFile());
            }
            if (entry.gzippedFile() != null) {
                inUse.add(entry.gzippedFile());
            }
        }
        return inUse;
    }

    int size() {
        return entries.size();
    }

    /** How many pages are kept as files for sendfile. */
    long storedFiles() {
        return files.count();
    }

    /** The page kept for anonymous readers at this request's address, if it is still fresh. */
    byte[] cachedBody(HttpServletRequest request) {
        Entry entry = entries.get(key(request));
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
        if (!knownParameters(request)) {
            // Made-up query strings must not fill the cache with copies of the same page.
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt > clock.millis()) {
            entry.writeTo(request, response, true);
            return;
        }
        // One request renders a missing or expired page that has been kept before; the others meanwhile get the
        // expired copy, or wait for the new one, so that a busy page never has everyone render it at once.
        boolean known = !ttl.isZero() && cacheableKeys.contains(key);
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
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                    cacheableKeys.clear();
                    files.forgetOld(filesInUse());
                }
                entries.put(key, fresh);
                cacheableKeys.add(key);
                files.tidyNowAndThen(this::filesInUse);
            }
            wrapper.resetBuffer();
            fresh.writeTo(request, response, false);
            return ttl.isZero() ? null : fresh;
        }
        wrapper.copyBodyToResponse();
        return null;
    }

    private static boolean knownParameters(HttpServletRequest request) {
        return request.getQueryString() == null
                || request.getParameterMap().keySet().stream().allMatch(CACHED_PARAMETERS::contains);
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
                    large ? files.write(hash + ".html", body) : null,
                    large ? files.write(hash + ".html.gz", gzipped) : null);
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
