package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.broadsheet.BroadsheetApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stopping the site lets the requests in flight finish: the port stops taking connections at once, and a request
 * that was being answered gets its whole answer. The site as {@code java -jar} starts it, on random ports.
 */
class GracefulShutdownTests {

    static final String SLOW_ANSWER = "slow answer, complete";
    static final Duration SLOW = Duration.ofSeconds(2);
    static final CountDownLatch answering = new CountDownLatch(1);

    @Test
    void shouldFinishTheRequestInFlightAndRefuseNewConnectionsWhileStopping() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BroadsheetApplication.class,
                SlowPage.class).profiles("test").run("--server.port=0", "--management.server.port=0",
                        "--spring.main.banner-mode=off");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/test/slow")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answering.await(30, TimeUnit.SECONDS)).as("the slow request reached its handler").isTrue();

        CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
        await().atMost(SLOW).pollInterval(Duration.ofMillis(25)).until(() -> refused(port));
        assertThat(inFlight).as("still being answered while the port refuses connections").isNotDone();

        HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(SLOW_ANSWER);
        closed.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);
    }

    private static boolean refused(int port) {
        try {
            connect(port);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
        }
    }

    /** A page that takes {@link #SLOW} to answer, for this test only. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class SlowPage {

        @GetMapping("/test/slow")
        String slow() throws InterruptedException {
            answering.countDown();
            Thread.sleep(SLOW.toMillis());
            return SLOW_ANSWER;
        }
    }
}
