package org.broadsheet.search.web;

import org.broadsheet.search.SearchResults;
import org.broadsheet.search.SearchService;
import org.broadsheet.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page. Never cached: its content depends on the query, and it is not worth keeping.
 */
@Controller
class SearchController {

    static final String VIEW = "search/results";
    /** No reader pages through more than 10,000 hits; deeper pages are treated as not existing. */
    static final int MAX_PAGE = 500;

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", defaultValue = "") String q,
            @RequestParam(defaultValue = "1") int page, Model model) {
        if (page < 1 || page > MAX_PAGE) {
            throw new NotFoundException("search page " + page);
        }
        SearchResults results = search.search(q, page);
        model.addAttribute("query", results.query());
        model.addAttribute("results", results);
        return VIEW;
    }
}
