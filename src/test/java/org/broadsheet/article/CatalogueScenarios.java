package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManagerFactory;

import org.broadsheet.article.Catalogue.AuthorChange;
import org.broadsheet.article.Catalogue.AuthorDetails;
import org.broadsheet.article.Catalogue.FrontPageDesk;
import org.broadsheet.article.Catalogue.SectionChange;
import org.broadsheet.article.Catalogue.SectionDetails;
import org.broadsheet.article.Catalogue.SectionRow;
import org.broadsheet.article.Catalogue.TagUse;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.FrontPage;
import org.broadsheet.support.DurableEventsSettled;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The editors' catalogue against a real database: unique addresses (also when the database has to decide a
 * race), sections that cannot loop, stale saves, tags that cannot be deleted while used, and the front page's
 * pins with their fallback to the latest stories. Run on H2 and on PostgreSQL by the subclasses, since each
 * database words a constraint violation differently. Each test works with sections, authors and tags of its
 * own; the pins are the site's one front page, so every test leaves none behind.
 */
abstract class CatalogueScenarios {

    @Autowired
    AuthorCatalogue authors;

    @Autowired
    SectionCatalogue sections;

    @Autowired
    SectionEditing editing;

    @Autowired
    TagCatalogue tags;

    @Autowired
    FrontPageChoices choices;

    @Autowired
    FrontPagePins pins;

    @Autowired
    ArticleService articles;

    @Autowired
    FrontPages frontPages;

    @Autowired
    SectionTrees sectionTrees;

    @Autowired
    ArticleLists articleLists;

    @Autowired
    ArticleImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    ArticleTestData data;

    @BeforeEach
    void setUp() {
        data = new ArticleTestData(imports);
        pins.clearFrontPage(pinsVersion(), "test");
    }

    @AfterEach
    void leaveNoPins() {
        pins.clearFrontPage(pinsVersion(), "test");
    }

    /** The version of the pins an editor's desk page shows now. */
    private long pinsVersion() {
        return choices.frontPageDesk(null).version();
    }

    private static AuthorChange author(String name, String slug, Long version) {
        return new AuthorChange(name, slug, "Reporter", "A biography.", null, null, version);
    }

    private long sectionId(String slug) {
        return sections.sections().stream().filter(s -> s.slug().equals(slug)).findFirst().orElseThrow().id();
    }

