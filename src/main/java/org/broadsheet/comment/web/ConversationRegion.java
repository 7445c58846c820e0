package org.broadsheet.comment.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentSort;
import org.broadsheet.comment.CommentViews;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.comment.CommentViews.Discussion;
import org.broadsheet.comment.SignedInReader;
import org.broadsheet.shared.web.PersonalRegion;
import org.springframework.stereotype.Component;

/**
 * Renders the conversation under a cached article again for a signed-in reader: their comment box, and on each
 * comment what they may do (recommend, edit their own, report), with the readers they ignore folded away.
 */
@Component
class ConversationRegion implements PersonalRegion {

    static final String VIEW = "comment/fragments :: discussion(d=${discussion})";

    private final CommentService comments;

    ConversationRegion(CommentService comments) {
        this.comments = comments;
    }

    @Override
    public String name() {
        return CommentViews.REGION;
    }

    @Override
    public Content render(Map<String, String> parameters, Principal viewer, HttpServletRequest request) {
        Long viewerId = SignedInReader.accountId(viewer);
        if (viewerId == null) {
            return null;
        }
        try {
            ArticleRef article = new ArticleRef(Long.parseLong(parameters.get("article")), parameters.get("url"),
                    null, Boolean.parseBoolean(parameters.get("open")), Integer.parseInt(parameters.get("count")));
            String authors = parameters.getOrDefault("authors", "");
            Set<Long> articleAuthors = authors.isEmpty() ? Set.of()
                    : Arrays.stream(authors.split(",")).map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
            int page = Integer.parseInt(parameters.get("page"));
            Discussion discussion = comments.discussion(article, articleAuthors,
                    CommentSort.parse(parameters.get("sort")), page, viewerId);
            if (page == 1) {
                discussion = discussion.withText(SignedInReader.takePendingComment(article.url()));
            }
            return new Content(VIEW, Map.of("discussion", discussion));
        } catch (RuntimeException e) {
            // A marker this code did not write: render the page in full rather than guess.
            return null;
        }
    }
}
