package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import org.broadsheet.article.Views.Lead;

/**
 * What is needed to write an article: sections, authors and tags are named by slug (tags by name,
 * created when new).
 */
public record NewArticle(String slug, String headline, String standfirst, String bodyMarkdown, ArticleType type,
        String primarySection, List<String> furtherSections, List<String> authors, List<String> tags, Lead lead,
        Instant publishedAt, Instant updatedAt, boolean commentsOpen, String seoTitle, String seoDescription) {
}
