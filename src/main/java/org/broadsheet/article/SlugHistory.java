package org.broadsheet.article;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A slug an article was once published under; its URL keeps working with a permanent redirect.
 */
@Entity
@Table(name = "article_slug_history")
class SlugHistory {

    @Id
    private String slug;

    private Long articleId;

    protected SlugHistory() {
    }

    SlugHistory(String slug, Long articleId) {
        this.slug = slug;
        this.articleId = articleId;
    }

    String getSlug() {
        return slug;
    }

    Long getArticleId() {
        return articleId;
    }
}
