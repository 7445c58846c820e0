package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every error reaches the reader as the site's own page, over real HTTP: never Spring's white-label page,
 * never a stack trace or an exception message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ErrorPagesTests.Failing.class)
class ErrorPagesTests {

    private static final String SECRET = "database password is hunter2";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({
            "/no/such/page, 404, Page not found",
            "/world/2021/05/06/no-such-article, 404, Page not found",
            "/sections/nowhere, 404, Page not found",
            "/sections/anything?page=abc, 400, Bad request",
            "/test/failure, 500, Something went wrong",
            "/test/forbidden, 403, Access denied" })
    void shouldRenderTheSitesOwnErrorPage(String path, int status, String heading) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(status);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo(heading);
        assertThat(page.select("a.brand").text()).isEqualTo("Broadsheet");
        assertThat(page.select("main#main")).hasSize(1);
        assertThat(response.body()).doesNotContain("Whitelabel", "Exception", SECRET, "\tat ", "trace");
    }

    @Test
    void shouldNotAnswerUnsupportedMethodsWithWhiteLabelPage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Accept", "text/html").method("PATCH", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(403, 405);
        assertThat(response.body()).doesNotContain("Whitelabel").contains("class=\"brand\"");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "/a%2Fb", "/a%5Cb", "/a\\b", "/a%00b", "/a%C3%28",
            "/..;/admin", "/sections/news;x=1", "/%2e%2e/admin" })
    void shouldAnswerAMalformedAddressWithTheSitesBadRequestPageAndHeaders(String target) throws Exception {
        RawResponse response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertSitesBadRequestPage(response);
    }

    @Test
    void shouldAnswerAHeaderOverEightKilobytesWithTheSitesBadRequestPage() throws Exception {
        assertSitesBadRequestPage(raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(9_000)
                + "\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void shouldAnswerAVeryLongSearchWithTheSitesBadRequestPage() throws Exception {
        assertSitesBadRequestPage(raw("GET /search?q=" + "q".repeat(10_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void shouldAnswerAFormOverTheLimitWithTheWholeTooLargePage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=x&password=" + "p".repeat(3 * 1024 * 1024)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body().strip()).endsWith("</html>");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("File too large");
        assertThat(page.select("footer.site-footer")).hasSize(1);
        assertThat(response.body()).doesNotContain("jsessionid");
    }

    @Test
    void shouldTrackSessionsByCookieOnly() throws Exception {
        HttpResponse<String> signIn = get("/login");
        assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("JSESSIONID="));
        assertThat(signIn.body()).doesNotContain(";jsessionid=");
    }

    @Test
    void shouldAnswerTheErrorPathItselfWithNotFound() throws Exception {
        HttpResponse<String> response = get("/error");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Page not found");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = { "*/*", "text/plain", "application/xml", "image/webp,*/*",
            "text/html;q=0.9,application/json;q=0.8", "NONE" })
    void shouldAnswerErrorsWithTheSitesPageUnlessJsonIsAskedFor(String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"));
        if (!"NONE".equals(accept)) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Page not found");
    }

    @ParameterizedTest
    @CsvSource({ "/sections/anything?page=abc, 400, Bad request", "/test/forbidden, 403, Access denied",
            "/test/failure, 500, Something went wrong" })
    void shouldAnswerEveryErrorWithTheSitesPageToACrawlersAccept(String path, int status, String heading)
            throws Exception {
        for (String accept : new String[] { "*/*", "application/xml", null }) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (accept != null) {
                request.header("Accept", accept);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).as("%s with Accept %s", path, accept)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo(heading);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "application/json", "application/problem+json",
            "application/json, text/plain, */*" })
    void shouldAnswerJsonToAClientThatAsksForIt(String accept) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/no-such-page")).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"status\":404").doesNotContain("<html", "trace", "path");
    }

    private static void assertSitesBadRequestPage(RawResponse response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsKey("content-security-policy");
        assertThat(response.headers().get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(response.headers().get("x-frame-options")).isEqualTo("DENY");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Bad request");
        assertThat(page.select("a.brand").text()).isEqualTo("Broadsheet");
        assertThat(response.body()).doesNotContain("HTTP Status 400", "Apache Tomcat");
    }

    private record RawResponse(int status, java.util.Map<String, String> headers, String body) {
    }

    /** A request written byte for byte, as a client that does not check addresses would send it. */
    private RawResponse raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(end + 4));
        }
    }

    @TestConfiguration
    @Controller
    static class Failing {

        @GetMapping("/test/failure")
        String fail() {
            throw new IllegalStateException(SECRET);
        }

        @GetMapping("/test/forbidden")
        String forbidden() {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.FORBIDDEN, SECRET);
        }
    }
}
