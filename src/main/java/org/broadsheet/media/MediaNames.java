package org.broadsheet.media;

import java.util.regex.Pattern;

/** The names this module gives files ({@code 480.jpg}, {@code video.mp4}...): nothing else is ever a path. */
final class MediaNames {

    static final String PATTERN = "[a-z0-9]{1,20}\\.(jpg|png|mp4|vtt)";
    private static final Pattern NAME = Pattern.compile(PATTERN);

    static final String VIDEO = "video.mp4";
    static final String CAPTIONS = "captions.vtt";

    private MediaNames() {
    }

    static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static String check(String name) {
        if (!valid(name)) {
            throw new IllegalArgumentException("Not a media file name: " + name);
        }
        return name;
    }

    static String url(long mediaId, String name) {
        return "/media/" + mediaId + "/" + name;
    }
}