    private static void assertRefused(Runnable change, String field, String messageKey) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(EditRefusedException.class, refusal -> {
            assertThat(refusal.field()).isEqualTo(field);
            assertThat(refusal.messageKey()).isEqualTo(messageKey);
        });
    }

    // ---------------------------------------------------------------- authors

    @Test
    void shouldMakeTheAuthorsAddressFromTheNameAndShowTheProfileOnTheirPage() {
        String suffix = ArticleTestData.unique("x");
        long id = authors.saveAuthor(null, new AuthorChange("Zoë Ní Bhriain " + suffix, " ", "Correspondent",
                "Line one.\nLine two.", "/images/zoe.jpg", null, null), "eden");

        AuthorDetails saved = authors.author(id);
        assertThat(saved.slug()).isEqualTo("zoe-ni-bhriain-" + suffix);
        assertThat(saved.url()).isEqualTo("/authors/zoe-ni-bhriain-" + suffix);
        Views.AuthorPage page = articleLists.author(saved.slug(), 1);
        assertThat(page.author().name()).isEqualTo("Zoë Ní Bhriain " + suffix);
        assertThat(page.author().roleTitle()).isEqualTo("Correspondent");
        assertThat(page.bio()).isEqualTo("Line one.\nLine two.");
        assertThat(page.photoUrl()).isEqualTo("/images/zoe.jpg");
    }

    @Test
    void shouldEditAnAuthorOverTheVersionTheEditorOpened() {
        long id = authors.saveAuthor(null, author("Ana " + ArticleTestData.unique("a"), null, null), "eden");
        AuthorDetails opened = authors.author(id);

        authors.saveAuthor(id, new AuthorChange("Ana Renamed", opened.slug(), "", "", "", null, opened.version()),
                "eden");

        AuthorDetails saved = authors.author(id);
        assertThat(saved.name()).isEqualTo("Ana Renamed");
        assertThat(saved.roleTitle()).isNull();
        assertThat(saved.bio()).isNull();
        assertThat(saved.version()).isGreaterThan(opened.version());
        assertThat(articleLists.author(opened.slug(), 1).author().name()).isEqualTo("Ana Renamed");
    }

    @Test
    void shouldRefuseAStaleAuthorSaveAndKeepWhatTheOtherEditorSaved() {
        long id = authors.saveAuthor(null, author("Bo " + ArticleTestData.unique("b"), null, null), "eden");
        AuthorDetails opened = authors.author(id);
        authors.saveAuthor(id, new AuthorChange("Bo First", opened.slug(), null, null, null, null,
                opened.version()), "first");

        assertThatThrownBy(() -> authors.saveAuthor(id, new AuthorChange("Bo Second", opened.slug(), null, null,
                null, null, opened.version()), "second")).isInstanceOf(StaleEditException.class);
        assertThat(authors.author(id).name()).isEqualTo("Bo First");
    }

    @Test
    void shouldRefuseAnAuthorsAddressTakenByAnotherAuthor() {
        String slug = ArticleTestData.unique("taken-author");
        authors.saveAuthor(null, author("First", slug, null), "eden");
        long other = authors.saveAuthor(null, author("Second", null, null), "eden");

        assertRefused(() -> authors.saveAuthor(null, author("Third", slug, null), "eden"), "slug",
                "catalogue.author.slug.taken");
        assertRefused(() -> authors.saveAuthor(other, author("Second", slug, authors.author(other).version()),
                "eden"), "slug", "catalogue.author.slug.taken");
        // Spelt differently, the same address.
        assertRefused(() -> authors.saveAuthor(null, author("Fourth", slug.toUpperCase(), null), "eden"), "slug",
                "catalogue.author.slug.taken");
    }

    /**
     * Another editor's new author holds the address in a transaction not yet committed: the check before saving
     * cannot see it, and the unique constraint decides. The loser gets the same refusal, not an error.
     */
    @Test
    void shouldRefuseAnAuthorsAddressTakenInARaceThroughTheUniqueConstraint() throws Exception {
        String slug = ArticleTestData.unique("raced-author");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> rival = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.update("INSERT INTO author (slug, name, version) VALUES (?, ?, 0)", slug, "Rival");
                inserted.countDown();
                await(commit);
            }));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Long> mine = pool.submit(() -> authors.saveAuthor(null, author("Mine", slug, null), "eden"));
            // Mine is now checking (and finding nothing) or waiting on the rival's row: let the rival commit.
            Thread.sleep(300);
            commit.countDown();
            rival.get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> mine.get(20, TimeUnit.SECONDS)).hasRootCauseInstanceOf(EditRefusedException.class)
                    .hasRootCauseMessage("catalogue.author.slug.taken");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT name FROM author WHERE slug = ?", String.class, slug))
                .isEqualTo("Rival");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- sections

    @Test
    void shouldListSectionsUnderTheirParentsInFrontPageOrder() {
        String parent = data.section(null);
        long parentId = sectionId(parent);
        long second = editing.saveSection(null, new SectionChange("Bb " + parent, null, null, parent, 20, null),
                "eden");
        long first = editing.saveSection(null, new SectionChange("Zz " + parent, null, null, parent, 10, null),
                "eden");

        List<SectionRow> rows = sections.sections();
        List<Long> ids = rows.stream().map(SectionRow::id).toList();
        int at = ids.indexOf(parentId);
        assertThat(ids.subList(at, at + 3)).containsExactly(parentId, first, second);
        assertThat(rows.get(at + 1).depth()).isEqualTo(rows.get(at).depth() + 1);
        assertThat(rows.get(at + 1).label()).startsWith("\u2003");
    }

    @Test
    void shouldRefuseToPlaceASectionUnderItselfOrUnderOneOfItsSubsections() {
        String top = data.section(null);
        String middle = data.section(top);
        String bottom = data.section(middle);
        SectionDetails section = sections.section(sectionId(top));

        for (String parent : List.of(top, middle, bottom)) {
            assertRefused(() -> editing.saveSection(section.id(), new SectionChange(section.name(), section.slug(),
                    null, parent, 0, section.version()), "eden"), "parent", "catalogue.section.parent.loop");
        }
        assertRefused(() -> editing.saveSection(section.id(), new SectionChange(section.name(), section.slug(),
                null, "no-such-section", 0, section.version()), "eden"), "parent",
                "catalogue.section.parent.unknown");
        assertThat(sections.section(section.id()).parentSlug()).isNull();
        assertThat(sections.parentChoices(section.id())).extracting(SectionRow::slug)
                .doesNotContain(top, middle, bottom);
    }

    @Test
    void shouldMoveASectionAndShowTheChangeOnTheReadersPagesAtOnce() {
        String news = data.section(null);
        String world = data.section(null);
        sectionTrees.navigation(); // the reader's pages now hold the section tree in memory
        SectionDetails opened = sections.section(sectionId(world));

        editing.saveSection(opened.id(), new SectionChange("Renamed " + world, world, "Now under news", news, 5,
                opened.version()), "eden");

        assertThat(sectionTrees.navigation()).extracting(Views.SectionLink::slug).contains(news).doesNotContain(world);
        Views.SectionPage page = articleLists.section(world, 1);
        assertThat(page.section().name()).isEqualTo("Renamed " + world);
        assertThat(page.breadcrumb()).extracting(Views.SectionLink::slug).containsExactly(news, world);
        assertThat(page.description()).isEqualTo("Now under news");
    }

    @Test
    void shouldKeepTheAddressOfASectionWhosePublishedArticlesCarryIt() {
        String published = data.section(null);
        data.article(published, data.author()).save();
        String drafts = data.section(null);
        data.article(drafts, data.author()).draft().save();
        SectionDetails locked = sections.section(sectionId(published));
        SectionDetails free = sections.section(sectionId(drafts));
        assertThat(locked.slugLocked()).isTrue();
        assertThat(free.slugLocked()).isFalse();

        assertRefused(() -> editing.saveSection(locked.id(), new SectionChange(locked.name(), locked.slug() + "-new",
                null, null, 0, locked.version()), "eden"), "slug", "catalogue.section.slug.locked");
        // Everything else about it can change.
        editing.saveSection(locked.id(), new SectionChange("New name", locked.slug(), null, null, 3,
                locked.version()), "eden");
        editing.saveSection(free.id(), new SectionChange(free.name(), free.slug() + "-new", null, null, 0,
                free.version()), "eden");
        assertThat(sections.section(free.id()).slug()).isEqualTo(drafts + "-new");
        assertThat(sections.section(locked.id()).name()).isEqualTo("New name");
    }

    @Test
    void shouldRefuseASectionsAddressTakenByAnotherAndAStaleSave() {
        String taken = data.section(null);
        String mine = data.section(null);
        SectionDetails opened = sections.section(sectionId(mine));

        assertRefused(() -> editing.saveSection(null, new SectionChange("Other", taken, null, null, 0, null),
                "eden"), "slug", "catalogue.section.slug.taken");
        assertRefused(() -> editing.saveSection(opened.id(), new SectionChange(opened.name(), taken, null, null, 0,
                opened.version()), "eden"), "slug", "catalogue.section.slug.taken");
        editing.saveSection(opened.id(), new SectionChange("First", mine, null, null, 0, opened.version()), "one");
        assertThatThrownBy(() -> editing.saveSection(opened.id(), new SectionChange("Second", mine, null, null, 0,
                opened.version()), "two")).isInstanceOf(StaleEditException.class);
        assertThat(sections.section(opened.id()).name()).isEqualTo("First");
    }

    // ---------------------------------------------------------------- tags

    @Test
    void shouldCreateRenameAndCountTags() {
        String name = ArticleTestData.unique("Harbour Works");
        long id = tags.saveTag(null, name, "", "eden");
        String author = data.author();
        data.article(data.section(null), author).tags(List.of(name)).save();
        data.article(data.section(null), author).tags(List.of(name)).draft().save();

        TagUse tag = tags.tag(id);
        assertThat(tag.slug()).isEqualTo(org.broadsheet.shared.Slugs.of(name));
        assertThat(tag.articleCount()).isEqualTo(2);
        assertThat(tags.tags()).contains(tag);

        tags.saveTag(id, "Harbour " + name, "harbour-" + tag.slug(), "eden");
        assertThat(articleLists.tag("harbour-" + tag.slug(), 1).tag().name()).isEqualTo("Harbour " + name);
        assertThat(articleLists.tag("harbour-" + tag.slug(), 1).articles().total()).isEqualTo(1);
    }

    @Test
    void shouldRefuseATagAddressTakenByAnotherTag() {
        String first = ArticleTestData.unique("Ferries");
        tags.saveTag(null, first, null, "eden");
        long second = tags.saveTag(null, ArticleTestData.unique("Boats"), null, "eden");

        assertRefused(() -> tags.saveTag(null, first, null, "eden"), "slug", "catalogue.tag.slug.taken");
        assertRefused(() -> tags.saveTag(second, "Boats", org.broadsheet.shared.Slugs.of(first), "eden"), "slug",
                "catalogue.tag.slug.taken");
    }

    @Test
    void shouldDeleteOnlyATagNoArticleCarries() {
        String used = ArticleTestData.unique("Used");
        data.article(data.section(null), data.author()).tags(List.of(used)).draft().save();
        long usedId = tags.tags().stream().filter(t -> t.name().equals(used)).findFirst().orElseThrow().id();
        long unusedId = tags.saveTag(null, ArticleTestData.unique("Unused"), null, "eden");

        assertRefused(() -> tags.deleteTag(usedId, "eden"), null, "catalogue.tag.in-use");
        assertThat(tags.tag(usedId).articleCount()).isEqualTo(1);
        tags.deleteTag(unusedId, "eden");
        assertThat(tags.tags()).extracting(TagUse::id).contains(usedId).doesNotContain(unusedId);
    }

    // ---------------------------------------------------------------- front page

    @Test
    void shouldShowThePinnedLeadAndTopStoriesInTheirOrderThenTheLatest() {
        String section = data.section(null);
        String author = data.author();
        Instant earlier = Instant.now().minus(3, ChronoUnit.DAYS);
        long lead = data.article(section, author).publishedAt(earlier).save();
        long topA = data.article(section, author).publishedAt(earlier.plusSeconds(1)).save();
        long topB = data.article(section, author).publishedAt(earlier.plusSeconds(2)).save();
        data.article(section, author).image().publishedAt(Instant.now().minusSeconds(2)).save();
        long newest = data.article(section, author).image().publishedAt(Instant.now().minusSeconds(1)).save();

        pins.pinFrontPage(pinsVersion(), lead, Arrays.asList(topB, null, topA), "eden");

        FrontPage front = frontPages.frontPage();
        assertThat(front.lead().id()).isEqualTo(lead);
        List<Long> top = front.topStories().stream().map(ArticleCard::id).toList();
        assertThat(top.subList(0, 2)).containsExactly(topB, topA);
        assertThat(top).hasSize(4).doesNotHaveDuplicates().doesNotContain(lead);
        // The places left go to the latest stories with a picture, as without pins.
        assertThat(top.get(2)).isEqualTo(newest);
        assertThat(front.latest()).extracting(ArticleCard::id).doesNotContain(lead, topA, topB);

        FrontPageDesk desk = choices.frontPageDesk(null);
        assertThat(desk.lead().articleId()).isEqualTo(lead);
        assertThat(desk.top()).extracting(Catalogue.Pin::articleId).containsExactly(topB, topA);
        assertThat(desk.pinnedIds()).containsExactlyInAnyOrder(lead, topA, topB);
        assertThat(desk.choices()).extracting(Catalogue.PinChoice::id).contains(newest, lead, topA, topB);
    }

    @Test
    void shouldFallBackToTheLatestStoryWhenNothingOrOnlyTopStoriesArePinned() {
        String section = data.section(null);
        String author = data.author();
        // The newest stories of the site: published a moment ago.
        Instant now = Instant.now();
        long older = data.article(section, author).publishedAt(now.minusMillis(2)).save();
        long newest = data.article(section, author).publishedAt(now.minusMillis(1)).save();

        assertThat(frontPages.frontPage().lead().id()).isEqualTo(newest);

        pins.pinFrontPage(pinsVersion(), null, List.of(newest), "eden");
        FrontPage front = frontPages.frontPage();
        assertThat(front.lead().id()).isEqualTo(older);
        assertThat(front.topStories().get(0).id()).isEqualTo(newest);

        pins.clearFrontPage(pinsVersion(), "eden");
        assertThat(frontPages.frontPage().lead().id()).isEqualTo(newest);
        assertThat(choices.frontPageDesk(null).anyPins()).isFalse();
    }

    @Test
    void shouldSkipAPinnedStoryReadersCannotSee() {
        String section = data.section(null);
        String author = data.author();
        long scheduled = data.article(section, author).publishedAt(Instant.now().plus(1, ChronoUnit.DAYS)).save();
        long unpublished = data.article(section, author).save();
        long visible = data.article(section, author).save();
        long newest = data.article(section, author).publishedAt(Instant.now().minusMillis(1)).save();
        pins.pinFrontPage(pinsVersion(), scheduled, List.of(unpublished, visible), "eden");
        jdbc.update("UPDATE article SET status = 'DRAFT' WHERE id = ?", unpublished);

        FrontPage front = frontPages.frontPage();
        assertThat(front.lead().id()).isEqualTo(newest);
        assertThat(front.topStories().get(0).id()).isEqualTo(visible);
        assertThat(front.topStories()).extracting(ArticleCard::id).doesNotContain(scheduled, unpublished);
        FrontPageDesk desk = choices.frontPageDesk(null);
        assertThat(desk.lead().visible()).isFalse();
        assertThat(desk.top()).extracting(Catalogue.Pin::visible).containsExactly(false, true);
        assertThat(desk.pinned(visible)).isTrue();
        assertThat(desk.pinned(scheduled)).isFalse();
    }

    @Test
    void shouldRefuseDraftsStoriesChosenTwiceAndTooManyTopStories() {
        String section = data.section(null);
        String author = data.author();
        long draft = data.article(section, author).draft().save();
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(data.article(section, author).save());
        }

        long version = pinsVersion();

        assertRefused(() -> pins.pinFrontPage(version, draft, List.of(), "eden"), "lead",
                "catalogue.front.draft");
        assertRefused(() -> pins.pinFrontPage(version, null, List.of(published.get(0), draft), "eden"), "top",
                "catalogue.front.draft");
        assertRefused(() -> pins.pinFrontPage(version, null, List.of(-5L), "eden"), "top",
                "catalogue.front.draft");
        assertRefused(() -> pins.pinFrontPage(version, published.get(0), List.of(published.get(0)), "eden"),
                "top", "catalogue.front.twice");
        assertRefused(() -> pins.pinFrontPage(version, null, published, "eden"), "top",
                "catalogue.front.too-many");
        FrontPageDesk desk = choices.frontPageDesk(null);
        assertThat(desk.anyPins()).isFalse();
        // A refused change counts for nothing: the editor's page can still be saved once corrected.
        assertThat(desk.version()).isEqualTo(version);
    }

    @Test
    void shouldFindStoriesToPinByHeadlineOrNumber() {
        String section = data.section(null);
        String word = ArticleTestData.unique("Quayside");
        long match = data.article(section, data.author()).headline("The " + word + " reopens, 100%_ sure").save();
        long hidden = data.article(section, data.author()).headline("The " + word + " draft").draft().save();

        assertThat(choices.frontPageDesk(word.toLowerCase()).choices()).extracting(Catalogue.PinChoice::id)
                .containsExactly(match);
        assertThat(choices.frontPageDesk(word + " reopens, 100%_").choices()).hasSize(1);
        assertThat(choices.frontPageDesk("100%_ sure nowhere").choices()).isEmpty();
        assertThat(choices.frontPageDesk(String.valueOf(match)).choices()).extracting(Catalogue.PinChoice::id)
                .contains(match);
        assertThat(choices.frontPageDesk(String.valueOf(hidden)).choices()).extracting(Catalogue.PinChoice::id)
                .doesNotContain(hidden);
    }

    @Test
    void shouldRefusePinsOverPinsAnotherEditorChangedSinceTheirPageShowedThem() {
        String section = data.section(null);
        String author = data.author();
        long first = data.article(section, author).save();
        long second = data.article(section, author).save();
        long third = data.article(section, author).save();
        long opened = pinsVersion(); // both editors open the desk
        pins.pinFrontPage(opened, first, List.of(second), "ada");

        assertThatThrownBy(() -> pins.pinFrontPage(opened, third, List.of(), "bo"))
                .isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> pins.clearFrontPage(opened, "bo")).isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> pins.pinFrontPage(null, third, List.of(), "bo"))
                .isInstanceOf(StaleEditException.class);

        FrontPageDesk desk = choices.frontPageDesk(null);
        assertThat(desk.lead().articleId()).isEqualTo(first);
        assertThat(desk.top()).extracting(Catalogue.Pin::articleId).containsExactly(second);
        assertThat(frontPages.frontPage().lead().id()).isEqualTo(first);
        // Over the pins the refusal showed, the second editor's choice is a deliberate one and is saved.
        pins.pinFrontPage(desk.version(), third, List.of(), "bo");
        assertThat(frontPages.frontPage().lead().id()).isEqualTo(third);
        assertThat(choices.frontPageDesk(null).top()).isEmpty();
    }

    @Test
    void shouldLetOnlyOneOfTwoEditorsPinningAtOnceWinAndRefuseTheOther() throws Exception {
        String section = data.section(null);
        String author = data.author();
        long mine = data.article(section, author).save();
        long theirs = data.article(section, author).save();
        long opened = pinsVersion();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch pinned = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            // Different places, so no unique constraint stands between the two: only the pins' version does.
            Future<?> rival = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                pins.pinFrontPage(opened, theirs, List.of(), "ada");
                pinned.countDown();
                await(commit);
            }));
            assertThat(pinned.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> minePinned = pool.submit(() -> pins.pinFrontPage(opened, null, List.of(mine), "bo"));
            // Mine is now waiting on the rival's lock on the pins: let the rival commit.
            Thread.sleep(300);
            commit.countDown();
            rival.get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> minePinned.get(20, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(StaleEditException.class);
        } finally {
            pool.shutdownNow();
        }
        FrontPageDesk desk = choices.frontPageDesk(null);
        assertThat(desk.lead().articleId()).isEqualTo(theirs);
        assertThat(desk.top()).isEmpty();
        assertThat(desk.version()).isEqualTo(opened + 1);
    }

    @Test
    void shouldReadTheFrontPageInAsManyStatementsWithPinsAsWithout() {
        String section = data.section(null);
        String author = data.author();
        List<Long> stories = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stories.add(data.article(section, author).authors(data.authors(2))
                    .publishedAt(Instant.now().minus(30 + i, ChronoUnit.DAYS)).save());
        }
        long without = statementsForFrontPage();
        pins.pinFrontPage(pinsVersion(), stories.get(0), stories.subList(1, 5), "eden");

        long with = statementsForFrontPage();

        assertThat(frontPages.frontPage().lead().id()).isEqualTo(stories.get(0));
        assertThat(with).isEqualTo(without);
        // The pins, the latest stories (and their count when they fill the pool), and the bylines of both.
        assertThat(with).isLessThanOrEqualTo(4);
    }

    private long statementsForFrontPage() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        sectionTrees.forgetSections(); // read now, so that it is not due to be read again during the count
        frontPages.frontPage(); // warm: the section tree is read
        DurableEventsSettled.await(jdbc); // the listeners of earlier changes would count too
        statistics.clear();
        frontPages.frontPage();
        return statistics.getPrepareStatementCount();
    }
}
