package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import org.broadsheet.article.Views.ArticlePage;

/**
 * The conversation under articles, provided by the comments module; the article pages print what it gives them
 * with the fragment it names, so the articles module does not depend on the comments module.
 */
public interface ArticleDiscussion {

    /** The order of comments when the URL names none; its {@code ?sort=} value is never part of a page's address. */
    String DEFAULT_ORDER = "newest";

    /**
     * The first page of the conversation under the article, the same for every reader, in the order named by
     * {@code sort}.
     *
     * @throws UnknownOrderException when {@code sort} names no order
     */
    Conversation firstPage(ArticlePage article, String sort);

    /**
     * A conversation as the article page prints it: with the fragment {@code discussion(d)} of its template.
     * What each reader sees of their own in it comes from page parts, so the page stays the same for everyone.
     */
    interface Conversation {

        /** The template whose {@code discussion} fragment prints it, such as {@code comment/fragments}. */
        String template();
    }

    /** The order asked for in the URL does not exist: the request is wrong, not the server. */
    class UnknownOrderException extends RuntimeException {

        public UnknownOrderException(String sort) {
            super("Unknown order of comments: " + sort);
        }
    }

    /** Ids of the articles with the most comments posted since {@code since}, the most first. */
    List<Long> mostDiscussed(Instant since, int limit);

    /** The latest editors' pick under each of these articles that has one, by article id. */
    java.util.Map<Long, Pick> picks(java.util.Collection<Long> articleIds);

    /** A comment the moderators picked, quoted beside its article. */
    record Pick(String authorName, String excerpt, String permalink) {
    }
}
