package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several readers submit the registration form for the same username (or address) at the same moment, over
 * real HTTP: the database's unique constraint decides, exactly one account is made, and every other reader
 * gets the form back with "taken" next to the field, never an error page. Run on H2 and on PostgreSQL by the
 * subclasses, since each database words the constraint violation differently.
 */
abstract class RegistrationRaceScenarios {

    private static final int READERS = 8;
    private static final int ROUNDS = 3;
    private static final String PASSWORD = "violet-harbour-lamp";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** One reader's browser: its own cookie jar (session) and the form's CSRF token. */
    private record Browser(HttpClient client, String csrfToken) {
    }

    private record Answer(int status, String location, Document page) {
    }

    private static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Browser openForm() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(uri("/register")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        String token = Jsoup.parse(form.body()).select("form[action=/register] input[name=_csrf]").val();
        assertThat(token).isNotBlank();
        return new Browser(client, token);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpRequest registration(Browser browser, String username, String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", browser.csrfToken());
        fields.put("username", username);
        fields.put("displayName", "Racer " + username);
        fields.put("email", email);
        fields.put("password", PASSWORD);
        fields.put("acceptGuidelines", "true");
        fields.put("_acceptGuidelines", "on");
        return HttpRequest.newBuilder(uri("/register")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build();
    }

    /** Opens the form in every browser first, then submits all the forms at the same moment. */
    private List<Answer> race(IntFunction<String[]> usernameAndEmail) throws Exception {
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            browsers.add(openForm());
        }
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            CountDownLatch ready = new CountDownLatch(READERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Browser browser = browsers.get(i);
                String[] fields = usernameAndEmail.apply(i);
                HttpRequest request = registration(browser, fields[0], fields[1]);
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    HttpResponse<String> response = browser.client().send(request,
                            HttpResponse.BodyHandlers.ofString());
                    return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                            Jsoup.parse(response.body()));
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Answer> results = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                results.add(answer.get(90, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneWinner(List<Answer> answers, String field, String takenMessage) {
        assertThat(answers).extracting(Answer::status).as("no error pages").allMatch(s -> s == 302 || s == 200);
        List<Answer> redirects = answers.stream().filter(a -> a.status() == 302).toList();
        assertThat(redirects).as("registrations that succeeded").hasSize(1);
        assertThat(URI.create(redirects.get(0).location()).getPath()).isEqualTo("/register/thanks");
        List<Answer> refused = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(refused).hasSize(READERS - 1);
        for (Answer answer : refused) {
            assertThat(answer.page().select("h1").text()).isEqualTo("Join our commenting forum");
            assertThat(answer.page().getElementById(field + "-error")).as("error next to " + field).isNotNull();
            assertThat(answer.page().getElementById(field + "-error").text()).isEqualTo(takenMessage);
            assertThat(answer.page().select("[id$=-error]")).hasSize(1);
        }
    }

    private int count(String column, List<String> keys) {
        String marks = keys.stream().map(k -> "?").collect(Collectors.joining(", "));
        return jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE " + column + " IN (" + marks + ")",
                Integer.class, keys.stream().map(String::toLowerCase).toArray());
    }

    @Test
    void shouldLetExactlyOneOfSimultaneousRegistrationsForOneUsernameThrough() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String username = unique("racer");
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                emails.add(username + "-" + i + "@example.com");
            }
            // The same name, typed in different cases: the lower-cased key is what is unique.
            List<Answer> answers = race(i -> new String[] { i % 2 == 0 ? username : username.toUpperCase(),
                    emails.get(i) });
            assertOneWinner(answers, "username", "That username is taken. Please choose another.");
            assertThat(count("username_key", List.of(username))).isEqualTo(1);
            assertThat(count("email_key", emails)).isEqualTo(1);
        }
    }

    @Test
    void shouldLetExactlyOneOfSimultaneousRegistrationsForOneEmailThrough() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String email = unique("same-address") + "@example.com";
            List<String> usernames = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                usernames.add(unique("reader"));
            }
            List<Answer> answers = race(i -> new String[] { usernames.get(i),
                    i % 2 == 0 ? email : email.toUpperCase() });
            assertOneWinner(answers, "email",
                    "An account already uses that email address. Sign in, or reset your password.");
            assertThat(count("email_key", List.of(email))).isEqualTo(1);
            assertThat(count("username_key", usernames)).isEqualTo(1);
        }
    }
}
