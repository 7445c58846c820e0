package org.broadsheet.pages;

import jakarta.servlet.http.HttpServletRequest;

/** Questions about the page being answered, for the modules that contribute to every page's model. */
public final class SharedPage {

    private SharedPage() {
    }

    /**
     * Whether the request renders a page that is the same for every reader but for its parts: nothing about the
     * reader may go into its model outside a part.
     */
    public static boolean isShared(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(PageCacheFilter.CACHEABLE));
    }
}
