package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.broadsheet.BroadsheetApplication;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The site takes requests only once it is ready: while the demo content is still being loaded (held here by a
 * runner that waits for the test), every page is a 503 that asks to come back and readiness (on the management
 * port) says so; once ready, the first front page anyone sees is complete.
 */
class ReadinessTests {

    static final CountDownLatch release = new CountDownLatch(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldRefuseRequestsUntilTheDemoContentIsLoadedAndThenServeACompleteFrontPage() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<Integer> managementPort = new CompletableFuture<>();
        PortListener listener = new PortListener(port, managementPort);
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(
                () -> new SpringApplicationBuilder(BroadsheetApplication.class, Held.class).listeners(listener)
                        .run("--spring.config.location=classpath:/", "--server.port=0", "--management.server.port=0",
                                "--spring.datasource.url=jdbc:h2:mem:ready-" + UUID.randomUUID()
                                        + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
                                "--broadsheet.scheduler.enabled=false"));
        try {
            int at = port.get(120, TimeUnit.SECONDS);
            int management = managementPort.get(120, TimeUnit.SECONDS);
            HttpResponse<String> early = get(at, "/");
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("Retry-After")).contains(StartingUp.RETRY_AFTER_SECONDS);
            assertThat(early.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(early.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(Jsoup.parse(early.body()).select("h1").text()).isEqualTo("Just a moment");
            assertThat(get(at, "/login").statusCode()).isEqualTo(503);
            HttpResponse<String> readiness = get(management, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");
            assertThat(get(management, "/actuator/health/liveness").statusCode()).isEqualTo(200);

            release.countDown();
            ConfigurableApplicationContext context = started.get(120, TimeUnit.SECONDS);
            try {
                HttpResponse<String> ready = get(management, "/actuator/health/readiness");
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(ready.body()).contains("UP");
                HttpResponse<String> front = get(at, "/");
                assertThat(front.statusCode()).isEqualTo(200);
                assertThat(Jsoup.parse(front.body()).select("main article, main .story-card").size())
                        .as("the demo stories on the first front page").isGreaterThan(5);
            } finally {
                context.close();
            }
        } finally {
            release.countDown();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Tells the ports once the servers listen, the site's and Actuator's (a class, not a lambda, so that its event
     * type is known).
     */
    static final class PortListener implements ApplicationListener<WebServerInitializedEvent> {

        private final CompletableFuture<Integer> port;
        private final CompletableFuture<Integer> managementPort;

        PortListener(CompletableFuture<Integer> port, CompletableFuture<Integer> managementPort) {
            this.port = port;
            this.managementPort = managementPort;
        }

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            boolean management = "management".equals(event.getApplicationContext().getServerNamespace());
            (management ? managementPort : port).complete(event.getWebServer().getPort());
        }
    }

    /** Holds the start, as a slow load of demo content would, until the test lets it go. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Held {

        @Bean
        ApplicationRunner holdTheStart() {
            return args -> release.await(120, TimeUnit.SECONDS);
        }
    }
}
