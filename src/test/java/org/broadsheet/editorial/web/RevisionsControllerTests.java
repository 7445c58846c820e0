package org.broadsheet.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleDrafts;
import org.broadsheet.article.ArticleRevisions;
import org.broadsheet.article.ArticleType;
import org.broadsheet.article.EditConflictException;
import org.broadsheet.article.EditingViews.DiffRow;
import org.broadsheet.article.EditingViews.EditableArticle;
import org.broadsheet.article.EditingViews.RevisionDiff;
import org.broadsheet.article.EditingViews.RevisionRow;
import org.broadsheet.article.EditingViews.Saved;
import org.broadsheet.article.Publication;
import org.broadsheet.shared.Datelines;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** An article's revisions: the list, a side-by-side comparison, restoring one, and who may do it. */
@WebMvcTest(RevisionsController.class)
@Import(WebSliceTestConfig.class)
class RevisionsControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Datelines datelines;

    @MockitoBean
    ArticleDrafts drafts;

    @MockitoBean
    ArticleRevisions articleRevisions;

    @MockitoBean
    org.broadsheet.article.SectionTrees sections;

    private List<RevisionRow> revisions;
    private EditableArticle current;

    @BeforeEach
    void setUp() {
        Datelines.Dateline at = datelines.of(Instant.parse("2026-11-20T09:30:00Z"));
        revisions = List.of(new RevisionRow(3, at, "eden", "restored:1", "Bridge reopens"),
                new RevisionRow(2, at, "sam", null, "Bridge <to> reopen"),
                new RevisionRow(1, at, "eden", null, "Bridge reopens"));
        current = new EditableArticle(7, new ArticleDraft("Bridge reopens", "S", "bridge-reopens", ArticleType.NEWS,
                "world", List.of(), List.of("zoe"), List.of(), "Body", null, null, null, null, true, Publication.AT,
                LocalDateTime.of(2026, 11, 20, 9, 30), 9L), "published", "/world/2026/11/20/bridge-reopens", at, "eden",
                at, 0);
        given(drafts.load(7)).willReturn(current);
        given(articleRevisions.revisions(7)).willReturn(revisions);
    }

    private Document html(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user("eden").roles("EDITOR"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void shouldListRevisionsWithWhoAndWhenAndOfferToCompareAndRestore() throws Exception {
        Document page = html("/admin/articles/7/revisions");

        assertThat(page.select("tbody tr")).hasSize(3);
        assertThat(page.select("#revision-2 td").eachText()).contains("sam", "Bridge <to> reopen");
        assertThat(page.select("#revision-3").text()).contains("(restored from no. 1)");
        assertThat(page.select("#revision-3 a").attr("href")).isEqualTo("/admin/articles/7/revisions/compare?from=2&to=3");
        assertThat(page.select("#revision-3 form")).as("the newest is the article as it is").isEmpty();
        assertThat(page.select("#revision-1 form").attr("action")).isEqualTo("/admin/articles/7/revisions/1/restore");
        assertThat(page.select("#revision-1 form input[name=version]").val()).isEqualTo("9");
        assertThat(page.select("#revision-1 form input[name=_csrf]")).hasSize(1);
        assertThat(page.select("#compare-from option[selected]").val()).isEqualTo("2");
        assertThat(page.select("#compare-to option[selected]").val()).isEqualTo("3");
    }

    @Test
    void shouldCompareTwoRevisionsSideBySide() throws Exception {
        given(articleRevisions.diff(7, 1, 2)).willReturn(new RevisionDiff(7, "Bridge reopens", revisions.get(2),
                revisions.get(1), List.of(new DiffRow("same", 1, "Headline: same", 1, "Headline: same"),
                        new DiffRow("changed", 2, "Old <line>", 2, "New line"),
                        new DiffRow("added", null, null, 3, "Added")), revisions));

        Document page = html("/admin/articles/7/revisions/compare?from=1&to=2");

        assertThat(page.select("caption").text()).contains("Revision 1", "revision 2");
        assertThat(page.select("tr.diff-changed del").text()).isEqualTo("Old <line>");
        assertThat(page.select("tr.diff-changed ins").text()).isEqualTo("New line");
        assertThat(page.select("tr.diff-added ins").text()).isEqualTo("Added");
        assertThat(page.select("tr.diff-same td.diff-left").text()).isEqualTo("Headline: same");
    }

    @Test
    void shouldCompareTheNewestWithTheOneBeforeByDefault() throws Exception {
        given(articleRevisions.diff(7, null, null)).willReturn(new RevisionDiff(7, "Bridge reopens", revisions.get(1),
                revisions.get(0), List.of(new DiffRow("same", 1, "x", 1, "x")), revisions));

        Document page = html("/admin/articles/7/revisions/compare");

        assertThat(page.select(".diff-identical").text()).isEqualTo("The two revisions are the same.");
    }

    @Test
    void shouldRestoreARevisionOrExplainWhyNot() throws Exception {
        given(articleRevisions.restore(7, 1, 9, "eden")).willReturn(new Saved(7, "published"));
        mvc.perform(post("/admin/articles/7/revisions/1/restore").param("version", "9")
                        .with(user("eden").roles("EDITOR")).with(csrf()))
                .andExpect(redirectedUrl("/admin/articles/7/edit"))
                .andExpect(flash().attribute("notice", "editor.restored"));

        given(articleRevisions.restore(eq(7L), eq(2), eq(8L), eq("eden")))
                .willThrow(new EditConflictException(current));
        mvc.perform(post("/admin/articles/7/revisions/2/restore").param("version", "8")
                        .with(user("eden").roles("EDITOR")).with(csrf()))
                .andExpect(redirectedUrl("/admin/articles/7/revisions"))
                .andExpect(flash().attribute("notice", "editor.restore.conflict"));
    }

    @Test
    void shouldAnswerMalformedRevisionNumbersWithBadRequestAndUnknownOnesWithNotFound() throws Exception {
        for (String url : List.of("/admin/articles/7/revisions/compare?from=x", "/admin/articles/abc/revisions",
                "/admin/articles/7/revisions/compare?to=1.5")) {
            mvc.perform(get(url).with(user("eden").roles("EDITOR"))).andExpect(status().isBadRequest());
        }
        mvc.perform(post("/admin/articles/7/revisions/x/restore").param("version", "9")
                .with(user("eden").roles("EDITOR")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/articles/7/revisions/1/restore").with(user("eden").roles("EDITOR")).with(csrf()))
                .andExpect(status().isBadRequest());
        given(articleRevisions.diff(7, 1, 99)).willThrow(new org.broadsheet.shared.NotFoundException("revision 99"));
        mvc.perform(get("/admin/articles/7/revisions/compare?from=1&to=99").with(user("eden").roles("EDITOR")))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldOpenOnlyToEditorsAndNeedTheFormToken() throws Exception {
        mvc.perform(get("/admin/articles/7/revisions").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/admin/articles/7/revisions").with(user("morgan").roles("MODERATOR")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/articles/7/revisions").with(user("rowan").roles("READER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/articles/7/revisions")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/articles/7/revisions/1/restore").param("version", "9")
                .with(user("eden").roles("EDITOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/articles/7/revisions/1/restore").param("version", "9").with(csrf())
                .with(user("rowan").roles("READER"))).andExpect(status().isForbidden());
        verify(articleRevisions, never()).restore(anyLong(), anyInt(), anyLong(), org.mockito.ArgumentMatchers.any());
    }
}
