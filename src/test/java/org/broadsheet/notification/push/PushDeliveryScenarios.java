package org.broadsheet.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.Recommendations;
import org.broadsheet.notification.NotificationKind;
import org.broadsheet.notification.NotificationService;
import org.broadsheet.shared.EventRetries;
import org.broadsheet.support.DurableEventsSettled;
import org.broadsheet.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Browser push end to end, with a push service run by the test on this machine: it receives the site's request,
 * checks the VAPID token's signature against the site's public key and decrypts the message with the keys a
 * browser would hold ({@link PushReceiver}, written from the RFCs). A device the push service says is gone is
 * removed; a push service that is down gets the message later, once.
 */
abstract class PushDeliveryScenarios {

    private static final KeyPair SITE = WebPush.newKeyPair();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpServer SERVICE;
    /** What the push service received: path, headers and body. */
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** The statuses the push service answers with, in turn; 201 when none is queued. */
    private static final Queue<Integer> ANSWERS = new ConcurrentLinkedQueue<>();

    record Received(String path, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    // One push service for the H2 and the PostgreSQL runs alike, stopped with the test JVM.
    static {
        try {
            SERVICE = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SERVICE.createContext("/push/", PushDeliveryScenarios::receive);
        SERVICE.start();
    }

    private static void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        RECEIVED.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
        Integer answer = ANSWERS.poll();
        exchange.sendResponseHeaders(answer == null ? 201 : answer, -1);
        exchange.close();
    }

    @DynamicPropertySource
    static void push(DynamicPropertyRegistry registry) {
        registry.add("broadsheet.push.public-key", () -> WebPush.publicKey((ECPublicKey) SITE.getPublic()));
        registry.add("broadsheet.push.private-key", () -> WebPush.privateKey(
                (java.security.interfaces.ECPrivateKey) SITE.getPrivate()));
        registry.add("broadsheet.push.subject", () -> "mailto:desk@example.com");
        registry.add("broadsheet.push.insecure-services", () -> "127.0.0.1:" + SERVICE.getAddress().getPort());
    }

    @Autowired
    PushService push;

    @Autowired
    NotificationService notifications;

    

    @Autowired
    CommentPosting posting;

    @Autowired
    Recommendations recommendations;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    ArticleImports imports;

    @Autowired
    EventRetries retries;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    private long article;

    @BeforeEach
    void setUp() {
        clock.advance(Duration.ofMinutes(2));
        ArticleTestData data = new ArticleTestData(imports);
        article = data.article(data.section(null), data.author()).headline("The harbour wall")
                .slug(ArticleTestData.unique("push")).save();
    }

    /** A browser's side of one subscription: its key pair and auth secret, and where its messages go. */
    private record Browser(KeyPair keys, byte[] auth, String endpoint) {

        static Browser next() {
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            return new Browser(WebPush.newKeyPair(), auth, "http://127.0.0.1:" + SERVICE.getAddress().getPort()
                    + "/push/" + UUID.randomUUID());
        }

        String p256dh() {
            return WebPush.publicKey((ECPublicKey) keys.getPublic());
        }

        String authKey() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
        }

        List<Received> received() {
            return RECEIVED.stream().filter(r -> endpoint.endsWith(r.path())).toList();
        }
    }

    private long reader(String name) {
        String username = "pushed" + SEQUENCE.incrementAndGet();
        accounts.createVerified(username, name, username + "@example.com", "quiet-harbour-lanterns",
                EnumSet.of(Role.READER));
        return accounts.idOf(username).orElseThrow();
    }

    private long comment(long author, Long parent, String text) {
        return posting.post(author, article, parent, text, UUID.randomUUID().toString()).id();
    }

