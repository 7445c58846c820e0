package org.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
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

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.broadsheet.account.AccountAdministration;
import org.broadsheet.account.AccountAdministration.RoleChange;
import org.broadsheet.account.AccountViews.AccountSummary;
import org.broadsheet.account.Role;
import org.broadsheet.account.RoleChangeRefusedException;
import org.broadsheet.account.RoleChangeRefusedException.Reason;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The administrators' user list, an account's page and its roles form, with the administration service mocked:
 * who may open them, the search, and what an administrator sees when a rule refuses a change.
 */
@WebMvcTest(UserAdminController.class)
@Import(WebSliceTestConfig.class)
class UserAdminControllerTests {

    private static final long ID = 12;

    @Autowired
    MockMvc mvc;

    @Autowired
    Datelines datelines;

    @MockitoBean
    AccountAdministration administration;

    @MockitoBean
    SectionTrees sections;

    private AccountSummary eden;

    @BeforeEach
    void accounts() {
        Datelines.Dateline joined = datelines.of(Instant.parse("2025-06-01T09:00:00Z"));
        eden = new AccountSummary(ID, "eden", "Eden <Editor>", "eden@example.com", true, joined,
                List.of(Role.READER, Role.EDITOR, Role.MODERATOR), 3);
        AccountSummary rowan = new AccountSummary(13, "rowan", "Rowan Reader", "rowan@example.com", false, joined,
                List.of(Role.READER), 0);
        given(administration.search(anyString(), anyInt()))
                .willReturn(new PagedResult<>(List.of(eden, rowan), 2, 25, 60));
        given(administration.account(ID)).willReturn(eden);
        given(administration.account(99)).willThrow(new NotFoundException("account 99"));
    }

