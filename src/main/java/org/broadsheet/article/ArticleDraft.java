package org.broadsheet.article;

import java.time.LocalDateTime;
import java.util.List;

import org.broadsheet.article.Views.Lead;

/**
 * Everything the article form writes. Sections and authors are named by slug, tags by name (new ones are created);
 * {@code publishAt} is a wall-clock time in the site's time zone; {@code version} is the version the editor
 * started from (null for a new article).
 */
public record ArticleDraft(String headline, String standfirst, String slug, ArticleType type, String primarySection,
        List<String> furtherSections, List<String> authors, List<String> tags, String bodyMarkdown, Lead lead,
        String seoTitle, String seoDescription, String seoImage, boolean commentsOpen, Publication publication,
        LocalDateTime publishAt, Long version) {

    public ArticleDraft {
        furtherSections = furtherSections == null ? List.of() : List.copyOf(furtherSections);
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The same content, as of another version and publication choice. */
    ArticleDraft withPublication(Publication publication, LocalDateTime publishAt, Long version) {
        return new ArticleDraft(headline, standfirst, slug, type, primarySection, furtherSections, authors, tags,
                bodyMarkdown, lead, seoTitle, seoDescription, seoImage, commentsOpen, publication, publishAt, version);
    }
}
