package org.broadsheet.pages;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A page being rendered once for everyone: each part the template places is left as a mark, and noted with
 * what the template gave it, so that the HTML can be cut into a {@link PageTemplate} and the parts rendered for
 * each reader afterwards.
 */
final class PageAssembly {

    static final String ATTRIBUTE = PageAssembly.class.getName();
    /** Chosen when the site starts: no text of a page can contain a mark by chance or on purpose. */
    private static final String MARK = randomMark();

    private final List<PageTemplate.Hole> holes = new ArrayList<>();

    static PageAssembly of(HttpServletRequest request) {
        Object assembly = request.getAttribute(ATTRIBUTE);
        return assembly instanceof PageAssembly pageAssembly ? pageAssembly : null;
    }

    /** Notes a part's place and gives the mark that stands for it in the HTML. */
    @SuppressWarnings("unchecked")
    String place(PagePart<?, ?> part, Object args) {
        holes.add(new PageTemplate.Hole((PagePart<Object, Object>) part, args));
        return placeholder(MARK, holes.size() - 1);
    }

    PageTemplate template(String html) {
        return PageTemplate.of(html, MARK, holes);
    }

    static String placeholder(String mark, int index) {
        return "<!--" + mark + ":" + index + "-->";
    }

    private static String randomMark() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "part-" + HexFormat.of().formatHex(bytes);
    }
}
