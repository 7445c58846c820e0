package org.broadsheet.pages;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the page being rendered shows, as the tags of {@link org.broadsheet.shared.ContentChangedEvent}: a
 * change to any of them renders the page again, a change to anything else leaves it in the cache. Handlers of
 * {@link CacheablePage}s add the tags of what they show (an article, its conversation, the cards of a list).
 */
public final class PageTags {

    static final String ATTRIBUTE = PageTags.class.getName();

    private PageTags() {
    }

    /** Adds tags to the page of the current request. */
    public static void add(String... tags) {
        Set<String> kept = current();
        if (kept != null) {
            kept.addAll(java.util.List.of(tags));
        }
    }

    /** Adds tags to the page of the current request. */
    public static void add(Collection<String> tags) {
        Set<String> kept = current();
        if (kept != null) {
            kept.addAll(tags);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        Object kept = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (kept == null) {
            kept = new LinkedHashSet<String>();
            attributes.setAttribute(ATTRIBUTE, kept, RequestAttributes.SCOPE_REQUEST);
        }
        return (Set<String>) kept;
    }

    @SuppressWarnings("unchecked")
    static Set<String> of(HttpServletRequest request) {
        Object kept = request.getAttribute(ATTRIBUTE);
        return kept == null ? Set.of() : Set.copyOf((Set<String>) kept);
    }
}
