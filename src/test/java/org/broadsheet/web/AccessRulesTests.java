package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.broadsheet.account.AccountUserDetailsService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may open which page, on the demo site with its real accounts (one per role, see DemoAccounts). Each
 * signed-in visitor is the account's own {@code UserDetails}, holding only the role stored for it, so the role
 * hierarchy (ADMIN &gt; EDITOR, MODERATOR &gt; READER) is what lets an administrator in.
 * <p>
 * MockMvc answers the matrix; MockMvc does not render error pages, so every refusal is also fetched over real
 * HTTP, by the same account signed in through the sign-in form, to see the site's own "Access denied" page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AccessRulesTests {

    private static final String DEMO_PASSWORD = "broadsheet-demo";

    /** Signed-in HTTP clients (their cookie jars hold the session), one per server and account. */
    private static final Map<String, HttpClient> signedIn = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @LocalServerPort
    int port;

    enum Access {
        /** Redirected to the sign-in page. */
        SIGN_IN,
        /** 403 with the site's "Access denied" page. */
        DENIED,
        /** Let through: the page, or a 404 while the desk is not built yet. */
        ALLOWED
    }

    /** Visitors in the order of the columns below: the anonymous reader, then the demo accounts. */
    private static final List<String> VISITORS = List.of("anonymous", "reader", "moderator", "editor", "admin");

    private static final String RULES = """
            # path                anonymous  reader    moderator  editor    admin
            /account              SIGN_IN    ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /account/data.json    SIGN_IN    ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /account/ignored      SIGN_IN    ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /comments/1/reply     SIGN_IN    ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /following            SIGN_IN    ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /account/comments     SIGN_IN    ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /notifications        SIGN_IN    ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /notifications/1/open SIGN_IN    ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /account/notifications SIGN_IN   ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /notifications/unsubscribe ALLOWED ALLOWED ALLOWED    ALLOWED   ALLOWED
            /users/reader/followers ALLOWED  ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /users/reader/following ALLOWED  ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /admin                SIGN_IN    DENIED    ALLOWED    ALLOWED   ALLOWED
            /admin/articles       SIGN_IN    DENIED    DENIED     ALLOWED   ALLOWED
            /admin/articles/new   SIGN_IN    DENIED    DENIED     ALLOWED   ALLOWED
            /admin/articles/1/corrections SIGN_IN DENIED DENIED   ALLOWED   ALLOWED
            /corrections          ALLOWED    ALLOWED   ALLOWED    ALLOWED   ALLOWED
            /admin/authors        SIGN_IN    DENIED    DENIED     ALLOWED   ALLOWED
            /admin/authors/new    SIGN_IN    DENIED    DENIED     ALLOWED   ALLOWED
            /admin/sections       SIGN_IN    DENIED    DENIED     ALLOWED   ALLOWED
            /admin/tags           SIGN_IN    DENIED    DENIED     ALLOWED   ALLOWED
            /admin/front-page     SIGN_IN    DENIED    DENIED     ALLOWED   ALLOWED
            /admin/moderation     SIGN_IN    DENIED    ALLOWED    DENIED    ALLOWED
            /admin/users          SIGN_IN    DENIED    DENIED     DENIED    ALLOWED
            /admin/users/1        SIGN_IN    DENIED    DENIED     DENIED    ALLOWED
            /admin/users/1/roles  SIGN_IN    DENIED    DENIED     DENIED    ALLOWED
            /admin/audit          SIGN_IN    DENIED    DENIED     DENIED    ALLOWED
            """;

    static Stream<Arguments> accessMatrix() {
        List<Arguments> cells = new ArrayList<>();
        RULES.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            String[] columns = line.trim().split("\\s+");
            for (int i = 0; i < VISITORS.size(); i++) {
                cells.add(Arguments.of(columns[0], VISITORS.get(i), Access.valueOf(columns[i + 1])));
            }
        });
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("accessMatrix")
    void shouldApplyTheAccessRules(String path, String visitor, Access expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(as(visitor, get(path))).andReturn()
                .getResponse();
        int status = response.getStatus();
        switch (expected) {
            case SIGN_IN -> {
                assertThat(status).as("status of %s", path).isEqualTo(302);
                assertThat(redirectedToSignIn(response)).as("Location %s", response.getHeader("Location")).isTrue();
            }
            case DENIED -> {
                assertThat(status).as("status of %s", path).isEqualTo(403);
                assertSitesAccessDeniedPage(path, visitor);
            }
            case ALLOWED -> {
                assertThat(status).as("status of %s", path).isNotEqualTo(403).isLessThan(500);
                assertThat(redirectedToSignIn(response)).as("redirected to sign in: %s",
                        response.getHeader("Location")).isFalse();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({ "anonymous, false", "reader, false", "moderator, true", "editor, true", "admin, true" })
    void shouldShowTheStaffDeskLinkInTheHeaderToStaffOnly(String visitor, boolean shown) throws Exception {
        Document page = Jsoup.parse(mvc.perform(as(visitor, get("/"))).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select(".account-links a[href=/admin]").eachText())
                .isEqualTo(shown ? List.of("Staff desk") : List.of());
        // The header itself is there either way, so the assertion above cannot pass on a broken page.
        assertThat(page.select(".account-links a, .account-links button").eachText()).contains(
                "anonymous".equals(visitor) ? "Sign in" : "Sign out");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "editor    | Eden Editor      | Editorial desk",
            "moderator | Morgan Moderator | Moderation desk",
            "admin     | Alex Admin       | Editorial desk, Moderation desk, Users, Audit log" })
    void shouldGreetStaffAndListTheDesksTheirRolesOpen(String visitor, String name, String desks) throws Exception {
        MockHttpServletResponse response = mvc.perform(as(visitor, get("/admin"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Staff desk");
        assertThat(page.select("main .lede").text()).startsWith("Welcome, " + name + ".");
        assertThat(page.select("main .desk h2").eachText()).containsExactly(desks.split(", "));
        for (var desk : page.select("main .desk")) {
            // A desk is a link once it is built, and says it is coming until then.
            boolean linked = !desk.select("h2 a[href^=/admin/]").isEmpty();
            assertThat(desk.select(".badge").eachText()).as(desk.text())
                    .isEqualTo(linked ? List.of() : List.of("Coming soon"));
        }
    }

    @Test
    void shouldListTheReadersAReaderIgnores() throws Exception {
        MockHttpServletResponse response = mvc.perform(as("reader", get("/account/ignored"))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(response.getContentAsString()).select("h1").text()).isEqualTo("Readers you ignore");
    }

    @Test
    void shouldSendAnAnonymousCommentToSignIn() throws Exception {
        // With its CSRF token, so that it is the sign-in rule, not the token check, that turns it away.
        MockHttpServletResponse response = mvc.perform(post("/articles/1/comments").param("text", "Hello")
                .param("key", "access-rules").with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(redirectedToSignIn(response)).as("Location %s", response.getHeader("Location")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "/users/reader/follow", "/users/reader/unfollow", "/articles/1/follow", "/articles/1/unfollow",
            "/comments/1/follow-author", "/notifications/read-all", "/notifications/1/read",
            "/account/notifications" })
    void shouldSendAnAnonymousFollowOrNotificationChangeToSignIn(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(post(path).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(302);
        assertThat(redirectedToSignIn(response)).as("Location %s", response.getHeader("Location")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "/users/editor/follow", "/articles/1/follow", "/notifications/read-all", "/account/notifications" })
    void shouldRefuseAFollowOrNotificationChangeWithoutCsrfToken(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(as("reader", post(path))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(403);
    }

    @Test
    void shouldTakeAMailClientsOneClickUnsubscribeWithoutAFormToken() throws Exception {
        // RFC 8058: the mail client posts the link without a session or a token; the signature is what counts.
        MockHttpServletResponse response = mvc.perform(post("/notifications/unsubscribe")
                .param("account", "1").param("kind", "reply").param("expires", "1").param("signature", "forged")
                .param("List-Unsubscribe", "One-Click")).andReturn().getResponse();
        assertThat(response.getStatus()).as("refused for its signature, not for a token").isEqualTo(400);
        assertThat(Jsoup.parse(response.getContentAsString()).select("main p").first().text())
                .startsWith("This link is not valid.");
    }

    @Test
    void shouldRefuseASignOutWithoutCsrfToken() throws Exception {
        MockHttpServletResponse response = mvc.perform(as("reader", post("/logout"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getCookie("JSESSIONID")).as("a refused sign-out does not delete the session cookie")
                .isNull();
    }

    @Test
    void shouldRefuseARegistrationWithoutCsrfToken() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/register").param("username", "csrf-victim")
                .param("displayName", "Csrf Victim").param("email", "csrf-victim@example.com")
                .param("password", "a long enough passphrase").param("acceptGuidelines", "true")).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThatThrownBy(() -> users.loadUserByUsername("csrf-victim"))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void shouldSignOutWithTheCsrfToken() throws Exception {
        // The other side of the CSRF tests: the same request with its token is accepted.
        MockHttpServletResponse response = mvc.perform(as("reader", post("/logout").with(csrf()))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/?signed-out");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "ARTICLE", "/search", "/search?q=harbour", "/rss", "/login", "/register",
            "/community-guidelines" })
    void shouldServePublicPagesToAnonymousReaders(String path) throws Exception {
        String target = "ARTICLE".equals(path) ? leadArticlePath() : path;
        MockHttpServletResponse response = mvc.perform(get(target)).andReturn().getResponse();
        assertThat(response.getStatus()).as(target).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private MockHttpServletRequestBuilder as(String visitor, MockHttpServletRequestBuilder request) {
        return "anonymous".equals(visitor) ? request : request.with(user(users.loadUserByUsername(visitor)));
    }

    private static boolean redirectedToSignIn(MockHttpServletResponse response) {
        String location = response.getHeader("Location");
        return response.getStatus() / 100 == 3 && location != null
                && "/login".equals(URI.create(location).getPath());
    }

    private String leadArticlePath() throws Exception {
        Document front = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse().getContentAsString());
        String href = front.select(".lead-story .card-headline a").attr("href");
        assertThat(href).as("the lead story's link").startsWith("/");
        return href;
    }

    /** Over real HTTP, signed in through the form: the refusal is the site's own 403 page. */
    private void assertSitesAccessDeniedPage(String path, String username) throws Exception {
        HttpResponse<String> response = signedInClient(username).send(request(path).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of %s over HTTP", path).isEqualTo(403);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Access denied");
        assertThat(page.select("a.brand").text()).isEqualTo("Broadsheet");
        assertThat(page.select(".account-links button").text()).as("still signed in").isEqualTo("Sign out");
        assertThat(response.body()).doesNotContain("Whitelabel", "Exception", "\tat ");
    }

    private HttpClient signedInClient(String username) {
        return signedIn.computeIfAbsent(port + ":" + username, key -> {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            try {
                Document form = Jsoup.parse(client.send(request("/login").build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                String csrf = form.select("form.stacked-form input[name=_csrf]").attr("value");
                String body = "username=" + username + "&password=" + DEMO_PASSWORD + "&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
                HttpResponse<Void> signIn = client.send(request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(signIn.statusCode()).isEqualTo(302);
                assertThat(signIn.headers().firstValue("Location").orElse("")).as("%s signed in", username)
                        .doesNotContain("error", "throttled");
                return client;
            } catch (Exception e) {
                throw new IllegalStateException("Could not sign in as " + username, e);
            }
        });
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    }
}
