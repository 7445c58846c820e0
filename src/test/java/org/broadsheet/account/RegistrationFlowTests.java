package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.broadsheet.account.AccountViews.Registration;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Registration and sign-in through the whole application and a real database: the reader is signed in by
 * registering, comes back to the article and comment they were writing, and can sign in, be remembered and
 * sign out.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RegistrationFlowTests {

    private static final String PASSWORD = "violet-harbour-lamp";
    private static final String ARTICLE = "/news/2021/05/06/harbour-bridge-reopens#comments";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleCards articles;

    @Autowired
    ArticleImports imports;

    /** A name no other test in this shared context uses. */
    private static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    /**
     * Sign-in failures are counted per address: give each request an address of its own so that other tests'
     * failures in this shared database never throttle this one.
     */
    private static RequestPostProcessor fromOwnAddress() {
        String address = "10.9." + SEQUENCE.incrementAndGet() % 250 + "." + (1 + SEQUENCE.get() / 250 % 250);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String csrfTokenOf(MvcResult page) throws Exception {
        String token = Jsoup.parse(page.getResponse().getContentAsString()).select("input[name=_csrf]").val();
        assertThat(token).isNotBlank();
        return token;
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static MockHttpServletRequestBuilder registration(MockHttpSession session, String token, String username,
            String email) {
        return post("/register").session(session).param("_csrf", token).param("username", username)
                .param("displayName", "Ana Lindqvist").param("email", email).param("password", PASSWORD)
                .param("acceptGuidelines", "true").param("_acceptGuidelines", "on");
    }

    private Map<String, Object> accountRow(String username) {
        return jdbc.queryForMap("SELECT * FROM account WHERE username_key = ?", username.toLowerCase());
    }

    private int accountsNamed(String username, String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username_key = ? OR email_key = ?",
                Integer.class, username.toLowerCase(), email.toLowerCase());
    }

    private static Object component(Object record, String name) throws Exception {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                component.getAccessor().setAccessible(true);
                return component.getAccessor().invoke(record);
            }
        }
        throw new AssertionError(record + " has no " + name);
    }

    private String registerDirectly(String username) {
        String email = username + "@example.com";
        accounts.register(new Registration(username, "Signs In", email, PASSWORD));
        return email;
    }

    private MvcResult signIn(String name, String password, String... more) throws Exception {
        MockHttpServletRequestBuilder request = post("/login").with(csrf()).with(fromOwnAddress())
                .param("username", name).param("password", password);
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    // ---------------------------------------------------------------- registration

    @Test
    void shouldPutTheCommentStartedBeforeRegisteringIntoTheArticlesCommentBoxOnce() throws Exception {
        ArticleTestData data = new ArticleTestData(imports);
        long id = data.article(data.section(null), data.author()).save();
        String article = articles.cardsFor(List.of(id)).get(0).url();
        String username = unique("Bo");
        MockHttpSession session = new MockHttpSession();
        MvcResult form = mvc.perform(get("/register").session(session).param("continue", article + "#comment-form")
                .param("comment", "Worth the <wait>.")).andExpect(status().isOk()).andReturn();
        mvc.perform(registration(session, csrfTokenOf(form), username, username.toLowerCase() + "@example.com")
                .param("continuePath", article + "#comment-form").param("comment", "Worth the <wait>."))
                .andExpect(status().isFound());

        Document back = page(get(article).session(session));
        assertThat(back.select("form#comment-form textarea[name=text]").text()).isEqualTo("Worth the <wait>.");
        assertThat(back.select("form#comment-form textarea[name=text]").html()).isEqualTo("Worth the &lt;wait&gt;.");
        assertThat(session.getAttribute("pendingComment")).isNull();
        assertThat(page(get(article).session(session)).select("form#comment-form textarea[name=text]").text())
                .isEmpty();
    }

    @Test
    void shouldSignTheReaderInAtOnceAndBringThemBackToTheArticleAndTheirComment() throws Exception {
        String username = unique("Ana");
        String email = username.toLowerCase() + "@example.com";
        MockHttpSession session = new MockHttpSession();
        MvcResult form = mvc.perform(get("/register").session(session).param("continue", ARTICLE)
                .param("comment", "Finally, a bridge that opens on time.")).andExpect(status().isOk()).andReturn();
        String idBefore = session.getId();

        MvcResult registered = mvc.perform(registration(session, csrfTokenOf(form), username, email)
                .param("continuePath", ARTICLE).param("comment", "Finally, a bridge that opens on time."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/register/thanks?continue=%2Fnews%2F2021%2F05%2F06%2Fharbour-bridge-reopens"
                        + "%23comments"))
                .andExpect(authenticated().withUsername(username).withRoles("READER"))
                .andReturn();

        // The same session, under a new id (no fixation), holding the comment for the article's comment box.
        assertThat(registered.getRequest().getSession(false)).isSameAs(session);
        assertThat(session.getId()).isNotEqualTo(idBefore);
        Object pending = session.getAttribute("pendingComment");
        assertThat(pending).isNotNull();
        assertThat(component(pending, "path")).isEqualTo(ARTICLE);
        assertThat(component(pending, "text")).isEqualTo("Finally, a bridge that opens on time.");

        Document thanks = page(get("/register/thanks").param("continue", ARTICLE).session(session));
        assertThat(thanks.select("h1").text()).isEqualTo("Thank you for registering");
        assertThat(thanks.select("main").text()).contains("You are signed in as Ana Lindqvist.");
        assertThat(thanks.select("main a.button-primary").attr("href")).isEqualTo(ARTICLE);
        assertThat(thanks.select(".account-links").text()).contains("Ana Lindqvist", "Sign out");

        // No second step: the account pages open with this session.
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andExpect(authenticated().withUsername(username));
    }

    @Test
    void shouldKeepTheAccountWithAHashedPasswordAsAnUnverifiedReader() throws Exception {
        String username = unique("Hash");
        String email = username + "@Example.com";
        MockHttpSession session = new MockHttpSession();
        String token = csrfTokenOf(mvc.perform(get("/register").session(session)).andReturn());
        mvc.perform(registration(session, token, username, email)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/register/thanks"));

        Map<String, Object> row = accountRow(username);
        assertThat(row.get("USERNAME")).isEqualTo(username);
        assertThat(row.get("USERNAME_KEY")).isEqualTo(username.toLowerCase());
        assertThat(row.get("EMAIL")).isEqualTo(email);
        assertThat(row.get("EMAIL_KEY")).isEqualTo(email.toLowerCase());
        assertThat(row.get("DISPLAY_NAME")).isEqualTo("Ana Lindqvist");
        assertThat((String) row.get("PASSWORD_HASH")).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
        assertThat(row.get("EMAIL_VERIFIED")).isEqualTo(false);
        assertThat(jdbc.queryForList("SELECT role FROM account_role WHERE account_id = ?", String.class,
                row.get("ID"))).containsExactly("READER");
        assertThat(session.getAttribute("pendingComment")).isNull();
    }

    @Test
    void shouldRenewTheCsrfTokenOnRegistering() throws Exception {
        String username = unique("Csrf");
        MockHttpSession session = new MockHttpSession();
        String before = csrfTokenOf(mvc.perform(get("/register").session(session)).andReturn());
        mvc.perform(registration(session, before, username, username + "@example.com"))
                .andExpect(status().isFound());

        // A token known before signing in (by whoever planted the session, say) no longer works.
        mvc.perform(post("/logout").session(session).param("_csrf", before)).andExpect(status().isForbidden());
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());

        String after = csrfTokenOf(mvc.perform(get("/register/thanks").session(session)).andReturn());
        mvc.perform(post("/logout").session(session).param("_csrf", after)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/?signed-out")).andExpect(unauthenticated());
    }

    @Test
    void shouldRefuseTheSameUsernameInAnotherCase() throws Exception {
        String username = unique("Reader");
        MockHttpSession first = new MockHttpSession();
        mvc.perform(registration(first, csrfTokenOf(mvc.perform(get("/register").session(first)).andReturn()),
                username, username + "-1@example.com")).andExpect(status().isFound());

        MockHttpSession second = new MockHttpSession();
        String other = username.toLowerCase();
        Document page = Jsoup.parse(mvc.perform(registration(second,
                csrfTokenOf(mvc.perform(get("/register").session(second)).andReturn()), other,
                username + "-2@example.com")).andExpect(status().isOk()).andExpect(unauthenticated())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.getElementById("username-error").text())
                .isEqualTo("That username is taken. Please choose another.");
        assertThat(page.getElementById("username").val()).isEqualTo(other);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username_key = ?", Integer.class,
                username.toLowerCase())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE email_key = ?", Integer.class,
                (username + "-2@example.com").toLowerCase())).isZero();
    }

    @Test
    void shouldRefuseTheSameEmailInAnotherCase() throws Exception {
        String email = unique("same-address") + "@example.com";
        MockHttpSession first = new MockHttpSession();
        mvc.perform(registration(first, csrfTokenOf(mvc.perform(get("/register").session(first)).andReturn()),
                unique("first"), email)).andExpect(status().isFound());

        MockHttpSession second = new MockHttpSession();
        String secondName = unique("second");
        Document page = Jsoup.parse(mvc.perform(registration(second,
                csrfTokenOf(mvc.perform(get("/register").session(second)).andReturn()), secondName,
                email.toUpperCase())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.getElementById("email-error").text())
                .isEqualTo("An account already uses that email address. Sign in, or reset your password.");
        assertThat(accountsNamed(secondName, email)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username_key = ?", Integer.class,
                secondName.toLowerCase())).isZero();
    }

    // ---------------------------------------------------------------- sign-in

    @Test
    void shouldSignInWithTheUsernameOrTheEmailInAnyCase() throws Exception {
        String username = unique("signs-in");
        String email = registerDirectly(username);
        for (String name : List.of(username, username.toUpperCase(), email, email.toUpperCase(), " " + email)) {
            MvcResult result = signIn(name, PASSWORD);
            assertThat(result.getResponse().getStatus()).as(name).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).as(name).isEqualTo("/");
            mvc.perform(get("/account").session((MockHttpSession) result.getRequest().getSession(false)))
                    .andExpect(status().isOk()).andExpect(authenticated().withUsername(username));
        }
    }

    @Test
    void shouldRefuseAWrongPasswordWithTheSameMessageAsAnUnknownAccount() throws Exception {
        String username = unique("wrong-password");
        registerDirectly(username);
        for (String name : List.of(username, unique("nobody"))) {
            MvcResult failed = signIn(name, "not-the-password");
            assertThat(failed.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
            MockHttpSession session = (MockHttpSession) failed.getRequest().getSession(false);
            Document page = page(get("/login").param("error", "").session(session));
            assertThat(page.select(".notice-error").text()).isEqualTo(
                    "That username or email address and password do not match an account. Please try again.");
            assertThat(page.getElementById("username").val()).isEqualTo(name);
            assertThat(page.getElementById("password").val()).isEmpty();
            mvc.perform(get("/account").session(session)).andExpect(status().isFound())
                    .andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void shouldGoWhereTheContinueParameterSaysOnlyOnThisSite() throws Exception {
        String username = unique("continues");
        registerDirectly(username);
        assertThat(signIn(username, PASSWORD, "continue", "/sections/x").getResponse().getRedirectedUrl())
                .isEqualTo("/sections/x");
        assertThat(signIn(username, PASSWORD, "continue", ARTICLE).getResponse().getRedirectedUrl())
                .isEqualTo(ARTICLE);
        for (String unsafe : List.of("//evil.example", "https://evil.example", "/\\evil.example")) {
            assertThat(signIn(username, PASSWORD, "continue", unsafe).getResponse().getRedirectedUrl()).as(unsafe)
                    .isEqualTo("/");
        }
        // A failure keeps a safe continue parameter for the next attempt, and drops an unsafe one.
        assertThat(signIn(username, "not-the-password", "continue", "/sections/x").getResponse()
                .getRedirectedUrl()).isEqualTo("/login?error&continue=%2Fsections%2Fx");
        assertThat(signIn(username, "not-the-password", "continue", "//evil.example").getResponse()
                .getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void shouldPreferTheContinueParameterToAPageTheReaderWasSentAwayFrom() throws Exception {
        String username = unique("prefers");
        registerDirectly(username);
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(get("/account").session(session)).andExpect(status().isFound());
        MvcResult signedIn = mvc.perform(post("/login").session(session).with(csrf()).with(fromOwnAddress())
                .param("username", username).param("password", PASSWORD).param("continue", "/sections/world"))
                .andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/sections/world");
        // Without a continue parameter, the saved page is where the reader goes.
        org.springframework.mock.web.MockHttpSession other = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(get("/account").session(other)).andExpect(status().isFound());
        MvcResult saved = mvc.perform(post("/login").session(other).with(csrf()).with(fromOwnAddress())
                .param("username", username).param("password", PASSWORD)).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).startsWith("http://localhost/account");
    }

    @Test
    void shouldOfferTheContinuePathOnTheSignInPage() throws Exception {
        Document page = page(get("/login").param("continue", "/sections/x"));
        assertThat(page.select("form input[name=continue]").val()).isEqualTo("/sections/x");
        assertThat(page.select("main a[href^=/register]").attr("href")).isEqualTo("/register?continue=/sections/x");
        Document unsafe = page(get("/login").param("continue", "//evil.example"));
        assertThat(unsafe.select("form input[name=continue]")).isEmpty();
        assertThat(unsafe.select("main a[href^=/register]").attr("href")).isEqualTo("/register");
    }

    // ---------------------------------------------------------------- remember-me and signing out

    @Test
    void shouldRememberTheReaderWithAPersistentTokenUntilTheySignOut() throws Exception {
        String username = unique("remembered");
        registerDirectly(username);
        MvcResult signedIn = signIn(username, PASSWORD, "remember-me", "true");
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        Cookie cookie = signedIn.getResponse().getCookie("remember-me");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getMaxAge()).isEqualTo(30 * 24 * 3600);
        assertThat(rememberedSignIns(username)).isEqualTo(1);

        // A new visit with only the cookie, no session: signed in.
        MvcResult visit = mvc.perform(get("/account").cookie(cookie)).andExpect(status().isOk())
                .andExpect(authenticated().withUsername(username)).andReturn();
        MockHttpSession session = (MockHttpSession) visit.getRequest().getSession(false);
        // Persistent tokens change at each use: the browser now holds the new one.
        Cookie renewed = visit.getResponse().getCookie("remember-me");
        assertThat(renewed).isNotNull();

        MockHttpServletResponse out = mvc.perform(post("/logout").with(csrf()).session(session).cookie(renewed))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/?signed-out")).andReturn().getResponse();
        assertThat(out.getCookie("remember-me").getMaxAge()).isZero();
        assertThat(rememberedSignIns(username)).isZero();
        mvc.perform(get("/account").cookie(renewed)).andExpect(status().isFound()).andExpect(unauthenticated());
    }

    @Test
    void shouldNotRememberWithoutBeingAsked() throws Exception {
        String username = unique("forgotten");
        registerDirectly(username);
        MvcResult signedIn = signIn(username, PASSWORD);
        assertThat(signedIn.getResponse().getCookie("remember-me")).isNull();
        assertThat(rememberedSignIns(username)).isZero();
    }

    @Test
    void shouldSignOutOnlyByPost() throws Exception {
        String username = unique("stays");
        registerDirectly(username);
        MockHttpSession session = (MockHttpSession) signIn(username, PASSWORD).getRequest().getSession(false);

        int status = mvc.perform(get("/logout").session(session)).andReturn().getResponse().getStatus();
        assertThat(status).isNotEqualTo(302);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andExpect(authenticated().withUsername(username));

        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());

        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(redirectedUrl("/?signed-out"));
        mvc.perform(get("/account").session(session)).andExpect(status().isFound()).andExpect(unauthenticated());
    }

    private int rememberedSignIns(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM remember_me_token t JOIN account a ON a.id = t.account_id WHERE a.username = ?", Integer.class,
                username);
    }
}
