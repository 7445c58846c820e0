package org.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUser;
import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.AccountViews.AccountView;
import org.broadsheet.account.DuplicateAccountException;
import org.broadsheet.account.PasswordPolicy;
import org.broadsheet.account.Role;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The settings page and its forms with the account service mocked: what a reader sees after each kind of
 * mistake, the access rules, and the data download.
 */
@WebMvcTest(AccountController.class)
@Import({ WebSliceTestConfig.class, PasswordRules.class, PasswordPolicy.class, SignInSupport.class })
class AccountControllerTests {

    private static final long ID = 7;
    private static final Instant JOINED = Instant.parse("2026-03-14T10:00:00Z");
    private static final AccountUser ANA = reader("Ana Reader");
    private static final AccountView ACCOUNT = new AccountView(ID, "ana", "Ana Reader", "ana@example.com", true,
            "I read the business pages.", true, JOINED, Set.of(Role.READER));

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @MockitoBean
    AccountService accounts;

    @MockitoBean
    SectionTrees sections;

    @BeforeEach
    void account() {
        given(accounts.view(ID)).willReturn(ACCOUNT);
    }

    private static AccountUser reader(String displayName) {
        return new AccountUser(ID, "ana", displayName, "", List.of(new SimpleGrantedAuthority("ROLE_READER")));
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(user(ANA)).with(csrf())).andExpect(status().isOk())
                .andExpect(view().name(AccountController.SETTINGS_VIEW)).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private static String errorOf(Document page, String field) {
        Element input = page.getElementById(field);
        assertThat(input).as(field).isNotNull();
        Element wrapper = input.closest(".field");
        assertThat(wrapper.hasClass("field-error")).as(field + " marked as wrong").isTrue();
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        return wrapper.select("#" + field + "-error").text();
    }

    private static void assertNoErrors(Document page) {
        assertThat(page.select(".field-error")).isEmpty();
        assertThat(page.select(".error")).isEmpty();
    }

    // ---------------------------------------------------------------- the page and access rules

    @Test
    void shouldShowTheAccountDetailsAndFillTheProfileForm() throws Exception {
        Document page = page(get("/account"));

        assertThat(page.select("h1").text()).isEqualTo("Your account");
        assertThat(page.select(".account-username").text()).isEqualTo("ana");
        assertThat(page.select("time.member-since").text()).isEqualTo("14 Mar 2026");
        assertThat(page.select(".account-email").text()).isEqualTo("ana@example.com");
        assertThat(page.select(".email-verified").text()).isEqualTo("Confirmed");
        assertThat(page.select("form.resend-verification")).isEmpty();
        assertThat(page.getElementById("displayName").val()).isEqualTo("Ana Reader");
        assertThat(page.getElementById("bio").val()).isEqualTo("I read the business pages.");
        assertThat(page.getElementById("profilePublic").hasAttr("checked")).isTrue();
        assertThat(page.getElementById("newEmail").val()).isEmpty();
        assertThat(page.select(".profile-link").attr("href")).isEqualTo("/users/ana");
        assertThat(page.select(".data-download").attr("href")).isEqualTo("/account/data.json");
        assertThat(page.select("#delete li").text()).contains("deleted account", "download it first");
        assertThat(page.select("form[method=post]")).allSatisfy(
                form -> assertThat(form.select("input[name=_csrf]")).as(form.attr("action")).hasSize(1));
        assertNoErrors(page);
    }

    @Test
    void shouldOfferToSendTheLinkAgainWhileTheAddressIsNotConfirmed() throws Exception {
        given(accounts.view(ID)).willReturn(new AccountView(ID, "ana", "Ana Reader", "ana@example.com", false, null,
                true, JOINED, Set.of(Role.READER)));

        Document page = page(get("/account"));

        assertThat(page.select(".email-unverified").text()).isEqualTo("Not confirmed yet");
        assertThat(page.select("form.resend-verification").attr("action")).isEqualTo("/account/verify/resend");
        assertThat(page.select("form.resend-verification button").text()).isEqualTo("Send the link again");
    }

