package org.broadsheet.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns headlines and names into URL slugs: lower-case ASCII letters, digits and single hyphens.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 120;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static String of(String text) {
        return of(text, MAX_LENGTH);
    }

    /** The slug of {@code text}, cut at a hyphen (where one is near the end) to at most {@code maxLength}. */
    public static String of(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String s = text.replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae")
                .replace("ø", "o").replace("Ø", "o").replace("ł", "l").replace("Ł", "l")
                .replace("đ", "d").replace("Đ", "d").replace("&", " and ");
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = NON_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-");
        s = trimHyphens(s);
        if (s.length() > maxLength) {
            s = s.substring(0, maxLength);
            int cut = s.lastIndexOf('-');
            if (cut > maxLength / 2) {
                s = s.substring(0, cut);
            }
            s = trimHyphens(s);
        }
        return s;
    }

    public static boolean isValid(String slug) {
        return slug != null && !slug.isEmpty() && slug.length() <= MAX_LENGTH && slug.equals(of(slug));
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
