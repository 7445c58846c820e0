package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.support.Redis;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The security headers and cookie attributes as a browser receives them, over real HTTP on the demo site;
 * HSTS through MockMvc, which can mark a request secure. The {@code prod} profile is started for real (on H2
 * instead of PostgreSQL) to see that its cookies are Secure.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SecurityHeadersTests {

    private static final String DEMO_PASSWORD = "broadsheet-demo";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    // No cookie handler: every cookie is read from Set-Cookie and sent back by hand, Secure ones included.
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = { "/", "ARTICLE", "/search?q=harbour", "/login", "/register", "/community-guidelines",
            "/no/such/page", "/admin" })
    void shouldSendTheSecurityHeadersWithEveryPage(String path) throws Exception {
        HttpResponse<String> response = send(port, "ARTICLE".equals(path) ? leadArticlePath() : path, null);
        HttpHeaders headers = response.headers();

        String csp = headers.firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as("Content-Security-Policy").contains("default-src 'self'", "script-src 'self'",
                "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                // Frames for the players of the allowed video providers only (article embeds).
                "frame-src https://www.youtube-nocookie.com https://player.vimeo.com;").doesNotContain(
                        "unsafe-inline", "unsafe-eval");
        assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(headers.allValues("Referrer-Policy")).containsExactly("strict-origin-when-cross-origin");
        assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(headers.firstValue("Strict-Transport-Security")).as("HSTS over plain HTTP").isEmpty();
    }

    @Test
    void shouldSendStrictTransportSecurityOnSecureRequestsOnly() throws Exception {
        MockHttpServletResponse secure = mvc.perform(get("/").secure(true)).andReturn().getResponse();
        assertThat(secure.getHeader("Strict-Transport-Security")).contains("max-age=31536000")
                .contains("includeSubDomains");

        MockHttpServletResponse plain = mvc.perform(get("/")).andReturn().getResponse();
        assertThat(plain.getStatus()).isEqualTo(200);
        assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void shouldKeepTheSessionCookieFromScriptsAndOtherSites() throws Exception {
        HttpResponse<String> signInPage = send(port, "/login", null);

        Map<String, String> session = cookie(signInPage, "JSESSIONID").orElseThrow(
                () -> new AssertionError("no session cookie in " + signInPage.headers().allValues("Set-Cookie")));
        assertThat(session).containsKey("httponly").containsEntry("samesite", "Lax").containsEntry("path", "/");
        assertThat(session).as("Secure only in the prod profile").doesNotContainKey("secure");
    }

    @Test
    void shouldKeepTheRememberMeCookieFromScriptsAndOtherSites() throws Exception {
        HttpResponse<String> signedIn = signIn(port, "reader", DEMO_PASSWORD);

        Map<String, String> rememberMe = cookie(signedIn, "remember-me").orElseThrow(
                () -> new AssertionError("no remember-me cookie in " + signedIn.headers().allValues("Set-Cookie")));
        assertThat(rememberMe).containsKey("httponly").containsEntry("samesite", "Lax")
                .containsEntry("max-age", String.valueOf(SecurityConfig.REMEMBER_ME_SECONDS))
                .doesNotContainKey("secure");
        // Signing in gives a new session id (no fixation), with the same attributes.
        assertThat(cookie(signedIn, "JSESSIONID")).hasValueSatisfying(
                session -> assertThat(session).containsKey("httponly").containsEntry("samesite", "Lax"));
    }

    @Test
    void shouldMarkEveryCookieSecureInTheProdProfile() throws Exception {
        String admin = "prod-admin";
        String password = "a prod test passphrase " + UUID.randomUUID();
        // The prod profile as configured, except for the database: H2 instead of PostgreSQL. Its sessions are
        // kept in Redis, under a namespace of this test's own.
        Redis.assumeAvailable();
        try (ConfigurableApplicationContext prod = new SpringApplicationBuilder(BroadsheetApplication.class)
                .profiles("prod")
                .run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                        "--broadsheet.instances.namespace=bs-test-" + UUID.randomUUID(),
                        "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID()
                                + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
                        "--spring.datasource.username=sa", "--spring.datasource.password=",
                        "--broadsheet.admin.username=" + admin, "--broadsheet.admin.email=prod-admin@example.com",
                        "--broadsheet.admin.password=" + password)) {
            assertThat(prod.getEnvironment().getActiveProfiles()).containsExactly("prod");
            int prodPort = ((WebServerApplicationContext) prod).getWebServer().getPort();

            HttpResponse<String> signInPage = send(prodPort, "/login", null);
            // Spring Session's cookie: sessions are kept in Redis for every instance.
            assertThat(cookie(signInPage, "JSESSIONID")).isEmpty();
            assertThat(cookie(signInPage, "SESSION")).hasValueSatisfying(session -> assertThat(session)
                    .containsKeys("secure", "httponly").containsEntry("samesite", "Lax"));

            HttpResponse<String> signedIn = signIn(prodPort, admin, password);
            assertThat(cookie(signedIn, "remember-me")).as("remember-me cookie in %s",
                    signedIn.headers().allValues("Set-Cookie")).hasValueSatisfying(rememberMe -> assertThat(
                            rememberMe).containsKeys("secure", "httponly").containsEntry("samesite", "Lax"));
            assertThat(cookie(signedIn, "SESSION")).hasValueSatisfying(
                    session -> assertThat(session).containsKeys("secure", "httponly"));
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** Signs in through the form with "keep me signed in" ticked; the answer is the redirect that follows. */
    private HttpResponse<String> signIn(int serverPort, String username, String password) throws Exception {
        HttpResponse<String> page = send(serverPort, "/login", null);
        String name = cookie(page, "JSESSIONID").isPresent() ? "JSESSIONID" : "SESSION";
        String sessionCookie = name + "=" + cookie(page, name).orElseThrow().get(name);
        String csrf = Jsoup.parse(page.body()).select("form.stacked-form input[name=_csrf]").attr("value");
        assertThat(csrf).as("CSRF token of the sign-in form").isNotBlank();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&remember-me=true&_csrf="
                + enc(csrf);
        HttpResponse<String> response = http.send(request(serverPort, "/login").header("Cookie", sessionCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).as("signed in as %s", username)
                .doesNotContain("error", "throttled");
        return response;
    }

    private HttpResponse<String> send(int serverPort, String path, String cookies) throws Exception {
        HttpRequest.Builder request = request(serverPort, path);
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int serverPort, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path))
                .header("Accept", "text/html");
    }

    private String leadArticlePath() throws Exception {
        Document front = Jsoup.parse(send(port, "/", null).body());
        String href = front.select(".lead-story .card-headline a").attr("href");
        assertThat(href).as("the lead story's link").startsWith("/");
        return href;
    }

    /**
     * The cookie of that name set by a response, as its attributes: the name maps to the value, attribute
     * names are lower case ({@code httponly}, {@code samesite}, {@code secure}...), flags map to "".
     */
    private static Optional<Map<String, String>> cookie(HttpResponse<?> response, String name) {
        List<Map<String, String>> cookies = response.headers().allValues("Set-Cookie").stream()
                .map(SecurityHeadersTests::parseSetCookie).filter(cookie -> cookie.containsKey(name))
                .collect(Collectors.toList());
        assertThat(cookies).as("%s cookies set at once", name).hasSizeLessThanOrEqualTo(1);
        return cookies.stream().findFirst();
    }

    private static Map<String, String> parseSetCookie(String header) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String[] parts = header.split(";");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            int equals = part.indexOf('=');
            String key = equals < 0 ? part : part.substring(0, equals).trim();
            String value = equals < 0 ? "" : part.substring(equals + 1).trim();
            // The first pair is the cookie itself and keeps its name's case.
            attributes.put(i == 0 ? key : key.toLowerCase(Locale.ROOT), value);
        }
        return attributes;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
