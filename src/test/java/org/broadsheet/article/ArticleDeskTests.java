package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.broadsheet.article.Views.DeskRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The editors' list of articles against the database: every status, the filters, both orders. Shares its context
 * with {@link ArticlePagesTests}; each test works in sections and with authors of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ArticleDeskTests {

    @Autowired
    ArticleDesk articleDesk;

    @Autowired
    ArticleImports imports;

    private ArticleTestData data;
    private String section;
    private String subsection;
    private String author;
    private long draft;
    private long scheduled;
    private long old;
    private long recent;

    @BeforeEach
    void setUp() {
        data = new ArticleTestData(imports);
        section = data.section(null);
        subsection = data.section(section);
        author = data.author();
        Instant now = Instant.now();
        draft = data.article(section, author).headline("Draft about the ferry " + section).draft().save();
        scheduled = data.article(subsection, author).headline("Scheduled ferry timetable " + section)
                .publishedAt(now.plus(2, ChronoUnit.DAYS)).save();
        old = data.article(section, data.author()).headline("Old harbour story " + section)
                .publishedAt(now.minus(30, ChronoUnit.DAYS)).save();
        recent = data.article(subsection, author).headline("Recent ferry strike " + section)
                .publishedAt(now.minus(1, ChronoUnit.HOURS)).save();
    }

    private List<Long> ids(String status, String inSection, String byAuthor, String text, String sort) {
        return articleDesk.desk(new DeskQuery(status, inSection, byAuthor, text, sort, 1)).rows().items().stream()
                .map(DeskRow::id).toList();
    }

    @Test
    void shouldListEveryStatusOfASectionAndItsSubsectionsWithTheLastChangedFirst() {
        assertThat(ids(null, section, null, null, "updated")).containsExactly(recent, old, scheduled, draft);
    }

    @Test
    void shouldFilterByStatus() {
        assertThat(ids("draft", section, null, null, "updated")).containsExactly(draft);
        assertThat(ids("scheduled", section, null, null, "updated")).containsExactly(scheduled);
        assertThat(ids("published", section, null, null, "updated")).containsExactly(recent, old);
    }

    @Test
    void shouldFilterBySubsectionAuthorAndHeadline() {
        assertThat(ids(null, subsection, null, null, "updated")).containsExactly(recent, scheduled);
        assertThat(ids(null, section, author, null, "updated")).containsExactly(recent, scheduled, draft);
        assertThat(ids(null, section, null, "FERRY", "updated")).containsExactly(recent, scheduled, draft);
        assertThat(ids(null, section, null, "100%_ferry", "updated")).isEmpty();
        assertThat(ids(null, "no-such-section", null, null, "updated")).isEmpty();
    }

    @Test
    void shouldOrderByPublicationTimeWithDraftsLast() {
        assertThat(ids(null, section, null, null, "published")).containsExactly(scheduled, recent, old, draft);
    }

    @Test
    void shouldGiveReadersAddressesOnlyForPublishedArticles() {
        List<DeskRow> rows = articleDesk.desk(new DeskQuery(null, section, null, null, "updated", 1)).rows().items();

        assertThat(rows).extracting(DeskRow::status).containsExactly("published", "published", "scheduled", "draft");
        assertThat(rows.get(0).publicUrl()).startsWith("/" + subsection + "/");
        assertThat(rows.get(2).publicUrl()).isNull();
        assertThat(rows.get(3).publicUrl()).isNull();
        assertThat(rows.get(3).published()).isNull();
    }
}
