package org.broadsheet.search;

import org.broadsheet.article.Views.ArticleCard;

/**
 * One article found by a search.
 *
 * @param card the article as listed elsewhere on the site
 * @param headlineHtml the headline, HTML-escaped, with the query's terms wrapped in {@code <mark>}: safe to print
 *        unescaped
 * @param snippetHtml about 240 characters of the body (or the standfirst) around the first match, escaped and
 *        marked the same way
 */
public record SearchHit(ArticleCard card, String headlineHtml, String snippetHtml) {
}
