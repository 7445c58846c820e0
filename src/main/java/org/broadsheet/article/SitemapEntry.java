package org.broadsheet.article;

import java.time.Instant;

/**
 * One article as sitemaps list it: its path, title, last change and publication time.
 */
public record SitemapEntry(String path, String title, Instant lastModified, Instant publishedAt) {
}
