package org.broadsheet.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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

import java.util.List;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.Catalogue.TagUse;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.TagCatalogue;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The editors' tag pages: the list with counts, adding, renaming, deleting unused tags, and who may. */
@WebMvcTest(TagDeskController.class)
@Import(WebSliceTestConfig.class)
class TagDeskControllerTests {

    private static final TagUse ELECTIONS = new TagUse(4, "elections", "Elections", 3, "/tags/elections");
    private static final TagUse FERRIES = new TagUse(5, "ferries", "Ferries", 0, "/tags/ferries");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TagCatalogue catalogue;

    @MockitoBean
    SectionTrees sections;

    @BeforeEach
    void tags() {
        given(catalogue.tags()).willReturn(List.of(ELECTIONS, FERRIES));
        given(catalogue.tag(4)).willReturn(ELECTIONS);
        given(catalogue.tag(5)).willReturn(FERRIES);
    }

    private static MockHttpServletRequestBuilder editor(MockHttpServletRequestBuilder request) {
        return request.with(user("eden").roles("EDITOR")).with(csrf());
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldListTagsWithTheNumberOfArticlesCarryingThem() throws Exception {
        Document page = page(get("/admin/tags").with(user("eden").roles("EDITOR")));

        assertThat(page.select("h1").text()).isEqualTo("Tags");
        assertThat(page.select("#all-tags-title").text()).isEqualTo("2 tags");
        assertThat(page.select("#tag-4 td").eachText()).containsExactly("/tags/elections", "3");
        assertThat(page.select("#tag-5 th a").attr("href")).isEqualTo("/admin/tags/5");
        assertThat(page.select("form[action=/admin/tags#new-tag] input[name=_csrf]")).hasSize(1);
    }

    @Test
    void shouldAddATagAndSayWhichOne() throws Exception {
        mvc.perform(editor(post("/admin/tags")).param("name", "Harbour works").param("slug", ""))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/tags"))
                .andExpect(flash().attribute("notice", "catalogue.tag.created"))
                .andExpect(flash().attribute("noticeName", "Harbour works"));

        verify(catalogue).saveTag(isNull(), eq("Harbour works"), eq(""), eq("eden"));
    }

    @Test
    void shouldShowMistakesInTheNewTagFormAndKeepTheList() throws Exception {
        given(catalogue.saveTag(isNull(), eq("Ferries"), anyString(), anyString()))
                .willThrow(new EditRefusedException("slug", "catalogue.tag.slug.taken"));

        Document blank = page(editor(post("/admin/tags")).param("name", " ").param("slug", "x"));
        Document taken = page(editor(post("/admin/tags")).param("name", "Ferries").param("slug", "ferries"));

        assertThat(blank.select("#name-error").text()).isEqualTo("Please enter a name.");
        assertThat(blank.select("#slug").val()).isEqualTo("x");
        assertThat(taken.select("#slug-error").text()).startsWith("That address is taken by another tag");
        assertThat(taken.select("#name").val()).isEqualTo("Ferries");
        assertThat(taken.select("tbody tr")).hasSize(2);
    }

    @Test
    void shouldRenameATag() throws Exception {
        mvc.perform(editor(post("/admin/tags/4")).param("name", "General elections").param("slug",
                "general-elections")).andExpect(status().isFound()).andExpect(redirectedUrl("/admin/tags"))
                .andExpect(flash().attribute("notice", "catalogue.tag.saved"));

        verify(catalogue).saveTag(4L, "General elections", "general-elections", "eden");
    }

    @Test
    void shouldOfferToDeleteOnlyAnUnusedTag() throws Exception {
        Document used = page(get("/admin/tags/4").with(user("eden").roles("EDITOR")));
        Document unused = page(get("/admin/tags/5").with(user("eden").roles("EDITOR")));

        assertThat(used.select("#name").val()).isEqualTo("Elections");
        assertThat(used.select("form[action=/admin/tags/4/delete]")).isEmpty();
        assertThat(used.select(".tag-in-use").text()).startsWith("3 articles carry this tag");
        assertThat(unused.select("form[action=/admin/tags/5/delete] button").text()).isEqualTo("Delete tag");
    }

    @Test
    void shouldDeleteAnUnusedTagAndRefuseAUsedOneWithAClearMessage() throws Exception {
        given(catalogue.deleteTag(eq(5L), anyString())).willReturn("Ferries");
        given(catalogue.deleteTag(eq(4L), anyString())).willThrow(new EditRefusedException(null, "catalogue.tag.in-use"));

        mvc.perform(editor(post("/admin/tags/5/delete"))).andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/tags"))
                .andExpect(flash().attribute("notice", "catalogue.tag.deleted"))
                .andExpect(flash().attribute("noticeName", "Ferries"));
        Document refused = page(editor(post("/admin/tags/4/delete")));

        assertThat(refused.select("#delete-tag [role=alert]").text())
                .isEqualTo("This tag cannot be deleted: articles carry it. Take it off them first.");
    }

    @Test
    void shouldOpenOnlyToEditorsAndAdministrators() throws Exception {
        EditorsOnly.assertPagesOpenOnlyToEditors(mvc, "/admin/tags", "/admin/tags/4");
    }

    @Test
    void shouldRefuseAFormWithoutItsCsrfToken() throws Exception {
        EditorsOnly.assertPostsNeedTheCsrfToken(mvc, "/admin/tags", "/admin/tags/4", "/admin/tags/5/delete");
        verify(catalogue, never()).saveTag(any(), anyString(), anyString(), anyString());
        verify(catalogue, never()).deleteTag(anyLong(), anyString());
    }
}
