package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.broadsheet.article.EditingViews.DiffRow;
import org.broadsheet.article.EditingViews.EditableArticle;
import org.broadsheet.article.EditingViews.RevisionDiff;
import org.broadsheet.article.EditingViews.RevisionRow;
import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The article form's use cases together against the database ({@link ArticleDrafts}, {@link ArticlePreviews},
 * {@link ArticleRevisions}, {@link ArticlePublishing}, {@link ArticleDeletion}): drafts, slugs, publishing now,
 * scheduling (with a clock the test moves), backdating in the site's time zone, unpublishing, conflicts, previews,
 * revisions and deleting.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@RecordApplicationEvents
class ArticleEditingTests {

    @Autowired
    ArticleDrafts drafts;

    @Autowired
    ArticlePreviews previews;

    @Autowired
    ArticleRevisions revisions;

    @Autowired
    ArticlePublishing publishing;

    @Autowired
    ArticleDeletion deletion;

    @Autowired
    ArticleService articles;

    @Autowired
    SectionTrees sectionTrees;

    @Autowired
    ArticleImports imports;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    MockMvc mvc;

    private String section;
    private String author;

    @BeforeEach
    void setUp() {
        ArticleTestData data = new ArticleTestData(imports);
        section = data.section(null);
        author = data.author();
    }

    private ArticleDraft draft(String headline, Publication publication, LocalDateTime at) {
        return new ArticleDraft(headline, "What happened, in a sentence.", "", ArticleType.NEWS, section, List.of(),
                List.of(author), List.of("Harbours", "Ferries"), "First paragraph.\n\nSecond paragraph.", null,
                null, null, null, true, publication, at, null);
    }

    private static ArticleDraft again(EditableArticle current, String headline, String body) {
        ArticleDraft d = current.draft();
        return new ArticleDraft(headline, d.standfirst(), d.slug(), d.type(), d.primarySection(), d.furtherSections(),
                d.authors(), d.tags(), body, d.lead(), d.seoTitle(), d.seoDescription(), d.seoImage(),
                d.commentsOpen(), d.publication(), d.publishAt(), d.version());
    }

    private static ArticleDraft renamed(EditableArticle current, String slug) {
        ArticleDraft d = current.draft();
        return new ArticleDraft(d.headline(), d.standfirst(), slug, d.type(), d.primarySection(), d.furtherSections(),
                d.authors(), d.tags(), d.bodyMarkdown(), d.lead(), d.seoTitle(), d.seoDescription(), d.seoImage(),
                d.commentsOpen(), d.publication(), d.publishAt(), d.version());
    }

    private long audits(String action) {
        return events.stream(AuditEvent.class).filter(e -> e.action().equals(action)).count();
    }

    @Test
    void shouldKeepADraftFromReadersButShowItInPreview() {
        String headline = ArticleTestData.unique("Quiet harbour");
        long id = drafts.save(null, draft(headline, Publication.DRAFT, null), "eden").id();

        EditableArticle saved = drafts.load(id);
        assertThat(saved.status()).isEqualTo("draft");
        assertThat(saved.lastSavedBy()).isEqualTo("eden");
        assertThat(saved.draft().slug()).isEqualTo(org.broadsheet.shared.Slugs.of(headline));
        assertThat(saved.draft().tags()).containsExactlyInAnyOrder("Harbours", "Ferries");
        assertThatThrownBy(() -> articles.article(saved.draft().slug())).isInstanceOf(NotFoundException.class);
        ArticlePage preview = previews.preview(id);
        assertThat(preview.headline()).isEqualTo(headline);
        assertThat(preview.bodyHtml()).contains("<p>Second paragraph.</p>");
        assertThat(preview.tags()).extracting(Views.TagLink::name).containsExactlyInAnyOrder("Harbours", "Ferries");
    }

