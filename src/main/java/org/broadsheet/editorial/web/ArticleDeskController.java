package org.broadsheet.editorial.web;

import java.util.Optional;
import java.util.Set;

import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.DeskQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The editors' list of articles at {@code /admin/articles} (editors and administrators): every article, drafts
 * and scheduled ones too, filtered by status, section, author and headline, newest change or publication first.
 */
@Controller
class ArticleDeskController {

    static final String VIEW = "editorial/articles";
    private static final Set<String> STATUSES = Set.of("draft", "scheduled", "published");
    private static final Set<String> SORTS = Set.of("updated", "published");
    private static final int MAX_PAGE = 10_000;

    private final ArticleDesk desk;

    ArticleDeskController(ArticleDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/admin/articles")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String section,
            @RequestParam(required = false) String author, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "updated") String sort, @RequestParam(defaultValue = "1") int page,
            Model model) {
        if (status != null && !status.isEmpty() && !STATUSES.contains(status) || !SORTS.contains(sort)
                || page < 1 || page > MAX_PAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown filter");
        }
        DeskQuery query = new DeskQuery(blankToNull(status), blankToNull(section), blankToNull(author),
                q == null ? null : q.strip(), sort, page);
        model.addAttribute("query", query);
        model.addAttribute("desk", desk.desk(query));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/admin/articles")
                .queryParamIfPresent("status", Optional.ofNullable(query.status()))
                .queryParamIfPresent("section", Optional.ofNullable(query.section()))
                .queryParamIfPresent("author", Optional.ofNullable(query.author()))
                .queryParamIfPresent("q", Optional.ofNullable(query.text()).filter(t -> !t.isEmpty()))
                .queryParam("sort", sort).encode().build().toUriString());
        return VIEW;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
