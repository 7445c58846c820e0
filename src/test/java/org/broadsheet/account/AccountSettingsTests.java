package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountEvents.AccountDeleted;
import org.broadsheet.account.AccountEvents.VerificationRequested;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The settings page against the real accounts, database and security: each change is made as a reader would
 * make it, then checked where it shows (the public profile, signing in, the mailed link, the export).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
class AccountSettingsTests {

    private static final String PASSWORD = "lantern-harbour-pocket";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    org.broadsheet.mail.Mailer mailer;

    @Autowired
    AccountService accounts;

    @Autowired
    ApplicationEvents events;

    /** A verified reader of its own, so that the tests share nothing. */
    private String newReader() {
        String username = "reader" + NAMES.incrementAndGet();
        assertThat(accounts.createVerified(username, "Reader " + username, username + "@example.com", PASSWORD,
                Set.of(Role.READER))).isTrue();
        return username;
    }

    /** @return where the sign-in form sent the browser */
    private MvcResult signInAttempt(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andExpect(status().is3xxRedirection()).andReturn();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult result = signInAttempt(username, password);
        assertThat(result.getResponse().getRedirectedUrl()).as("signed in").isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private void submit(MockHttpSession session, MockHttpServletRequestBuilder form, String expectedRedirect)
            throws Exception {
        mvc.perform(form.session(session).with(csrf())).andExpect(redirectedUrl(expectedRedirect));
    }

    private Document page(MockHttpSession session, String url) throws Exception {
        MockHttpServletRequestBuilder request = get(url);
        if (session != null) {
            request.session(session);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldShowTheNewDisplayNameAndBioOnThePublicProfile() throws Exception {
        String username = newReader();
        MockHttpSession session = signIn(username, PASSWORD);

        submit(session, post("/account/profile").param("displayName", "Ana Ferreira")
                .param("bio", "Reads the science pages first.\r\nThen the crossword.").param("profilePublic", "true")
                .param("_profilePublic", "on"), "/account");

        Document settings = page(session, "/account");
        assertThat(settings.select("p.notice[role=status]").text()).isEqualTo("Your profile has been saved.");
        assertThat(settings.select(".account-links a[href=/account]").text()).isEqualTo("Ana Ferreira");
        assertThat(settings.getElementById("displayName").val()).isEqualTo("Ana Ferreira");
        Document profile = page(null, "/users/" + username);
        assertThat(profile.select("h1").text()).isEqualTo("Ana Ferreira");
        assertThat(profile.select(".profile-bio p").eachText())
                .containsExactly("Reads the science pages first.", "Then the crossword.");
        assertThat(profile.select(".profile-badges .badge").eachText()).containsExactly("New member");
    }

    @Test
    void shouldHideTheBioOfAProfileMadePrivate() throws Exception {
        String username = newReader();
        MockHttpSession session = signIn(username, PASSWORD);

        // An unticked box sends only the marker field that th:field adds.
        submit(session, post("/account/profile").param("displayName", "Quiet Reader")
                .param("bio", "Nothing to see here.").param("_profilePublic", "on"), "/account");

        Document profile = page(null, "/users/" + username);
        assertThat(profile.select("h1").text()).isEqualTo("Quiet Reader");
        assertThat(profile.select(".profile-private").text()).isEqualTo("Quiet Reader keeps their profile private.");
        assertThat(profile.text()).doesNotContain("Nothing to see here.");
        assertThat(profile.select(".badge, .recent-comments")).isEmpty();
        assertThat(page(session, "/account").getElementById("profilePublic").hasAttr("checked")).isFalse();
    }

    @Test
    void shouldAskToConfirmANewAddressAndAcceptTheLinkMailedToIt() throws Exception {
        String username = newReader();
        MockHttpSession session = signIn(username, PASSWORD);

        submit(session, post("/account/email").param("newEmail", "moved-" + username + "@example.org")
                .param("emailPassword", PASSWORD), "/account");

        Document settings = page(session, "/account");
        assertThat(settings.select(".account-email").text()).isEqualTo("moved-" + username + "@example.org");
        assertThat(settings.select(".email-unverified").text()).isEqualTo("Not confirmed yet");
        assertThat(settings.select("form.resend-verification")).hasSize(1);
        assertThat(events.stream(VerificationRequested.class)
                .filter(event -> event.email().equals("moved-" + username + "@example.org"))).hasSize(1);
        String token = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> ((org.broadsheet.mail.DevMailbox) mailer).recent().stream()
                        .filter(mail -> mail.to().equals("moved-" + username + "@example.org"))
                        .map(mail -> mail.text().replaceAll("(?s).*/account/verify\\?token=([A-Za-z0-9_-]+).*", "$1"))
                        .findFirst().orElse(null), java.util.Objects::nonNull);

        // The link is opened signed out, perhaps on another device.
        assertThat(page(null, "/account/verify?token=" + token).select("h1").text())
                .isEqualTo("Your email address is confirmed");
        assertThat(page(session, "/account").select(".email-verified").text()).isEqualTo("Confirmed");
        assertThat(page(null, "/account/verify?token=" + token).select("h1").text())
                .isEqualTo("This link has expired or was already used");
    }

    @Test
    void shouldKeepTheAddressWhenThePasswordIsWrong() throws Exception {
        String username = newReader();
        MockHttpSession session = signIn(username, PASSWORD);

        Document page = Jsoup.parse(mvc.perform(post("/account/email").session(session).with(csrf())
                        .param("newEmail", "elsewhere@example.org").param("emailPassword", "not-my-password"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#emailPassword-error").text()).isEqualTo("That is not your current password.");
        assertThat(page(session, "/account").select(".account-email").text()).isEqualTo(username + "@example.com");
        assertThat(events.stream(VerificationRequested.class)).isEmpty();
    }

    @Test
    void shouldSignInOnlyWithTheNewPasswordAfterAChange() throws Exception {
        String username = newReader();
        MockHttpSession session = signIn(username, PASSWORD);

        submit(session, post("/account/password").param("currentPassword", PASSWORD)
                .param("newPassword", "quarry-velvet-meadow"), "/account");

        assertThat(signInAttempt(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        signIn(username, "quarry-velvet-meadow");
    }

    @Test
    void shouldDeleteTheAccountSignOutAndFreeTheUsername() throws Exception {
        String username = newReader();
        MockHttpSession session = signIn(username, PASSWORD);

        submit(session, post("/account/delete").param("deletePassword", PASSWORD), "/account-deleted");

        assertThat(session.isInvalid()).isTrue();
        assertThat(events.stream(AccountDeleted.class).map(AccountDeleted::username)).containsExactly(username);
        assertThat(signInAttempt(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(accounts.publicProfile(username)).isEmpty();
        mvc.perform(get("/users/" + username)).andExpect(status().isNotFound());
        mvc.perform(post("/register").with(csrf()).param("username", username).param("displayName", "Someone New")
                        .param("email", username + "@example.com").param("password", "new-owner-of-the-name")
                        .param("acceptGuidelines", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/register/thanks")));
        assertThat(accounts.publicProfile(username).orElseThrow().displayName()).isEqualTo("Someone New");
    }

    @Test
    void shouldExportTheAccountAsJson() throws Exception {
        String username = newReader();
        MockHttpSession session = signIn(username, PASSWORD);

        mvc.perform(get("/account/data.json").session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"broadsheet-" + username + ".json\""))
                .andExpect(jsonPath("$.account.username").value(username))
                .andExpect(jsonPath("$.account.displayName").value("Reader " + username))
                .andExpect(jsonPath("$.account.email").value(username + "@example.com"))
                .andExpect(jsonPath("$.account.emailVerified").value(true))
                .andExpect(jsonPath("$.account.roles[0]").value("READER"));
    }
}