    @Test
    void shouldPreviewUnsavedChangesWithoutSavingAnything() {
        int articlesBefore = jdbc.queryForObject("SELECT count(*) FROM article", Integer.class);
        int tagsBefore = jdbc.queryForObject("SELECT count(*) FROM tag", Integer.class);
        String newTag = ArticleTestData.unique("Preview tag");
        ArticleDraft d = draft(ArticleTestData.unique("Never saved"), Publication.NOW, null);
        ArticleDraft unsaved = new ArticleDraft(d.headline(), d.standfirst(), "", d.type(), section, List.of(),
                d.authors(), List.of(newTag), "A body *never* saved.", null, null, null, null, true, Publication.NOW,
                null, null);

        ArticlePage preview = previews.preview(null, unsaved);

        assertThat(preview.headline()).isEqualTo(d.headline());
        assertThat(preview.bodyHtml()).contains("<em>never</em>");
        assertThat(preview.tags()).extracting(Views.TagLink::name).containsExactly(newTag);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article", Integer.class)).isEqualTo(articlesBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tag", Integer.class)).isEqualTo(tagsBefore);

        long id = drafts.save(null, draft(ArticleTestData.unique("Saved once"), Publication.NOW, null), "eden").id();
        EditableArticle saved = drafts.load(id);
        ArticlePage changed = previews.preview(id, again(saved, "A headline not yet saved", "New body."));
        assertThat(changed.headline()).isEqualTo("A headline not yet saved");
        assertThat(changed.url()).isEqualTo(saved.publicUrl());
        assertThat(drafts.load(id).draft().headline()).isEqualTo(saved.draft().headline());
        assertThat(drafts.load(id).draft().version()).isEqualTo(saved.draft().version());
        assertThat(revisions.revisions(id)).hasSize(1);
    }

    @Test
    void shouldPublishNowAndRecordItInTheAuditLog() {
        String headline = ArticleTestData.unique("Bridge reopens");
        long before = audits("article.published");
        long id = drafts.save(null, draft(headline, Publication.NOW, null), "eden").id();

        assertThat(drafts.load(id).status()).isEqualTo("published");
        assertThat(articles.article(drafts.load(id).draft().slug())).isInstanceOf(ArticleLookup.Found.class);
        assertThat(audits("article.published")).isEqualTo(before + 1);
    }

    @Test
    void shouldRefuseAnAddressAlreadyUsedByAnotherArticle() {
        String headline = ArticleTestData.unique("Same words");
        drafts.save(null, draft(headline, Publication.DRAFT, null), "eden");

        assertThatThrownBy(() -> drafts.save(null, draft(headline, Publication.DRAFT, null), "eden"))
                .isInstanceOfSatisfying(EditRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("slug");
                    assertThat(e.messageKey()).isEqualTo("editor.slug.taken");
                });
    }

    @Test
    void shouldTurnTwoSimultaneousSavesOfOneAddressIntoOneArticleAndOneFormError() throws Exception {
        for (int round = 0; round < 3; round++) {
            String headline = ArticleTestData.unique("Race for the address");
            List<Object> outcomes = race(2, () -> drafts.save(null, draft(headline, Publication.DRAFT, null), "eden"));
            assertThat(outcomes).filteredOn(o -> o instanceof EditingViews.Saved).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof EditRefusedException).hasSize(1);
        }
    }

    @Test
    void shouldScheduleAFutureTimeAndPublishItOnceWhenItComes() throws Exception {
        String headline = ArticleTestData.unique("Timetable changes");
        LocalDateTime inAnHour = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(1)),
                java.time.ZoneId.of("Europe/London")).withSecond(0).withNano(0);
        long id = drafts.save(null, draft(headline, Publication.AT, inAnHour), "eden").id();
        String slug = drafts.load(id).draft().slug();
        assertThat(drafts.load(id).status()).isEqualTo("scheduled");
        assertThat(audits("article.scheduled")).isPositive();

        assertThat(publishing.publishDue()).isZero();
        assertThatThrownBy(() -> articles.article(slug)).isInstanceOf(NotFoundException.class);

        clock.advance(Duration.ofMinutes(61));
        long before = audits("article.published");
        List<Object> published = race(4, () -> publishing.publishDue());
        assertThat(published.stream().mapToInt(o -> (Integer) o).sum()).isEqualTo(1);
        assertThat(audits("article.published")).isEqualTo(before + 1);
        assertThat(articles.article(slug)).isInstanceOf(ArticleLookup.Found.class);
        assertThat(publishing.publishDue()).isZero();
    }

    @Test
    void shouldBackdateAnArchiveArticleInTheSiteTimeZone() {
        String headline = ArticleTestData.unique("Archive: the old pier");
        long id = drafts.save(null, draft(headline, Publication.AT, LocalDateTime.of(2021, 5, 6, 17, 24)), "eden")
                .id();

        ArticlePage page = ((ArticleLookup.Found) articles.article(drafts.load(id).draft().slug())).page();
        assertThat(page.published().display()).isEqualTo("Thursday 06 May 2021 17:24 BST");
        assertThat(page.published().iso()).startsWith("2021-05-06T17:24").endsWith("+01:00");
        assertThat(page.url()).contains("/2021/05/06/");
        assertThat(page.updated()).as("a backdated article is not shown as updated today").isNull();
        assertThat(drafts.load(id).draft().publishAt()).isEqualTo(LocalDateTime.of(2021, 5, 6, 17, 24));
        long winter = drafts.save(null, draft(ArticleTestData.unique("Archive: winter"), Publication.AT,
                LocalDateTime.of(2020, 1, 9, 8, 5)), "eden").id();
        assertThat(previews.preview(winter).published().display()).isEqualTo("Thursday 09 January 2020 08:05 GMT");
    }

    @Test
    void shouldMoveTheUpdatedTimeOnlyWhenAnArticleOnTheSiteChanges() {
        long id = drafts.save(null, draft(ArticleTestData.unique("Live story"), Publication.DRAFT, null), "eden").id();
        clock.advance(Duration.ofMinutes(5));
        drafts.save(id, again(drafts.load(id), "Live story, now published", "Body.")
                .withPublication(Publication.NOW, null, drafts.load(id).draft().version()), "eden");
        assertThat(previews.preview(id).updated()).isNull();

        clock.advance(Duration.ofMinutes(10));
        drafts.save(id, again(drafts.load(id), "Live story, corrected", "Body, corrected."), "eden");

        ArticlePage page = previews.preview(id);
        assertThat(page.updated()).isNotNull();
        assertThat(page.lastModified()).isEqualTo(clock.instant());
        assertThat(drafts.load(id).lastSaved().iso()).isEqualTo(page.updated().iso());
    }

    @Test
    void shouldUnpublishAnArticleSoThatReadersGetNotFound() {
        long id = drafts.save(null, draft(ArticleTestData.unique("Withdrawn story"), Publication.NOW, null), "eden")
                .id();
        EditableArticle live = drafts.load(id);
        long before = audits("article.unpublished");

        ArticleDraft d = live.draft();
        drafts.save(id, d.withPublication(Publication.DRAFT, null, d.version()), "eden");

        assertThat(drafts.load(id).status()).isEqualTo("draft");
        assertThatThrownBy(() -> articles.article(d.slug())).isInstanceOf(NotFoundException.class);
        assertThat(audits("article.unpublished")).isEqualTo(before + 1);
    }

    @Test
    void shouldAnswerTheOldAddressOfAPublishedArticleWithItsNewOne() {
        long id = drafts.save(null, draft(ArticleTestData.unique("Ferry strike"), Publication.NOW, null), "eden")
                .id();
        String oldSlug = drafts.load(id).draft().slug();
        String newSlug = oldSlug + "-called-off";

        drafts.save(id, renamed(drafts.load(id), newSlug), "eden");

        ArticleLookup lookup = articles.article(oldSlug);
        assertThat(lookup).isInstanceOf(ArticleLookup.Moved.class);
        assertThat(((ArticleLookup.Moved) lookup).url()).endsWith("/" + newSlug);
        assertThat(articles.article(newSlug)).isInstanceOf(ArticleLookup.Found.class);

        // Back to the first address: it is the article's own again, and the second one now redirects.
        drafts.save(id, renamed(drafts.load(id), oldSlug), "eden");
        assertThat(articles.article(oldSlug)).isInstanceOf(ArticleLookup.Found.class);
        assertThat(articles.article(newSlug)).isInstanceOf(ArticleLookup.Moved.class);
    }

    @Test
    void shouldAnswerReadersWithNotFoundForADraftAndMovedPermanentlyForAnOldAddress() throws Exception {
        long id = drafts.save(null, draft(ArticleTestData.unique("Pier reopens"), Publication.DRAFT, null), "eden")
                .id();
        String draftUrl = previews.preview(id).url();
        mvc.perform(get(draftUrl)).andExpect(status().isNotFound());

        ArticleDraft d = drafts.load(id).draft();
        drafts.save(id, d.withPublication(Publication.NOW, null, d.version()), "eden");
        String oldUrl = drafts.load(id).publicUrl();
        mvc.perform(get(oldUrl)).andExpect(status().isOk());
        drafts.save(id, renamed(drafts.load(id), d.slug() + "-at-last"), "eden");

        String newUrl = drafts.load(id).publicUrl();
        mvc.perform(get(oldUrl)).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", newUrl));
        mvc.perform(get(newUrl)).andExpect(status().isOk());
    }

    @Test
    void shouldShareTheEditorsChosenPictureAndShowNoEmptyPictureForAVideoLink() throws Exception {
        ArticleDraft d = draft(ArticleTestData.unique("Shared picture"), Publication.NOW, null);
        ArticleDraft shared = new ArticleDraft(d.headline(), d.standfirst(), "", d.type(), section, List.of(),
                d.authors(), List.of(), d.bodyMarkdown(), new Views.Lead("EMBED",
                        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "A ferry", null, null, null, null, null,
                        null, null), null, null, "https://images.example/ferry.jpg", true, Publication.NOW, null, null);
        long id = drafts.save(null, shared, "eden").id();

        String html = mvc.perform(get(drafts.load(id).publicUrl())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertThat(page.select("meta[property=og:image]").attr("content")).isEqualTo("https://images.example/ferry.jpg");
        assertThat(page.select(".lead-media iframe").attr("src"))
                .isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        String front = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(front).select("img:not([src]), img[src=\"\"]")).isEmpty();
    }

    @Test
    void shouldRefuseASaveOverANewerVersionAndHandBackWhatTheOtherEditorSaved() {
        long id = drafts.save(null, draft(ArticleTestData.unique("Council vote"), Publication.DRAFT, null), "eden")
                .id();
        EditableArticle opened = drafts.load(id);
        drafts.save(id, again(opened, "Council vote: first editor's headline", "First editor's body."), "eden");

        assertThatThrownBy(() -> drafts.save(id, again(opened, "Second editor's headline", "Second body."), "sam"))
                .isInstanceOfSatisfying(EditConflictException.class, e -> {
                    assertThat(e.current().draft().headline()).isEqualTo("Council vote: first editor's headline");
                    assertThat(e.current().lastSavedBy()).isEqualTo("eden");
                    assertThat(e.current().draft().version()).isGreaterThan(opened.draft().version());
                });
        assertThat(drafts.load(id).draft().headline()).isEqualTo("Council vote: first editor's headline");
    }

    @Test
    void shouldKeepARevisionPerSaveCompareAnyTwoAndRestoreOneAsANewRevision() {
        long id = drafts.save(null, draft("Revision one " + ArticleTestData.unique("r"), Publication.DRAFT, null),
                "eden").id();
        String first = drafts.load(id).draft().headline();
        drafts.save(id, again(drafts.load(id), "Revision two", "First paragraph.\n\nA new second paragraph."),
                "sam");
        drafts.save(id, again(drafts.load(id), "Revision three", "First paragraph.\n\nA new second paragraph."),
                "eden");

        List<RevisionRow> listed = revisions.revisions(id);
        assertThat(listed).extracting(RevisionRow::number).containsExactly(3, 2, 1);
        assertThat(listed).extracting(RevisionRow::by).containsExactly("eden", "sam", "eden");

        RevisionDiff diff = revisions.diff(id, 1, 2);
        assertThat(diff.rows()).filteredOn(row -> row.kind().equals("changed"))
                .extracting(DiffRow::left, DiffRow::right)
                .contains(org.assertj.core.groups.Tuple.tuple("Headline: " + first, "Headline: Revision two"),
                        org.assertj.core.groups.Tuple.tuple("Second paragraph.", "A new second paragraph."));
        assertThat(diff.rows()).filteredOn(row -> row.kind().equals("same")).extracting(DiffRow::left)
                .contains("First paragraph.");
        assertThat(revisions.diff(id, 2, 2).identical()).isTrue();
        assertThat(revisions.diff(id, null, null)).satisfies(newest -> {
            assertThat(newest.from().number()).isEqualTo(2);
            assertThat(newest.to().number()).isEqualTo(3);
        });

        revisions.restore(id, 1, drafts.load(id).draft().version(), "eden");
        assertThat(drafts.load(id).draft().headline()).isEqualTo(first);
        assertThat(drafts.load(id).draft().bodyMarkdown()).isEqualTo("First paragraph.\n\nSecond paragraph.");
        assertThat(revisions.revisions(id).get(0)).satisfies(r -> {
            assertThat(r.number()).isEqualTo(4);
            assertThat(r.note()).isEqualTo("restored:1");
        });
        assertThatThrownBy(() -> revisions.restore(id, 2, 0, "eden")).isInstanceOf(EditConflictException.class);
        assertThatThrownBy(() -> revisions.diff(id, 1, 99)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldRestoreOnlyTheContentKeepingTheAddressAndPublication() {
        long id = drafts.save(null, draft(ArticleTestData.unique("First words"), Publication.DRAFT, null), "eden")
                .id();
        EditableArticle first = drafts.load(id);
        ArticleDraft d = renamed(first, first.draft().slug() + "-live");
        drafts.save(id, d.withPublication(Publication.NOW, null, d.version()), "eden");
        EditableArticle live = drafts.load(id);

        revisions.restore(id, 1, live.draft().version(), "eden");

        EditableArticle restored = drafts.load(id);
        assertThat(restored.draft().headline()).isEqualTo(first.draft().headline());
        assertThat(restored.draft().slug()).isEqualTo(live.draft().slug());
        assertThat(restored.status()).isEqualTo("published");
        assertThat(restored.publicUrl()).isEqualTo(live.publicUrl());
    }

    @Test
    void shouldRefuseToRestoreARevisionWhoseSectionIsGoneAndChangeNothing() {
        String other = new ArticleTestData(imports).section(null);
        long id = drafts.save(null, draft(ArticleTestData.unique("Moved"), Publication.DRAFT, null), "eden").id();
        EditableArticle first = drafts.load(id);
        ArticleDraft d = first.draft();
        drafts.save(id, new ArticleDraft(d.headline(), d.standfirst(), d.slug(), d.type(), other, List.of(),
                d.authors(), d.tags(), "Moved body.", null, null, null, null, true, Publication.DRAFT, null,
                d.version()), "eden");
        // The first section goes (as if deleted on another instance); the tree forgets it.
        jdbc.update("DELETE FROM article_section WHERE section_id = (SELECT id FROM section WHERE slug = ?)", section);
        jdbc.update("UPDATE article SET primary_section_id = (SELECT id FROM section WHERE slug = ?)"
                + " WHERE primary_section_id = (SELECT id FROM section WHERE slug = ?)", other, section);
        jdbc.update("DELETE FROM section WHERE slug = ?", section);
        sectionTrees.forgetSections();
        long version = drafts.load(id).draft().version();

        assertThatThrownBy(() -> revisions.restore(id, 1, version, "eden"))
                .isInstanceOfSatisfying(EditRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("editor.restore.gone"));
        assertThat(drafts.load(id).draft().bodyMarkdown()).isEqualTo("Moved body.");
        assertThat(revisions.revisions(id)).hasSize(2);
    }

    @Test
    void shouldRestoreARevisionAfterItsAuthorChangedAddress() {
        long id = drafts.save(null, draft(ArticleTestData.unique("Before the rename"), Publication.DRAFT, null),
                "eden").id();
        drafts.save(id, again(drafts.load(id), "After the rename", "Changed body."), "eden");
        String renamed = author + "-renamed";
        jdbc.update("UPDATE author SET slug = ? WHERE slug = ?", renamed, author);

        revisions.restore(id, 1, drafts.load(id).draft().version(), "eden");

        assertThat(drafts.load(id).draft().headline()).startsWith("Before the rename");
        assertThat(drafts.load(id).draft().authors()).containsExactly(renamed);
    }

    @Test
    void shouldKeepTextInAnyLanguageExactlyAsTyped() {
        String headline = "“Ça va?” — Zoë’s café in Kraków, 東京 " + ArticleTestData.unique("x");
        ArticleDraft typed = new ArticleDraft(headline, "It’s “quoted” – with dashes…", "", ArticleType.NEWS,
                section, List.of(), List.of(author), List.of("Café culture", "Kraków"),
                "Élan: “quotes”, ‘apostrophes’ — and 東京.", null, null, null, null, true, Publication.DRAFT, null,
                null);
        long id = drafts.save(null, typed, "eden").id();

        ArticleDraft back = drafts.load(id).draft();
        assertThat(back.headline()).isEqualTo(headline);
        assertThat(back.standfirst()).isEqualTo("It’s “quoted” – with dashes…");
        assertThat(back.bodyMarkdown()).isEqualTo("Élan: “quotes”, ‘apostrophes’ — and 東京.");
        assertThat(back.tags()).containsExactlyInAnyOrder("Café culture", "Kraków");
        assertThat(back.slug()).startsWith("ca-va-zoes-cafe-in-krakow");
        assertThat(previews.preview(id).bodyHtml()).contains("Élan: “quotes”, ‘apostrophes’ — and 東京.");
    }

    @Test
    void shouldFindTagsByNameKeepNonLatinOnesAndRefuseOverlongOnes() {
        String name = "Ferry services " + ArticleTestData.unique("t");
        ArticleDraft d = draft(ArticleTestData.unique("Tags"), Publication.DRAFT, null);
        ArticleDraft tagged = new ArticleDraft(d.headline(), d.standfirst(), "", d.type(), section, List.of(),
                d.authors(), List.of(name, "Москва", "東京"), d.bodyMarkdown(), null, null, null, null, true,
                Publication.DRAFT, null, null);
        long id = drafts.save(null, tagged, "eden").id();
        List<Long> before = jdbc.queryForList("SELECT tag_id FROM article_tag WHERE article_id = ? ORDER BY tag_id",
                Long.class, id);
        assertThat(before).hasSize(3);
        assertThat(drafts.load(id).draft().tags()).containsExactlyInAnyOrder(name, "Москва", "東京");

        // Renamed at the tag desk (the address stays), the tag is still found by its name when the article is saved.
        jdbc.update("UPDATE tag SET name = ? WHERE name = ?", name.toUpperCase(), name);
        drafts.save(id, drafts.load(id).draft(), "eden");
        assertThat(jdbc.queryForList("SELECT tag_id FROM article_tag WHERE article_id = ? ORDER BY tag_id",
                Long.class, id)).isEqualTo(before);

        ArticleDraft overlong = new ArticleDraft(d.headline() + " 2", d.standfirst(), "", d.type(), section,
                List.of(), d.authors(), List.of("x".repeat(121)), d.bodyMarkdown(), null, null, null, null, true,
                Publication.DRAFT, null, null);
        assertThatThrownBy(() -> drafts.save(null, overlong, "eden"))
                .isInstanceOfSatisfying(EditRefusedException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("editor.tags.long"));
    }

    @Test
    void shouldKeepThePublicationTimeOfAnArticleInTheHourThatRepeatsWhenTheClocksGoBack() {
        long id = drafts.save(null, draft(ArticleTestData.unique("Clocks go back"), Publication.AT,
                LocalDateTime.of(2021, 10, 31, 1, 30)), "eden").id();
        // The second 01:30 of that night, in GMT, as a scheduler or an import could have set it.
        jdbc.update("UPDATE article SET published_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.parse("2021-10-31T01:30:20Z")), id);

        drafts.save(id, again(drafts.load(id), "Clocks go back, edited", "Body."), "eden");

        assertThat(jdbc.queryForObject("SELECT published_at FROM article WHERE id = ?", java.sql.Timestamp.class, id)
                .toInstant()).isEqualTo(Instant.parse("2021-10-31T01:30:20Z"));
    }

    @Test
    void shouldRefuseABodyWhoseMarkupWouldNotFitAsAFormError() {
        ArticleDraft d = draft(ArticleTestData.unique("Ampersands"), Publication.DRAFT, null);
        ArticleDraft ampersands = new ArticleDraft(d.headline(), d.standfirst(), "", d.type(), section, List.of(),
                d.authors(), List.of(), "&".repeat(99_000), null, null, null, null, true, Publication.DRAFT, null,
                null);
        assertThatThrownBy(() -> drafts.save(null, ampersands, "eden"))
                .isInstanceOfSatisfying(EditRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.messageKey()).isEqualTo("editor.body.rendered");
                });
    }

    @Test
    void shouldRefuseAnUnknownSectionOrAuthorAsFormErrors() {
        ArticleDraft d = draft(ArticleTestData.unique("Nowhere"), Publication.DRAFT, null);
        ArticleDraft noSection = new ArticleDraft(d.headline(), d.standfirst(), "", d.type(), "no-such-section",
                List.of(), d.authors(), d.tags(), d.bodyMarkdown(), null, null, null, null, true, Publication.DRAFT,
                null, null);
        assertThatThrownBy(() -> drafts.save(null, noSection, "eden"))
                .isInstanceOfSatisfying(EditRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("primarySection"));
        ArticleDraft noAuthor = new ArticleDraft(d.headline(), d.standfirst(), "", d.type(), section, List.of(),
                List.of("no-such-author"), d.tags(), d.bodyMarkdown(), null, null, null, null, true,
                Publication.DRAFT, null, null);
        assertThatThrownBy(() -> drafts.save(null, noAuthor, "eden"))
                .isInstanceOfSatisfying(EditRefusedException.class, e -> assertThat(e.field()).isEqualTo("authors"));
    }

    @Test
    void shouldDeleteAnArticleWithItsThreadsAndRevisions() {
        long id = drafts.save(null, draft(ArticleTestData.unique("To be deleted"), Publication.NOW, null), "eden")
                .id();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO comment (article_id, depth, status, body, created_at) VALUES (?, 0, 'VISIBLE', 'a', ?)",
                id, java.sql.Timestamp.from(now));
        Long parent = jdbc.queryForObject("SELECT max(id) FROM comment WHERE article_id = ?", Long.class, id);
        jdbc.update("INSERT INTO comment (article_id, parent_id, root_id, depth, status, body, created_at)"
                + " VALUES (?, ?, ?, 1, 'VISIBLE', 'b', ?)", id, parent, parent, java.sql.Timestamp.from(now));
        long before = audits("article.deleted");

        deletion.delete(id, "eden");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM article WHERE id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM comment WHERE article_id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article_revision WHERE article_id = ?", Integer.class,
                id)).isZero();
        assertThat(audits("article.deleted")).isEqualTo(before + 1);
        assertThatThrownBy(() -> drafts.load(id)).isInstanceOf(NotFoundException.class);
    }

    /** Runs the task on {@code threads} threads released at once; returns each result or the exception thrown. */
    private static List<Object> race(int threads, Callable<?> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