    private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(user("alex").roles("ADMIN"));
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(asAdmin(request)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static MockHttpServletRequestBuilder rolesPost(String... roles) {
        MockHttpServletRequestBuilder request = post("/admin/users/{id}/roles", ID).param("version", "3")
                .param("_roles", "on");
        for (String role : roles) {
            request.param("roles", role);
        }
        return request;
    }

    // ------------------------------------------------------------------------------------- access

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({ "/admin/users, READER", "/admin/users, EDITOR", "/admin/users, MODERATOR",
            "/admin/users/12, READER", "/admin/users/12, EDITOR", "/admin/users/12, MODERATOR" })
    void shouldRefuseEveryoneButAdministrators(String path, String role) throws Exception {
        mvc.perform(get(path).with(user("someone").roles(role))).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/admin/users", "/admin/users/12" })
    void shouldSendAnonymousVisitorsToSignIn(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andExpect(status().isFound()).andReturn()
                .getResponse();
        assertThat(URI.create(response.getRedirectedUrl()).getPath()).isEqualTo("/login");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/admin/users", "/admin/users/12" })
    void shouldOpenToAdministrators(String path) throws Exception {
        mvc.perform(asAdmin(get(path))).andExpect(status().isOk());
    }

    @ParameterizedTest
    @CsvSource({ "READER", "EDITOR", "MODERATOR" })
    void shouldRefuseARoleChangeByAnyoneButAnAdministrator(String role) throws Exception {
        mvc.perform(rolesPost("ADMIN").with(user("someone").roles(role)).with(csrf()))
                .andExpect(status().isForbidden());
        verify(administration, never()).changeRoles(anyString(), anyLong(), anyLong(), any());
    }

    @Test
    void shouldSendAnAnonymousRoleChangeToSignIn() throws Exception {
        MockHttpServletResponse response = mvc.perform(rolesPost("ADMIN").with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(URI.create(response.getRedirectedUrl()).getPath()).isEqualTo("/login");
        verify(administration, never()).changeRoles(anyString(), anyLong(), anyLong(), any());
    }

    @Test
    void shouldRefuseARoleChangeWithoutCsrfToken() throws Exception {
        mvc.perform(asAdmin(rolesPost("ADMIN"))).andExpect(status().isForbidden());
        verify(administration, never()).changeRoles(anyString(), anyLong(), anyLong(), any());
    }

    // ------------------------------------------------------------------------------------- list and search

    @Test
    void shouldListAccountsWithTheirRolesAndWhetherTheirAddressIsConfirmed() throws Exception {
        Document page = page(get("/admin/users?page=2"));

        assertThat(page.select("h1").text()).isEqualTo("Users");
        assertThat(page.select(".desk-count").text()).isEqualTo("60 accounts");
        assertThat(page.select("#user-12 th a").attr("href")).isEqualTo("/admin/users/12");
        assertThat(page.select("#user-12 th a").text()).isEqualTo("Eden <Editor>");
        assertThat(page.select("#user-12 .user-email").text()).isEqualTo("eden@example.com");
        assertThat(page.select("#user-12 .user-roles .badge").eachText()).containsExactly("Editor", "Moderator");
        assertThat(page.select("#user-13 .user-roles .badge").eachText()).containsExactly("Reader");
        assertThat(page.select("#user-12 .user-verified").text()).isEqualTo("Yes");
        assertThat(page.select("#user-13 .user-verified").text()).isEqualTo("No");
        assertThat(page.select("#user-12 time").attr("datetime")).isEqualTo("2025-06-01T10:00:00+01:00");
        verify(administration).search("", 2);
    }

    @Test
    void shouldSearchAndKeepTheSearchInTheBoxAndThePageLinks() throws Exception {
        Document page = page(get("/admin/users").param("q", "  Ed & co ").param("page", "2"));

        verify(administration).search("Ed & co", 2);
        assertThat(page.select("#users-q").val()).isEqualTo("  Ed & co ");
        assertThat(page.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/admin/users?q=Ed%20%26%20co");
        assertThat(page.select("nav.pagination a[rel=next]").attr("href"))
                .isEqualTo("/admin/users?q=Ed%20%26%20co&page=3");
    }

    @Test
    void shouldSayWhenASearchIsTooLongAndSearchNothing() throws Exception {
        Document page = page(get("/admin/users").param("q", "x".repeat(101)));

        assertThat(page.select(".field-error #users-q-error").text()).isEqualTo("Search for at most 100 characters.");
        assertThat(page.select("#users-q").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#users-q").val()).hasSize(101);
        assertThat(page.select(".users-table")).isEmpty();
        verify(administration, never()).search(anyString(), anyInt());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/admin/users?page=0", "/admin/users?page=x", "/admin/users/abc" })
    void shouldAnswerMalformedRequestsWithBadRequest(String path) throws Exception {
        mvc.perform(asAdmin(get(path))).andExpect(status().isBadRequest());
    }

    // ------------------------------------------------------------------------------------- one account

    @Test
    void shouldShowAnAccountWithItsRolesTicked() throws Exception {
        Document page = page(get("/admin/users/12"));

        assertThat(page.select("h1").text()).isEqualTo("Eden <Editor>");
        assertThat(page.select(".user-username").text()).isEqualTo("eden");
        assertThat(page.select("form.roles-form").attr("action")).isEqualTo("/admin/users/12/roles#roles");
        assertThat(page.select("form.roles-form input[name=_csrf]")).hasSize(1);
        assertThat(page.select("form.roles-form input[type=checkbox]").eachAttr("value"))
                .containsExactly("EDITOR", "MODERATOR", "ADMIN");
        assertThat(page.select("form.roles-form input[type=checkbox][checked]").eachAttr("value"))
                .containsExactly("EDITOR", "MODERATOR");
        assertThat(page.select("form.roles-form input[name=version]").val()).isEqualTo("3");
        assertThat(page.select("label[for=role-ADMIN]").text()).startsWith("Administrator");
        assertThat(page.select("#roles-error")).isEmpty();
        assertThat(page.select("#roles-hint").text()).isEqualTo("Every account is a reader.");
    }

    @Test
    void shouldWarnAnAdministratorOnTheirOwnPage() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/admin/users/12").with(user("Eden").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#roles-hint").text()).contains("You cannot remove your own administrator role.");
    }

    @Test
    void shouldAnswerAnUnknownAccountWithNotFound() throws Exception {
        mvc.perform(asAdmin(get("/admin/users/99"))).andExpect(status().isNotFound());
        given(administration.changeRoles(eq("alex"), eq(99L), anyLong(), any()))
                .willThrow(new NotFoundException("account 99"));
        mvc.perform(asAdmin(post("/admin/users/99/roles").param("version", "0").param("roles", "EDITOR"))
                .with(csrf())).andExpect(status().isNotFound());
    }

    // ------------------------------------------------------------------------------------- changing roles

    @Test
    void shouldChangeRolesAndComeBackWithANotice() throws Exception {
        given(administration.changeRoles("alex", ID, 3, EnumSet.of(Role.EDITOR, Role.ADMIN)))
                .willReturn(new RoleChange("eden", "Eden <Editor>", "EDITOR, MODERATOR", "EDITOR, ADMIN"));

        mvc.perform(asAdmin(rolesPost("EDITOR", "ADMIN")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/users/12"))
                .andExpect(flash().attribute("notice", "users.roles.saved"))
                .andExpect(flash().attribute("noticeName", "Eden <Editor>"));
    }

    @Test
    void shouldShowTheNoticeOnTheAccountPage() throws Exception {
        Document page = page(get("/admin/users/12").flashAttr("notice", "users.roles.saved")
                .flashAttr("noticeName", "Eden <Editor>"));
        assertThat(page.select(".site-notice").text())
                .isEqualTo("The roles of Eden <Editor> are saved. They apply from their next page.");
    }

    @Test
    void shouldTakeEveryRoleAwayWhenNoBoxIsTicked() throws Exception {
        given(administration.changeRoles("alex", ID, 3, Set.of()))
                .willReturn(new RoleChange("eden", "Eden", "EDITOR, MODERATOR", "READER"));
        mvc.perform(asAdmin(rolesPost()).with(csrf())).andExpect(status().isFound());
        verify(administration).changeRoles("alex", ID, 3, Set.of());
    }

    @Test
    void shouldSayWhenNothingChanged() throws Exception {
        given(administration.changeRoles("alex", ID, 3, EnumSet.of(Role.EDITOR, Role.MODERATOR)))
                .willReturn(new RoleChange("eden", "Eden", "EDITOR, MODERATOR", "EDITOR, MODERATOR"));
        mvc.perform(asAdmin(rolesPost("EDITOR", "MODERATOR", "READER")).with(csrf()))
                .andExpect(flash().attribute("notice", "users.roles.unchanged"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "OWN_ADMIN         | You cannot remove your own administrator role: another administrator must do it.",
            "LAST_ADMIN        | This is the last administrator, and the site needs one:",
            "CHANGED_MEANWHILE | Another administrator changed this account's roles while you had the page open." })
    void shouldShowARefusalNextToTheFormWithTheRolesAsTheyAre(Reason reason, String message) throws Exception {
        given(administration.changeRoles("alex", ID, 3, EnumSet.of(Role.EDITOR)))
                .willThrow(new RoleChangeRefusedException(reason));

        Document page = page(rolesPost("EDITOR").with(csrf()));

        assertThat(page.select("form.roles-form #roles-error").text()).startsWith(message)
                .endsWith("Nothing was changed.");
        assertThat(page.select("fieldset").attr("aria-describedby")).contains("roles-error");
        // The boxes show what is stored, not what was asked for.
        assertThat(page.select("form.roles-form input[type=checkbox][checked]").eachAttr("value"))
                .containsExactly("EDITOR", "MODERATOR");
        assertThat(page.select("form.roles-form input[name=version]").val()).isEqualTo("3");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "roles=SUPERUSER&version=3", "roles=EDITOR", "roles=EDITOR&version=three",
            "roles=EDITOR&version=" })
    void shouldAnswerMalformedRoleChangesWithBadRequest(String body) throws Exception {
        mvc.perform(asAdmin(post("/admin/users/12/roles")).with(csrf())
                .contentType("application/x-www-form-urlencoded").content(body))
                .andExpect(status().isBadRequest());
        verify(administration, never()).changeRoles(anyString(), anyLong(), anyLong(), any());
    }

    @Test
    void shouldLeadTheFormsAddressBackToTheAccount() throws Exception {
        mvc.perform(asAdmin(get("/admin/users/12/roles"))).andExpect(redirectedUrl("/admin/users/12"));
    }
}
