package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.support.MutableClock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Keep me signed in" over real HTTP: a cookie used by several requests at once signs each of them in, a copy of
 * a replaced cookie used later ends every remembered sign-in of the account and says so, and the database holds
 * no token that would sign anyone in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class RememberedSignInTests {

    private static final String PASSWORD = "lanterns-along-the-quay";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private String username;

    @BeforeEach
    void createReader() {
        clock.advance(Duration.ofHours(1));
        username = "kept" + SEQUENCE.incrementAndGet();
        accounts.createVerified(username, "Kit Kept", username + "@example.com", PASSWORD, EnumSet.of(Role.READER));
    }

    @Test
    void shouldSignInEveryRequestThatArrivesAtOnceWithTheSameCookie() throws Exception {
        String cookie = rememberMeCookie();
        int tabs = 5;
        ExecutorService browser = Executors.newFixedThreadPool(tabs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < tabs; i++) {
            answers.add(browser.submit(() -> {
                start.await();
                return get("/account", cookie);
            }));
        }
        start.countDown();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> page = answer.get();
            assertThat(page.statusCode()).as("a restored tab").isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).select("input#displayName").val()).isEqualTo("Kit Kept");
        }
        browser.shutdown();
        assertThat(remembered()).as("still remembered on this device").isEqualTo(1);
    }

    @Test
    void shouldSignOutEverywhereAndSayWhyWhenAReplacedCookieIsUsedAgain() throws Exception {
        String first = rememberMeCookie();
        HttpResponse<String> visit = get("/account", first);
        assertThat(visit.statusCode()).isEqualTo(200);
        String second = cookieFrom(visit).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        rememberMeCookie(); // another device
        assertThat(remembered()).isEqualTo(2);

        clock.advance(RememberedSignIns.GRACE.plusSeconds(1));
        HttpResponse<String> replay = get("/account", first);

        assertThat(replay.statusCode()).isEqualTo(303);
        assertThat(replay.headers().firstValue("Location")).contains("/login?replayed");
        assertThat(replay.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("remember-me=;"));
        assertThat(Jsoup.parse(get("/login?replayed", null).body()).select("main [role=alert]").text())
                .startsWith("For your safety you have been signed out on every device");
        assertThat(remembered()).as("every device of the account").isZero();
        assertThat(get("/account", second).statusCode()).as("the current cookie too").isEqualTo(302);
    }

    @Test
    void shouldStillSignInWithTheReplacedCookieForAMoment() throws Exception {
        String first = rememberMeCookie();
        assertThat(get("/account", first).statusCode()).isEqualTo(200);

        clock.advance(RememberedSignIns.GRACE.minusSeconds(5));

        assertThat(get("/account", first).statusCode()).isEqualTo(200);
        assertThat(remembered()).isEqualTo(1);
    }

    @Test
    void shouldStoreNoTokenThatSignsAnyoneIn() throws Exception {
        String cookie = rememberMeCookie();
        String[] parts = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8).split(":");
        List<String> stored = jdbc.queryForList("SELECT token_hash FROM remember_me_token WHERE series = ?",
                String.class, parts[0]);

        assertThat(stored).containsExactly(AccountService.hash(parts[1]));
        assertThat(stored.get(0)).isNotEqualTo(parts[1]);
    }

    /** Signs in with "keep me signed in" and gives the cookie's value, as a browser would keep it. */
    private String rememberMeCookie() throws Exception {
        HttpResponse<String> form = get("/login", null);
        String session = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow().split(";")[0];
        String csrf = Jsoup.parse(form.body()).select("form[action=/login] input[name=_csrf]").val();
        HttpResponse<String> signedIn = http.send(request("/login").header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + PASSWORD
                        + "&remember-me=true&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return cookieFrom(signedIn).orElseThrow();
    }

    private static java.util.Optional<String> cookieFrom(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("remember-me="))
                .map(c -> c.substring("remember-me=".length(), c.indexOf(';'))).filter(v -> !v.isEmpty())
                .findFirst();
    }

    private HttpResponse<String> get(String path, String rememberMe) throws Exception {
        HttpRequest.Builder request = request(path);
        if (rememberMe != null) {
            request.header("Cookie", "remember-me=" + rememberMe);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    }

    private int remembered() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM remember_me_token t JOIN account a ON a.id = t.account_id "
                + "WHERE a.username = ?", Integer.class, username);
    }
}
