package org.broadsheet.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.audit.AuditLog;
import org.broadsheet.audit.AuditLog.AuditPage;
import org.broadsheet.audit.AuditLog.AuditRecord;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The audit log page as administrators read it, and that nobody else can. */
@WebMvcTest(AuditLogController.class)
@Import(WebSliceTestConfig.class)
class AuditLogControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Datelines datelines;

    @MockitoBean
    AuditLog log;

    @MockitoBean
    SectionTrees sections;

    @BeforeEach
    void entries() {
        Datelines.Dateline winter = datelines.of(Instant.parse("2026-01-15T08:05:00Z"));
        Datelines.Dateline summer = datelines.of(Instant.parse("2026-07-01T16:30:00Z"));
        given(log.page(any(), any(), anyInt())).willReturn(new AuditPage(new PagedResult<>(List.of(
                new AuditRecord(3, summer, "alex", "account.roles", "eden", "EDITOR, MODERATOR -> EDITOR"),
                new AuditRecord(2, winter, "eden", "article.published", "Bridge <reopens>", null),
                new AuditRecord(1, winter, null, "comment.hidden", "A comment", "spam")),
                2, 50, 120), List.of("alex", "eden"), List.of("account.roles", "article.published")));
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user("alex").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void shouldListEntriesWithTimeInTheSitesZoneWhoActionInWordsTargetAndDetail() throws Exception {
        Document page = page("/admin/audit?page=2");

        assertThat(page.select("h1").text()).isEqualTo("Audit log");
        assertThat(page.select(".desk-count").text()).isEqualTo("120 entries");
        assertThat(page.select("#audit-3 td").eachText()).containsExactly("Wednesday 01 July 2026 17:30 BST", "alex",
                "Changed roles", "eden", "EDITOR, MODERATOR -> EDITOR");
        assertThat(page.select("#audit-3 time").attr("datetime")).isEqualTo("2026-07-01T17:30:00+01:00");
        assertThat(page.select("#audit-2 td").eachText()).containsExactly("Thursday 15 January 2026 08:05 GMT",
                "eden", "Published an article", "Bridge <reopens>");
        assertThat(page.select("#audit-2 td.audit-detail").text()).isEmpty();
        assertThat(page.select("#audit-3 .audit-actor a").attr("href")).isEqualTo("/admin/users?q=alex");
        // An action without words yet is shown by its code; the site acting on its own by name.
        assertThat(page.select("#audit-1 .audit-action").text()).isEqualTo("comment.hidden");
        assertThat(page.select("#audit-1 .audit-actor").text()).isEqualTo("The site (scheduled)");
        verify(log).page(null, null, 2);
    }

    @Test
    void shouldFilterByWhoAndWhatAndKeepTheFiltersInTheFormAndPageLinks() throws Exception {
        Document page = page("/admin/audit?actor=eden&action=article.published&page=2");

        verify(log).page("eden", "article.published", 2);
        assertThat(page.select("#audit-actor option").eachAttr("value")).containsExactly("", "alex", "eden");
        assertThat(page.select("#audit-actor option[selected]").val()).isEqualTo("eden");
        assertThat(page.select("#audit-action option").eachText())
                .containsExactly("Any action", "Changed roles", "Published an article");
        assertThat(page.select("#audit-action option[selected]").val()).isEqualTo("article.published");
        assertThat(page.select("nav.pagination a[rel=prev]").attr("href"))
                .isEqualTo("/admin/audit?actor=eden&action=article.published");
        assertThat(page.select("nav.pagination a[rel=next]").attr("href"))
                .isEqualTo("/admin/audit?actor=eden&action=article.published&page=3");
    }

    @Test
    void shouldTreatEmptyFiltersAsNone() throws Exception {
        page("/admin/audit?actor=&action=");
        verify(log).page(null, null, 1);
    }

    @Test
    void shouldOfferNoWayToChangeTheLog() throws Exception {
        Document page = page("/admin/audit");
        assertThat(page.select("main form")).hasSize(1);
        assertThat(page.select("main form").attr("method")).isEqualTo("get");
        mvc.perform(post("/admin/audit").with(user("alex").roles("ADMIN")).with(csrf()))
                .andExpect(status().isMethodNotAllowed());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/admin/audit?page=0", "/admin/audit?page=x",
            "/admin/audit?actor=a-name-far-longer-than-any-username-could-ever-be-and-then-some-more" })
    void shouldRefuseMalformedFilters(String url) throws Exception {
        mvc.perform(get(url).with(user("alex").roles("ADMIN"))).andExpect(status().isBadRequest());
    }

    @ParameterizedTest
    @ValueSource(strings = { "READER", "EDITOR", "MODERATOR" })
    void shouldRefuseEveryoneButAdministrators(String role) throws Exception {
        mvc.perform(get("/admin/audit").with(user("someone").roles(role))).andExpect(status().isForbidden());
    }

    @Test
    void shouldSendAnonymousVisitorsToSignIn() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/admin/audit")).andExpect(status().isFound())
                .andReturn().getResponse();
        assertThat(URI.create(response.getRedirectedUrl()).getPath()).isEqualTo("/login");
    }
}
