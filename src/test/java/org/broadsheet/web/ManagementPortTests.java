package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.broadsheet.comment.CommentPosting;
import org.broadsheet.support.DurableEventsSettled;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Actuator answers on the management port only: health with its probes and the Prometheus scrape with the site's
 * own meters beside Boot's, over real HTTP on the demo site. The public port has no {@code /actuator} address at
 * all: it answers the site's own 404 page there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ManagementPortTests {

    private static final String DEMO_PASSWORD = "broadsheet-demo";
    /** One sample of the text format: name, optional labels, value (comments and blank lines aside). */
    /** A sample line: its name, its labels (whose quoted values may hold braces, as URI patterns do), its value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*\\})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    CommentPosting posting;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldRunActuatorOnAPortOfItsOwn() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/prometheus", "/actuator/metrics", "/actuator/health",
            "/actuator/health/readiness", "/actuator" })
    void shouldAnswerActuatorAddressesOnThePublicPortWithTheSitesNotFoundPage(String path) throws Exception {
        HttpResponse<String> response = get(port, path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        assertThat(page.select("a.brand").text()).isEqualTo("Broadsheet");
        assertThat(response.body()).doesNotContain("jvm_", "# HELP", "\"status\"");
    }

    @Test
    void shouldReportHealthWithLivenessAndReadinessOnTheManagementPort() throws Exception {
        for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness" }) {
            HttpResponse<String> response = get(managementPort, probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
            assertThat(response.headers().firstValue("X-Request-Id")).as("%s has a request id", probe).isPresent();
        }
        // The management port's own context carries the request id too: the proxy's is kept.
        HttpResponse<String> probed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/health/readiness")).header("X-Request-Id", "probe-7f3a").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(probed.headers().firstValue("X-Request-Id")).hasValue("probe-7f3a");
    }

    @Test
    void shouldServeBootsMetersAndTheSitesOwnToPrometheus() throws Exception {
        // The demo content's own events told their readers first, so that only this test's are counted.
        DurableEventsSettled.await(jdbc);
        Map<String, Double> before = scrape();
        long reader = jdbc.queryForObject("SELECT id FROM account WHERE username = 'reader'", Long.class);
        Map<String, Object> parent = jdbc.queryForMap("""
                SELECT c.id, c.article_id FROM comment c JOIN article a ON a.id = c.article_id
                WHERE c.status = 'VISIBLE' AND c.parent_id IS NULL AND c.author_id <> ? AND a.comments_open
                ORDER BY c.id LIMIT 1""", reader);

        signIn("reader", DEMO_PASSWORD, true);
        signIn("reader", "not the password", false);
        long reply = posting.post(reader, ((Number) parent.get("article_id")).longValue(),
                ((Number) parent.get("id")).longValue(), "A reply counted by the metrics " + UUID.randomUUID(),
                UUID.randomUUID().toString()).id();
        // The reply tells the parent's author (and the readers following the story or the reader) in their
        // notification centres, through the event registry.
        DurableEventsSettled.await(jdbc);
        long told = jdbc.queryForObject("""
                SELECT COUNT(*) FROM notification_source s JOIN notification n ON n.id = s.notification_id
                WHERE s.comment_id = ? AND n.in_centre""", Long.class, reply);
        assertThat(told).as("readers told of the reply on the site").isPositive();

        Map<String, Double> after = scrape();
        assertThat(delta(before, after, "broadsheet_comments_posted_total")).isEqualTo(1.0);
        assertThat(delta(before, after, "broadsheet_signins_total{outcome=\"success\"}")).isEqualTo(1.0);
        assertThat(delta(before, after, "broadsheet_signins_total{outcome=\"failure\"}")).isEqualTo(1.0);
        assertThat(delta(before, after, "broadsheet_notifications_sent_total{channel=\"site\"}")).isEqualTo(told);
        assertThat(after.keySet()).contains("broadsheet_notifications_sent_total{channel=\"mail\"}",
                "broadsheet_notifications_sent_total{channel=\"push\"}");
        assertThat(after.get("broadsheet_events_pending")).as("read from the table at the scrape").isEqualTo(
                jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL",
                        Double.class));
        // Caffeine's statistics, bound by Boot as cache.gets: the page cache's hit rate is hit / (hit + miss).
        assertThat(after.keySet()).contains(
                "cache_gets_total{cache=\"pages\",cache_manager=\"cacheManager\",name=\"pages\",result=\"hit\"}",
                "cache_gets_total{cache=\"pages\",cache_manager=\"cacheManager\",name=\"pages\",result=\"miss\"}");
        assertThat(after.keySet()).anyMatch(sample -> sample.startsWith("http_server_requests_seconds_count{")
                && sample.contains("uri=\"/login\""));
        assertThat(after.keySet()).anyMatch(sample -> sample.startsWith("jvm_memory_used_bytes{"));
        assertThat(after.keySet()).anyMatch(sample -> sample.startsWith("hikaricp_connections_active{"));
    }

    @Test
    void shouldCountThePendingEventsAtTheScrape() throws Exception {
        DurableEventsSettled.await(jdbc);
        double settled = scrape().get("broadsheet_events_pending");
        jdbc.update("""
                INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event, status)
                VALUES (?, 'org.broadsheet.NoSuchEvent', 'no.such.listener', CURRENT_TIMESTAMP, '{}', 'FAILED')""",
                UUID.randomUUID());
        try {
            assertThat(scrape().get("broadsheet_events_pending")).isEqualTo(settled + 1);
        } finally {
            jdbc.update("DELETE FROM event_publication WHERE listener_id = 'no.such.listener'");
        }
    }

    /** The scrape as a map from each sample (name and labels, as written) to its value. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample: %s", line).isTrue();
            samples.put(sample.group(1) + labels(sample.group(2)), Double.valueOf(sample.group(3)));
        }
        return samples;
    }

    /** The labels in order of name, so that a sample is found whatever order the registry writes them in. */
    private static String labels(String written) {
        if (written == null) {
            return "";
        }
        Map<String, String> labels = new java.util.TreeMap<>();
        Matcher label = LABEL.matcher(written);
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        StringBuilder sorted = new StringBuilder("{");
        labels.forEach((name, value) -> sorted.append(sorted.length() > 1 ? "," : "").append(name).append("=\"")
                .append(value).append('"'));
        return sorted.append('}').toString();
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after.keySet()).as("samples of the scrape").contains(sample);
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }

    private void signIn(String username, String password, boolean succeeds) throws Exception {
        HttpResponse<String> page = get(port, "/login");
        String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String csrf = Jsoup.parse(page.body()).select("form.stacked-form input[name=_csrf]").attr("value");
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("").contains("error")).isEqualTo(!succeeds);
    }

    /** As a browser asks on the public port, as Prometheus and probes ask (any type) on the other. */
    private HttpResponse<String> get(int at, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + at + path))
                .header("Accept", at == managementPort ? "*/*" : "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
