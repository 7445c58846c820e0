package org.broadsheet.article;

/**
 * Where an article is in its life: only {@link #PUBLISHED} articles whose time has come are shown to readers.
 */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED
}
