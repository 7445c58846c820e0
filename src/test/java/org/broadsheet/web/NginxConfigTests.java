package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.broadsheet.support.Nginx;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The documented nginx configuration ({@code docs/nginx/broadsheet.conf}, see docs/production.md) in front of
 * the running site, with Debian's nginx: anonymous pages cached from the application's own headers, signed-in
 * readers (session or "keep me signed in" cookie) and writes passed through and never kept, the forwarded
 * headers the application builds its addresses from, HTTPS with HSTS and the redirect from HTTP, and the live
 * notification stream unbuffered. Skipped without nginx, except under {@code CI=true}, where it fails.
 */
@ExtendWith(Nginx.Required.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // As in production: pages kept by the application and, for a while, by nginx; addresses from the
        // forwarded headers (no base URL).
        "broadsheet.site.page-cache-ttl=10m", "broadsheet.site.shared-cache-ttl=10m", "broadsheet.site.base-url=",
        "server.forward-headers-strategy=native",
        // The notification stream left open by a test ends at Tomcat's next heartbeat: do not wait for it at exit.
        "server.shutdown=immediate" })
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxConfigTests {

    private static final String PASSWORD = "broadsheet-demo";

    @LocalServerPort
    int port;

    private Nginx nginx;

    @BeforeAll
    void startNginx() throws Exception {
        nginx = Nginx.start(port);
    }

    @AfterAll
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void shouldCacheAnAnonymousPageWithTheApplicationsOwnHeaders() throws Exception {
        HttpClient anonymous = client(null);
        HttpResponse<String> first = get(anonymous, "/sections/news");
        HttpResponse<String> second = get(anonymous, "/sections/news");

        assertThat(first.statusCode()).as(nginx.errorLog()).isEqualTo(200);
        assertThat(cacheStatus(first)).isEqualTo("MISS");
        assertThat(cacheStatus(second)).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).contains(etag);
        assertThat(second.headers().firstValue("Cache-Control")).contains("public, max-age=0, s-maxage=600");
        // The very headers the application gives for this page at this address, asked directly.
        HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/sections/news"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "127.0.0.1")
                .header("X-Forwarded-Port", String.valueOf(nginx.httpsPort())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.headers().firstValue("ETag")).contains(etag);
        assertThat(direct.headers().firstValue("Cache-Control")).isEqualTo(second.headers().firstValue("Cache-Control"));
    }

    @Test
    void shouldAnswerACurrentCopyWithNotModifiedFromTheCache() throws Exception {
        HttpClient anonymous = client(null);
        String etag = get(anonymous, "/corrections").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> revalidated = anonymous.send(request("/corrections").header("If-None-Match", etag)
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(cacheStatus(revalidated)).isEqualTo("HIT");
        assertThat(revalidated.headers().firstValue("ETag")).contains(etag);
        assertThat(revalidated.body()).isEmpty();
    }

    @Test
    void shouldPassSignedInReadersThroughAndNeverKeepTheirPages() throws Exception {
        String front = get(client(null), "/").body();
        String article = Jsoup.parse(front).select("main a[href~=^/[a-z-]+/\\d{4}/\\d{2}/\\d{2}/]").first().attr("href");
        HttpClient reader = signIn(false);

        // A page nginx has never seen, asked for first by a signed-in reader: theirs, and not kept.
        HttpResponse<String> theirs = get(reader, article);
        assertThat(cacheStatus(theirs)).isEqualTo("BYPASS");
        assertThat(theirs.body()).contains("Sign out");
        assertThat(theirs.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        HttpResponse<String> afterwards = get(client(null), article);
        assertThat(cacheStatus(afterwards)).isEqualTo("MISS");
        assertThat(afterwards.body()).doesNotContain("Sign out").contains("Sign in");

        // A page nginx holds for anonymous readers is not what a signed-in reader gets, nor the other way round.
        assertThat(cacheStatus(get(client(null), article))).isEqualTo("HIT");
        HttpResponse<String> again = get(reader, article);
        assertThat(cacheStatus(again)).isEqualTo("BYPASS");
        assertThat(again.body()).contains("Sign out");
        HttpResponse<String> anonymousAgain = get(client(null), article);
        assertThat(cacheStatus(anonymousAgain)).isEqualTo("HIT");
        assertThat(anonymousAgain.body()).doesNotContain("Sign out");
    }

    @Test
    void shouldPassAReaderWithOnlyTheKeepMeSignedInCookieThrough() throws Exception {
        HttpClient signedIn = signIn(true);
        HttpCookie remembered = ((CookieManager) signedIn.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(cookie -> cookie.getName().equals("remember-me")).findFirst().orElseThrow();
        assertThat(cacheStatus(get(client(null), "/sections/opinion"))).isEqualTo("MISS");
        assertThat(cacheStatus(get(client(null), "/sections/opinion"))).isEqualTo("HIT");

        // No session: only the "keep me signed in" cookie, as a browser sends it the next day.
        HttpResponse<String> nextDay = client(null).send(request("/sections/opinion")
                .header("Cookie", "remember-me=" + remembered.getValue()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(cacheStatus(nextDay)).isEqualTo("BYPASS");
        assertThat(nextDay.body()).contains("Sign out");
        assertThat(cacheStatus(get(client(null), "/sections/opinion"))).isEqualTo("HIT");
    }

    @Test
    void shouldPassPostsThroughToTheApplication() throws Exception {
        HttpClient visitor = client(new CookieManager());
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> refused = visitor.send(request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(visitor, "reader", "not-the-password", false)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            // The application's own answer each time, never a copy: no cache status at all for a POST.
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElse("")).contains("/login?error");
            assertThat(refused.headers().firstValue("X-Cache-Status")).isEmpty();
        }
    }

    @Test
    void shouldForwardTheAddressTheReaderUsed() throws Exception {
        HttpResponse<String> page = get(client(null), "/sections/world");

        Document html = Jsoup.parse(page.body());
        // Built by the application from X-Forwarded-Proto, -Host and -Port: https and nginx's port, not the app's.
        assertThat(html.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://127.0.0.1:" + nginx.httpsPort() + "/sections/world");
        assertThat(page.headers().allValues("Strict-Transport-Security"))
                .containsExactly("max-age=31536000; includeSubDomains");
    }

    @Test
    void shouldRedirectPlainHttpToHttps() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + nginx.httpPort() + "/sections/news?page=2")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(plain.statusCode()).isEqualTo(301);
        assertThat(plain.headers().firstValue("Location"))
                .contains("https://127.0.0.1:" + nginx.httpsPort() + "/sections/news?page=2");
    }

    @Test
    void shouldStreamNotificationsUnbuffered() throws Exception {
        HttpClient reader = signIn(false);
        HttpResponse<InputStream> stream = reader.send(request("/notifications/stream")
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(stream.statusCode()).isEqualTo(200);
            // The count the application sends at once arrives while the stream stays open.
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null && !line.startsWith("data:")) {
                        // event and id lines come first
                    }
                    return line;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(10, TimeUnit.SECONDS);
            assertThat(first).startsWith("data:");
        }
    }

    private HttpClient signIn(boolean remember) throws Exception {
        HttpClient reader = client(new CookieManager());
        HttpResponse<String> signedIn = reader.send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(reader, "reader", PASSWORD, remember))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(nginx.errorLog()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return reader;
    }

    private String form(HttpClient client, String username, String password, boolean remember) throws Exception {
        HttpResponse<String> login = get(client, "/login");
        assertThat(cacheStatus(login)).isIn("BYPASS", "MISS");
        String csrf = Jsoup.parse(login.body()).select("form input[name=_csrf]").attr("value");
        return "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (remember ? "&remember-me=true" : "") + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
    }

    private HttpClient client(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().sslContext(nginx.sslContext())
                .connectTimeout(Duration.ofSeconds(5));
        return (cookies == null ? builder : builder.cookieHandler(cookies)).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + nginx.httpsPort() + path))
                .timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cacheStatus(HttpResponse<?> response) {
        return response.headers().firstValue("X-Cache-Status").orElse("(none)");
    }
}
