package org.broadsheet.article;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Article permalinks: {@code /{section}/{yyyy}/{MM}/{dd}/{slug}}, readable and stable. The slug alone
 * identifies the article, so a URL with an old section, date or slug is answered with a redirect.
 */
public final class ArticleUrls {

    private ArticleUrls() {
    }

    public static String path(String sectionSlug, Instant publishedAt, ZoneId zone, String slug) {
        ZonedDateTime local = publishedAt.atZone(zone);
        return "/%s/%04d/%02d/%02d/%s".formatted(sectionSlug, local.getYear(), local.getMonthValue(),
                local.getDayOfMonth(), slug);
    }
}
