package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.SectionPage;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.support.InstancesHeard;
import org.broadsheet.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A section's pages found from its {@link ListingMarks}, here one mark every {@value #EVERY} articles so that
 * every page of a short list starts from a mark: each page holds exactly what skipping to it in SQL finds, before
 * and after the lists change here, on another instance, or by an article's time coming (on the application's
 * clock, which the tests move). Run on H2 and on PostgreSQL by the subclasses.
 */
@TestPropertySource(properties = "broadsheet.listing.marks-every=" + ListingMarksScenarios.EVERY)
abstract class ListingMarksScenarios {

    static final int EVERY = 3;

    @Autowired
    ArticleLists lists;

    @Autowired
    ArticleImports imports;

    @Autowired
    ArticleDeletion deletion;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InstancesHeard instances;

    @Autowired
    MutableClock clock;

    ArticleTestData data;
    String news;
    String world;
    String business;
    String author;
    /** Published in whole hours back from here, several at the same moment, so that ids break the ties. */
    Instant start;

    @BeforeEach
    void createSections() {
        data = new ArticleTestData(imports);
        news = data.section(null);
        world = data.section(news);
        business = data.section(null);
        author = data.author();
        start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        for (int i = 0; i < 47; i++) {
            String section = i % 3 == 0 ? world : i % 5 == 0 ? business : news;
            var article = data.article(section, author).publishedAt(start.minus(i / 2, ChronoUnit.HOURS));
            if (section.equals(business)) {
                article.further(List.of(news));
            }
            article.save();
        }
        data.article(business, author).save(); // not in news at all
    }

    @Test
    void shouldServeEveryPageAsSkippingToItFinds() {
        assertEveryPageAsInSql(news);
    }

    @Test
    void shouldServeEveryPageAsSkippingToItFindsAfterAnArticleJoinsAndOneLeaves() {
        assertEveryPageAsInSql(news);
        long newest = data.article(news, author).save();
        assertEveryPageAsInSql(news);
        long newestOfWorld = jdbc.queryForObject("SELECT MIN(id) FROM article WHERE primary_section_id = (SELECT id"
                + " FROM section WHERE slug = ?)", Long.class, world);
        deletion.delete(newestOfWorld, "editor");

        assertThat(ids(lists.section(news, 1))).startsWith(newest);
        assertEveryPageAsInSql(news);
    }

    @Test
    void shouldServeEveryPageAsSkippingToItFindsAfterTheListsChangedOnAnotherInstance() {
        assertEveryPageAsInSql(news);
        // The newest article moved to the end of the list, behind the application's back as another instance
        // would, and then told.
        jdbc.update("UPDATE article SET published_at = published_at - INTERVAL '30' DAY WHERE id = (SELECT MIN(id)"
                + " FROM article WHERE primary_section_id = (SELECT id FROM section WHERE slug = ?))", news);

        instances.deliver(ContentChangedEvent.TOPIC, ContentChangedEvent.LISTS);

        assertEveryPageAsInSql(news);
    }

    @Test
    void shouldServeEveryPageAsSkippingToItFindsWhenMessagesFromOtherInstancesWereMissed() {
        assertEveryPageAsInSql(news);
        jdbc.update("UPDATE article SET status = 'DRAFT' WHERE id = (SELECT MIN(id) FROM article"
                + " WHERE primary_section_id = (SELECT id FROM section WHERE slug = ?))", world);

        instances.missed();

        assertEveryPageAsInSql(news);
    }

    @Test
    void shouldShowAnArticleWhoseTimeCameWithoutAChange() {
        assertEveryPageAsInSql(news);
        Instant soon = clock.instant().plus(Duration.ofMinutes(1));
        // Published for a time still to come, behind the application's back: no change is announced when it comes.
        long later = data.article(news, author).save();
        jdbc.update("UPDATE article SET status = 'PUBLISHED', published_at = ? WHERE id = ?",
                soon.atOffset(ZoneOffset.UTC), later);
        instances.deliver(ContentChangedEvent.TOPIC, ContentChangedEvent.LISTS);
        assertEveryPageAsInSql(news);
        assertThat(ids(lists.section(news, 1))).doesNotContain(later);

        clock.advance(Duration.ofMinutes(2));

        assertThat(ids(lists.section(news, 1))).startsWith(later);
        assertEveryPageAsInSql(news);
    }

    @Test
    void shouldKeepTheMarksUntilTheListsChange() {
        long before = lists.section(news, 1).articles().total();
        // Behind the application's back and untold: the kept marks still count the article.
        jdbc.update("UPDATE article SET status = 'DRAFT' WHERE id = (SELECT MIN(id) FROM article"
                + " WHERE primary_section_id = (SELECT id FROM section WHERE slug = ?))", news);

        assertThat(lists.section(news, 1).articles().total()).isEqualTo(before);

        instances.deliver(ContentChangedEvent.TOPIC, ContentChangedEvent.LISTS);

        assertThat(lists.section(news, 1).articles().total()).isEqualTo(before - 1);
        assertEveryPageAsInSql(news);
    }

    @Test
    void shouldHaveNoPageAfterTheLast() {
        long total = lists.section(news, 1).articles().total();
        int last = (int) ((total + ArticleLists.PAGE_SIZE - 1) / ArticleLists.PAGE_SIZE);

        assertThat(lists.section(news, last).articles().items()).isNotEmpty();
        assertThatThrownBy(() -> lists.section(news, last + 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lists.section(news, last + 40)).isInstanceOf(NotFoundException.class);
    }

    /** Every page, its count and its articles in order, against the list as SQL with OFFSET finds it. */
    private void assertEveryPageAsInSql(String slug) {
        List<Long> expected = inSql(slug);
        assertThat(expected).hasSizeGreaterThan(2 * ArticleLists.PAGE_SIZE);
        List<Long> served = new ArrayList<>();
        int pages = (expected.size() + ArticleLists.PAGE_SIZE - 1) / ArticleLists.PAGE_SIZE;
        for (int page = 1; page <= pages; page++) {
            SectionPage sectionPage = lists.section(slug, page);
            assertThat(sectionPage.articles().total()).as("count on page %d", page).isEqualTo(expected.size());
            served.addAll(ids(sectionPage));
        }
        assertThat(served).isEqualTo(expected);
    }

    private List<Long> inSql(String slug) {
        return jdbc.queryForList("""
                SELECT a.id FROM article a WHERE a.status = 'PUBLISHED' AND a.published_at <= ?
                  AND (a.primary_section_id IN (SELECT s.id FROM section s WHERE s.slug = ?
                         OR s.parent_id = (SELECT p.id FROM section p WHERE p.slug = ?))
                    OR a.id IN (SELECT f.article_id FROM article_section f JOIN section s ON s.id = f.section_id
                                WHERE s.slug = ?))
                ORDER BY a.published_at DESC, a.id DESC""", Long.class, clock.instant().atOffset(ZoneOffset.UTC),
                slug, slug, slug);
    }

    private static List<Long> ids(SectionPage page) {
        return page.articles().items().stream().map(ArticleCard::id).toList();
    }
}
