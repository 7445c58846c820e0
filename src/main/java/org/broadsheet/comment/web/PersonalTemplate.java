package org.broadsheet.comment.web;

import java.util.Set;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns the conversation as rendered once for every signed-in reader into one reader's view, with a single pass
 * over the text and no template engine: the rendering marks what differs between readers with HTML comments,
 * which nothing a reader writes can contain (their text is escaped).
 * <ul>
 * <li>{@code <!--csrf-->} becomes the form token field, {@code <!--box-key-->} the comment box's key field and
 * {@code <!--box-text-->} the text waiting in the box (escaped);</li>
 * <li>{@code <!--?own:ID-->…<!--/?-->} is kept only when the reader wrote comment ID, {@code <!--?!own:ID-->}
 * when they did not; likewise {@code rec} (they recommend it), {@code edit} (they may still edit it) and
 * {@code ign} (they ignore the reader whose account id it names). Conditions nest.</li>
 * </ul>
 */
final class PersonalTemplate {

    /** One reader's side of the conversation. */
    record Reader(String csrfField, String boxKey, String boxText, Set<Long> own, Set<Long> editable,
            Set<Long> recommended, Set<Long> ignored) {
    }

    private static final String CSRF = "<!--csrf-->";
    private static final String BOX_KEY = "<!--box-key-->";
    private static final String BOX_TEXT = "<!--box-text-->";
    private static final String IF = "<!--?";
    private static final String END = "<!--/?-->";

    private PersonalTemplate() {
    }

    static String apply(String template, Reader reader) {
        StringBuilder out = new StringBuilder(template.length() + 4_096);
        int at = 0;
        while (true) {
            int marker = template.indexOf("<!--", at);
            if (marker < 0) {
                out.append(template, at, template.length());
                return out.toString();
            }
            out.append(template, at, marker);
            if (template.startsWith(CSRF, marker)) {
                out.append(reader.csrfField());
                at = marker + CSRF.length();
            } else if (template.startsWith(BOX_KEY, marker)) {
                out.append("<input type=\"hidden\" name=\"key\" value=\"")
                        .append(HtmlUtils.htmlEscape(reader.boxKey())).append("\">");
                at = marker + BOX_KEY.length();
            } else if (template.startsWith(BOX_TEXT, marker)) {
                out.append(reader.boxText() == null ? "" : HtmlUtils.htmlEscape(reader.boxText()));
                at = marker + BOX_TEXT.length();
            } else if (template.startsWith(END, marker)) {
                at = marker + END.length();
            } else if (template.startsWith(IF, marker)) {
                int close = template.indexOf("-->", marker);
                boolean holds = holds(template.substring(marker + IF.length(), close), reader);
                at = holds ? close + 3 : skip(template, close + 3);
            } else {
                // Any other comment (the page cache's own markers) stays.
                int close = template.indexOf("-->", marker);
                out.append(template, marker, close + 3);
                at = close + 3;
            }
        }
    }

    /** Where the text continues after the {@code <!--/?-->} that closes a condition opened just before. */
    private static int skip(String template, int from) {
        int depth = 1;
        int at = from;
        while (depth > 0) {
            int next = template.indexOf("<!--", at);
            if (next < 0) {
                throw new IllegalArgumentException("Unclosed condition in a conversation template");
            }
            if (template.startsWith(END, next)) {
                depth--;
                at = next + END.length();
            } else {
                if (template.startsWith(IF, next)) {
                    depth++;
                }
                at = next + 4;
            }
        }
        return at;
    }

    private static boolean holds(String condition, Reader reader) {
        boolean negated = condition.startsWith("!");
        String test = negated ? condition.substring(1) : condition;
        int colon = test.indexOf(':');
        long id = Long.parseLong(test.substring(colon + 1));
        boolean value = switch (test.substring(0, colon)) {
            case "own" -> reader.own().contains(id);
            case "edit" -> reader.editable().contains(id);
            case "rec" -> reader.recommended().contains(id);
            case "ign" -> reader.ignored().contains(id);
            default -> throw new IllegalArgumentException("Unknown condition " + condition);
        };
        return value != negated;
    }
}
