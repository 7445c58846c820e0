package org.broadsheet.shared.web;

import java.util.List;
import java.util.Map;

import org.broadsheet.shared.VideoEmbeds;

/**
 * The security headers of every response: set by Spring Security on what the application answers, and written by
 * the same values on what is answered without it (a kept page, a request Tomcat refused).
 */
public final class SecurityHeaders {

    /** Frames only for the players of the allowed video providers that article bodies embed (VideoEmbeds). */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; media-src 'self'; "
            + "frame-src " + VideoEmbeds.YOUTUBE_PLAYER_ORIGIN + " " + VideoEmbeds.VIMEO_PLAYER_ORIGIN + "; "
            + "style-src 'self'; script-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private SecurityHeaders() {
    }

    /** Every header but HSTS, which belongs to HTTPS responses only. */
    public static List<Map.Entry<String, String>> all() {
        return List.of(Map.entry("Content-Security-Policy", CONTENT_SECURITY_POLICY),
                Map.entry("X-Content-Type-Options", "nosniff"), Map.entry("X-Frame-Options", "DENY"),
                Map.entry("Referrer-Policy", REFERRER_POLICY));
    }
}
