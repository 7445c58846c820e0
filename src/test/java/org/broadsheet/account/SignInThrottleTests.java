package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.support.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Signing in under attack: guessing is slowed down per account name and per address, the answers never tell
 * which accounts exist, and a successful sign-in starts a new session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class SignInThrottleTests {

    private static final String PASSWORD = "kettle-on-the-landing";
    private static final String DEFAULT_ADDRESS = "192.0.2.10";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    private String username;

    @BeforeEach
    void createAccount() {
        // Every test starts with the failures of the earlier ones outside the throttle's window.
        clock.advance(SignInThrottle.WINDOW.plusMinutes(1));
        username = "signer" + SEQUENCE.incrementAndGet();
        accounts.createVerified(username, "Sid Signer", username + "@example.com", PASSWORD, EnumSet.of(Role.READER));
    }

    @Test
    void shouldRefuseEvenTheRightPasswordAfterFiveWrongOnes(@Autowired MeterRegistry meters) throws Exception {
        double failedBefore = signIns(meters, "failure");
        double throttledBefore = signIns(meters, "throttled");
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            signIn(username, "wrong-guess-" + i).andExpect(redirectedUrl("/login?error"));
        }
        MockHttpSession session = new MockHttpSession();

        signIn(username, PASSWORD, DEFAULT_ADDRESS, session).andExpect(redirectedUrl("/login?throttled"))
                .andExpect(unauthenticated());
        assertThat(signIns(meters, "failure") - failedBefore).as("wrong passwords counted")
                .isEqualTo(SignInThrottle.PER_ACCOUNT);
        assertThat(signIns(meters, "throttled") - throttledBefore).as("the refused attempt counted").isEqualTo(1);

        Document page = signInPage("throttled", session);
        assertThat(page.select("main [role=alert]").text()).startsWith("Too many failed attempts");
        assertThat(page.select("main").text()).doesNotContain("do not match an account");
    }

    @Test
    void shouldLetNoMoreThanFiveGuessesThroughWhenTheyArriveAllAtOnce() throws Exception {
        int guesses = 24;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            String guess = "parallel-guess-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return signIn(username, guess, "198.51.100." + (guess.length() % 200), new MockHttpSession())
                        .andReturn().getResponse().getRedirectedUrl();
            }));
        }
        start.countDown();
        int checked = 0;
        for (java.util.concurrent.Future<String> answer : answers) {
            String url = answer.get();
            assertThat(url).isIn("/login?error", "/login?throttled");
            if (url.equals("/login?error")) {
                checked++;
            }
        }
        pool.shutdown();
        assertThat(checked).as("guesses whose password was checked").isLessThanOrEqualTo(SignInThrottle.PER_ACCOUNT);
        signIn(username, PASSWORD).andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void shouldCountGuessesByUsernameAndByEmailAgainstTheSameAccount() throws Exception {
        for (int i = 0; i < 3; i++) {
            signIn(username, "wrong-guess-" + i).andExpect(redirectedUrl("/login?error"));
        }
        for (int i = 3; i < SignInThrottle.PER_ACCOUNT; i++) {
            signIn(username.toUpperCase() + "@Example.com", "wrong-guess-" + i).andExpect(redirectedUrl("/login?error"));
        }

        signIn(username + "@example.com", "another-guess").andExpect(redirectedUrl("/login?throttled"));
        signIn(username, PASSWORD).andExpect(redirectedUrl("/login?throttled")).andExpect(unauthenticated());
    }

    @Test
    void shouldLetTheRightPasswordInOnceFifteenMinutesHavePassed() throws Exception {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            signIn(username, "wrong-guess-" + i).andExpect(redirectedUrl("/login?error"));
        }
        clock.advance(Duration.ofMinutes(14));
        signIn(username, PASSWORD).andExpect(redirectedUrl("/login?throttled"));

        clock.advance(Duration.ofMinutes(1));
        signIn(username, PASSWORD).andExpect(redirectedUrl("/")).andExpect(authenticated().withUsername(username));
    }

    @Test
    void shouldThrottleAnAddressAfterTwentyFailuresAcrossAccountNames() throws Exception {
        String attacker = "203.0.113.7";
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            // A different name each time: no account name reaches its own limit.
            signIn("probe" + SEQUENCE.get() + "-" + i, "wrong-guess", attacker, new MockHttpSession())
                    .andExpect(redirectedUrl("/login?error"));
        }

        signIn(username, PASSWORD, attacker, new MockHttpSession()).andExpect(redirectedUrl("/login?throttled"))
                .andExpect(unauthenticated());
        signIn(username, PASSWORD, "198.51.100.23", new MockHttpSession()).andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(username));
    }

    @Test
    void shouldAnswerAnUnknownUsernameExactlyLikeAWrongPassword() throws Exception {
        String unknown = "nobody" + SEQUENCE.get();
        MockHttpSession unknownSession = new MockHttpSession();
        MockHttpSession wrongSession = new MockHttpSession();

        signIn(unknown, "wrong-guess", DEFAULT_ADDRESS, unknownSession).andExpect(redirectedUrl("/login?error"));
        signIn(username, "wrong-guess", DEFAULT_ADDRESS, wrongSession).andExpect(redirectedUrl("/login?error"));

        assertThat(comparable(signInPage("error", unknownSession), unknown))
                .isEqualTo(comparable(signInPage("error", wrongSession), username));

        // And an unknown name is throttled like a known one.
        for (int i = 1; i < SignInThrottle.PER_ACCOUNT; i++) {
            signIn(unknown, "wrong-guess-" + i).andExpect(redirectedUrl("/login?error"));
            signIn(username, "wrong-guess-" + i).andExpect(redirectedUrl("/login?error"));
        }
        signIn(unknown, "wrong-guess").andExpect(redirectedUrl("/login?throttled"));
        signIn(username, "wrong-guess").andExpect(redirectedUrl("/login?throttled"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/\u3002evil.example", "/caf\u00e9" })
    void shouldGoToTheFrontPageWhenTheContinueAddressIsNotPlainAscii(String next) throws Exception {
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD).param("continue", next)
                .with(csrf())).andExpect(authenticated()).andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").param("username", username).param("password", "wrong-guess")
                .param("continue", next).with(csrf())).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void shouldKeepTheTypedUsernameAfterAFailure() throws Exception {
        MockHttpSession session = new MockHttpSession();
        signIn(username, "wrong-guess", DEFAULT_ADDRESS, session).andExpect(redirectedUrl("/login?error"));

        Document page = signInPage("error", session);

        assertThat(page.select("input#username").val()).isEqualTo(username);
        assertThat(page.select("input#password").val()).isEmpty();
        assertThat(page.select("main [role=alert]").text())
                .isEqualTo("That username or email address and password do not match an account. Please try again.");
    }

    @Test
    void shouldChangeTheSessionIdOnSignIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/login").session(session)).andExpect(status().isOk());
        String before = session.getId();

        signIn(username, PASSWORD, DEFAULT_ADDRESS, session).andExpect(authenticated());

        assertThat(session.getId()).isNotEqualTo(before);
    }

    @Test
    void shouldIssueANewSessionCookieOnSignInOverHttp() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrfToken = Jsoup.parse(form.body()).select("form[action=/login] input[name=_csrf]").val();
        String before = sessionId(cookies);
        assertThat(csrfToken).isNotBlank();
        assertThat(before).isNotNull();

        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                        + encode(PASSWORD) + "&_csrf=" + encode(csrfToken)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        String after = sessionId(cookies);
        assertThat(after).isNotNull().isNotEqualTo(before);
        // The new session is signed in (the sign-in page sends signed-in readers on); the old id is not.
        assertThat(http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(302);
        HttpResponse<String> withOldId = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(uri("/login")).header("Cookie", "JSESSIONID=" + before).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(withOldId.statusCode()).isEqualTo(200);
    }

    // -------------------------------------------------------------------------------------------------------

    private ResultActions signIn(String name, String password) throws Exception {
        return signIn(name, password, DEFAULT_ADDRESS, new MockHttpSession());
    }

    private ResultActions signIn(String name, String password, String address, MockHttpSession session)
            throws Exception {
        return mvc.perform(post("/login").param("username", name).param("password", password).session(session)
                .with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    private Document signInPage(String flag, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get("/login").param(flag, "").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** The page without what must differ: the session's CSRF token and the name the reader typed. */
    private static String comparable(Document page, String typed) {
        page.select("input[name=_csrf]").remove();
        assertThat(page.select("input#username").val()).isEqualTo(typed);
        page.select("input#username").val("");
        return page.outerHtml();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double signIns(MeterRegistry meters, String outcome) {
        return meters.get(SignInCounters.SIGN_INS).tag("outcome", outcome).counter().count();
    }
}
