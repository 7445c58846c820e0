package org.broadsheet.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.Catalogue.SectionChange;
import org.broadsheet.article.Catalogue.SectionDetails;
import org.broadsheet.article.Catalogue.SectionRow;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.SectionCatalogue;
import org.broadsheet.article.SectionEditing;
import org.broadsheet.article.StaleEditException;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The editors' section pages: the hierarchy, the form and its rules, and who may use them. */
@WebMvcTest(SectionDeskController.class)
@Import(WebSliceTestConfig.class)
class SectionDeskControllerTests {

    private static final SectionRow NEWS = new SectionRow(1, "news", "News", 0, 10, 40, "/sections/news");
    private static final SectionRow WORLD = new SectionRow(2, "world", "World", 1, 20, 12, "/sections/world");
    private static final SectionRow SPORT = new SectionRow(3, "sport", "Sport & Games", 0, 50, 0, "/sections/sport");
    private static final SectionDetails WORLD_DETAILS = new SectionDetails(2, "world", "World", "Abroad.", "news", 20,
            5, true, "/sections/world");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SectionCatalogue catalogue;

    @MockitoBean
    SectionEditing editing;

    @MockitoBean
    SectionTrees sections;

    @BeforeEach
    void sections() {
        given(catalogue.sections()).willReturn(List.of(NEWS, WORLD, SPORT));
        given(catalogue.parentChoices(any())).willReturn(List.of(NEWS, SPORT));
        given(catalogue.section(2)).willReturn(WORLD_DETAILS);
    }

    /** The form as posted: the World section, with the fields given (name, value, ...) typed over it. */
    private MockHttpServletRequestBuilder save(String url, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "World");
        form.put("slug", "world");
        form.put("description", "Abroad.");
        form.put("parent", "news");
        form.put("sortOrder", "20");
        form.put("version", "5");
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(url).with(user("eden").roles("EDITOR")).with(csrf());
        form.forEach(request::param);
        return request;
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldListSectionsUnderTheirParents() throws Exception {
        Document page = page(get("/admin/sections").with(user("eden").roles("EDITOR")));

        assertThat(page.select("h1").text()).isEqualTo("Sections");
        assertThat(page.select("tbody th a").eachText()).containsExactly("News", "World", "Sport & Games");
        assertThat(page.select("#section-2").hasClass("depth-1")).isTrue();
        assertThat(page.select("#section-2 td").eachText()).containsExactly("/sections/world", "20", "12");
        assertThat(page.select("#section-2 th a").attr("href")).isEqualTo("/admin/sections/2");
    }

    @Test
    void shouldFillTheFormWithTheParentChosenAndSayWhyTheAddressIsFixed() throws Exception {
        Document page = page(get("/admin/sections/2").with(user("eden").roles("EDITOR")));

        assertThat(page.select("h1").text()).isEqualTo("Section: World");
        assertThat(page.select("#parent option").eachText())
                .containsExactly("None: a top-level section", "News", "Sport & Games");
        assertThat(page.select("#parent option[selected]").val()).isEqualTo("news");
        assertThat(page.select("#sortOrder").val()).isEqualTo("20");
        assertThat(page.select("#slug-hint").text()).contains("cannot change");
        assertThat(page.select("input[name=version]").val()).isEqualTo("5");
    }

    @Test
    void shouldCreateATopLevelSection() throws Exception {
        mvc.perform(save("/admin/sections/new", "name", "Travel", "slug", "", "parent", "", "sortOrder", " 70 ",
                "version", "")).andExpect(status().isFound()).andExpect(redirectedUrl("/admin/sections"))
                .andExpect(flash().attribute("notice", "catalogue.section.created"))
                .andExpect(flash().attribute("noticeName", "Travel"));

        ArgumentCaptor<SectionChange> change = ArgumentCaptor.forClass(SectionChange.class);
        verify(editing).saveSection(isNull(), change.capture(), eq("eden"));
        assertThat(change.getValue()).isEqualTo(new SectionChange("Travel", "", "Abroad.", "", 70, null));
    }

    @Test
    void shouldKeepAMistypedOrderNextToItsError() throws Exception {
        Document page = page(save("/admin/sections/2", "sortOrder", "ten", "name", ""));

        assertThat(page.select("#sortOrder-error").text()).isEqualTo("Please enter a whole number, such as 10.");
        assertThat(page.select("#sortOrder").val()).isEqualTo("ten");
        assertThat(page.select("#name-error").text()).isEqualTo("Please enter a name.");
        assertThat(page.select("#description").val()).isEqualTo("Abroad.");
        verify(editing, never()).saveSection(any(), any(), anyString());
    }

    @Test
    void shouldRefuseToPlaceASectionUnderItselfNextToTheParent() throws Exception {
        given(editing.saveSection(eq(2L), any(), anyString()))
                .willThrow(new EditRefusedException("parent", "catalogue.section.parent.loop"));

        Document page = page(save("/admin/sections/2", "parent", "europe"));

        assertThat(page.select("#parent-error").text())
                .isEqualTo("A section cannot be placed under itself or under one of its own subsections.");
        assertThat(page.select("#parent").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void shouldSayWhyTheAddressOfASectionWithArticlesCannotChange() throws Exception {
        given(editing.saveSection(eq(2L), any(), anyString()))
                .willThrow(new EditRefusedException("slug", "catalogue.section.slug.locked"));

        Document page = page(save("/admin/sections/2", "slug", "abroad"));

        assertThat(page.select("#slug-error").text()).startsWith("This section's published or scheduled articles");
        assertThat(page.select("#slug").val()).isEqualTo("abroad");
    }

    @Test
    void shouldShowWhatTheOtherEditorSavedAndKeepTheInput() throws Exception {
        given(editing.saveSection(eq(2L), any(), anyString())).willThrow(new StaleEditException("section 2"));
        given(catalogue.section(2)).willReturn(WORLD_DETAILS, new SectionDetails(2, "world", "World news",
                "Abroad.", "news", 25, 6, true, "/sections/world"));

        Document page = page(save("/admin/sections/2", "name", "The World"));

        assertThat(page.select(".stale-values dd").eachText()).contains("World news", "25");
        assertThat(page.select("#name").val()).isEqualTo("The World");
        assertThat(page.select("input[name=version]").val()).isEqualTo("6");
    }

    @Test
    void shouldOpenOnlyToEditorsAndAdministrators() throws Exception {
        EditorsOnly.assertPagesOpenOnlyToEditors(mvc, "/admin/sections", "/admin/sections/new",
                "/admin/sections/2");
    }

    @Test
    void shouldRefuseAFormWithoutItsCsrfToken() throws Exception {
        EditorsOnly.assertPostsNeedTheCsrfToken(mvc, "/admin/sections/new", "/admin/sections/2");
        verify(editing, never()).saveSection(any(), any(), anyString());
    }
}