    @Test
    void shouldSendTheLinkAgainAndSaySo() throws Exception {
        mvc.perform(post("/account/verify/resend").with(user(ANA)).with(csrf()))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute(AccountController.NOTICE, "settings.verify.sent"));
        verify(accounts).resendVerification(ID);
    }

    @Test
    void shouldShowTheNoticeOfTheLastChange() throws Exception {
        Document page = page(get("/account").flashAttr(AccountController.NOTICE, "settings.email.changed")
                .flashAttr(AccountController.NOTICE_ARG, "new@example.com"));
        assertThat(page.select("p.notice[role=status]").text()).startsWith("Your email address is now new@example.com.");
    }

    @Test
    void shouldLeadTheAddressOfAFormBackToTheSettingsPage() throws Exception {
        mvc.perform(get("/account/email").with(user(ANA))).andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account/delete").with(user(ANA))).andExpect(redirectedUrl("/account"));
        verify(accounts, never()).delete(anyLong(), any());
    }

    @Test
    void shouldSendAnonymousReadersToSignIn() throws Exception {
        mvc.perform(get("/account")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/account/data.json")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/account/delete").with(csrf()).param("deletePassword", "secret-secret"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        verify(accounts, never()).delete(anyLong(), any());
    }

    @Test
    void shouldRefuseFormsPostedWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/account/profile").with(user(ANA)).param("displayName", "Mallory"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/delete").with(user(ANA)).param("deletePassword", "broadsheet-demo"))
                .andExpect(status().isForbidden());
        verify(accounts, never()).updateProfile(anyLong(), any(), any(), anyBoolean());
        verify(accounts, never()).delete(anyLong(), any());
    }

    // ---------------------------------------------------------------- profile

    @Test
    void shouldShowProfileErrorsNextToTheFieldsAndKeepWhatWasTyped() throws Exception {
        String longBio = "b".repeat(501);
        Document page = page(post("/account/profile").param("displayName", "  ").param("bio", longBio));

        assertThat(errorOf(page, "displayName")).isEqualTo("Enter the name to show next to your comments.");
        assertThat(errorOf(page, "bio")).isEqualTo("Your bio can be at most 500 characters long.");
        assertThat(page.getElementById("bio").val()).isEqualTo(longBio);
        assertThat(page.getElementById("profilePublic").hasAttr("checked")).isFalse();
        assertThat(page.select("#profile .notice-error").text()).startsWith("Please correct the errors below");
        // The other forms are untouched, and the details still come from the account.
        assertThat(page.select("#email .error, #password .error, #delete .error")).isEmpty();
        assertThat(page.select("#email .notice-error")).isEmpty();
        assertThat(page.select(".account-username").text()).isEqualTo("ana");
        verify(accounts, never()).updateProfile(anyLong(), any(), any(), anyBoolean());
    }

    @Test
    void shouldCountALineBreakAsOneCharacterOfTheBio() throws Exception {
        given(users.loadUserByUsername("ana")).willReturn(ANA);
        String bio = "a".repeat(249) + "\r\n" + "b".repeat(250);

        mvc.perform(post("/account/profile").with(user(ANA)).with(csrf()).param("displayName", "Ana")
                .param("bio", bio)).andExpect(redirectedUrl("/account"));
        verify(accounts).updateProfile(ID, "Ana", "a".repeat(249) + "\n" + "b".repeat(250), false);
    }

    @Test
    void shouldSaveTheProfileAndShowTheNewNameInTheHeaderAtOnce() throws Exception {
        given(users.loadUserByUsername("ana")).willReturn(reader("Ana R."));
        MockHttpSession session = new MockHttpSession();

        mvc.perform(post("/account/profile").session(session).with(user(ANA)).with(csrf())
                        .param("displayName", "Ana R.").param("bio", "New bio").param("profilePublic", "true")
                        .param("_profilePublic", "on"))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute(AccountController.NOTICE, "settings.profile.saved"));

        verify(accounts).updateProfile(ID, "Ana R.", "New bio", true);
        SecurityContext context = (SecurityContext) session
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(((AccountUser) context.getAuthentication().getPrincipal()).displayName()).isEqualTo("Ana R.");
    }

    // ---------------------------------------------------------------- email

    @Test
    void shouldShowAnInvalidAddressNextToTheFieldAndNeverShowThePasswordAgain() throws Exception {
        Document page = page(post("/account/email").param("newEmail", "not-an-address")
                .param("emailPassword", "secret-password"));

        assertThat(errorOf(page, "newEmail")).isEqualTo("Enter an email address like name@example.com.");
        assertThat(page.getElementById("newEmail").val()).isEqualTo("not-an-address");
        assertThat(page.getElementById("emailPassword").val()).isEmpty();
        assertThat(page.html()).doesNotContain("secret-password");
        assertThat(page.getElementById("displayName").val()).isEqualTo("Ana Reader");
        verify(accounts, never()).changeEmail(anyLong(), any(), any());
    }

    @Test
    void shouldSayWhenThePasswordForANewAddressIsWrong() throws Exception {
        given(accounts.changeEmail(ID, "wrong-password", "new@example.com")).willReturn(false);

        Document page = page(post("/account/email").param("newEmail", "new@example.com")
                .param("emailPassword", "wrong-password"));

        assertThat(errorOf(page, "emailPassword")).isEqualTo("That is not your current password.");
        assertThat(page.getElementById("newEmail").val()).isEqualTo("new@example.com");
        assertThat(page.getElementById("emailPassword").val()).isEmpty();
        assertThat(page.getElementById("newEmail").closest(".field").hasClass("field-error")).isFalse();
    }

    @Test
    void shouldSayWhenAnotherAccountHasTheAddress() throws Exception {
        willThrow(new DuplicateAccountException("email")).given(accounts)
                .changeEmail(ID, "right-password", "taken@example.com");

        Document page = page(post("/account/email").param("newEmail", "taken@example.com")
                .param("emailPassword", "right-password"));

        assertThat(errorOf(page, "newEmail")).isEqualTo("Another account already uses that email address.");
        assertThat(page.getElementById("newEmail").val()).isEqualTo("taken@example.com");
    }

    @Test
    void shouldSayWhenTheAddressIsAlreadyTheReaders() throws Exception {
        Document page = page(post("/account/email").param("newEmail", "ANA@example.com")
                .param("emailPassword", "right-password"));

        assertThat(errorOf(page, "newEmail")).isEqualTo("That is already your email address.");
        verify(accounts, never()).changeEmail(anyLong(), any(), any());
    }

    @Test
    void shouldChangeTheAddressAndSayALinkWasSent() throws Exception {
        given(accounts.changeEmail(ID, "right-password", "new@example.com")).willReturn(true);

        mvc.perform(post("/account/email").with(user(ANA)).with(csrf()).param("newEmail", "new@example.com")
                        .param("emailPassword", "right-password"))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute(AccountController.NOTICE, "settings.email.changed"))
                .andExpect(flash().attribute(AccountController.NOTICE_ARG, "new@example.com"));
    }

    // ---------------------------------------------------------------- password

    @Test
    void shouldApplyThePasswordPolicyToTheNewPassword() throws Exception {
        Document page = page(post("/account/password").param("currentPassword", "right-password")
                .param("newPassword", "short"));

        assertThat(errorOf(page, "newPassword")).isEqualTo("Passwords must be at least 10 characters long.");
        assertThat(page.getElementById("newPassword").val()).isEmpty();
        assertThat(page.getElementById("currentPassword").val()).isEmpty();
        verify(accounts, never()).changePassword(anyLong(), any(), any());
    }

    @Test
    void shouldAskForTheCurrentPassword() throws Exception {
        Document page = page(post("/account/password").param("currentPassword", "")
                .param("newPassword", "a long new passphrase"));

        assertThat(errorOf(page, "currentPassword")).isEqualTo("Enter your current password.");
    }

    @Test
    void shouldSayWhenTheCurrentPasswordIsWrong() throws Exception {
        given(accounts.changePassword(ID, "wrong-password", "a long new passphrase")).willReturn(false);

        Document page = page(post("/account/password").param("currentPassword", "wrong-password")
                .param("newPassword", "a long new passphrase"));

        assertThat(errorOf(page, "currentPassword")).isEqualTo("That is not your current password.");
        assertThat(page.html()).doesNotContain("wrong-password", "a long new passphrase");
    }

    @Test
    void shouldChangeThePasswordAndSaySo() throws Exception {
        given(accounts.changePassword(ID, "right-password", "a long new passphrase")).willReturn(true);

        mvc.perform(post("/account/password").with(user(ANA)).with(csrf()).param("currentPassword", "right-password")
                        .param("newPassword", "a long new passphrase"))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute(AccountController.NOTICE, "settings.password.changed"));
    }

    // ---------------------------------------------------------------- deletion

    @Test
    void shouldKeepTheAccountWhenThePasswordToDeleteItIsWrong() throws Exception {
        given(accounts.delete(ID, "wrong-password")).willReturn(false);

        Document page = page(post("/account/delete").param("deletePassword", "wrong-password"));

        assertThat(errorOf(page, "deletePassword")).isEqualTo("That is not your current password.");
        assertThat(page.getElementById("deletePassword").val()).isEmpty();
        assertThat(page.getElementById("displayName").val()).isEqualTo("Ana Reader");
    }

    @Test
    void shouldDeleteTheAccountAndSignTheReaderOut() throws Exception {
        given(accounts.delete(ID, "right-password")).willReturn(true);
        MockHttpSession session = new MockHttpSession();

        mvc.perform(post("/account/delete").session(session).with(user(ANA)).with(csrf())
                        .cookie(new Cookie("remember-me", "series:token")).param("deletePassword", "right-password"))
                .andExpect(redirectedUrl("/account-deleted"))
                .andExpect(cookie().maxAge("remember-me", 0));

        assertThat(session.isInvalid()).isTrue();
        Document page = Jsoup.parse(mvc.perform(get("/account-deleted")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Your account has been deleted");
        assertThat(page.select(".account-links").text()).contains("Sign in");
    }

    // ---------------------------------------------------------------- data and verification

    @Test
    void shouldDownloadThePersonalDataAsAJsonAttachment() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account", Map.of("username", "ana", "email", "ana@example.com"));
        data.put("follows", List.of("ben"));
        given(accounts.personalData(ID)).willReturn(data);

        mvc.perform(get("/account/data.json").with(user(ANA)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"broadsheet-ana.json\""))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.account.username").value("ana"))
                .andExpect(jsonPath("$.account.email").value("ana@example.com"))
                .andExpect(jsonPath("$.follows[0]").value("ben"));
    }

    @Test
    void shouldConfirmTheAddressFromTheMailedLinkWhenSignedOut() throws Exception {
        given(accounts.verifyEmail("good-token")).willReturn(Optional.of("ana"));

        String body = mvc.perform(get("/account/verify").param("token", "good-token"))
                .andExpect(status().isOk()).andExpect(view().name(AccountController.VERIFIED_VIEW))
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(body);
        assertThat(page.select("h1").text()).isEqualTo("Your email address is confirmed");
        assertThat(page.select("main a[href^=/login]")).isNotEmpty();
    }

    @Test
    void shouldExplainAnExpiredOrUsedLinkAndHowToGetANewOne() throws Exception {
        given(accounts.verifyEmail("old-token")).willReturn(Optional.empty());

        Document signedOut = Jsoup.parse(mvc.perform(get("/account/verify").param("token", "old-token"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(signedOut.select("h1").text()).isEqualTo("This link has expired or was already used");
        assertThat(signedOut.select("main a.button-primary").text()).isEqualTo("Sign in to ask for a new link");
        assertThat(signedOut.select("main a.button-primary").attr("href")).isEqualTo("/login?continue=/account");

        Document signedIn = Jsoup.parse(mvc.perform(get("/account/verify").with(user(ANA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(signedIn.select("h1").text()).isEqualTo("This link has expired or was already used");
        assertThat(signedIn.select("main a.button-primary").attr("href")).isEqualTo("/account");
    }
}
