package org.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.broadsheet.shared.SiteProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the sitemaps list. Every visible article is in the sitemap of the month it was published in (the site's
 * time zone, as in its address), at most {@link #PER_FILE} to a file, so that however many articles the site
 * holds each file stays within what the sitemap protocol allows; the sitemap index names every month that has
 * articles. Those of the last two days are in the Google News sitemap too.
 */
@Service
@Transactional(readOnly = true)
public class Sitemaps {

    /** The most URLs the sitemap protocol allows in one file. */
    public static final int PER_FILE = 50_000;

    /** A month that has visible articles: how many, and when the last of them was published or changed. */
    public record SitemapMonth(YearMonth month, int articles, Instant lastModified) {

        /** How many files the month's articles fill. */
        public int files(int perFile) {
            return (articles + perFile - 1) / perFile;
        }
    }

    private final ArticleRepository articles;
    private final ArticleCards cards;
    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;
    private final int perFile;

    /** {@code perFile} is {@link #PER_FILE} but where a test makes a month fill several files. */
    Sitemaps(ArticleRepository articles, ArticleCards cards, JdbcClient jdbc, SiteProperties site, Clock clock,
            @Value("${broadsheet.sitemap.per-file:" + PER_FILE + "}") int perFile) {
        if (perFile < 1 || perFile > PER_FILE) {
            throw new IllegalArgumentException("broadsheet.sitemap.per-file must be from 1 to " + PER_FILE
                    + ", not " + perFile);
        }
        this.articles = articles;
        this.cards = cards;
        this.jdbc = jdbc;
        this.zone = site.zone();
        this.clock = clock;
        this.perFile = perFile;
    }

    public int perFile() {
        return perFile;
    }

    /**
     * The months that have visible articles, newest first: one statement, an aggregate over the visible articles
     * (read once per change to the lists, since the sitemap index is a kept page).
     */
    public List<SitemapMonth> months() {
        return jdbc.sql("""
                SELECT EXTRACT(YEAR FROM a.published_at AT TIME ZONE :zone) AS y,
                       EXTRACT(MONTH FROM a.published_at AT TIME ZONE :zone) AS m,
                       COUNT(*) AS n, MAX(COALESCE(a.updated_at, a.published_at)) AS last_change
                FROM article a WHERE a.status = 'PUBLISHED' AND a.published_at <= :now
                GROUP BY y, m ORDER BY y DESC, m DESC""")
                .param("zone", zone.getId()).param("now", OffsetDateTime.ofInstant(clock.instant(), zone))
                .query((row, n) -> new SitemapMonth(YearMonth.of(row.getInt("y"), row.getInt("m")),
                        row.getInt("n"), row.getObject("last_change", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * The visible articles published in {@code month}, newest first: the {@code part}th file of them (from 1),
     * empty when there is no such file. One statement, a range of the listing index.
     */
    public List<SitemapEntry> month(YearMonth month, int part) {
        if (part < 1) {
            return List.of();
        }
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return articles.findSitemapRows(from, to, clock.instant(), PageRequest.of(part - 1, perFile)).stream()
                .map(row -> new SitemapEntry(cards.url(row.sectionId(), row.publishedAt(), row.slug()), null,
                        row.updatedAt() != null && row.updatedAt().isAfter(row.publishedAt())
                                ? row.updatedAt() : row.publishedAt(), row.publishedAt()))
                .toList();
    }

    /** Articles published in the last two days, for the Google News sitemap. */
    public List<SitemapEntry> newsSitemap() {
        Instant now = clock.instant();
        return articles.findVisibleSince(now.minus(Duration.ofDays(2)), now).stream()
                .map(a -> new SitemapEntry(cards.url(a), a.getHeadline(), a.getPublishedAt(), a.getPublishedAt()))
                .toList();
    }
}
