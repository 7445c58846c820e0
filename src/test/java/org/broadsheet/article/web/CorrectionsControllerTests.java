package org.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.broadsheet.article.ArticleDiscussion;
import org.broadsheet.article.ArticleLookup;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.FrontPages;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.CorrectionKind;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.article.CorrectionViews.ListedCorrection;
import org.broadsheet.article.Views.CorrectionNote;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Corrections as readers meet them: under the article, in its structured data and on the corrections page. */
@WebMvcTest({ CorrectionsController.class, ArticleController.class })
@Import({ WebSliceTestConfig.class, StructuredData.class })
class CorrectionsControllerTests {

    private static final String XSS = "We said <script>alert('x')</script> & “Tuesday”; it was Monday.";
    private static final CorrectionNote CORRECTION = new CorrectionNote(41, CorrectionKind.CORRECTION,
            ArticleFixtures.UPDATED, XSS);
    private static final CorrectionNote CLARIFICATION = new CorrectionNote(42, CorrectionKind.CLARIFICATION,
            ArticleFixtures.PUBLISHED, "The bridge is the old one.\nNot the new one.");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ArticleService articles;

    @MockitoBean
    SectionTrees sectionTrees;

    @MockitoBean
    FrontPages frontPages;

    @MockitoBean
    ArticleLists articleLists;

    @MockitoBean
    ArticleCards articleCards;

    @MockitoBean
    CorrectionService corrections;

    @MockitoBean
    ArticleDiscussion discussion;

    @BeforeEach
    void navigation() {
        given(sectionTrees.navigation()).willReturn(List.of(ArticleFixtures.NEWS));
    }

    private Document html(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldPrintTheNotesUnderTheArticleBody() throws Exception {
        given(articles.article("harbour-bridge-reopens")).willReturn(new ArticleLookup.Found(ArticleFixtures.page(
                "Harbour bridge reopens", ArticleFixtures.image(), true, List.of(CLARIFICATION, CORRECTION))));

        Document page = html(ArticleFixtures.URL);

        Element section = page.selectFirst("article .article-body + section.corrections");
        assertThat(section).isNotNull();
        assertThat(section.select("h2").text()).isEqualTo("Corrections and clarifications");
        assertThat(section.select(".correction-kind").eachText()).containsExactly("Clarification", "Correction");
        assertThat(section.select("#correction-41 .correction-note").text()).isEqualTo(XSS);
        assertThat(section.select("#correction-41 time").attr("datetime")).isEqualTo(ArticleFixtures.UPDATED.iso());
        assertThat(section.select("#correction-41 time").text()).isEqualTo("Thursday 06 May 2021 19:02 BST");
        assertThat(section.select("script")).isEmpty();
        assertThat(section.select("a[href=/corrections]")).hasSize(1);
        assertThat(page.select(".updated time").attr("datetime")).isEqualTo(ArticleFixtures.UPDATED.iso());
    }

    @Test
    void shouldMarkTheNotesUpAsSchemaOrgCorrections() throws Exception {
        given(articles.article("harbour-bridge-reopens")).willReturn(new ArticleLookup.Found(ArticleFixtures.page(
                "Harbour bridge reopens", ArticleFixtures.image(), true, List.of(CLARIFICATION, CORRECTION))));

        Element script = html(ArticleFixtures.URL).selectFirst("script[type=application/ld+json]");

        assertThat(script.data()).doesNotContain("</script>").doesNotContain("<");
        JsonNode ld = JsonMapper.builder().build().readTree(script.data());
        JsonNode notes = ld.get("correction");
        assertThat(notes.isArray()).isTrue();
        assertThat(notes).hasSize(2);
        assertThat(notes.get(1).get("@type").asString()).isEqualTo("CorrectionComment");
        assertThat(notes.get(1).get("text").asString()).isEqualTo(XSS);
        assertThat(notes.get(1).get("datePublished").asString()).isEqualTo(ArticleFixtures.UPDATED.iso());
        assertThat(notes.get(0).get("text").asString()).isEqualTo("The bridge is the old one.\nNot the new one.");
    }

    @Test
    void shouldLeaveArticlesWithoutNotesAsTheyWere() throws Exception {
        given(articles.article("harbour-bridge-reopens")).willReturn(new ArticleLookup.Found(
                ArticleFixtures.page("Harbour bridge reopens", ArticleFixtures.image(), true)));

        Document page = html(ArticleFixtures.URL);

        assertThat(page.select("section.corrections")).isEmpty();
        JsonNode ld = JsonMapper.builder().build()
                .readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.has("correction")).isFalse();
    }

    @Test
    void shouldListCorrectionsNewestFirstWithLinksToTheirArticles() throws Exception {
        given(corrections.latest(1)).willReturn(new PagedResult<>(List.of(
                new ListedCorrection(CORRECTION, ArticleFixtures.URL, "Harbour <bridge> reopens"),
                new ListedCorrection(CLARIFICATION, "/world/2021/05/05/ferry", "Ferry")), 1, 20, 2));

        Document page = html("/corrections");

        assertThat(page.title()).isEqualTo("Corrections and clarifications | Broadsheet");
        assertThat(page.select("h1").text()).isEqualTo("Corrections and clarifications");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/corrections");
        assertThat(page.select("main .correction .correction-kind").eachText())
                .containsExactly("Correction", "Clarification");
        Element first = page.selectFirst("#correction-41");
        assertThat(first.select(".correction-article a").attr("href")).isEqualTo(ArticleFixtures.URL);
        assertThat(first.select(".correction-article a").text()).isEqualTo("Harbour <bridge> reopens");
        assertThat(first.select("time").attr("datetime")).isEqualTo(ArticleFixtures.UPDATED.iso());
        assertThat(first.select(".correction-note").text()).isEqualTo(XSS);
        assertThat(page.select("main script")).isEmpty();
        assertThat(page.select("nav.pagination")).isEmpty();
        assertThat(page.select("footer .footer-links a[href=/corrections]").text())
                .isEqualTo("Corrections and clarifications");
    }

    @Test
    void shouldPaginateTheCorrectionsPage() throws Exception {
        given(corrections.latest(2)).willReturn(new PagedResult<>(List.of(
                new ListedCorrection(CORRECTION, ArticleFixtures.URL, "Harbour bridge reopens")), 2, 20, 41));

        Document page = html("/corrections?page=2");

        assertThat(page.title()).isEqualTo("Corrections and clarifications – page 2 | Broadsheet");
        assertThat(page.select("link[rel=canonical]").attr("href"))
                .isEqualTo("http://localhost:8080/corrections?page=2");
        assertThat(page.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/corrections");
        assertThat(page.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/corrections?page=3");
        assertThat(page.select("nav.pagination span").text()).isEqualTo("Page 2 of 3");
    }

    @Test
    void shouldSaySoWhenThereAreNoCorrectionsAndAnswerNotFoundPastTheEnd() throws Exception {
        given(corrections.latest(1)).willReturn(new PagedResult<>(List.of(), 1, 20, 0));
        given(corrections.latest(9)).willThrow(new NotFoundException("corrections page 9"));

        assertThat(html("/corrections").select("main .empty").text()).isEqualTo("No corrections or clarifications yet.");
        mvc.perform(get("/corrections?page=9")).andExpect(status().isNotFound());
        mvc.perform(get("/corrections?page=0")).andExpect(status().isNotFound());
        mvc.perform(get("/corrections?page=x")).andExpect(status().isBadRequest());
    }
}
