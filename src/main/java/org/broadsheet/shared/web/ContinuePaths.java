package org.broadsheet.shared.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Decides where a "continue" parameter may send a reader after signing in or registering: only to a path on
 * this site, never elsewhere (no open redirect).
 */
public final class ContinuePaths {

    private static final int MAX_LENGTH = 500;

    private ContinuePaths() {
    }

    /**
     * @return the path if it is a same-site path such as {@code /news/2021/05/06/slug#comments}, otherwise
     *         {@code null}
     */
    public static String safe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.contains("\\")) {
            return null;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            // Anything outside printable ASCII ("/。evil.example", "/café" as typed) cannot go into a Location
            // header as it is; the site's own addresses come percent-encoded, so such a value was made by hand.
            if (c < 0x21 || c > 0x7e || encodesControlCharacter(candidate, i)) {
                return null;
            }
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return null;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return candidate;
    }

    // "%0d%0a" and the like: no page address on this site has them, and anything downstream that decodes
    // before it writes a header or a log line would be open to injection.
    private static boolean encodesControlCharacter(String candidate, int i) {
        if (candidate.charAt(i) != '%' || i + 2 >= candidate.length()) {
            return false;
        }
        int high = Character.digit(candidate.charAt(i + 1), 16);
        int low = Character.digit(candidate.charAt(i + 2), 16);
        // Only ASCII controls: %80 to %9F are also continuation bytes of UTF-8 ("%E2%80%94" is an em dash).
        int value = high * 16 + low;
        return high >= 0 && low >= 0 && (value < 0x20 || value == 0x7f);
    }

    public static String safeOr(String candidate, String fallback) {
        String safe = safe(candidate);
        return safe != null ? safe : fallback;
    }
}
