package org.broadsheet.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.DeskQuery;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.DeskPage;
import org.broadsheet.article.Views.DeskRow;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The editors' article list as editors see it, and who may see it. */
@WebMvcTest(ArticleDeskController.class)
@Import(WebSliceTestConfig.class)
class ArticleDeskControllerTests {

    private static final SectionLink WORLD = new SectionLink(2, "world", "World", "/sections/world");
    private static final AuthorLink ZOE = new AuthorLink(1, "zoe", "Zoë Ní Bhriain", null, "/authors/zoe");

    @Autowired
    MockMvc mvc;

    @Autowired
    Datelines datelines;

    @MockitoBean
    SectionTrees sections;

    @MockitoBean
    ArticleDesk articleDesk;

    @BeforeEach
    void desk() {
        Datelines.Dateline at = datelines.of(Instant.parse("2026-11-20T09:30:00Z"));
        given(articleDesk.desk(any())).willReturn(new DeskPage(new PagedResult<>(List.of(
                new DeskRow(5, "Bridge <reopens>", "published", WORLD, List.of(ZOE), at, at,
                        "/world/2026/11/20/bridge-reopens", 12),
                new DeskRow(6, "Draft on the ferry", "draft", WORLD, List.of(ZOE), at, null, null, 0)),
                2, 25, 60), List.of(WORLD), List.of(ZOE)));
    }

    private Document page(String url, String... parameters) throws Exception {
        var request = get(url).with(user("eden").roles("EDITOR"));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldListArticlesWithEditAndPreviewLinksAndLinkOnlyPublishedOnesToReaders() throws Exception {
        Document page = page("/admin/articles?page=2");

        assertThat(page.select("h1").text()).isEqualTo("Articles");
        assertThat(page.select(".desk-count").text()).isEqualTo("60 articles");
        assertThat(page.select("#article-5 th > a").attr("href")).isEqualTo("/admin/articles/5/edit");
        assertThat(page.select("#article-5 th > a").text()).isEqualTo("Bridge <reopens>");
        assertThat(page.select("#article-5 .row-links a").eachAttr("href")).containsExactly(
                "/admin/articles/5/edit", "/admin/articles/5/preview", "/world/2026/11/20/bridge-reopens");
        assertThat(page.select("#article-6 .row-links a").eachAttr("href")).containsExactly(
                "/admin/articles/6/edit", "/admin/articles/6/preview");
        assertThat(page.select("tbody .badge").eachText()).containsExactly("Published", "Draft");
        assertThat(page.select("#article-6 td").eachText()).contains("World", "Zoë Ní Bhriain", "0");
    }

    @Test
    void shouldKeepTheFiltersInTheFormAndInThePageLinks() throws Exception {
        Document page = page("/admin/articles", "status", "draft", "section", "world", "author", "zoe", "q",
                "ferry & co", "sort", "published", "page", "2");

        ArgumentCaptor<DeskQuery> query = ArgumentCaptor.forClass(DeskQuery.class);
        org.mockito.Mockito.verify(articleDesk).desk(query.capture());
        assertThat(query.getValue()).isEqualTo(new DeskQuery("draft", "world", "zoe", "ferry & co", "published", 2));
        assertThat(page.select("#desk-status option[selected]").val()).isEqualTo("draft");
        assertThat(page.select("#desk-section option[selected]").val()).isEqualTo("world");
        assertThat(page.select("#desk-author option[selected]").val()).isEqualTo("zoe");
        assertThat(page.select("#desk-sort option[selected]").val()).isEqualTo("published");
        assertThat(page.select("#desk-q").val()).isEqualTo("ferry & co");
        assertThat(page.select("nav.pagination a[rel=prev]").attr("href"))
                .isEqualTo("/admin/articles?status=draft&section=world&author=zoe&q=ferry%20%26%20co&sort=published");
        assertThat(page.select("nav.pagination a[rel=next]").attr("href")).endsWith("&sort=published&page=3");
    }

    @Test
    void shouldRefuseUnknownFilters() throws Exception {
        mvc.perform(get("/admin/articles?status=lost").with(user("eden").roles("EDITOR")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/admin/articles?sort=sideways").with(user("eden").roles("EDITOR")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/admin/articles?page=0").with(user("eden").roles("EDITOR")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void shouldOpenOnlyToEditorsAndAdministrators() throws Exception {
        mvc.perform(get("/admin/articles").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/admin/articles").with(user("morgan").roles("MODERATOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/articles").with(user("rowan").roles("READER"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/articles")).andExpect(status().is3xxRedirection());
    }
}
