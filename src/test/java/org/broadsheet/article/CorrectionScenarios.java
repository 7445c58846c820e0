package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.broadsheet.article.CorrectionViews.ListedCorrection;
import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.article.Views.CorrectionNote;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.support.DurableEventsSettled;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Corrections against the database, through the whole application: a note is stored, printed under its article
 * and on the public corrections page, moves the article's "Updated" time without touching its version, and is
 * refused for articles readers cannot see. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class CorrectionScenarios {

    @Autowired
    CorrectionService corrections;

    @Autowired
    ArticleService articles;

    @Autowired
    SectionTrees sectionTrees;

    @Autowired
    ArticleCards articleCards;

    @Autowired
    ArticleImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private ArticleTestData data;
    private String section;
    private String author;

    @BeforeEach
    void setUp() {
        data = new ArticleTestData(imports);
        section = data.section(null);
        author = data.author();
    }

    private ArticlePage page(long id) {
        String slug = jdbc.queryForObject("select slug from article where id = ?", String.class, id);
        return ((ArticleLookup.Found) articles.article(slug)).page();
    }

    private String urlOf(long id) {
        return articleCards.cardsFor(List.of(id)).get(0).url();
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from article where id = ?", Long.class, id);
    }

    private Instant updatedAt(long id) {
        return jdbc.queryForObject("select updated_at from article where id = ?", OffsetDateTime.class, id)
                .toInstant();
    }

    @Test
    void shouldListAddedNotesUnderTheArticleOldestFirst() {
        long id = data.article(section, author).save();

        long first = corrections.add(id, CorrectionKind.CORRECTION, "  We misspelt the mayor's name.\r\nSorry.  ",
                "editor");
        long second = corrections.add(id, CorrectionKind.CLARIFICATION, "The bridge is in Lisbon.", "editor");

        List<CorrectionNote> notes = page(id).corrections();
        assertThat(notes).extracting(CorrectionNote::id).containsExactly(first, second);
        assertThat(notes).extracting(CorrectionNote::kind)
                .containsExactly(CorrectionKind.CORRECTION, CorrectionKind.CLARIFICATION);
        assertThat(notes.get(0).note()).isEqualTo("We misspelt the mayor's name.\nSorry.");
        assertThat(notes.get(0).dateline().iso()).isNotBlank();
        assertThat(corrections.desk(id).notes()).extracting(n -> n.addedBy()).containsExactly("editor", "editor");
        assertThat(corrections.desk(id).publicUrl()).isEqualTo(urlOf(id));
    }

    @Test
    void shouldMoveTheUpdatedTimeToTheNoteWithoutChangingTheVersion() {
        Instant published = Instant.now().minus(2, ChronoUnit.DAYS);
        long id = data.article(section, author).publishedAt(published).save();
        long versionBefore = version(id);
        assertThat(page(id).updated()).isNull();

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        corrections.add(id, CorrectionKind.UPDATE, "The minister has since resigned.", "editor");

        assertThat(version(id)).isEqualTo(versionBefore);
        Instant updated = updatedAt(id);
        assertThat(updated).isAfterOrEqualTo(before);
        ArticlePage page = page(id);
        assertThat(page.updated()).isNotNull();
        assertThat(page.updated()).isEqualTo(page.corrections().get(0).dateline());
        assertThat(page.lastModified()).isEqualTo(updated);
    }

    @Test
    void shouldRefuseArticlesReadersCannotSee() {
        long draft = data.article(section, author).draft().save();
        long scheduled = data.article(section, author).publishedAt(Instant.now().plus(1, ChronoUnit.DAYS)).save();

        assertThatThrownBy(() -> corrections.add(draft, CorrectionKind.CORRECTION, "Nothing yet.", "editor"))
                .isInstanceOf(CorrectionService.NotPublishedException.class);
        assertThatThrownBy(() -> corrections.add(scheduled, CorrectionKind.CORRECTION, "Nothing yet.", "editor"))
                .isInstanceOf(CorrectionService.NotPublishedException.class);
        assertThatThrownBy(() -> corrections.add(-1, CorrectionKind.CORRECTION, "Nothing yet.", "editor"))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.queryForObject("select count(*) from article_correction where article_id in (?, ?)",
                Integer.class, draft, scheduled)).isZero();
        assertThat(corrections.desk(draft).correctable()).isFalse();
        assertThat(corrections.desk(scheduled).correctable()).isFalse();
        assertThat(events.stream(CorrectionAdded.class)).isEmpty();
    }

    @Test
    void shouldRefuseEmptyAndOverlongNotes() {
        long id = data.article(section, author).save();

        assertThatThrownBy(() -> corrections.add(id, CorrectionKind.CORRECTION, " \r\n ", "editor"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> corrections.add(id, CorrectionKind.CORRECTION, "x".repeat(2001), "editor"))
                .isInstanceOf(IllegalArgumentException.class);
        long longest = corrections.add(id, CorrectionKind.CORRECTION, "ü".repeat(2000), "editor");
        assertThat(page(id).corrections()).extracting(CorrectionNote::id).containsExactly(longest);
    }

    @Test
    void shouldTellTheOtherModulesAboutTheNote() {
        long id = data.article(section, author).headline("Harbour fares rise " + section).save();

        long note = corrections.add(id, CorrectionKind.CLARIFICATION, "Fares rise in May, not March.", "editor");

        assertThat(events.stream(CorrectionAdded.class))
                .containsExactly(new CorrectionAdded(id, note, CorrectionKind.CLARIFICATION));
        assertThat(events.stream(AuditEvent.class)).contains(new AuditEvent("editor", "article.correction",
                "Harbour fares rise " + section, "CLARIFICATION"));
        assertThat(events.stream(ContentChangedEvent.class)).isNotEmpty();
    }

    @Test
    void shouldListNotesOfVisibleArticlesNewestFirstOnThePublicPage() {
        long older = data.article(section, author).headline("Older story " + section).save();
        long newer = data.article(section, author).headline("Newer story " + section).save();
        long hidden = data.article(section, author).headline("Hidden later " + section).save();
        long a = corrections.add(older, CorrectionKind.CORRECTION, "First note " + section, "editor");
        long b = corrections.add(newer, CorrectionKind.UPDATE, "Second note " + section, "editor");
        long c = corrections.add(hidden, CorrectionKind.UPDATE, "Third note " + section, "editor");
        // Unpublished after it was corrected: its notes leave the public page with it.
        jdbc.update("update article set status = 'DRAFT' where id = ?", hidden);

        List<ListedCorrection> latest = corrections.latest(1).items();
        List<Long> ids = latest.stream().map(l -> l.note().id()).toList();
        assertThat(ids).doesNotContain(c);
        assertThat(ids.indexOf(b)).isGreaterThanOrEqualTo(0).isLessThan(ids.indexOf(a));
        ListedCorrection listed = latest.get(ids.indexOf(b));
        assertThat(listed.headline()).isEqualTo("Newer story " + section);
        assertThat(listed.articleUrl()).isEqualTo(urlOf(newer));
        assertThat(listed.note().note()).isEqualTo("Second note " + section);
        assertThatThrownBy(() -> corrections.latest(10_000)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldPrintNotesUnderTheArticleAndInItsStructuredData() throws Exception {
        long id = data.article(section, author).save();
        corrections.add(id, CorrectionKind.CORRECTION, "We said <b>Tuesday</b>; it was Monday. </script>", "editor");

        Document page = Jsoup.parse(mvc.perform(get(urlOf(id))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());

        assertThat(page.select(".corrections h2").text()).isEqualTo("Corrections and clarifications");
        assertThat(page.select(".corrections .correction-kind").text()).isEqualTo("Correction");
        assertThat(page.select(".corrections .correction-note").text())
                .isEqualTo("We said <b>Tuesday</b>; it was Monday. </script>");
        assertThat(page.select(".corrections b")).isEmpty();
        String noteTime = page.select(".corrections time").attr("datetime");
        assertThat(page.select(".updated time").attr("datetime")).isEqualTo(noteTime);
        JsonNode ld = JsonMapper.builder().build().readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.get("dateModified").asString()).isEqualTo(noteTime);
        assertThat(ld.get("correction").get(0).get("@type").asString()).isEqualTo("CorrectionComment");
        assertThat(ld.get("correction").get(0).get("text").asString())
                .isEqualTo("We said <b>Tuesday</b>; it was Monday. </script>");
        assertThat(ld.get("correction").get(0).get("datePublished").asString()).isEqualTo(noteTime);
    }

    @Test
    void shouldCostTheArticlePageTheSameStatementsWhateverItsNotes() throws Exception {
        long plain = data.article(section, author).save();
        long corrected = data.article(section, author).save();
        for (int i = 0; i < 6; i++) {
            corrections.add(corrected, i % 2 == 0 ? CorrectionKind.CORRECTION : CorrectionKind.UPDATE,
                    "Note " + i, "editor");
        }

        assertThat(statementsFor(urlOf(corrected))).isEqualTo(statementsFor(urlOf(plain)));
        // One page of notes, one count (skipped while the page is not full), the articles and their bylines.
        assertThat(statementsFor("/corrections")).isLessThanOrEqualTo(4);
    }

    private long statementsFor(String url) throws Exception {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        sectionTrees.forgetSections(); // read now, so that it is not due to be read again during the count
        mvc.perform(get(url)).andExpect(status().isOk());
        DurableEventsSettled.await(jdbc); // the listeners of earlier changes would count too
        statistics.clear();
        mvc.perform(get(url)).andExpect(status().isOk());
        return statistics.getPrepareStatementCount();
    }
}
