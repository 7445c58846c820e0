package org.broadsheet.article.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.SitemapEntry;
import org.broadsheet.article.Sitemaps;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.shared.SiteAddress;
import org.broadsheet.shared.SiteProperties;
import org.broadsheet.pages.CacheablePage;
import org.broadsheet.pages.PageTags;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * RSS feeds of the site, a section or an author; the sitemaps; robots.txt.
 */
@Controller
@CacheablePage
class FeedController {

    static final int FEED_SIZE = 30;
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private final ArticleLists articles;
    private final SectionTrees sections;
    private final Sitemaps sitemaps;
    private final SiteProperties site;
    private final Clock clock;
    private final FeedWriter writer;

    FeedController(ArticleLists articles, SectionTrees sections, Sitemaps sitemaps, SiteProperties site,
            SiteAddress address, Clock clock) {
        this.articles = articles;
        this.sections = sections;
        this.sitemaps = sitemaps;
        this.site = site;
        this.clock = clock;
        this.writer = new FeedWriter(site, address);
    }

    @GetMapping("/rss")
    ResponseEntity<byte[]> site() {
        List<ArticleCard> items = articles.latest(FeedScope.site(), FEED_SIZE);
        return rss(new FeedWriter.Channel(site.name(), "/", site.description(), "/rss"), items);
    }

    @GetMapping("/sections/{slug}/rss")
    ResponseEntity<byte[]> section(@PathVariable String slug) {
        List<ArticleCard> items = articles.latest(FeedScope.section(slug), FEED_SIZE);
        String path = "/sections/" + slug;
        String name = sectionName(slug, items);
        return rss(new FeedWriter.Channel(site.name() + ": " + name, path,
                "The latest from " + name + " at " + site.name(), path + "/rss"), items);
    }

    @GetMapping("/authors/{slug}/rss")
    ResponseEntity<byte[]> author(@PathVariable String slug) {
        List<ArticleCard> items = articles.latest(FeedScope.author(slug), FEED_SIZE);
        String path = "/authors/" + slug;
        String name = authorName(slug, items);
        return rss(new FeedWriter.Channel(site.name() + ": " + name, path,
                "The latest from " + name + " at " + site.name(), path + "/rss"), items);
    }

    /** The sitemap index: the site's own pages, then every month that has articles, newest first. */
    @GetMapping(FeedWriter.SITEMAP_PATH)
    ResponseEntity<byte[]> sitemapIndex() {
        List<String> files = new ArrayList<>();
        files.add(FeedWriter.PAGES_SITEMAP_PATH);
        sitemaps.months().forEach(month -> files.add(FeedWriter.monthPath(month)));
        PageTags.add(ContentChangedEvent.LISTS);
        return ResponseEntity.ok().contentType(XML).body(writer.sitemapIndex(files));
    }

    @GetMapping(FeedWriter.PAGES_SITEMAP_PATH)
    ResponseEntity<byte[]> pagesSitemap() {
        List<String> pages = new ArrayList<>();
        pages.add("/");
        sections.navigation().forEach(section -> pages.add(section.url()));
        pages.add("/corrections");
        PageTags.add(ContentChangedEvent.LISTS);
        return ResponseEntity.ok().contentType(XML).body(writer.sitemap(pages, List.of()));
    }

    /** A month's articles ({@code 2021-05}), newest first; 404 for a month without any. */
    @GetMapping("/sitemaps/{month:\\d{4}-\\d{2}}.xml")
    ResponseEntity<byte[]> monthSitemap(@PathVariable String month) {
        YearMonth which;
        try {
            which = YearMonth.parse(month);
        } catch (DateTimeParseException notAMonth) {
            throw new NotFoundException("sitemap " + month);
        }
        List<SitemapEntry> entries = sitemaps.month(which);
        if (entries.isEmpty()) {
            throw new NotFoundException("sitemap " + month);
        }
        PageTags.add(ContentChangedEvent.LISTS, ContentChangedEvent.EVERY_ARTICLE);
        return ResponseEntity.ok().contentType(XML).body(writer.sitemap(List.of(), entries));
    }

    @GetMapping(FeedWriter.NEWS_SITEMAP_PATH)
    ResponseEntity<byte[]> newsSitemap() {
        PageTags.add(ContentChangedEvent.LISTS, ContentChangedEvent.EVERY_ARTICLE);
        return ResponseEntity.ok().contentType(XML).body(writer.newsSitemap(sitemaps.newsSitemap()));
    }

    @GetMapping("/robots.txt")
    ResponseEntity<byte[]> robots() {
        return ResponseEntity.ok().contentType(TEXT).body(writer.robots());
    }

    private ResponseEntity<byte[]> rss(FeedWriter.Channel channel, List<ArticleCard> items) {
        // The newest item dates the feed, so that an unchanged feed stays byte-for-byte the same.
        Instant builtAt = items.stream().map(ArticleCard::published).filter(Objects::nonNull)
                .map(published -> OffsetDateTime.parse(published.iso()).toInstant())
                .max(Instant::compareTo).orElseGet(clock::instant);
        PageTags.add(ContentChangedEvent.LISTS);
        // Each item's headline and description: a change to one of them renders the feed again.
        PageTags.add(items.stream().map(card -> ContentChangedEvent.article(card.id())).toList());
        return ResponseEntity.ok().contentType(RSS).body(writer.rss(channel, items, builtAt));
    }

    /** Top-level sections and the feed's own articles name most sections without another query. */
    private String sectionName(String slug, List<ArticleCard> items) {
        return sections.navigation().stream().filter(s -> s.slug().equals(slug)).map(SectionLink::name)
                .findFirst()
                .or(() -> items.stream().map(ArticleCard::section).filter(s -> s != null && s.slug().equals(slug))
                        .map(SectionLink::name).findFirst())
                .orElseGet(() -> articles.section(slug, 1).section().name());
    }

    private String authorName(String slug, List<ArticleCard> items) {
        return items.stream().flatMap(card -> card.authors().stream()).filter(a -> a.slug().equals(slug))
                .map(AuthorLink::name).findFirst()
                .orElseGet(() -> articles.author(slug, 1).author().name());
    }
}