    @Test
    void shouldPushAReplyEncryptedForTheDeviceWithASignedVapidToken() throws Exception {
        long ana = reader("Ana");
        long ben = reader("Ben");
        Browser browser = Browser.next();
        push.subscribe(ana, browser.endpoint(), browser.p256dh(), browser.authKey(), "Chrome on Linux");
        long anas = comment(ana, null, "Ana on the harbour wall");

        comment(ben, anas, "Ben answers Ana");

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.received().size() == 1);
        Received request = browser.received().get(0);
        assertThat(request.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(request.header("TTL")).isEqualTo(String.valueOf(WebPush.TTL.toSeconds()));
        PushReceiver.Vapid vapid = PushReceiver.vapid(request.header("Authorization"));
        assertThat(vapid.verified()).as("signed with the site's key").isTrue();
        assertThat(vapid.publicKey()).isEqualTo(push.publicKey());
        assertThat(vapid.claims()).contains("\"aud\":\"http://127.0.0.1:" + SERVICE.getAddress().getPort() + "\"",
                "\"sub\":\"mailto:desk@example.com\"");
        long expires = Long.parseLong(vapid.claims().replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(Instant.ofEpochSecond(expires)).isBetween(clock.instant(), clock.instant().plus(Duration.ofHours(24)));

        String message = new String(PushReceiver.decrypt(request.body(), browser.keys(), browser.auth()),
                StandardCharsets.UTF_8);
        long id = notifications.page(ana, 1).items().get(0).id();
        assertThat(message).contains("\"body\":\"Ben replied to your comment on \u201cThe harbour wall\u201d\"",
                "/notifications/" + id + "/open", "\"tag\":\"notification-" + id + "\"");
        assertThatThrownBy(() -> PushReceiver.decrypt(request.body(), WebPush.newKeyPair(), browser.auth()))
                .as("another browser cannot read it").isInstanceOf(Exception.class);
    }

    @Test
    void shouldPushOnlyTheKindsChosenForPush() {
        long ana = reader("Ana");
        Browser browser = Browser.next();
        push.subscribe(ana, browser.endpoint(), browser.p256dh(), browser.authKey(), "Firefox on Linux");
        notifications.choose(ana, EnumSet.allOf(NotificationKind.class), EnumSet.noneOf(NotificationKind.class),
                EnumSet.of(NotificationKind.RECOMMENDED), false);
        long anas = comment(ana, null, "Ana on the harbour wall");

        comment(reader("Ben"), anas, "Ben answers Ana");
        recommendations.toggle(reader("Cal"), anas);

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.received().size() == 1);
        DurableEventsSettled.await(jdbc);
        assertThat(browser.received()).hasSize(1);
    }

    @Test
    void shouldRemoveADeviceThePushServiceSaysIsGone() {
        long ana = reader("Ana");
        Browser browser = Browser.next();
        push.subscribe(ana, browser.endpoint(), browser.p256dh(), browser.authKey(), "Chrome on Android");
        long anas = comment(ana, null, "Ana on the harbour wall");
        ANSWERS.add(410);

        comment(reader("Ben"), anas, "Ben answers Ana");

        await().atMost(Duration.ofSeconds(10)).until(() -> push.devices(ana).isEmpty());
        assertThat(browser.received()).hasSize(1);
    }

