package org.broadsheet.article;

import org.broadsheet.article.Views.ArticlePage;

/**
 * What a permalink leads to: the article itself, or the article's current address when the link is old.
 */
public sealed interface ArticleLookup {

    /** The article is here. */
    record Found(ArticlePage page) implements ArticleLookup {
    }

    /** The article lives at another URL now (its slug, section or date changed): answer with a 301. */
    record Moved(String url) implements ArticleLookup {
    }
}
