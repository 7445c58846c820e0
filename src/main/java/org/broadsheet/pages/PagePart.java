package org.broadsheet.pages;

import java.util.List;
import java.util.Map;

/**
 * A part of a page that differs between readers (the header's account links, the comment box, a comment's
 * actions), in a page whose rest is the same for everyone and kept in the page cache. A template places it with
 * the attribute {@code bs:<name>="${args}"}; each reader's page is the kept page with every part rendered for
 * them from {@link #fragment()}, so a cached page and a page rendered in full are the same for the same reader.
 *
 * @param <A> what the template gives the part (a small record: it is kept with the cached page)
 * @param <S> what the part reads once per page for its reader, for all its places at once
 */
public interface PagePart<A, S> {

    /** The part's name in templates: {@code bs:account}, {@code bs:comment-tools}. */
    String name();

    /** The Thymeleaf fragment that renders the part, e.g. {@code "parts/account :: links"}. */
    String fragment();

    /** What the part reads for this reader, once for the page, from every place it has on it. */
    S prepare(PageReader reader, List<A> places);

    /**
     * A key such that two places of this part with the same arguments and key render the same HTML, so that the
     * rendering is made once and kept with the cached page; null when it must be rendered each time (it holds a
     * form token, say).
     */
    Object variant(A args, S state, PageReader reader);

    /** What the fragment is given for one place. */
    Map<String, Object> model(A args, S state, PageReader reader);
}
