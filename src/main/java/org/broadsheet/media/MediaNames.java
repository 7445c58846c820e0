package org.broadsheet.media;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The names this module gives files ({@code 480.jpg}, {@code 480.webp}, {@code video.mp4}...), nothing else ever
 * being a path, and the keys of uploads that their addresses are made of: {@code /media/{key}/{name}}.
 */
public final class MediaNames {

    static final String PATTERN = "[a-z0-9]{1,20}\\.(jpg|png|webp|mp4|vtt)";
    private static final Pattern NAME = Pattern.compile(PATTERN);
    /** 128 random bits in lower-case base 32: 26 letters and digits, which no demo folder name matches. */
    public static final String KEY_PATTERN = "[a-z2-7]{26}";
    /** An upload's key wherever its address appears: in a lead's fields, a srcset or an article's body. */
    public static final Pattern KEY_IN_ADDRESS = Pattern.compile("/media/(" + KEY_PATTERN + ")/");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

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

    static String url(String key, String name) {
        return "/media/" + key + "/" + name;
    }

    /** A new key: 16 random bytes, 5 bits to a character. */
    static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder key = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                key.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            key.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return key.toString();
    }

    /** The keys of uploads named in these texts (addresses, srcsets, Markdown), each once. */
    public static java.util.Set<String> keysIn(String... texts) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                KEY_IN_ADDRESS.matcher(text).results().forEach(match -> keys.add(match.group(1)));
            }
        }
        return keys;
    }
}
