package org.broadsheet.article;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.broadsheet.article.Views.ArticlePage;

/**
 * The conversation under articles, provided by the comments module; the article pages print what it gives them
 * without knowing its shape, so the articles module does not depend on the comments module.
 */
public interface ArticleDiscussion {

    /** The order of comments when the URL names none; its {@code ?sort=} value is never part of a page's address. */
    String DEFAULT_ORDER = "newest";

    /**
     * The first page of the conversation under the article, as {@code viewer} (null for anonymous readers) sees
     * it, in the order named by {@code sort} (null for the default).
     *
     * @throws UnknownOrderException when {@code sort} names no order
     */
    Object firstPage(ArticlePage article, String sort, Principal viewer);

    /** The order asked for in the URL does not exist: the request is wrong, not the server. */
    class UnknownOrderException extends RuntimeException {

        public UnknownOrderException(String sort) {
            super("Unknown order of comments: " + sort);
        }
    }

    /** Ids of the articles with the most comments posted since {@code since}, the most first. */
    List<Long> mostDiscussed(Instant since, int limit);
}
