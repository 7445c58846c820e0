package org.broadsheet.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentPosting;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The live stream over real HTTP: 200 streams stay open at once on a server with 16 request threads, none of them
 * busy while the streams are idle (a stream holds a socket, not a thread); each hears its reader's new
 * notification when it is made; and one stream more than a reader may have ends their oldest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "broadsheet.notifications.streams-per-reader=" + NotificationStreamTests.STREAMS,
        "server.tomcat.threads.max=" + NotificationStreamTests.REQUEST_THREADS })
@ActiveProfiles("test")
class NotificationStreamTests {

    static final int STREAMS = 200;
    /** Far fewer request threads than streams: each stream must give its thread back once it is open. */
    static final int REQUEST_THREADS = 16;
    private static final String PASSWORD = "quiet-harbour-lanterns";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    

    @Autowired
    CommentPosting posting;

    @Autowired
    ArticleImports imports;

    @Autowired
    NotificationStreams streams;

    @Autowired
    ServletWebServerApplicationContext context;

    /** Few client threads, so that the threads counted below are the server's. */
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        clientThreads.shutdownNow();
    }

    /** One stream as the browser's EventSource reads it: its lines, and whether the server ended it. */
    private static final class Stream implements Flow.Subscriber<String> {

        final Queue<String> lines = new ConcurrentLinkedQueue<>();
        final AtomicBoolean ended = new AtomicBoolean();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable error) {
            ended.set(true);
        }

        @Override
        public void onComplete() {
            ended.set(true);
        }

        boolean heard(String text) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }
    }

    private String reader(String name) {
        String username = name.toLowerCase() + UUID.randomUUID().toString().substring(0, 8);
        accounts.createVerified(username, name, username + "@example.com", PASSWORD, EnumSet.of(Role.READER));
        return username;
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).executor(clientThreads)
                .build();
        String login = client.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = Jsoup.parse(login).select("input[name=_csrf]").attr("value");
        String form = "username=" + username + "&password=" + PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return client;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Stream open(HttpClient client) {
        Stream stream = new Stream();
        client.sendAsync(HttpRequest.newBuilder(uri("/notifications/stream")).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.fromLineSubscriber(stream));
        return stream;
    }

    /** This server's pool of request threads. */
    private ThreadPoolExecutor requestThreads() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        return (ThreadPoolExecutor) connector.getProtocolHandler().getExecutor();
    }

    @Test
    void shouldHoldTwoHundredIdleStreamsWithoutAThreadEachAndTellEveryOne() throws Exception {
        String ana = reader("Ana");
        long anaId = accounts.idOf(ana).orElseThrow();
        long benId = accounts.idOf(reader("Ben")).orElseThrow();
        ArticleTestData data = new ArticleTestData(imports);
        long article = data.article(data.section(null), data.author()).headline("The harbour wall")
                .slug(ArticleTestData.unique("stream")).save();
        long anas = posting.post(anaId, article, null, "Ana on the harbour wall", UUID.randomUUID().toString()).id();
        HttpClient client = signedIn(ana);
        int before = streams.openStreams();

        List<Stream> open = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            open.add(open(client));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> streams.openStreams() == before + STREAMS);
        await().atMost(Duration.ofSeconds(30)).until(() -> open.stream().allMatch(s -> s.heard("\"count\":0")));
        ThreadPoolExecutor pool = requestThreads();
        assertThat(pool.getMaximumPoolSize()).isEqualTo(REQUEST_THREADS);
        assertThat(pool.getLargestPoolSize()).as("request threads ever used for %d open streams", STREAMS)
                .isLessThanOrEqualTo(REQUEST_THREADS);
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.getActiveCount() == 0);

        posting.post(benId, article, anas, "Ben answers Ana", UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> open.stream().allMatch(s -> s.heard("\"count\":1")
                && s.heard("Ben replied to your comment on")));
        assertThat(open).allSatisfy(s -> assertThat(s.lines).anyMatch(l -> l.equals("event:notification")));

        // One more than a reader may hold: their oldest stream (the first the server registered) ends, only that.
        Stream extra = open(client);
        await().atMost(Duration.ofSeconds(10)).until(() -> extra.heard("\"count\":1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> open.stream().filter(s -> s.ended.get()).count() == 1);
        assertThat(streams.openStreams()).isEqualTo(before + STREAMS);
        assertThat(extra.ended).isFalse();
    }

    @Test
    void shouldSendAnonymousReadersToSignInRatherThanStream() throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(
                "/notifications/stream")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).contains("/login");
    }
}
