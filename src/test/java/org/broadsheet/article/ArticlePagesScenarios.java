package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.broadsheet.support.DurableEventsSettled;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reader's pages rendered from a real database through the whole application: visibility rules, permalinks,
 * listings and the number of SQL statements a page costs. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ArticlePagesScenarios {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    SectionTrees sectionTrees;

    @Autowired
    ArticleCards articleCards;

    @Autowired
    ArticleImports imports;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    Sitemaps sitemaps;

    ArticleTestData data;
    Statistics statistics;

    @BeforeEach
    void setUp() {
        data = new ArticleTestData(imports);
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    private String urlOf(long id) {
        return articleCards.cardsFor(List.of(id)).get(0).url();
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private long statementsFor(String url) throws Exception {
        sectionTrees.forgetSections(); // read now, so that it is not due to be read again during the count
        page(url); // warm: the section tree is read
        DurableEventsSettled.await(jdbc); // the listeners of earlier changes would count too
        statistics.clear();
        page(url);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void shouldServeAPublishedArticleAtItsPermalink() throws Exception {
        String section = data.section(null);
        long id = data.article(section, data.author()).headline("Zoë’s “café” — São Paulo’s finest")
                .publishedAt(Instant.parse("2021-05-06T16:24:00Z")).image().save();
        String url = urlOf(id);
        assertThat(url).isEqualTo("/" + section + "/2021/05/06/zoes-cafe-sao-paulos-finest");

        Document page = page(url);
        assertThat(page.select("h1").text()).isEqualTo("Zoë’s “café” — São Paulo’s finest");
        assertThat(page.select("time.published").text()).isEqualTo("Thursday 06 May 2021 17:24 BST");
        assertThat(page.select("time.published").attr("datetime")).isEqualTo("2021-05-06T17:24:00+01:00");
        assertThat(page.select(".article-body h2").text()).isEqualTo("More");
    }

    @Test
    void shouldHideDraftsAndScheduledArticles() throws Exception {
        String section = data.section(null);
        String author = data.author();
        long scheduled = data.article(section, author).publishedAt(Instant.now().plus(2, ChronoUnit.DAYS)).save();
        data.article(section, author).slug("a-draft-" + scheduled).draft().save();

        assertThat(articleCards.cardsFor(List.of(scheduled))).isEmpty();
        mvc.perform(get("/" + section + "/2030/01/01/a-draft-" + scheduled)).andExpect(status().isNotFound());
        Document listing = page("/sections/" + section);
        assertThat(listing.select(".card")).isEmpty();
    }

    @Test
    void shouldRedirectOldSlugWithMovedPermanently() throws Exception {
        String section = data.section(null);
        long id = data.article(section, data.author()).slug("first-slug-" + section).save();
        String oldUrl = urlOf(id);
        imports.changeSlug(id, "second-slug-" + section);

        mvc.perform(get(oldUrl)).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", oldUrl.replace("first-slug", "second-slug")));
        page(oldUrl.replace("first-slug", "second-slug"));
    }

    @Test
    void shouldListArticlesOfSubsectionsAndFurtherSectionsOnASectionPage() throws Exception {
        String news = data.section(null);
        String world = data.section(news);
        String business = data.section(null);
        String author = data.author();
        data.article(world, author).headline("In world " + world).save();
        data.article(business, author).headline("Also in news " + news).further(List.of(news)).save();
        data.article(business, author).headline("Only business " + business).save();

        Document page = page("/sections/" + news);
        assertThat(page.select(".card-headline").eachText())
                .containsExactlyInAnyOrder("In world " + world, "Also in news " + news);
        assertThat(page.select(".subsections a").eachText()).containsExactly("Section " + world);
        Document worldPage = page("/sections/" + world);
        assertThat(worldPage.select(".breadcrumb a").eachText()).containsExactly("Section " + news, "Section " + world);
    }

    @Test
    void shouldPaginateWithStableUrls() throws Exception {
        String section = data.section(null);
        String author = data.author();
        Instant start = Instant.parse("2025-01-01T10:00:00Z");
        for (int i = 0; i < 25; i++) {
            data.article(section, author).headline("Numbered " + i + " " + section)
                    .publishedAt(start.plus(i, ChronoUnit.HOURS)).save();
        }
        Document first = page("/sections/" + section);
        Document second = page("/sections/" + section + "?page=2");
        assertThat(first.select(".card")).hasSize(20);
        assertThat(first.select(".card-headline").first().text()).isEqualTo("Numbered 24 " + section);
        assertThat(second.select(".card")).hasSize(5);
        assertThat(second.select(".card-headline").last().text()).isEqualTo("Numbered 0 " + section);
        mvc.perform(get("/sections/" + section + "?page=3")).andExpect(status().isNotFound());
    }

    @Test
    void shouldListAnAuthorsArticlesAndATagsArticles() throws Exception {
        String section = data.section(null);
        String author = data.author();
        String other = data.author();
        List<String> tags = ArticleTestData.tags(1);
        data.article(section, author).headline("Mine " + author).tags(tags).save();
        data.article(section, other).headline("Shared " + author).authors(List.of(other, author)).save();
        data.article(section, other).headline("Not mine " + author).tags(tags).save();

        assertThat(page("/authors/" + author).select(".card-headline").eachText())
                .containsExactlyInAnyOrder("Mine " + author, "Shared " + author);
        assertThat(page("/tags/" + org.broadsheet.shared.Slugs.of(tags.get(0))).select(".card-headline").eachText())
                .containsExactlyInAnyOrder("Mine " + author, "Not mine " + author);
        mvc.perform(get("/authors/nobody-at-all")).andExpect(status().isNotFound());
        mvc.perform(get("/tags/no-such-tag")).andExpect(status().isNotFound());
        mvc.perform(get("/sections/no-such-section")).andExpect(status().isNotFound());
    }

    @Test
    void shouldPrintBylinesInOrderAndRelatedArticlesBySharedTags() throws Exception {
        String section = data.section(null);
        List<String> authors = data.authors(3);
        List<String> tags = ArticleTestData.tags(3);
        long main = data.article(section, authors.get(0)).authors(List.of(authors.get(2), authors.get(0), authors.get(1)))
                .tags(tags).save();
        data.article(section, authors.get(0)).headline("One tag " + section).tags(tags.subList(0, 1)).save();
        data.article(section, authors.get(0)).headline("Two tags " + section).tags(tags.subList(0, 2)).save();
        data.article(section, authors.get(0)).headline("Same section " + section).save();

        Document page = page(urlOf(main));
        assertThat(page.select(".byline a").eachAttr("href")).containsExactly("/authors/" + authors.get(2),
                "/authors/" + authors.get(0), "/authors/" + authors.get(1));
        assertThat(page.select(".related .card-headline").eachText()).containsExactly("Two tags " + section,
                "One tag " + section, "Same section " + section);
    }

    @Test
    void shouldShowUpdatedTimeOnlyWhenChangedAfterPublication() throws Exception {
        String section = data.section(null);
        String author = data.author();
        Instant published = Instant.parse("2022-01-13T09:05:00Z");
        long updated = data.article(section, author).publishedAt(published)
                .updatedAt(published.plus(3, ChronoUnit.HOURS)).save();
        long plain = data.article(section, author).publishedAt(published).save();

        assertThat(page(urlOf(updated)).select(".updated").text()).isEqualTo("Updated Thursday 13 January 2022 12:05 GMT");
        assertThat(page(urlOf(plain)).select(".updated")).isEmpty();
    }

    @Test
    void shouldIssueTheSameNumberOfStatementsWhateverTheArticleCarries() throws Exception {
        String section = data.section(null);
        String further1 = data.section(null);
        String further2 = data.section(section);
        String author = data.author();
        long small = data.article(section, author).save();
        List<String> tags = ArticleTestData.tags(8);
        long big = data.article(section, author).authors(data.authors(5)).tags(tags)
                .further(List.of(further1, further2)).image().save();
        for (int i = 0; i < 10; i++) {
            data.article(section, data.author()).tags(tags.subList(0, 1 + i % 8)).image().save();
        }

        long smallCount = statementsFor(urlOf(small));
        long bigCount = statementsFor(urlOf(big));
        assertThat(bigCount).isEqualTo(smallCount);
        // 8 for the article (its corrections included), 3 for its (empty) conversation: the number of threads, the
        // first page of them and its editors' picks.
        assertThat(bigCount).isLessThanOrEqualTo(11);
    }

    @Test
    void shouldIssueTheSameNumberOfStatementsForListingsWhateverTheirLength() throws Exception {
        String few = data.section(null);
        String many = data.section(null);
        data.article(few, data.author()).save();
        for (int i = 0; i < 30; i++) {
            data.article(many, data.author()).authors(data.authors(2)).image().save();
        }
        // One page of articles and one for all their bylines; the count comes from the section's ListingMarks,
        // read (by JDBC, outside these statistics) on the first request after a change to the lists.
        long manyCount = statementsFor("/sections/" + many);
        assertThat(manyCount).isEqualTo(2);
        assertThat(statementsFor("/sections/" + few)).isLessThanOrEqualTo(manyCount);
        // The pinned stories, the pool of latest articles, the bylines of both, and the most discussed: their ids,
        // and when other tests of this database left comments of the last day, their cards, bylines and the
        // editors' picks among their comments.
        assertThat(statementsFor("/")).isLessThanOrEqualTo(7);
    }

    @Test
    void shouldListEveryArticleInTheSitemapOfItsMonthAndNameEveryMonthInTheIndex() throws Exception {
        // No other test's months; and over 1,000 months back from now, so the index asks in two statements.
        int year = 1901 + java.util.concurrent.ThreadLocalRandom.current().nextInt(30);
        ZoneId london = ZoneId.of("Europe/London");
        String section = data.section(null);
        String author = data.author();
        // 00:30 on 1 June in London is 23:30 on 31 May in UTC: the month is the one in the article's address.
        long lateMay = data.article(section, author)
                .publishedAt(LocalDateTime.of(year, 5, 31, 23, 30).atZone(london).toInstant()).save();
        long firstOfJune = data.article(section, author)
                .publishedAt(LocalDateTime.of(year, 6, 1, 0, 30).atZone(london).toInstant()).save();
        Instant corrected = LocalDateTime.of(year, 7, 2, 9, 0).atZone(london).toInstant();
        long midJune = data.article(section, author)
                .publishedAt(LocalDateTime.of(year, 6, 10, 12, 0).atZone(london).toInstant()).updatedAt(corrected)
                .save();
        long lateJune = data.article(section, author)
                .publishedAt(LocalDateTime.of(year, 6, 20, 8, 0).atZone(london).toInstant()).save();
        data.article(section, author).draft().save(); // in no sitemap

        List<String> files = xml("/sitemap.xml").select("sitemap > loc").stream().map(e -> path(e.text())).toList();
        assertThat(files.get(0)).isEqualTo("/sitemaps/pages.xml");
        String june = "/sitemaps/" + year + "-06.xml";
        String may = "/sitemaps/" + year + "-05.xml";
        assertThat(files).containsSubsequence(june, may).doesNotContain("/sitemaps/" + year + "-07.xml",
                "/sitemaps/" + year + "-04.xml");
        assertThat(files.indexOf(may)).isEqualTo(files.indexOf(june) + 1); // newest first, no month between
        assertThat(files).as("every month once").doesNotHaveDuplicates();

        assertThat(locs(june)).containsExactly(urlOf(lateJune), urlOf(midJune), urlOf(firstOfJune));
        assertThat(xml(june).select("url").get(1).selectFirst("lastmod").text())
                .isEqualTo(corrected.toString());
        assertThat(locs(may)).containsExactly(urlOf(lateMay));
        assertThat(xml("/sitemaps/pages.xml").select("url > loc").stream().map(e -> path(e.text())))
                .startsWith("/").contains("/corrections");
        for (String missing : List.of("/sitemaps/" + year + "-04.xml", "/sitemaps/" + year + "-13.xml")) {
            mvc.perform(get(missing)).andExpect(status().isNotFound());
        }
        assertThat(sitemaps.months()).as("the index's months").contains(YearMonth.of(year, 6), YearMonth.of(year, 5))
                .doesNotContain(YearMonth.of(year, 7), YearMonth.of(year, 4));
        sectionTrees.forgetSections();
        mvc.perform(get(june)).andExpect(status().isOk());
        statistics.clear();
        mvc.perform(get(june)).andExpect(status().isOk());
        assertThat(statistics.getPrepareStatementCount()).as("a month's sitemap is one statement").isEqualTo(1);
    }

    private Document xml(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    private List<String> locs(String sitemap) throws Exception {
        return xml(sitemap).select("url > loc").stream().map(e -> path(e.text())).toList();
    }

    private static String path(String absolute) {
        java.net.URI uri = java.net.URI.create(absolute);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
