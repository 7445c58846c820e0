package org.broadsheet.article.web;

import org.broadsheet.shared.NotFoundException;

/**
 * Page numbers in listing URLs start at 1; anything else is a page that does not exist.
 */
final class Pages {

    static final int MAX_PAGE = 10_000;

    private Pages() {
    }

    static int check(int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw new NotFoundException("page " + page);
        }
        return page;
    }
}
