package org.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the sitemaps list: every visible article, and those of the last two days for Google News. */
@Service
@Transactional(readOnly = true)
public class Sitemaps {

    private final ArticleRepository articles;
    private final ArticleCards service;
    private final Clock clock;

    Sitemaps(ArticleRepository articles, ArticleCards service, Clock clock) {
        this.articles = articles;
        this.service = service;
        this.clock = clock;
    }

    /** Every visible article, newest first, for the sitemap. */
    public List<SitemapEntry> sitemap() {
        Instant now = clock.instant();
        return articles.findNewestVisible(now, PageRequest.of(0, 50_000)).stream()
                .map(a -> new SitemapEntry(service.url(a), a.getHeadline(),
                        a.getUpdatedAt() != null && a.getUpdatedAt().isAfter(a.getPublishedAt())
                                ? a.getUpdatedAt() : a.getPublishedAt(), a.getPublishedAt()))
                .toList();
    }

    /** Articles published in the last two days, for the Google News sitemap. */
    public List<SitemapEntry> newsSitemap() {
        Instant now = clock.instant();
        return articles.findVisibleSince(now.minus(Duration.ofDays(2)), now).stream()
                .map(a -> new SitemapEntry(service.url(a), a.getHeadline(), a.getPublishedAt(), a.getPublishedAt()))
                .toList();
    }
}
