package org.broadsheet.editorial.web;

import java.util.ArrayList;
import java.util.List;

import org.broadsheet.article.Catalogue.FrontPageDesk;
import org.broadsheet.article.Catalogue.Pin;

/**
 * The stories pinned to the front page as the form posts them: the lead story's id and the top stories' ids in
 * order, an empty choice meaning "the latest"; {@code q} keeps the search the lists were made from and
 * {@code version} the count of changes to the pins the page showed.
 */
record FrontPageForm(Long lead, List<Long> top, String q, Long version) {

    FrontPageForm {
        top = top == null ? List.of() : new ArrayList<>(top);
    }

    static FrontPageForm of(FrontPageDesk desk, String q) {
        return new FrontPageForm(desk.lead() == null ? null : desk.lead().articleId(),
                desk.top().stream().map(Pin::articleId).toList(), q, desk.version());
    }

    /** The same choices over the pins now saved, so that saving them again is a deliberate overwrite. */
    FrontPageForm over(long newVersion) {
        return new FrontPageForm(lead, top, q, newVersion);
    }

    /** The story chosen for top place {@code index} (from 0), or null for "the latest". */
    public Long topAt(int index) {
        return index < top.size() ? top.get(index) : null;
    }
}
