package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns what a reader typed into the HTML of their comment: everything escaped, blank lines make paragraphs,
 * single line breaks are kept, and web addresses become links marked {@code rel="nofollow ugc"}. Nothing the
 * reader typed can add markup of its own.
 */
public final class CommentText {

    public static final int MAX_LENGTH = 5_000;
    public static final int MAX_LINKS = 3;

    // Addresses end before trailing punctuation that usually closes the sentence rather than the URL.
    private static final Pattern URL = Pattern.compile(
            "\\bhttps?://[\\w.-]+(?::\\d+)?(?:/[^\\s<>\"]*)?(?<![.,;:!?)\\]'\"])", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

    private CommentText() {
    }

    /** The comment as HTML, safe to print unescaped. */
    public static String toHtml(String text) {
        String normalised = normalise(text);
        if (normalised.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(normalised.length() + 64);
        for (String paragraph : PARAGRAPH_BREAK.split(normalised)) {
            String trimmed = paragraph.strip();
            if (!trimmed.isEmpty()) {
                html.append("<p>").append(linked(trimmed).replace("\n", "<br>")).append("</p>");
            }
        }
        return html.toString();
    }

    /** The web addresses in the text, in order. */
    public static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher matcher = URL.matcher(normalise(text));
        while (matcher.find()) {
            links.add(matcher.group());
        }
        return links;
    }

    /** Line endings made uniform, control characters other than line breaks and tabs removed, ends trimmed. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(text.length());
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < unified.length(); i++) {
            char c = unified.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                clean.append(c);
            }
        }
        return clean.toString().strip();
    }

    private static String linked(String paragraph) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = URL.matcher(paragraph);
        int last = 0;
        while (matcher.find()) {
            out.append(HtmlUtils.htmlEscape(paragraph.substring(last, matcher.start()), "UTF-8"));
            String url = HtmlUtils.htmlEscape(matcher.group(), "UTF-8");
            out.append("<a href=\"").append(url).append("\" rel=\"nofollow ugc\">").append(url).append("</a>");
            last = matcher.end();
        }
        out.append(HtmlUtils.htmlEscape(paragraph.substring(last), "UTF-8"));
        return out.toString();
    }
}
