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
