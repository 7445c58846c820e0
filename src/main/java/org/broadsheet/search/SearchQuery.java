package org.broadsheet.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader's query split into the words that the portable search looks for and that the highlighter marks.
 * <p>
 * Words are runs of letters and digits, lower-cased; words of one character and the operator word {@code or}
 * are ignored, and at most {@value #MAX_TERMS} words are kept. As in PostgreSQL's {@code websearch_to_tsquery},
 * a word written {@code -word} (at the start of the query or after a space) excludes articles containing it.
 *
 * @param text the normalized query
 * @param terms the words every hit must contain
 * @param excluded the words no hit may contain
 */
record SearchQuery(String text, List<String> terms, List<String> excluded) {

    static final int MAX_TERMS = 8;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern ANY_WORD_CHARACTER = Pattern.compile("[\\p{L}\\p{N}]");

    /**
     * The query as it is searched for and printed back: control, format and unassigned characters (a NUL
     * would make PostgreSQL fail) become spaces, runs of white space one space, and the ends are trimmed.
     */
    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String cleaned = CONTROL.matcher(raw).replaceAll(" ");
        return SPACES.matcher(cleaned).replaceAll(" ").strip();
    }

    /** True when the text has a letter or digit, without which no article can match. */
    static boolean hasWords(String text) {
        return ANY_WORD_CHARACTER.matcher(text).find();
    }

    static SearchQuery parse(String normalized) {
        Set<String> terms = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        Matcher words = WORD.matcher(normalized);
        while (words.find() && terms.size() + excluded.size() < MAX_TERMS) {
            String word = words.group().toLowerCase(Locale.ROOT);
            if (word.codePointCount(0, word.length()) < 2 || word.equals("or")) {
                continue;
            }
            if (negated(normalized, words.start())) {
                if (!terms.contains(word)) {
                    excluded.add(word);
                }
            } else if (!excluded.contains(word)) {
                terms.add(word);
            }
        }
        return new SearchQuery(normalized, List.copyOf(new ArrayList<>(terms)), List.copyOf(excluded));
    }

    private static boolean negated(String text, int wordStart) {
        if (wordStart == 0 || text.charAt(wordStart - 1) != '-') {
            return false;
        }
        return wordStart == 1 || text.charAt(wordStart - 2) == ' ';
    }
}
