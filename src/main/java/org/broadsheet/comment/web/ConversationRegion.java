package org.broadsheet.comment.web;

import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.article.ArticleDiscussion;
import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentSort;
import org.broadsheet.comment.CommentViews;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.comment.CommentViews.Discussion;
import org.broadsheet.comment.SignedInReader;
import org.broadsheet.shared.web.PersonalRegion;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The conversation under an article: what the article page prints ({@link ArticleDiscussion}), and the part of
 * a cached page rendered again for each signed-in reader ({@link PersonalRegion}). Both give a signed-in reader
 * the same HTML, from {@link SignedInConversation}.
 */
@Component
class ConversationRegion implements PersonalRegion, ArticleDiscussion {

    private final CommentService comments;
    private final SignedInConversation signedIn;

    ConversationRegion(CommentService comments, SignedInConversation signedIn) {
        this.comments = comments;
        this.signedIn = signedIn;
    }

    @Override
    public String name() {
        return CommentViews.REGION;
    }

    @Override
    public Object firstPage(ArticlePage article, String sort, Principal viewer) {
        ArticleRef ref = new ArticleRef(article.id(), article.url(), article.headline(), article.commentsOpen(),
                article.commentCount());
        CommentSort order;
        try {
            order = CommentSort.parse(sort);
        } catch (IllegalArgumentException e) {
            throw new UnknownOrderException(sort);
        }
        return forReader(ref, article.authorAccountIds(), order, 1, SignedInReader.accountId(viewer),
                currentRequest(), currentResponse());
    }

    @Override
    public List<Long> mostDiscussed(Instant since, int limit) {
        return comments.mostDiscussed(since, limit);
    }

    @Override
    public String render(Map<String, String> parameters, Principal viewer, HttpServletRequest request,
            HttpServletResponse response) {
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
            return forReader(article, articleAuthors, CommentSort.parse(parameters.get("sort")),
                    Integer.parseInt(parameters.get("page")), viewerId, request, response).personalHtml();
        } catch (RuntimeException e) {
            // A marker this code did not write, or a page that is gone: render the page in full rather than guess.
            return null;
        }
    }

    /** A page of threads for this reader: signed in, with their view rendered; anonymous, as data. */
    Discussion forReader(ArticleRef article, Set<Long> articleAuthors, CommentSort sort, int page, Long viewerId,
            HttpServletRequest request, HttpServletResponse response) {
        Discussion discussion = comments.discussion(article, articleAuthors, sort, page, viewerId);
        if (viewerId == null) {
            return discussion;
        }
        if (page == 1) {
            discussion = discussion.withText(SignedInReader.takePendingComment(article.url()));
        }
        return signedIn.render(discussion, request, response);
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private static HttpServletResponse currentResponse() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
    }
}
