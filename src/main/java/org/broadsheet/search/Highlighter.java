package org.broadsheet.search;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns plain text into HTML that is safe to print unescaped: every character of the text is HTML-escaped,
 * and the only markup added is {@code <mark>} around the words of the text that are one of the query's words,
 * ignoring case, or that word with a common English ending: a search for {@code elections} marks "election"
 * and "Elections", a search for {@code vote} marks "votes", "voted" and "voters", but a search for {@code the}
 * does not mark "them". That is close to what PostgreSQL's stemming finds, and leaves the
 * substrings that H2's portable search also matches (such as "start" for {@code art}) unmarked.
 * <p>
 * Occurrences are found in the plain text and each piece is escaped as it is written out, which is the same as
 * escaping first and marking afterwards, except that a word such as {@code amp} or {@code lt} can never be
 * marked inside an entity like {@code &amp;amp;}.
 */
final class Highlighter {

    /** About how many characters of text a snippet shows. */
    static final int SNIPPET_LENGTH = 240;
    /** How many characters of context a snippet shows before the first match. */
    static final int LEAD_IN = 60;
    static final String ELLIPSIS = "\u2026";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Endings taken off a query's word before matching, longest first. */
    private static final List<String> ENDINGS = List.of("ing", "ers", "es", "ed", "er", "s");
    /** Endings a word of the text may have after the query's word. */
    private static final String ENDING = "(?:e?s|e?d|e?rs?|ing|e)?";
    private static final String LETTER = "[\\p{L}\\p{M}\\p{N}]";

    private final Pattern pattern;

    Highlighter(List<String> words) {
        if (words.isEmpty()) {
            this.pattern = null;
        } else {
            // Longest first, so that the longest word is tried first where one word starts another.
            String alternatives = words.stream().map(Highlighter::base).distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).collect(Collectors.joining("|"));
            this.pattern = Pattern.compile("(?<!" + LETTER + ")(?:" + alternatives + ")" + ENDING + "(?!" + LETTER
                    + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    /** The word without a common English ending, if at least three characters remain. */
    static String base(String word) {
        for (String ending : ENDINGS) {
            if (word.length() - ending.length() >= 3 && word.endsWith(ending)) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    /** The whole text, escaped, with the words marked. */
    String highlight(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (pattern == null) {
            return escape(text);
        }
        StringBuilder html = new StringBuilder(text.length() + 32);
        Matcher matcher = pattern.matcher(text);
        int written = 0;
        while (matcher.find()) {
            html.append(escape(text.substring(written, matcher.start())))
                    .append("<mark>").append(escape(matcher.group())).append("</mark>");
            written = matcher.end();
        }
        return html.append(escape(text.substring(written))).toString();
    }

    /**
     * About {@value #SNIPPET_LENGTH} characters around the first match in the body; failing that, in the
     * standfirst; failing that, the start of the standfirst (or of the body when there is no standfirst).
     * Escaped and marked like {@link #highlight(String)}; an ellipsis shows where the text was cut.
     */
    String snippet(String body, String standfirst) {
        String bodyText = collapse(body);
        int at = firstMatch(bodyText);
        if (at >= 0) {
            return excerpt(bodyText, at);
        }
        String standfirstText = collapse(standfirst);
        if (!standfirstText.isEmpty()) {
            return excerpt(standfirstText, Math.max(0, firstMatch(standfirstText)));
        }
        return excerpt(bodyText, 0);
    }

    /** Where the first word starts in the text, or -1. */
    int firstMatch(String text) {
        if (pattern == null || text == null) {
            return -1;
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.start() : -1;
    }

    private String excerpt(String text, int matchAt) {
        int[] window = window(text, matchAt);
        String html = highlight(text.substring(window[0], window[1]).strip());
        return (window[0] > 0 ? ELLIPSIS + " " : "") + html + (window[1] < text.length() ? " " + ELLIPSIS : "");
    }

    /**
     * The start and end of about {@value #SNIPPET_LENGTH} characters of the text showing the character at
     * {@code matchAt} after up to {@value #LEAD_IN} characters of context, cut between words where possible.
     */
    static int[] window(String text, int matchAt) {
        int length = text.length();
        if (length <= SNIPPET_LENGTH) {
            return new int[] { 0, length };
        }
        int start = Math.max(0, Math.min(matchAt - LEAD_IN, length - SNIPPET_LENGTH));
        if (start > 0 && text.charAt(start - 1) != ' ') {
            int space = text.indexOf(' ', start);
            if (space >= 0 && space < matchAt) {
                start = space + 1;
            }
        }
        int end = Math.min(length, start + SNIPPET_LENGTH);
        if (end < length && text.charAt(end) != ' ') {
            int space = text.lastIndexOf(' ', end);
            if (space > Math.max(start, matchAt)) {
                end = space;
            }
        }
        // Never cut a character outside the Basic Multilingual Plane in half.
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        if (end < length && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return new int[] { start, end };
    }

    private static String collapse(String text) {
        return text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
