package org.broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentEditing;
import org.broadsheet.comment.CommentReports;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.Recommendations;
import org.broadsheet.comment.ReportReason;
import org.broadsheet.moderation.Sanctions.Kind;
import org.broadsheet.moderation.Sanctions.Sanction;
import org.broadsheet.notification.NotificationService;
import org.broadsheet.notification.NotificationService.NotificationView;
import org.broadsheet.shared.Datelines;
import org.broadsheet.support.DurableEventsSettled;
import org.broadsheet.support.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warnings, suspensions and bans on a real (H2) database: what each stops a reader doing through
 * {@link CommentService}, what the reader is told on the article page, on "My comments" and in their
 * notifications, how a sanction ends (acknowledged, lifted, run out), and that one takes effect on a session that
 * was already signed in. Each call commits on its own, as a request would.
 * <p>
 * The same configuration as {@code ModerationDeskTests}, so that both share one application context (and its
 * clock, which only ever moves forward).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class SanctionsTests {

    private static final String PASSWORD = "brass-lantern-harbour";
    private static final String MODERATOR = "sanctions-moderator";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    Sanctions sanctions;

    @Autowired
    CommentPosting posting;

    @Autowired
    CommentEditing editing;

    @Autowired
    Recommendations recommendations;

    @Autowired
    CommentReports reports;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleImports imports;

    @Autowired
    NotificationService notifications;

    @Autowired
    Datelines datelines;

    @Autowired
    MessageSource messages;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    private ArticleTestData data;
    private String section;

    @BeforeEach
    void setUp() {
        // Posts of earlier tests leave the one-minute window of the rate limit.
        clock.advance(Duration.ofMinutes(2));
        data = new ArticleTestData(imports);
        section = data.section(null);
    }

    // ---------------------------------------------------------------- helpers

    private record Reader(long id, String username) {
    }

    private Reader reader() {
        String username = "sanctioned" + SEQUENCE.incrementAndGet();
        assertThat(accounts.createVerified(username, "Reader " + username, username + "@example.com", PASSWORD,
                EnumSet.of(Role.READER))).isTrue();
        return new Reader(accounts.idOf(username).orElseThrow(), username);
    }

    private long article() {
        return data.article(section, data.author()).save();
    }

    private String url(long article) {
        return articles.commentTarget(article).orElseThrow().url();
    }

    private long comment(Reader reader, long article, String text) {
        return posting.post(reader.id(), article, null, text, UUID.randomUUID().toString()).id();
    }

    private long reply(Reader reader, long article, long parent, String text) {
        return posting.post(reader.id(), article, parent, text, UUID.randomUUID().toString()).id();
    }

    private String message(CommentRejectedException e) {
        return messages.getMessage(e.code(), e.args(), Locale.UK);
    }

    /** The action is refused with this code, and the message the reader reads holds every one of these words. */
    private void assertRefused(ThrowingCallable action, String code, String... told) {
        assertThatThrownBy(action).isInstanceOfSatisfying(CommentRejectedException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(message(e)).contains(told);
        });
    }

    private long commentsBy(Reader reader) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM comment WHERE author_id = ?", Long.class, reader.id());
    }

    private MockHttpServletRequestBuilder as(Reader reader, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(reader.username())));
    }

    private Document page(Reader reader, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(as(reader, get(path))).andReturn().getResponse();
        assertThat(response.getStatus()).as("status of %s", path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    // ---------------------------------------------------------------- suspensions

    @Test
    void shouldRefuseEveryActionOfASuspendedReaderSayingUntilWhenAndWhy() {
        Reader ana = reader();
        Reader ben = reader();
        long article = article();
        long anas = comment(ana, article, "Ana writes before her suspension.");
        long bens = comment(ben, article, "Ben writes something Ana disagrees with.");
        String reason = "Repeated personal attacks on other readers";

        sanctions.impose(ana.id(), Kind.SUSPENSION, reason, 3, MODERATOR);

        String until = datelines.of(clock.instant().plus(Duration.ofDays(3))).display();
        long before = commentsBy(ana);
        String code = "comment.sanction.suspension";
        assertRefused(() -> comment(ana, article, "A new comment while suspended"), code, until, reason);
        assertRefused(() -> reply(ana, article, bens, "A reply while suspended"), code, until, reason);
        assertRefused(() -> editing.edit(ana.id(), anas, "Edited within the window, while suspended"), code,
                until, reason);
        assertRefused(() -> recommendations.toggle(ana.id(), bens), code, until, reason);
        assertRefused(() -> reports.report(ana.id(), bens, ReportReason.ABUSE, null), code, until, reason);

        assertThat(commentsBy(ana)).as("nothing posted").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT body FROM comment WHERE id = ?", String.class, anas))
                .as("not edited").isEqualTo("Ana writes before her suspension.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comment_recommendation WHERE account_id = ?",
                Long.class, ana.id())).as("nothing recommended").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comment_report WHERE account_id = ?", Long.class,
                ana.id())).as("nothing reported").isZero();
        // The same actions by a reader in good standing go through: it is the suspension that refuses them.
        recommendations.toggle(ben.id(), anas);
        reports.report(ben.id(), anas, ReportReason.OFF_TOPIC, null);
        reply(ben, article, anas, "Ben may still reply.");
    }

    @Test
    void shouldEndASuspensionAtOnceWhenAModeratorLiftsIt() {
        Reader ana = reader();
        long article = article();
        long suspension = sanctions.impose(ana.id(), Kind.SUSPENSION, "Spamming the same link", 30, MODERATOR);
        assertRefused(() -> comment(ana, article, "Refused while suspended"), "comment.sanction.suspension",
                "Spamming the same link");

        sanctions.lift(ana.id(), suspension, "sanctions-lifter");

        comment(ana, article, "Posted right after the lift");
        Sanction lifted = sanctions.find(ana.id(), suspension).orElseThrow();
        assertThat(lifted.inForce()).isFalse();
        assertThat(lifted.liftedBy()).isEqualTo("sanctions-lifter");
        assertThat(sanctions.standing(ana.id()).mayPost()).isTrue();
        assertThat(jdbc.queryForList("SELECT actor, action, target FROM audit_log WHERE action = ? AND target = ?",
                "reader.sanction-lifted", ana.username()))
                .singleElement().satisfies(row -> assertThat(row.get("ACTOR")).isEqualTo("sanctions-lifter"));
    }

    @Test
    void shouldEndASuspensionWhenItsTimeRunsOut() {
        Reader ana = reader();
        long article = article();
        sanctions.impose(ana.id(), Kind.SUSPENSION, "Cooling off", 2, MODERATOR);

        clock.advance(Duration.ofDays(2).minusMinutes(1));
        assertRefused(() -> comment(ana, article, "A minute too early"), "comment.sanction.suspension", "Cooling off");

        clock.advance(Duration.ofMinutes(2));
        comment(ana, article, "Back after the suspension ran out");
        recommendations.toggle(ana.id(), comment(reader(), article, "Someone else's comment"));
        assertThat(sanctions.history(ana.id())).singleElement().satisfies(s -> assertThat(s.inForce()).isFalse());
    }

    @Test
    void shouldKeepRefusingReactionsOfASuspendedReaderWhoIsAlsoBanned() {
        Reader ana = reader();
        Reader ben = reader();
        long article = article();
        long bens = comment(ben, article, "Ben's comment that Ana should not recommend");
        sanctions.impose(ana.id(), Kind.SUSPENSION, "Harassing Ben", 7, MODERATOR);
        sanctions.impose(ana.id(), Kind.BAN, "Harassing Ben again", null, MODERATOR);

        // A ban does not end the suspension that is still running: it still stops recommending and reporting.
        assertRefused(() -> recommendations.toggle(ana.id(), bens), "comment.sanction.suspension",
                "Harassing Ben");
        assertRefused(() -> reports.report(ana.id(), bens, ReportReason.ABUSE, null), "comment.sanction.suspension",
                "Harassing Ben");
    }

    // ---------------------------------------------------------------- bans

    @Test
    void shouldRefusePostingReplyingAndEditingOfABannedReaderWhoCanStillReadDownloadAndLeave() throws Exception {
        Reader ana = reader();
        Reader ben = reader();
        long article = article();
        long anas = comment(ana, article, "Ana's comment before the ban.");
        long bens = comment(ben, article, "Ben's comment.");
        String reason = "Threats against another reader";

        sanctions.impose(ana.id(), Kind.BAN, reason, null, MODERATOR);

        assertRefused(() -> comment(ana, article, "Posted while banned"), "comment.sanction.ban", reason);
        assertRefused(() -> reply(ana, article, bens, "Replied while banned"), "comment.sanction.ban", reason);
        assertRefused(() -> editing.edit(ana.id(), anas, "Edited while banned"), "comment.sanction.ban", reason);
        assertThat(jdbc.queryForObject("SELECT body FROM comment WHERE id = ?", String.class, anas))
                .isEqualTo("Ana's comment before the ban.");

        // Still reads the site, with the ban said in the comment box's place.
        Document articlePage = page(ana, url(article));
        assertThat(articlePage.select(".sanction-notice q").text()).isEqualTo(reason);
        assertThat(articlePage.select("form.comment-box")).isEmpty();
        assertThat(articlePage.select(".comment-text").text()).contains("Ben's comment.");
        assertThat(page(ana, "/account/comments").select(".sanction-notice q").text()).isEqualTo(reason);

        // Downloads their data.
        MockHttpServletResponse download = mvc.perform(as(ana, get("/account/data.json"))).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        JsonNode exported = JsonMapper.builder().build().readTree(download.getContentAsString());
        assertThat(exported.path("account").path("username").asString()).isEqualTo(ana.username());
        assertThat(download.getContentAsString()).contains("Ana's comment before the ban.");
        // What the moderators told them is part of their data too.
        JsonNode told = exported.path("moderation").path("sanctions");
        assertThat(told.size()).isEqualTo(1);
        assertThat(told.get(0).path("kind").asString()).isEqualTo("ban");
        assertThat(told.get(0).path("reason").asString()).isEqualTo(reason);

        // Deletes the account.
        MockHttpServletResponse deleted = mvc.perform(as(ana, post("/account/delete"))
                .param("deletePassword", PASSWORD).with(csrf())).andReturn().getResponse();
        assertThat(deleted.getStatus()).isEqualTo(302);
        assertThat(deleted.getRedirectedUrl()).isEqualTo("/account-deleted");
        assertThat(accounts.idOf(ana.username())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sanction WHERE account_id = ?", Long.class, ana.id()))
                .isZero();
    }

    // ---------------------------------------------------------------- warnings

    @Test
    void shouldRefusePostingAfterAWarningUntilTheReaderAcknowledgesIt() {
        Reader ana = reader();
        long article = article();
        long warning = sanctions.impose(ana.id(), Kind.WARNING, "Please keep to the topic", null, MODERATOR);

        assertRefused(() -> comment(ana, article, "Before acknowledging"), "comment.sanction.warning",
                "Please keep to the topic");
        assertThat(sanctions.standing(ana.id()).warned()).isTrue();

        sanctions.acknowledge(ana.id(), warning);

        comment(ana, article, "After acknowledging");
        Sanction acknowledged = sanctions.find(ana.id(), warning).orElseThrow();
        assertThat(acknowledged.acknowledged()).isNotNull();
        assertThat(acknowledged.inForce()).isFalse();
    }

    @Test
    void shouldAcknowledgeAWarningFromTheCommentBoxOverHttp() throws Exception {
        Reader ana = reader();
        Reader ben = reader();
        long article = article();
        long warning = sanctions.impose(ana.id(), Kind.WARNING, "Mind your language", null, MODERATOR);

        Document box = page(ana, url(article));
        assertThat(box.select(".sanction-notice q").text()).isEqualTo("Mind your language");
        assertThat(box.select(".sanction-notice form").attr("action"))
                .isEqualTo("/account/warnings/" + warning + "/acknowledge");
        assertThat(box.select("form.comment-box")).isEmpty();

        // Only its reader can acknowledge it: someone else's attempt finds no such warning.
        MockHttpServletResponse other = mvc.perform(as(ben, post("/account/warnings/" + warning + "/acknowledge"))
                .with(csrf())).andReturn().getResponse();
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(sanctions.standing(ana.id()).warned()).isTrue();
        // Nor without the form token.
        assertThat(mvc.perform(as(ana, post("/account/warnings/" + warning + "/acknowledge"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(sanctions.standing(ana.id()).warned()).isTrue();

        MockHttpServletResponse acknowledged = mvc.perform(as(ana, post("/account/warnings/" + warning
                + "/acknowledge")).param("back", url(article) + "#comment-form").with(csrf())).andReturn()
                .getResponse();

        assertThat(acknowledged.getStatus()).isEqualTo(302);
        assertThat(acknowledged.getRedirectedUrl()).isEqualTo(url(article) + "#comment-form");
        assertThat(sanctions.standing(ana.id()).mayPost()).isTrue();
        Document after = page(ana, url(article));
        assertThat(after.select(".sanction-notice")).isEmpty();
        assertThat(after.select("form.comment-box")).hasSize(1);
        comment(ana, article, "Posting again after the warning");
    }

    // ---------------------------------------------------------------- what the reader is told

    @Test
    void shouldShowASuspendedReaderTheNoticeInsteadOfTheCommentBoxAndOnMyComments() throws Exception {
        Reader ana = reader();
        Reader ben = reader();
        long article = article();
        comment(ana, article, "Ana's comment before the suspension.");
        String reason = "Posting other readers' addresses";
        sanctions.impose(ana.id(), Kind.SUSPENSION, reason, 5, MODERATOR);
        String until = datelines.of(clock.instant().plus(Duration.ofDays(5))).display();

        Document articlePage = page(ana, url(article));
        assertThat(articlePage.select(".sanction-notice")).hasSize(1);
        assertThat(articlePage.select(".sanction-notice q").text()).isEqualTo(reason);
        assertThat(articlePage.select(".sanction-notice").text()).contains(until);
        assertThat(articlePage.select("form.comment-box")).as("no comment form").isEmpty();
        assertThat(articlePage.select("textarea[name=text]")).isEmpty();

        Document own = page(ana, "/account/comments");
        assertThat(own.select(".sanction-notice q").text()).isEqualTo(reason);
        assertThat(own.select(".sanction-notice").text()).contains(until);
        assertThat(own.select(".recent-comment .comment-text").text()).contains("Ana's comment before the suspension.");

        // Another reader of the same page gets the comment box, and nothing of Ana's sanction.
        Document bens = page(ben, url(article));
        assertThat(bens.select("form.comment-box")).hasSize(1);
        assertThat(bens.select(".sanction-notice")).isEmpty();
        assertThat(bens.text()).doesNotContain(reason);
    }

    @Test
    void shouldTellTheReaderOfEverySanctionInTheirNotifications() {
        Reader warned = reader();
        Reader suspended = reader();
        Reader banned = reader();

        sanctions.impose(warned.id(), Kind.WARNING, "A warning", null, MODERATOR);
        sanctions.impose(suspended.id(), Kind.SUSPENSION, "A suspension", 1, MODERATOR);
        sanctions.impose(banned.id(), Kind.BAN, "A ban", null, MODERATOR);
        DurableEventsSettled.await(jdbc);

        for (var expected : Map.of(warned, "warning", suspended, "suspension", banned, "ban").entrySet()) {
            Reader reader = expected.getKey();
            assertThat(jdbc.queryForList("SELECT kind, detail, in_centre FROM notification WHERE recipient_id = ?",
                    reader.id())).as(reader.username()).singleElement().satisfies(row -> {
                        assertThat(row.get("KIND")).isEqualTo("MODERATION");
                        assertThat(row.get("DETAIL")).isEqualTo(expected.getValue());
                        assertThat(row.get("IN_CENTRE")).isEqualTo(true);
                    });
            List<NotificationView> centre = notifications.page(reader.id(), 1).items();
            assertThat(centre).singleElement().satisfies(n -> {
                assertThat(n.key()).isEqualTo("moderation." + expected.getValue());
                assertThat(n.unread()).isTrue();
                assertThat(n.link()).isEqualTo("/account/comments");
            });
            assertThat(notifications.unreadCount(reader.id())).isEqualTo(1);
        }
        // Each sanction is in the audit log too, with who imposed it.
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE actor = ? AND target IN (?, ?, ?)",
                String.class, MODERATOR, warned.username(), suspended.username(), banned.username()))
                .containsExactlyInAnyOrder("reader.warning", "reader.suspension", "reader.ban");
    }

    // ---------------------------------------------------------------- a session already signed in

    @Test
    void shouldRefuseTheNextPostOfASessionAlreadySignedInOnceTheReaderIsBanned() throws Exception {
        Reader ana = reader();
        long article = article();
        HttpClient session = signIn(ana.username());

        HttpResponse<String> first = postComment(session, article, "Posted before the ban, over HTTP");
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElse("")).contains("#comment-");

        sanctions.impose(ana.id(), Kind.BAN, "Abusive messages to other readers", null, MODERATOR);

        HttpResponse<String> refused = postComment(session, article, "Posted after the ban, same session");
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#comment-text-error").text()).isEqualTo(messages.getMessage("comment.sanction.ban",
                new Object[] { "Abusive messages to other readers" }, Locale.UK));
        assertThat(page.select("textarea[name=text]").text()).as("the text is kept")
                .isEqualTo("Posted after the ban, same session");
        assertThat(jdbc.queryForList("SELECT body FROM comment WHERE author_id = ?", String.class, ana.id()))
                .containsExactly("Posted before the ban, over HTTP");
        // Still signed in: the same session reads its account page, with no new sign-in.
        assertThat(fetch(session, "/account").statusCode()).isEqualTo(200);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> fetch(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(HttpClient client, String path, String csrfFrom, String form)
            throws Exception {
        String csrf = Jsoup.parse(fetch(client, csrfFrom).body()).select("input[name=_csrf]").attr("value");
        assertThat(csrf).as("a form token on %s", csrfFrom).isNotBlank();
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient signIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> response = form(client, "/login", "/login",
                "username=" + username + "&password=" + PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error", "throttled");
        return client;
    }

    private HttpResponse<String> postComment(HttpClient session, long article, String text) throws Exception {
        return form(session, "/articles/" + article + "/comments", "/account",
                "text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&key=" + UUID.randomUUID());
    }
}
