package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every request has an id, over real HTTP: the one the proxy sent when it is plain and short, else a new one; it is
 * in the response's header, on every line logged for the request, and on the 500 page as the reader's reference.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(RequestIdsTests.Probe.class)
@ExtendWith(OutputCaptureExtension.class)
class RequestIdsTests {

    private static final String SECRET = "the failure's own words 7f3e";
    /** Where logging.pattern.correlation writes it, after the application's and the thread's names. */
    private static final Pattern PLAIN_ID = Pattern.compile("--- \\[[^\\]]*\\] \\[[^\\]]*\\] \\[([^\\]]*)\\] ");
    private static final Pattern JSON_ID = Pattern.compile("\"requestId\":\"([^\"]*)\"");
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html");
        if (requestId != null) {
            request.header(RequestIds.HEADER, requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldGiveARequestWithoutAnIdANewOne() throws Exception {
        String first = get("/", null).headers().firstValue(RequestIds.HEADER).orElseThrow();
        String second = get("/", null).headers().firstValue(RequestIds.HEADER).orElseThrow();

        assertThat(first).matches(UUID_FORM);
        assertThat(second).matches(UUID_FORM).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = { "req-1234", "0f8fad5b-d9cb-469f-a165-70867728950e", "lb:abc.DEF_9" })
    void shouldKeepAPlainIdFromTheProxy(String incoming) throws Exception {
        assertThat(get("/", incoming).headers().firstValue(RequestIds.HEADER)).contains(incoming);
    }

    @ParameterizedTest
    @ValueSource(strings = { "with space", "<script>", "a;b", "x\u00e9", "%0d%0aforged: yes" })
    void shouldReplaceAnIdThatIsNotPlain(String incoming) throws Exception {
        String id = get("/", incoming).headers().firstValue(RequestIds.HEADER).orElseThrow();

        assertThat(id).matches(UUID_FORM);
    }

    @Test
    void shouldReplaceAnIdOverTheLengthLimit() throws Exception {
        String tooLong = "a".repeat(RequestIds.MAX_LENGTH + 1);
        String longest = "b".repeat(RequestIds.MAX_LENGTH);

        assertThat(get("/", tooLong).headers().firstValue(RequestIds.HEADER).orElseThrow()).matches(UUID_FORM);
        assertThat(get("/", longest).headers().firstValue(RequestIds.HEADER)).contains(longest);
    }

    @Test
    void shouldPutTheIdOnEveryLineLoggedForTheRequestAndNoOther(CapturedOutput output) throws Exception {
        get("/test/logged", "logged-request-1");
        get("/test/logged", null);

        List<String> lines = output.getOut().lines().filter(line -> line.contains("probe line")).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 2)).allSatisfy(line -> assertThat(requestIdOf(line)).isEqualTo("logged-request-1"));
        assertThat(lines.subList(2, 4)).allSatisfy(line -> assertThat(requestIdOf(line)).matches(UUID_FORM));
    }

    @Test
    void shouldShowTheIdOnTheServerErrorPageAndLogTheFailureWithIt(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/test/broken", "broken-request-42");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue(RequestIds.HEADER)).contains("broken-request-42");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Something went wrong");
        assertThat(page.select("main .error-reference").text()).isEqualTo("Reference: broken-request-42");
        assertThat(response.body()).doesNotContain(SECRET, "Exception", "\tat ");
        // Tomcat's line about the failure (logged once the filters have returned) names the request too.
        assertThat(output.getOut().lines().filter(line -> line.contains(SECRET)).findFirst()).hasValueSatisfying(
                line -> assertThat(requestIdOf(line)).isEqualTo("broken-request-42"));
        // The id goes with the request: the next one on the same threads does not inherit it.
        get("/test/logged", null);
        assertThat(output.getOut().lines().filter(line -> line.contains("probe line")))
                .noneMatch(line -> line.contains("broken-request-42"));
    }

    @Test
    void shouldShowNoReferenceOnANotFoundPage() throws Exception {
        HttpResponse<String> response = get("/no/such/page", "missing-request-7");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue(RequestIds.HEADER)).contains("missing-request-7");
        assertThat(Jsoup.parse(response.body()).select(".error-reference")).isEmpty();
    }

    /**
     * The request id a log line names: in brackets before the logger's name with the site's pattern, or as the
     * {@code requestId} member when the log is JSON (a test that started the {@code prod} profile set it up so).
     */
    private static String requestIdOf(String line) {
        Matcher plain = PLAIN_ID.matcher(line);
        if (plain.find()) {
            return plain.group(1);
        }
        Matcher json = JSON_ID.matcher(line);
        return json.find() ? json.group(1) : null;
    }

    /** Addresses for this test only: one that logs twice, one that fails. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class Probe {

        private static final Logger log = LoggerFactory.getLogger(Probe.class);

        @GetMapping("/test/logged")
        String logged() {
            log.info("probe line one");
            log.warn("probe line two");
            return "logged";
        }

        @GetMapping("/test/broken")
        String broken() {
            throw new IllegalStateException(SECRET);
        }
    }
}
