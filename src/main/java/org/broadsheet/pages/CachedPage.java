package org.broadsheet.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * A kept page: what it is for everyone ({@link #template}), ready-made for anonymous readers (the bytes, a gzip
 * copy, an ETag, and for large pages files that Tomcat sends with {@code sendfile}), and the tags of what it shows.
 */
record CachedPage(PageTemplate template, byte[] body, byte[] gzipped, String etag, String contentType,
        List<Map.Entry<String, String>> headers, long expiresAt, Path bodyFile, Path gzippedFile,
        Set<String> tags) {

    static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
    static final String HSTS = "max-age=31536000 ; includeSubDomains";

    static CachedPage of(PageTemplate template, byte[] body, String contentType,
            List<Map.Entry<String, String>> headers, long expiresAt, PageFiles files, Set<String> tags) {
        byte[] gzipped = gzip(body);
        String hash = hash(body);
        boolean large = files != null && body.length >= PageFiles.SENDFILE_FROM;
        return new CachedPage(template, body, gzipped, "W/\"" + hash + "\"", contentType, List.copyOf(headers),
                expiresAt, large ? files.write(".html", body) : null, large ? files.write(".html.gz", gzipped) : null,
                Set.copyOf(tags));
    }

    /** What it weighs in the cache: its bytes, its gzip copy and the renderings its template may keep. */
    int weight() {
        return (int) Math.min(Integer.MAX_VALUE, body.length + gzipped.length + template.weight() + 1_024);
    }

    /** Answers an anonymous reader: a 304 when their copy is current, else the page (gzipped if accepted). */
    void writeTo(HttpServletRequest request, HttpServletResponse response, String cacheControl) throws IOException {
        for (Map.Entry<String, String> header : headers) {
            response.setHeader(header.getKey(), header.getValue());
        }
        // HSTS belongs to HTTPS responses only, whichever kind of request filled the cache.
        if (request.isSecure()) {
            response.setHeader(STRICT_TRANSPORT_SECURITY, HSTS);
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
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
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
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
