package org.broadsheet.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a link to a video on an allowed provider (YouTube, Vimeo) into the address of that provider's
 * privacy-friendly player for an {@code iframe}; every other link is refused. Only the video's id is taken from
 * the link, checked against the provider's id format, so nothing an editor types reaches the player's address.
 */
public final class VideoEmbeds {

    /** The origins of the players, for the Content-Security-Policy's {@code frame-src}. */
    public static final String YOUTUBE_PLAYER_ORIGIN = "https://www.youtube-nocookie.com";
    public static final String VIMEO_PLAYER_ORIGIN = "https://player.vimeo.com";

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern YOUTUBE_PATH = Pattern.compile("/(?:shorts|embed|live)/([A-Za-z0-9_-]{11})/?");
    private static final Pattern YOUTU_BE_PATH = Pattern.compile("/([A-Za-z0-9_-]{11})/?");
    private static final Pattern VIMEO_PATH = Pattern.compile("/([0-9]{1,12})/?");
    private static final Pattern VIMEO_PLAYER_PATH = Pattern.compile("/video/([0-9]{1,12})/?");

    private static final Set<String> YOUTUBE_HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com");
    private static final Set<String> VIMEO_HOSTS = Set.of("vimeo.com", "www.vimeo.com");

    private VideoEmbeds() {
    }

    /**
     * The player's address for a link such as {@code https://www.youtube.com/watch?v=ID},
     * {@code https://youtu.be/ID}, {@code https://www.youtube.com/shorts/ID} or {@code https://vimeo.com/123};
     * empty for anything else.
     */
    public static Optional<String> embedUrl(String link) {
        URI uri = parse(link);
        if (uri == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (YOUTUBE_HOSTS.contains(host)) {
            String id = "/watch".equals(path) || "/watch/".equals(path) ? queryValue(uri.getRawQuery(), "v")
                    : group(YOUTUBE_PATH, path);
            return youtube(id);
        }
        if ("youtu.be".equals(host)) {
            return youtube(group(YOUTU_BE_PATH, path));
        }
        if ("www.youtube-nocookie.com".equals(host) || "youtube-nocookie.com".equals(host)) {
            return youtube(group(YOUTUBE_PATH, path));
        }
        if (VIMEO_HOSTS.contains(host)) {
            return vimeo(group(VIMEO_PATH, path));
        }
        if ("player.vimeo.com".equals(host)) {
            return vimeo(group(VIMEO_PLAYER_PATH, path));
        }
        return Optional.empty();
    }

    /** Whether the link is one {@link #embedUrl} turns into a player. */
    public static boolean isAllowed(String link) {
        return embedUrl(link).isPresent();
    }

    /** An absolute http(s) link with a host, no user name or password, and the default port; otherwise null. */
    private static URI parse(String link) {
        if (link == null || link.isBlank() || link.length() > 500) {
            return null;
        }
        try {
            URI uri = new URI(link.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getPort() != -1 && uri.getPort() != 443 && uri.getPort() != 80) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Optional<String> youtube(String id) {
        return id != null && YOUTUBE_ID.matcher(id).matches()
                ? Optional.of(YOUTUBE_PLAYER_ORIGIN + "/embed/" + id) : Optional.empty();
    }

    private static Optional<String> vimeo(String id) {
        return id != null ? Optional.of(VIMEO_PLAYER_ORIGIN + "/video/" + id) : Optional.empty();
    }

    private static String group(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static String queryValue(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