    @Test
    void shouldPushLaterAndOnceWhenThePushServiceIsDown() {
        long ana = reader("Ana");
        Browser browser = Browser.next();
        push.subscribe(ana, browser.endpoint(), browser.p256dh(), browser.authKey(), "Chrome on Linux");
        long anas = comment(ana, null, "Ana on the harbour wall");
        ANSWERS.add(503);

        comment(reader("Ben"), anas, "Ben answers Ana");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.received().size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM "
                + "event_publication WHERE event_type LIKE '%NotificationPushDue' AND status = 'FAILED'", Long.class) == 1);

        clock.advance(Duration.ofMinutes(2));
        retries.retryFailed();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.received().size() == 2);
        DurableEventsSettled.await(jdbc);
        clock.advance(Duration.ofHours(3));
        retries.retryFailed();
        DurableEventsSettled.await(jdbc);
        assertThat(browser.received()).as("one failed try, one delivery").hasSize(2);
        assertThat(push.devices(ana)).hasSize(1);
    }

    @Test
    void shouldRefuseASubscriptionToAnAddressThatIsNotAPushServiceOrWithBadKeys() {
        long ana = reader("Ana");
        Browser browser = Browser.next();

        assertThatThrownBy(() -> push.subscribe(ana, "https://intranet.example/admin", browser.p256dh(),
                browser.authKey(), null)).hasMessage("push.endpoint");
        assertThatThrownBy(() -> push.subscribe(ana, "http://127.0.0.1:1/push/x", browser.p256dh(),
                browser.authKey(), null)).hasMessage("push.endpoint");
        assertThatThrownBy(() -> push.subscribe(ana, browser.endpoint(), "not-a-key", browser.authKey(), null))
                .hasMessage("push.keys");
        assertThatThrownBy(() -> push.subscribe(ana, browser.endpoint(), browser.p256dh(), "c2hvcnQ", null))
                .hasMessage("push.keys");
        assertThat(push.devices(ana)).isEmpty();
        assertThat(push.subscribe(ana, "https://fcm.googleapis.com/fcm/send/abc", browser.p256dh(),
                browser.authKey(), null)).isPositive();
    }

    @Test
    void shouldLetEachReaderSeeAndRemoveTheirOwnDevicesOnly() throws Exception {
        long ana = reader("Ana");
        long ben = reader("Ben");
        Browser browser = Browser.next();
        String username = jdbc.queryForObject("SELECT username FROM account WHERE id = ?", String.class, ana);
        String json = "{\"endpoint\":\"" + browser.endpoint() + "\",\"keys\":{\"p256dh\":\"" + browser.p256dh()
                + "\",\"auth\":\"" + browser.authKey() + "\"}}";

        mvc.perform(post("/account/push-subscriptions").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(user(users.loadUserByUsername(username)))).andExpect(status().isForbidden());
        mvc.perform(post("/account/push-subscriptions").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/account/push-subscriptions").contentType(MediaType.APPLICATION_JSON).content(json)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36")
                .with(user(users.loadUserByUsername(username))).with(csrf())).andExpect(status().isCreated());

        assertThat(push.devices(ana)).singleElement().satisfies(d -> assertThat(d.name()).isEqualTo("Chrome on Linux"));
        long device = push.devices(ana).get(0).id();
        assertThat(push.devices(ben)).isEmpty();
        assertThat(push.remove(ben, device)).isFalse();
        assertThat(push.devices(ana)).hasSize(1);
        assertThat(notifications.choices(ana).kinds()).filteredOn(NotificationService.Choice::byPush)
                .extracting(NotificationService.Choice::kind)
                .containsExactly(NotificationKind.REPLY, NotificationKind.STAFF_REPLY);
        assertThat(push.remove(ana, device)).isTrue();
        assertThat(push.devices(ana)).isEmpty();
    }

    @Test
    void shouldListTheDevicesOnTheChoicesPageEachWithAButtonToRemoveIt() throws Exception {
        long ana = reader("Ana");
        String username = jdbc.queryForObject("SELECT username FROM account WHERE id = ?", String.class, ana);
        Browser browser = Browser.next();
        long device = push.subscribe(ana, browser.endpoint(), browser.p256dh(), browser.authKey(), "Firefox on Linux");

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/account/notifications")
                        .with(user(users.loadUserByUsername(username)))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("table.choices thead th").eachText()).containsExactly("What", "On the site", "By email",
                "By browser push");
        assertThat(page.select("input[name=push][checked]").eachAttr("value")).containsExactly("REPLY", "STAFF_REPLY");
        assertThat(page.select("#devices li").text()).startsWith("Firefox on Linux, since");
        assertThat(page.select("#devices form").attr("action"))
                .isEqualTo("/account/push-subscriptions/" + device + "/remove");

        mvc.perform(post("/account/push-subscriptions/" + device + "/remove")
                .with(user(users.loadUserByUsername(username))).with(csrf())).andExpect(status().isFound());
        assertThat(push.devices(ana)).isEmpty();
    }
}
