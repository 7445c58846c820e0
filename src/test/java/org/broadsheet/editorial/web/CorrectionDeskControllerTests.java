package org.broadsheet.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
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
import java.util.List;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.CorrectionKind;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.article.CorrectionViews.CorrectionDesk;
import org.broadsheet.article.CorrectionViews.DeskNote;
import org.broadsheet.article.Views.CorrectionNote;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
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

/** The editors' corrections form: what it shows, what it accepts, what it refuses and who may use it. */
@WebMvcTest(CorrectionDeskController.class)
@Import(WebSliceTestConfig.class)
class CorrectionDeskControllerTests {

    private static final String URL = "/admin/articles/5/corrections";

    @Autowired
    MockMvc mvc;

    @Autowired
    Datelines datelines;

    @MockitoBean
    CorrectionService corrections;

    @MockitoBean
    SectionTrees sections;

    @BeforeEach
    void desk() {
        CorrectionNote note = new CorrectionNote(31, CorrectionKind.UPDATE,
                datelines.of(Instant.parse("2026-11-20T09:30:00Z")), "The ferry <b>resumed</b> on Friday.");
        given(corrections.desk(5)).willReturn(new CorrectionDesk(5, "Bridge <reopens>",
                "/world/2026/11/20/bridge-reopens", List.of(new DeskNote(note, "eden"))));
        given(corrections.desk(6)).willReturn(new CorrectionDesk(6, "A draft", null, List.of()));
        given(corrections.desk(404)).willThrow(new NotFoundException("article 404"));
    }

    private static MockHttpServletRequestBuilder asEditor(MockHttpServletRequestBuilder request) {
        return request.with(user("eden").roles("EDITOR"));
    }

    private static Document html(String body) {
        return Jsoup.parse(body);
    }

    @Test
    void shouldShowTheArticleItsNotesAndAnEmptyForm() throws Exception {
        Document page = html(mvc.perform(asEditor(get(URL))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());

        assertThat(page.select("h1").text()).isEqualTo("Corrections: Bridge <reopens>");
        assertThat(page.select("main a[href=/world/2026/11/20/bridge-reopens]")).hasSize(1);
        assertThat(page.select("#correction-31 .correction-kind").text()).isEqualTo("Update");
        assertThat(page.select("#correction-31 .correction-note").text()).isEqualTo("The ferry <b>resumed</b> on Friday.");
        assertThat(page.select("#correction-31 b")).isEmpty();
        assertThat(page.select("#correction-31 time").attr("datetime")).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(page.select("#correction-31 .correction-by").text()).isEqualTo("added by eden");
        assertThat(page.select("form.correction-form input[type=radio][name=kind]").eachAttr("value"))
                .containsExactly("CORRECTION", "UPDATE", "CLARIFICATION");
        assertThat(page.select("form.correction-form input[type=radio][checked]")).isEmpty();
        assertThat(page.select("form.correction-form textarea[name=note]").attr("maxlength")).isEqualTo("2000");
        assertThat(page.select("form.correction-form input[name=_csrf]")).hasSize(1);
        assertThat(page.select("form.correction-form label[for=kind1]").text()).isEqualTo("Correction");
    }

    @Test
    void shouldAddTheNoteAndComeBackWithANotice() throws Exception {
        mvc.perform(asEditor(post(URL)).with(csrf()).param("kind", "CLARIFICATION")
                        .param("note", "The bridge is in Porto,\r\nnot Lisbon."))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(URL))
                .andExpect(flash().attribute("notice", "correction.added"));

        verify(corrections).add(5, CorrectionKind.CLARIFICATION, "The bridge is in Porto,\nnot Lisbon.", "eden");
        Document page = html(mvc.perform(asEditor(get(URL)).flashAttr("notice", "correction.added"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".site-notice").text()).isEqualTo("The note has been added to the article.");
    }

    @Test
    void shouldShowErrorsNextToTheFieldsAndKeepWhatWasTyped() throws Exception {
        Document missing = html(mvc.perform(asEditor(post(URL)).with(csrf()).param("note", "   "))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(missing.select(".field-error #kind-error").text())
                .isEqualTo("Choose correction, update or clarification.");
        assertThat(missing.select(".field-error #note-error").text()).isEqualTo("Write the note readers will see.");
        assertThat(missing.select("textarea#note").attr("aria-invalid")).isEqualTo("true");

        String tooLong = "A note that is too long. ".repeat(81);
        Document overlong = html(mvc.perform(asEditor(post(URL)).with(csrf()).param("kind", "UPDATE")
                        .param("note", tooLong))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(overlong.select("#note-error").text()).isEqualTo("The note can be at most 2,000 characters.");
        assertThat(overlong.select("textarea#note").text()).isEqualTo(tooLong.strip());
        assertThat(overlong.select("input[type=radio][checked]").val()).isEqualTo("UPDATE");
        assertThat(overlong.select("#kind-error")).isEmpty();

        Document unknownKind = html(mvc.perform(asEditor(post(URL)).with(csrf()).param("kind", "RETRACTION")
                        .param("note", "<script>alert(1)</script>"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(unknownKind.select("#kind-error").text()).isEqualTo("Choose correction, update or clarification.");
        assertThat(unknownKind.select("textarea#note").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(unknownKind.select("main script")).isEmpty();
        verify(corrections, never()).add(anyLong(), any(), anyString(), anyString());
    }

    @Test
    void shouldExplainThatOnlyPublishedArticlesCanBeCorrected() throws Exception {
        Document draft = html(mvc.perform(asEditor(get("/admin/articles/6/corrections"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(draft.select("form.correction-form")).isEmpty();
        assertThat(draft.select("main .notice-error").text())
                .startsWith("Only published articles can be corrected");

        willThrow(new CorrectionService.NotPublishedException(6)).given(corrections)
                .add(anyLong(), any(), anyString(), anyString());
        Document refused = html(mvc.perform(asEditor(post("/admin/articles/6/corrections")).with(csrf())
                        .param("kind", "CORRECTION").param("note", "Too early."))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("main .notice-error").text()).startsWith("Only published articles can be corrected");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownArticle() throws Exception {
        mvc.perform(asEditor(get("/admin/articles/404/corrections"))).andExpect(status().isNotFound());
        mvc.perform(asEditor(get("/admin/articles/abc/corrections"))).andExpect(status().isBadRequest());
    }

    @Test
    void shouldOpenOnlyToEditorsAndAdministrators() throws Exception {
        mvc.perform(get(URL).with(user("eden").roles("EDITOR"))).andExpect(status().isOk());
        mvc.perform(get(URL).with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(get(URL).with(user("morgan").roles("MODERATOR"))).andExpect(status().isForbidden());
        mvc.perform(get(URL).with(user("rowan").roles("READER"))).andExpect(status().isForbidden());
        mvc.perform(get(URL)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post(URL).with(csrf()).param("kind", "UPDATE").param("note", "x")
                .with(user("morgan").roles("MODERATOR"))).andExpect(status().isForbidden());
        mvc.perform(post(URL).with(csrf()).param("kind", "UPDATE").param("note", "x"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        verify(corrections, never()).add(anyLong(), any(), anyString(), anyString());
    }

    @Test
    void shouldRefuseAPostWithoutItsCsrfToken() throws Exception {
        mvc.perform(asEditor(post(URL)).param("kind", "UPDATE").param("note", "Forged."))
                .andExpect(status().isForbidden());
        verify(corrections, never()).add(anyLong(), any(), anyString(), anyString());
    }
}
