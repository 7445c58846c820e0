package org.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.broadsheet.shared.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the sitemaps list. Every visible article is in the sitemap of the month it was published in (the site's
 * time zone, as in its address); the sitemap index names every month that has articles. A month's sitemap holds
 * at most {@link #PER_FILE} articles, its newest, which is what the protocol allows in one file (more than 1,600
 * articles a day). Those of the last two days are in the Google News sitemap too.
 * <p>
 * The index costs two statements whatever the number of articles: the first article's time (one probe of the
 * listing index), then, for each month from that one to this one, whether it has an article (one probe each, in
 * one statement for up to {@value #MONTHS_A_STATEMENT} months). It gives no {@code lastmod} for a month: knowing when anything in it last changed would mean
 * reading all its articles, and a wrong date would keep crawlers from reading a month again.
 */
@Service
@Transactional(readOnly = true)
public class Sitemaps {

    /** The most URLs the sitemap protocol allows in one file. */
    private static final int PER_FILE = 50_000;

    /** Months asked about in one statement, well within the drivers' limits on parameters. */
    static final int MONTHS_A_STATEMENT = 1_000;

    private static final Logger log = LoggerFactory.getLogger(Sitemaps.class);

    private final ArticleRepository articles;
    private final ArticleCards cards;
    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    Sitemaps(ArticleRepository articles, ArticleCards cards, JdbcClient jdbc, SiteProperties site, Clock clock) {
        this.articles = articles;
        this.cards = cards;
        this.jdbc = jdbc;
        this.zone = site.zone();
        this.clock = clock;
    }

    /** The months that have visible articles, newest first. */
    public List<YearMonth> months() {
        Instant now = clock.instant();
        Optional<Instant> first = articles.findFirstPublication(now);
        if (first.isEmpty()) {
            return List.of();
        }
        List<YearMonth> candidates = new ArrayList<>();
        for (YearMonth month = YearMonth.from(now.atZone(zone)); !month.isBefore(YearMonth.from(first.get()
                .atZone(zone))); month = month.minusMonths(1)) {
            candidates.add(month);
        }
        Set<Integer> withArticles = new HashSet<>();
        // One statement for up to MONTHS_A_STATEMENT months (83 years): a site with older articles sends more.
        for (int from = 0; from < candidates.size(); from += MONTHS_A_STATEMENT) {
            int to = Math.min(candidates.size(), from + MONTHS_A_STATEMENT);
            StringJoiner bounds = new StringJoiner(", ");
            List<Object> parameters = new ArrayList<>();
            for (int i = from; i < to; i++) {
                bounds.add("(" + i + ", CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE))");
                parameters.add(start(candidates.get(i)));
                parameters.add(start(candidates.get(i).plusMonths(1)));
            }
            parameters.add(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            withArticles.addAll(jdbc.sql("SELECT m.i FROM (VALUES " + bounds
                    + ") AS m(i, month_start, month_end) WHERE EXISTS (SELECT 1 FROM article a"
                    + " WHERE a.status = 'PUBLISHED' AND a.published_at >= m.month_start"
                    + " AND a.published_at < m.month_end AND a.published_at <= ?)")
                    .params(parameters).query(Integer.class).list());
        }
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (withArticles.contains(i)) {
                months.add(candidates.get(i));
            }
        }
        return months;
    }

    private OffsetDateTime start(YearMonth month) {
        return OffsetDateTime.ofInstant(month.atDay(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
    }

    /**
     * The visible articles published in {@code month}, newest first, at most {@link #PER_FILE}; empty for a month
     * without any. One statement, a range of the listing index.
     */
    public List<SitemapEntry> month(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<SitemapEntry> entries = articles.findSitemapRows(from, to, clock.instant(), PageRequest.of(0, PER_FILE))
                .stream()
                .map(row -> new SitemapEntry(cards.url(row.sectionId(), row.publishedAt(), row.slug()), null,
                        row.updatedAt() != null && row.updatedAt().isAfter(row.publishedAt())
                                ? row.updatedAt() : row.publishedAt(), row.publishedAt()))
                .toList();
        if (entries.size() == PER_FILE) {
            log.warn("The sitemap of {} lists its newest {} articles only, the most one sitemap may hold", month,
                    PER_FILE);
        }
        return entries;
    }

    /** Articles published in the last two days, for the Google News sitemap. */
    public List<SitemapEntry> newsSitemap() {
        Instant now = clock.instant();
        return articles.findVisibleSince(now.minus(Duration.ofDays(2)), now).stream()
                .map(a -> new SitemapEntry(cards.url(a), a.getHeadline(), a.getPublishedAt(), a.getPublishedAt()))
                .toList();
    }
}
