package org.broadsheet.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.broadsheet.support.CiMode;
import org.broadsheet.support.PostgresTestDatabase;
import org.broadsheet.support.Redis;
import org.broadsheet.support.SiteInstance;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the site, each in a JVM of its own on its own port, on the {@code prod} profile, against one
 * PostgreSQL schema and one Redis (a namespace of this test's own): what a load balancer in front of them does to
 * a reader, who may reach either with any request. Sessions and "keep me signed in" hold on both; an account's
 * sessions end on both; a comment or a new section on one shows on the other within a second (a page cache keeps
 * pages 60 s, so only the message can explain it); a live count reaches a stream open on the other; changed roles
 * apply on both; and a scheduled job waits for the lock row, whichever instance's scheduler fires.
 */
@Tag("postgres")
class TwoInstancesTests {

    private static final String ADMIN = "admin2i";
    private static final String PASSWORD = "two instances passphrase " + UUID.randomUUID();
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    private static String schema;
    private static SiteInstance a;
    private static SiteInstance b;
    private static Visitor admin;
    private static long articleId;
    private static String articlePath;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        PostgresTestDatabase.unavailableReason().ifPresent(reason -> {
            if (CiMode.isCi()) {
                throw new IllegalStateException("PostgreSQL is not reachable and CI=true: " + reason);
            }
            Assumptions.abort(PostgresTestDatabase.skipMessage());
        });
        Redis.assumeAvailable();
        schema = "bs_instances_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql("CREATE SCHEMA " + schema);
        String namespace = "bs-test-" + schema;
        List<String> common = List.of("--spring.profiles.active=prod",
                "--spring.datasource.url=" + PostgresTestDatabase.databaseUrl() + "?currentSchema=" + schema,
                "--spring.datasource.username=" + PostgresTestDatabase.USER, "--spring.datasource.password=",
                "--spring.data.redis.url=" + Redis.url(), "--broadsheet.instances.namespace=" + namespace,
                "--broadsheet.scheduler.interval=1s", "--spring.datasource.hikari.maximum-pool-size=5");
        List<String> first = new ArrayList<>(common);
        first.addAll(List.of("--broadsheet.admin.username=" + ADMIN, "--broadsheet.admin.email=admin2i@example.com",
                "--broadsheet.admin.password=" + PASSWORD));
        // A migrates the schema and creates the administrator; B starts once that is done, as a second instance
        // joins a running site.
        a = SiteInstance.start("a", first).awaitReady(Duration.ofMinutes(3));
        b = SiteInstance.start("b", common).awaitReady(Duration.ofMinutes(3));
        // New readers' comments are published at once, so that a reply notifies at once.
        sql("UPDATE " + schema + ".moderation_settings SET new_account_holds = 0 WHERE id = 1");
        sql("DELETE FROM " + schema + ".site_setting WHERE name = 'comments.hold-unverified'");
        sql("INSERT INTO " + schema + ".site_setting (name, setting_value) VALUES ('comments.hold-unverified', 'false')");

        admin = new Visitor();
        signIn(admin, a, ADMIN, PASSWORD, false);
        String section = "Instances " + schema;
        created(admin.submit(a, "/admin/sections/new", "form.catalogue-form",
                Map.of("name", section, "slug", "instances-" + schema.substring(13), "sortOrder", "1")));
        created(admin.submit(a, "/admin/authors/new", "form.catalogue-form",
                Map.of("name", "Ada Twofold", "slug", "ada-" + schema.substring(13))));
        String headline = "Two instances, one site " + schema;
        created(admin.submit(a, "/admin/articles/new", "form.editor-form", Map.of("headline", headline,
                "standfirst", "One conversation, whichever instance serves it.", "body", "The body.",
                "primarySection", "instances-" + schema.substring(13), "authors", "ada-" + schema.substring(13),
                "leadKind", "NONE", "publication", "NOW", "commentsOpen", "true")));
        articleId = queryLong("SELECT id FROM " + schema + ".article WHERE headline = ?", headline);
        Document front = new Visitor().page(a, "/");
        articlePath = front.select("a:containsOwn(" + headline + ")").attr("href");
        assertThat(articlePath).as("link to the article on the front page").startsWith("/instances-");
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (schema != null) {
            sql("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void shouldBeReadyOnlyWithTheDatabaseAndRedis() throws Exception {
        for (SiteInstance site : List.of(a, b)) {
            HttpResponse<String> readiness = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(site.managementUri("/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).as("readiness of %s", site.name())
                    .contains("\"db\":{\"status\":\"UP\"", "\"redis\":{\"status\":\"UP\"");
        }
    }

    @Test
    void shouldKeepAReaderSignedInWhicheverInstanceTheirNextRequestReaches() {
        Visitor reader = new Visitor();
        String name = register(reader, a, "keeps");
        assertThat(reader.cookies()).containsKey("SESSION").doesNotContainKey("JSESSIONID");

        assertThat(reader.page(b, "/account").text()).as("signed in on B with the session begun on A")
                .contains(name);

        Visitor device = new Visitor();
        signIn(device, b, name, PASSWORD, true);
        Visitor tomorrow = device.withOnly("remember-me");
        assertThat(tomorrow.cookies()).containsKey("remember-me");
        assertThat(tomorrow.page(a, "/account").text()).as("kept signed in on A by B's cookie").contains(name);
    }

    @Test
    void shouldEndAnAccountsOtherSessionsOnEveryInstanceWhenItsPasswordChanges() {
        Visitor laptop = new Visitor();
        String name = register(laptop, a, "ends");
        Visitor phone = new Visitor();
        signIn(phone, b, name, PASSWORD, false);
        assertThat(phone.get(b, "/account").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = laptop.submit(a, "/account", "form.password-form",
                Map.of("currentPassword", PASSWORD, "newPassword", "a changed passphrase " + UUID.randomUUID()));
        assertThat(changed.statusCode()).as("password changed: %s", changed.body()).isEqualTo(302);

        HttpResponse<String> phoneNext = phone.get(b, "/account");
        assertThat(phoneNext.statusCode()).isEqualTo(302);
        assertThat(phoneNext.headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(phone.get(a, "/account").statusCode()).as("on A as well").isEqualTo(302);
        assertThat(laptop.get(b, "/account").statusCode()).as("the session that changed it stays").isEqualTo(200);
    }

    @Test
    void shouldShowACommentPostedOnOneInstanceOnTheOthersPagesWithinASecond() {
        Visitor anonymous = new Visitor();
        String comments = "/articles/" + articleId + "/comments";
        anonymous.page(b, articlePath);
        anonymous.page(b, comments);
        String text = "Posted on A, read on B " + UUID.randomUUID();
        assertThat(anonymous.page(b, articlePath).text()).doesNotContain(text);

        Visitor reader = new Visitor();
        register(reader, a, "posts");
        HttpResponse<String> posted = reader.submit(a, comments, "form#comment-form", Map.of("text", text));
        assertThat(posted.statusCode()).isEqualTo(302);

        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(anonymous.page(b, articlePath).text()).contains(text));
        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(anonymous.page(b, comments).text()).contains(text));
    }

    @Test
    void shouldShowASectionAddedOnOneInstanceInTheOthersNavigationWithinASecond() {
        Visitor anonymous = new Visitor();
        String name = "Added on A " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(anonymous.page(b, "/").text()).doesNotContain(name);

        created(admin.submit(a, "/admin/sections/new", "form.catalogue-form", Map.of("name", name, "sortOrder", "0")));

        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(anonymous.page(b, "/").select("nav").text()).contains(name));
    }

    @Test
    void shouldPushTheUnreadCountToAStreamOpenOnTheOtherInstance() throws Exception {
        Visitor author = new Visitor();
        register(author, a, "streams");
        String comments = "/articles/" + articleId + "/comments";
        String text = "Reply to me " + UUID.randomUUID();
        assertThat(author.submit(a, comments, "form#comment-form", Map.of("text", text)).statusCode()).isEqualTo(302);
        long commentId = queryLong("SELECT id FROM " + schema + ".comment WHERE body LIKE ?", text + "%");

        HttpResponse<Stream<String>> stream = author.stream(a, "/notifications/stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        Iterator<String> lines = stream.body().iterator();
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch opened = new CountDownLatch(1);
        CompletableFuture<String> count = CompletableFuture.supplyAsync(() -> {
            String event = null;
            while (lines.hasNext()) {
                String line = lines.next();
                heard.add(line);
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "unread".equals(event)) {
                    opened.countDown(); // the count the stream sends when it opens
                    if (line.contains("\"count\":1")) {
                        return line;
                    }
                }
            }
            return null;
        });
        assertThat(opened.await(10, TimeUnit.SECONDS)).as("the stream's first count; heard %s", heard).isTrue();

        Visitor replier = new Visitor();
        register(replier, b, "replies");
        HttpResponse<String> reply = replier.submit(b, "/comments/" + commentId + "/reply", "form#comment-form",
                Map.of("text", "A reply from B"));
        assertThat(reply.statusCode()).isEqualTo(302);

        assertThat(count.get(10, TimeUnit.SECONDS)).as("lines heard: %s", heard).contains("\"count\":1");
        stream.body().close();
    }

    @Test
    void shouldApplyChangedRolesOnTheOtherInstanceAtTheNextRequest() throws SQLException {
        Visitor reader = new Visitor();
        String name = register(reader, a, "promoted");
        assertThat(reader.get(b, "/admin/moderation").statusCode()).isEqualTo(403);
        long id = queryLong("SELECT id FROM " + schema + ".account WHERE username = ?", name);

        HttpResponse<String> saved = admin.submit(a, "/admin/users/" + id, "form.roles-form",
                Map.of("roles", "MODERATOR"));
        assertThat(saved.statusCode()).isEqualTo(302);

        assertThat(reader.get(b, "/admin/moderation").statusCode()).as("a moderator now, on B").isEqualTo(200);

        // Demoted on B: the very next request on A is refused, with no message between the instances to wait for.
        assertThat(admin.submit(b, "/admin/users/" + id, "form.roles-form", Map.of("roles", List.of())).statusCode()).isEqualTo(302);
        assertThat(reader.get(a, "/admin/moderation").statusCode()).as("a reader again, on A").isEqualTo(403);
        assertThat(reader.get(b, "/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void shouldRunAScheduledJobOnlyWhenItsLockIsFreeWhicheverInstanceTriesIt() throws Exception {
        String headline = "Scheduled on two instances " + UUID.randomUUID();
        created(admin.submit(a, "/admin/articles/new", "form.editor-form", Map.of("headline", headline,
                "standfirst", "Published once.", "body", "Body.", "primarySection", "instances-" + schema.substring(13),
                "authors", "ada-" + schema.substring(13), "leadKind", "NONE", "publication", "AT",
                "publishDate", LocalDate.now().plusDays(2).toString(), "publishTime", "09:00")));
        long id = queryLong("SELECT id FROM " + schema + ".article WHERE headline = ?", headline);
        assertThat(status(id)).isEqualTo("SCHEDULED");
        // Someone holds the job's lock (as an instance running it would); then the article's time comes.
        sql("INSERT INTO " + schema + ".shedlock (name, lock_until, locked_at, locked_by) VALUES ('publish-due',"
                + " timezone('utc', now()) + interval '1 hour', timezone('utc', now()), 'test')"
                + " ON CONFLICT (name) DO UPDATE SET lock_until = EXCLUDED.lock_until, locked_by = 'test'");
        sql("UPDATE " + schema + ".article SET published_at = now() - interval '1 minute' WHERE id = " + id);

        // Both schedulers fire every second: neither publishes while the lock is held.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> "SCHEDULED".equals(status(id)));

        sql("UPDATE " + schema + ".shedlock SET lock_until = timezone('utc', now()) WHERE name = 'publish-due'");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(status(id)).as("with the locks %s", rows("SELECT * FROM " + schema + ".shedlock"))
                        .isEqualTo("PUBLISHED"));
        assertThat(queryLong("SELECT count(*) FROM " + schema + ".shedlock WHERE name IN"
                + " ('publish-due', 'event-retries') AND locked_by <> 'test'", null))
                .as("lock rows taken by the instances").isGreaterThanOrEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static String status(long id) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT status FROM " + schema + ".article WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Registers a reader on this instance (the site signs them in at once); the answer is their username. */
    private static String register(Visitor visitor, SiteInstance site, String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = visitor.submit(site, "/register", "form.stacked-form", Map.of(
                "username", name, "displayName", name, "email", name + "@example.com", "password", PASSWORD,
                "acceptGuidelines", "true"));
        assertThat(registered.statusCode()).as("registered %s: %s", name, registered.body()).isEqualTo(302);
        return name;
    }

    private static void signIn(Visitor visitor, SiteInstance site, String username, String password,
            boolean remember) {
        Map<String, String> fields = remember ? Map.of("username", username, "password", password, "remember-me",
                "true") : Map.of("username", username, "password", password);
        HttpResponse<String> response = visitor.submit(site, "/login", "form.stacked-form", fields);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).as("signed in as %s", username)
                .doesNotContain("error", "throttled");
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("saved, not the form again: %s", response.body()).isEqualTo(302);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(PostgresTestDatabase.databaseUrl(), PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = connect(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private static long queryLong(String query, String parameter) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(query)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row for %s", query).isTrue();
                return rows.getLong(1);
            }
        }
    }
}
