package org.broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentDecisions;
import org.broadsheet.comment.CommentReports;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.CommentViews.Posted;
import org.broadsheet.comment.ModerationQueues;
import org.broadsheet.comment.RejectReason;
import org.broadsheet.comment.ReportReason;
import org.broadsheet.support.DurableEventsSettled;
import org.broadsheet.support.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moderation desk over HTTP (MockMvc) on a real (H2) database: who may open each of its pages and post each
 * of its forms, the queues with their counts, filters and orders, the decisions on a comment (approve, reject,
 * pick) and what readers see of them afterwards, the audit line of each decision, a reader's history with
 * sanctions and private notes, and a reader's request for a review from asking to its outcome.
 * <p>
 * The same configuration as {@code SanctionsTests}, so that both share one application context. The database
 * is shared by every test of that context: each test makes readers and articles of its own, and counts on the
 * desk are compared before and after.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class ModerationDeskTests {

    private static final String PASSWORD = "slate-roof-weather-vane";
    private static final String READER = "desk-reader";
    private static final String EDITOR = "desk-editor";
    private static final String MODERATOR = "desk-moderator";
    private static final String ADMIN = "desk-admin";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern TAB = Pattern.compile("\\((\\d+)\\)$");

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleImports imports;

    

    @Autowired
    CommentPosting posting;

    @Autowired
    CommentReports reports;

    @Autowired
    CommentDecisions decisions;

    @Autowired
    ModerationQueues queues;

    @Autowired
    PremoderatedArticles premoderated;

    @Autowired
    Sanctions sanctions;

    @Autowired
    ReaderRecords records;

    @Autowired
    ReviewRequests reviews;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private ArticleTestData data;
    private String section;

    @BeforeEach
    void setUp() {
        // Posts of earlier tests leave the one-minute window of the rate limit.
        clock.advance(Duration.ofMinutes(2));
        data = new ArticleTestData(imports);
        section = data.section(null);
        staff(READER, Role.READER);
        staff(EDITOR, Role.EDITOR);
        staff(MODERATOR, Role.MODERATOR);
        staff(ADMIN, Role.ADMIN);
    }

    // ---------------------------------------------------------------- access rules

    /** Every page of the desk; {comment}, {reader} and {article} name the fixture's. */
    static Stream<String> deskPages() {
        return Stream.of("/admin/moderation", "/admin/moderation?tab=pending", "/admin/moderation?tab=reported",
                "/admin/moderation?tab=approved", "/admin/moderation?tab=rejected", "/admin/moderation?tab=reviews",
                "/admin/moderation/comments/{comment}", "/admin/moderation/readers/{reader}",
                "/admin/moderation/rules");
    }

    /**
     * Every form of the desk, with parameters that change little when a moderator gets through: a decision on an
     * old version (refused as a conflict), forms with errors (422), removing a word that is not listed.
     */
    static Stream<String> deskForms() {
        return Stream.of("/admin/moderation/comments/{comment}/approve?version=-1",
                "/admin/moderation/comments/{comment}/reject?version=0",
                "/admin/moderation/comments/{comment}/pick", "/admin/moderation/comments/{comment}/unpick",
                "/admin/moderation/reviews/{review}?outcome=uphold",
                "/admin/moderation/readers/{reader}/sanctions?reason=",
                "/admin/moderation/readers/{reader}/sanctions/{sanction}/lift",
                "/admin/moderation/readers/{reader}/notes?body=", "/admin/moderation/readers/{reader}/trust?trusted=false",
                "/admin/moderation/rules?newAccountHolds=", "/admin/moderation/rules/words/banned?words=",
                "/admin/moderation/rules/words/suspect/remove?word=not-a-listed-word",
                "/admin/moderation/articles/{article}/premoderation?on=false");
    }

    static Stream<Arguments> pagesByVisitor() {
        return deskPages().flatMap(path -> Stream.of("anonymous", READER, EDITOR, MODERATOR, ADMIN)
                .map(visitor -> Arguments.of(path, visitor)));
    }

    static Stream<Arguments> formsByVisitor() {
        return deskForms().flatMap(path -> Stream.of("anonymous", READER, EDITOR, MODERATOR, ADMIN)
                .map(visitor -> Arguments.of(path, visitor)));
    }

    @ParameterizedTest(name = "GET {0} as {1}")
    @MethodSource("pagesByVisitor")
    void shouldLetOnlyModeratorsAndAdministratorsOpenTheDesk(String path, String visitor) throws Exception {
        MockHttpServletResponse response = mvc.perform(as(visitor, get(fixture().fill(path)))).andReturn()
                .getResponse();
        assertAccess(response, visitor, 200);
        if (response.getStatus() == 200) {
            assertThat(Jsoup.parse(response.getContentAsString()).select("main h1").text()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "POST {0} as {1}")
    @MethodSource("formsByVisitor")
    void shouldLetOnlyModeratorsAndAdministratorsPostTheDesksForms(String path, String visitor) throws Exception {
        MockHttpServletResponse response = mvc.perform(as(visitor, post(fixture().fill(path)).with(csrf())))
                .andReturn().getResponse();
        assertAccess(response, visitor, null);
    }

    @ParameterizedTest(name = "POST {0} without a form token")
    @MethodSource("deskForms")
    void shouldRefuseTheDesksFormsWithoutTheirToken(String path) throws Exception {
        Fixture fixture = fixture();
        long auditLines = auditLines();
        for (String visitor : List.of(MODERATOR, ADMIN)) {
            MockHttpServletResponse response = mvc.perform(as(visitor, post(fixture.fill(path)))).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as("%s as %s", path, visitor).isEqualTo(403);
        }
        assertThat(auditLines()).as("nothing done").isEqualTo(auditLines);
    }

    private void assertAccess(MockHttpServletResponse response, String visitor, Integer allowedStatus) {
        int status = response.getStatus();
        switch (visitor) {
            case "anonymous" -> {
                assertThat(status).isEqualTo(302);
                assertThat(URI.create(response.getHeader("Location")).getPath()).isEqualTo("/login");
            }
            case READER, EDITOR -> assertThat(status).isEqualTo(403);
            default -> {
                if (allowedStatus != null) {
                    assertThat(status).isEqualTo(allowedStatus);
                } else {
                    assertThat(status).isIn(302, 422);
                    String location = response.getHeader("Location");
                    assertThat(location == null ? "" : URI.create(location).getPath()).isNotEqualTo("/login");
                }
            }
        }
    }

    // ---------------------------------------------------------------- queues

    @Test
    void shouldFilterTheQueueByArticleAuthorAndWords() throws Exception {
        long article = premoderatedArticle();
        long other = premoderatedArticle();
        Reader xan = reader();
        Reader yve = reader();
        long lighthouse = write(xan, article, "The LIGHTHOUSE keeper was right all along.");
        long ferry = write(xan, article, "The harbour ferry runs late every winter.");
        long lamp = write(yve, article, "The lighthouse lamp has been dark since June.");
        long elsewhere = write(xan, other, "A lighthouse on another article.");

        assertThat(queue("tab=pending&article=" + article)).containsExactly(lamp, ferry, lighthouse);
        assertThat(queue("tab=pending&article=" + article + "&author=" + xan.username()))
                .containsExactly(ferry, lighthouse);
        assertThat(queue("tab=pending&article=" + article + "&q=lighthouse")).containsExactly(lamp, lighthouse);
        assertThat(queue("tab=pending&article=" + article + "&author=" + xan.username() + "&q=Lighthouse"))
                .containsExactly(lighthouse);
        assertThat(queue("tab=pending&author=" + xan.username() + "&q=lighthouse"))
                .containsExactly(elsewhere, lighthouse);
        assertThat(queue("tab=pending&author=nobody-by-this-name")).isEmpty();

        Document page = desk("tab=pending&article=" + article + "&author=" + xan.username());
        assertThat(page.select("p.desk-count").text()).isEqualTo("2 comments");
        assertThat(page.select("#filter-author").val()).isEqualTo(xan.username());
        assertThat(page.select(".moderation-item .comment-author").eachText()).containsOnly("Reader " + xan.username());
        assertThat(desk("tab=pending&author=nobody-by-this-name").select("p.desk-count").text())
                .isEqualTo("No comments");
    }

    @Test
    void shouldListTheMostReportedCommentsFirstWhenAsked() throws Exception {
        long article = article();
        Reader author = reader();
        long once = write(author, article, "Reported once.");
        long thrice = write(author, article, "Reported three times.");
        long twice = write(author, article, "Reported twice.");
        long reportedBefore = counts().get("reported");
        report(once, 1);
        report(thrice, 3);
        report(twice, 2);

        assertThat(counts().get("reported")).isEqualTo(reportedBefore + 3);
        assertThat(queue("tab=reported&article=" + article + "&sort=reports")).containsExactly(thrice, twice, once);
        assertThat(queue("tab=reported&article=" + article)).as("newest first").containsExactly(twice, thrice, once);
        Document page = desk("tab=reported&article=" + article + "&sort=reports");
        assertThat(page.select("#filter-sort option[selected]").val()).isEqualTo("reports");
        assertThat(page.select(".moderation-item").first().select("details.reports summary").text())
                .isEqualTo("3 open reports (3 in all)");
    }

    @Test
    void shouldApproveAHeldCommentAndCountItOnceReadersCanSeeIt() throws Exception {
        long article = article();
        Reader ana = reader();
        // Switched on from the desk, as the moderator's tools on the article page do.
        MockHttpServletResponse switched = mvc.perform(as(MODERATOR,
                post("/admin/moderation/articles/" + article + "/premoderation").param("on", "true").with(csrf())))
                .andReturn().getResponse();
        assertThat(switched.getStatus()).isEqualTo(302);
        Map<String, Long> before = counts();
        Posted posted = posting.post(ana.id(), article, null, "Held until a moderator reads it.", key());
        assertThat(posted.held()).isTrue();
        long held = posted.id();
        assertThat(counts().get("pending")).isEqualTo(before.get("pending") + 1);
        assertThat(commentCount(article)).isZero();
        assertThat(queue("tab=pending&article=" + article)).containsExactly(held);

        MockHttpServletResponse approved = mvc.perform(as(MODERATOR,
                post("/admin/moderation/comments/" + held + "/approve")
                        .param("version", String.valueOf(queues.version(held)))
                        .param("back", "/admin/moderation?tab=pending").with(csrf())))
                .andReturn().getResponse();

        assertThat(approved.getStatus()).isEqualTo(302);
        assertThat(approved.getRedirectedUrl()).isEqualTo("/admin/moderation?tab=pending");
        assertThat(status(held)).isEqualTo("VISIBLE");
        assertThat(commentCount(article)).isEqualTo(1);
        Map<String, Long> after = counts();
        assertThat(after.get("pending")).isEqualTo(before.get("pending"));
        assertThat(after.get("approved")).isEqualTo(before.get("approved") + 1);
        assertThat(queue("tab=pending&article=" + article)).isEmpty();
        assertThat(queue("tab=approved&article=" + article)).containsExactly(held);
        assertThat(Jsoup.parse(page(null, "/comments/" + held)).select("#comment-" + held + " .comment-text").text())
                .isEqualTo("Held until a moderator reads it.");
        assertThat(audit("comment " + held)).containsExactly(MODERATOR + " comment.approved was held");
        assertThat(audit(articles.commentTarget(article).orElseThrow().headline()))
                .containsExactly(MODERATOR + " article.premoderated null");
    }

    // ---------------------------------------------------------------- rejecting

    @Test
    void shouldRejectWithAReasonShowingAPlaceholderToOthersAndTheTextAndReasonToItsAuthor() throws Exception {
        long article = article();
        Reader ana = reader();
        Reader ben = reader();
        long comment = write(ana, article, "Something that breaks the guidelines.");
        Map<String, Long> before = counts();

        Document form = Jsoup.parse(page(MODERATOR, "/admin/moderation/comments/" + comment));
        assertThat(form.select("form.reject-form input[name=version]").val())
                .isEqualTo(String.valueOf(queues.version(comment)));
        MockHttpServletResponse rejected = mvc.perform(as(MODERATOR,
                post("/admin/moderation/comments/" + comment + "/reject").param("reason", "ABUSE")
                        .param("note", "Please keep it civil.").param("version", form.select(
                                "form.reject-form input[name=version]").val()).with(csrf())))
                .andReturn().getResponse();

        assertThat(rejected.getStatus()).isEqualTo(302);
        assertThat(rejected.getRedirectedUrl()).isEqualTo("/admin/moderation");
        assertThat(status(comment)).isEqualTo("REJECTED");
        assertThat(commentCount(article)).isZero();
        assertThat(counts().get("rejected")).isEqualTo(before.get("rejected") + 1);
        assertThat(queue("tab=rejected&article=" + article)).containsExactly(comment);
        assertThat(audit("comment " + comment)).containsExactly(MODERATOR + " comment.rejected ABUSE: Please keep it civil.");

        String removed = "This comment was removed by a moderator because it did not abide by our community "
                + "guidelines.";
        for (String visitor : new String[] { null, ben.username() }) {
            String html = page(visitor, "/comments/" + comment);
            Element placeholder = Jsoup.parse(html).selectFirst("#comment-" + comment);
            assertThat(placeholder).as("the thread page for %s", visitor).isNotNull();
            assertThat(placeholder.select(".comment-removed").text()).isEqualTo(removed);
            assertThat(placeholder.select(".own-removed")).isEmpty();
            assertThat(html).doesNotContain("Something that breaks the guidelines.", "Please keep it civil.");
        }
        Element own = Jsoup.parse(page(ana.username(), "/comments/" + comment)).selectFirst("#comment-" + comment);
        assertThat(own.select(".comment-removed").text()).isEqualTo(removed);
        assertThat(own.select(".own-removed .comment-text").text()).isEqualTo("Something that breaks the guidelines.");
        assertThat(own.select(".own-removed").text()).contains("Reason: abuse", "Please keep it civil.");
        assertThat(own.select(".own-removed a").attr("href")).isEqualTo("/comments/" + comment + "/review");
    }

    @Test
    void shouldRefuseARejectionWithoutAReasonKeepingTheNote() throws Exception {
        long article = article();
        long comment = write(reader(), article, "A comment the moderator forgets to give a reason for.");
        long auditLines = auditLines();

        MockHttpServletResponse response = mvc.perform(as(MODERATOR,
                post("/admin/moderation/comments/" + comment + "/reject").param("note", "A note to keep")
                        .param("version", String.valueOf(queues.version(comment))).with(csrf())))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(response.getContentAsString());
        Element reason = page.selectFirst("form.reject-form fieldset.field-error");
        assertThat(reason).as("the reason's field is marked").isNotNull();
        assertThat(reason.select("#reason-error").text()).isEqualTo("Choose the reason the author will be told.");
        assertThat(reason.attr("aria-describedby")).isEqualTo("reason-error");
        assertThat(page.select("form.reject-form textarea[name=note]").text()).isEqualTo("A note to keep");
        assertThat(status(comment)).isEqualTo("VISIBLE");
        assertThat(auditLines()).isEqualTo(auditLines);
    }

    // ---------------------------------------------------------------- editors' picks

    @Test
    void shouldShowAPickOnTheArticlePageAndInTheMostDiscussedBlockUntilItIsUnpicked() throws Exception {
        // Comments of earlier tests leave the last day, so this article leads the most discussed.
        clock.advance(Duration.ofHours(25));
        long article = article();
        String url = articles.commentTarget(article).orElseThrow().url();
        long picked = write(reader(), article, "A thoughtful comment worth picking.");
        write(reader(), article, "Another comment, to make it discussed.");

        MockHttpServletResponse pick = mvc.perform(as(MODERATOR,
                post("/admin/moderation/comments/" + picked + "/pick").with(csrf()))).andReturn().getResponse();

        assertThat(pick.getStatus()).isEqualTo(302);
        assertThat(pick.getRedirectedUrl()).isEqualTo("/admin/moderation/comments/" + picked);
        Document articlePage = Jsoup.parse(page(null, url));
        assertThat(articlePage.select("section.editors-picks #pick-" + picked + " .comment-text").text())
                .isEqualTo("A thoughtful comment worth picking.");
        Document front = Jsoup.parse(page(null, "/"));
        Element discussed = front.select("section.most-discussed li").stream()
                .filter(li -> li.select("a").first().attr("href").equals(url)).findFirst().orElse(null);
        assertThat(discussed).as("the article in the most discussed").isNotNull();
        assertThat(discussed.select("blockquote.discussed-pick a").text())
                .isEqualTo("A thoughtful comment worth picking.");
        assertThat(discussed.select("blockquote.discussed-pick a").attr("href"))
                .isEqualTo("/comments/" + picked + "#comment-" + picked);

        MockHttpServletResponse unpick = mvc.perform(as(MODERATOR,
                post("/admin/moderation/comments/" + picked + "/unpick").with(csrf()))).andReturn().getResponse();

        assertThat(unpick.getStatus()).isEqualTo(302);
        assertThat(Jsoup.parse(page(null, url)).select("section.editors-picks")).isEmpty();
        Element after = Jsoup.parse(page(null, "/")).select("section.most-discussed li").stream()
                .filter(li -> li.select("a").first().attr("href").equals(url)).findFirst().orElseThrow();
        assertThat(after.select("blockquote.discussed-pick")).isEmpty();
        assertThat(audit("comment " + picked)).containsExactly(MODERATOR + " comment.picked null",
                MODERATOR + " comment.unpicked null");
    }

    // ---------------------------------------------------------------- audit

    @Test
    void shouldWriteTheAuditLineInTheDecisionsOwnTransaction() {
        long article = article();
        long comment = write(reader(), article, "A comment whose rejection is rolled back.");
        int version = queues.version(comment);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            decisions.reject(comment, version, RejectReason.SPAM, null, MODERATOR);
            assertThat(audit("comment " + comment)).as("written with the decision")
                    .containsExactly(MODERATOR + " comment.rejected SPAM");
            tx.setRollbackOnly();
        });

        assertThat(status(comment)).isEqualTo("VISIBLE");
        assertThat(audit("comment " + comment)).as("rolled back with the decision").isEmpty();

        decisions.reject(comment, version, RejectReason.SPAM, null, MODERATOR);
        assertThat(status(comment)).isEqualTo("REJECTED");
        assertThat(audit("comment " + comment)).containsExactly(MODERATOR + " comment.rejected SPAM");
    }

    // ---------------------------------------------------------------- a reader's history

    @Test
    void shouldShowAReadersHistoryWithCommentsRejectionRateSanctionsAndPrivateNotes() throws Exception {
        long article = article();
        Reader zed = reader();
        write(zed, article, "Zed's first, published.");
        write(zed, article, "Zed's second, published.");
        long removed = write(zed, article, "Zed's third, removed.");
        decisions.reject(removed, queues.version(removed), RejectReason.OFF_TOPIC, null, MODERATOR);
        write(zed, premoderatedArticle(), "Zed's fourth, waiting.");

        MockHttpServletResponse suspended = mvc.perform(as(MODERATOR,
                post("/admin/moderation/readers/" + zed.username() + "/sanctions").param("kind", "SUSPENSION")
                        .param("days", "3").param("reason", "Off-topic again and again").with(csrf())))
                .andReturn().getResponse();
        assertThat(suspended.getStatus()).isEqualTo(302);
        assertThat(suspended.getRedirectedUrl()).isEqualTo("/admin/moderation/readers/" + zed.username());
        MockHttpServletResponse noted = mvc.perform(as(ADMIN,
                post("/admin/moderation/readers/" + zed.username() + "/notes")
                        .param("body", "Wrote to us by mail about the suspension.").with(csrf())))
                .andReturn().getResponse();
        assertThat(noted.getStatus()).isEqualTo(302);
        assertThat(noted.getRedirectedUrl()).isEqualTo("/admin/moderation/readers/" + zed.username() + "#notes");

        Document history = Jsoup.parse(page(MODERATOR, "/admin/moderation/readers/" + zed.username()));

        assertThat(history.select("h1").text()).isEqualTo("Reader " + zed.username() + "\u2019s history");
        assertThat(record(history)).containsExactly(Map.entry("Published", "2"), Map.entry("Waiting", "1"),
                Map.entry("Rejected", "1"), Map.entry("Rejection rate", "33%"));
        assertThat(history.select(".reader-history .moderation-item .comment-text").eachText()).containsExactly(
                "Zed's fourth, waiting.", "Zed's third, removed.", "Zed's second, published.",
                "Zed's first, published.");
        assertThat(history.select(".moderation-item").select(".badge-removed")).hasSize(1);
        Element sanction = history.selectFirst(".sanction-list li.in-force");
        assertThat(sanction).isNotNull();
        assertThat(sanction.select("strong").text()).isEqualTo("Suspension");
        assertThat(sanction.select("q").text()).isEqualTo("Off-topic again and again");
        assertThat(sanction.text()).contains("by " + MODERATOR);
        assertThat(sanction.select("form").attr("action")).matches(
                "/admin/moderation/readers/" + zed.username() + "/sanctions/\\d+/lift");
        assertThat(history.select(".note-list li").eachText()).singleElement().asString()
                .contains("Wrote to us by mail about the suspension.", ADMIN);
        assertThat(audit(zed.username())).containsExactly(MODERATOR + " reader.suspension 3 days: Off-topic again "
                + "and again", ADMIN + " reader.note null");
        // The notes are the moderators' own: the reader never sees them.
        assertThat(page(zed.username(), "/account/comments")).doesNotContain("Wrote to us by mail")
                .contains("Off-topic again and again");
    }

    @Test
    void shouldRefuseABlankNoteWithTheMessageNextToTheField() throws Exception {
        Reader zed = reader();

        MockHttpServletResponse response = mvc.perform(as(MODERATOR,
                post("/admin/moderation/readers/" + zed.username() + "/notes").param("body", "   \n ")
                        .with(csrf()))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#notes #body-error").text()).isEqualTo("Write the note before adding it.");
        assertThat(page.select("#notes textarea[name=body]").attr("aria-invalid")).isEqualTo("true");
        assertThat(records.notes(zed.id())).isEmpty();
        assertThat(audit(zed.username())).isEmpty();
    }

    @Test
    void shouldRefuseASuspensionWithoutDaysKeepingTheReason() throws Exception {
        Reader zed = reader();

        MockHttpServletResponse response = mvc.perform(as(MODERATOR,
                post("/admin/moderation/readers/" + zed.username() + "/sanctions").param("kind", "SUSPENSION")
                        .param("days", "").param("reason", "Needs a few days away").with(csrf())))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#sanctions #days-error").text()).isEqualTo("Say how many days the suspension lasts.");
        assertThat(page.select("#sanctions textarea[name=reason]").text()).isEqualTo("Needs a few days away");
        assertThat(page.select("#sanctions input[name=kind][value=SUSPENSION]").hasAttr("checked")).isTrue();
        assertThat(sanctions.history(zed.id())).isEmpty();
        assertThat(sanctions.standing(zed.id()).mayPost()).isTrue();
    }

    // ---------------------------------------------------------------- review requests

    @Test
    void shouldLetTheAuthorAskOnceForAReviewThatPublishesTheCommentAgainAndTellsThem() throws Exception {
        long article = article();
        Reader ana = reader();
        Reader ben = reader();
        long comment = write(ana, article, "I was quoting the article, not insulting anyone.");
        decisions.reject(comment, queues.version(comment), RejectReason.ABUSE, null, MODERATOR);
        String review = "/comments/" + comment + "/review";

        // Nobody but its author reaches the page.
        assertThat(mvc.perform(as(ben.username(), get(review))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(as(ben.username(), post(review).param("note", "Me too").with(csrf()))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(review)).andReturn().getResponse().getStatus()).as("anonymous").isEqualTo(302);
        assertThat(reviews.of(comment)).isEmpty();

        Document form = Jsoup.parse(page(ana.username(), review));
        assertThat(form.select(".own-removed .comment-text").text())
                .isEqualTo("I was quoting the article, not insulting anyone.");
        assertThat(form.select("form[action=\"" + review + "\"] textarea[name=note]")).hasSize(1);
        long openBefore = counts().get("reviews");
        MockHttpServletResponse asked = mvc.perform(as(ana.username(), post(review)
                .param("note", "Please read the article I quoted.").with(csrf()))).andReturn().getResponse();
        assertThat(asked.getStatus()).isEqualTo(302);
        assertThat(asked.getRedirectedUrl()).isEqualTo("/account/comments");

        // Once only.
        Document again = Jsoup.parse(page(ana.username(), review));
        assertThat(again.select("form[action=\"" + review + "\"]")).isEmpty();
        assertThat(again.select("main .notice[role=status]").text()).startsWith("You asked for a review on");
        MockHttpServletResponse twice = mvc.perform(as(ana.username(), post(review).param("note", "Again")
                .with(csrf()))).andReturn().getResponse();
        assertThat(twice.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(twice.getContentAsString()).select("main .notice[role=status]").text())
                .startsWith("You asked for a review on");
        assertThat(reviews.of(comment)).get().satisfies(r -> assertThat(r.note())
                .isEqualTo("Please read the article I quoted."));

        // The desk's tab lists it.
        assertThat(counts().get("reviews")).isEqualTo(openBefore + 1);
        long requestId = reviews.of(comment).orElseThrow().id();
        Document tab = Jsoup.parse(page(MODERATOR, "/admin/moderation?tab=reviews&page=" + pageOfReview(requestId)));
        Element listed = tab.selectFirst("li#review-" + requestId);
        assertThat(listed).isNotNull();
        assertThat(listed.select(".comment-text").text()).isEqualTo("I was quoting the article, not insulting anyone.");
        assertThat(listed.select(".review-request q").text()).isEqualTo("Please read the article I quoted.");

        MockHttpServletResponse decided = mvc.perform(as(MODERATOR, post("/admin/moderation/reviews/" + requestId)
                .param("outcome", "approve").with(csrf()))).andReturn().getResponse();

        assertThat(decided.getStatus()).isEqualTo(302);
        assertThat(decided.getRedirectedUrl()).isEqualTo("/admin/moderation?tab=reviews");
        assertThat(status(comment)).isEqualTo("VISIBLE");
        assertThat(commentCount(article)).isEqualTo(1);
        assertThat(counts().get("reviews")).isEqualTo(openBefore);
        assertThat(Jsoup.parse(page(null, "/comments/" + comment)).select("#comment-" + comment + " .comment-text")
                .text()).isEqualTo("I was quoting the article, not insulting anyone.");
        assertThat(reviews.of(comment)).get().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("APPROVED");
            assertThat(r.decidedBy()).isEqualTo(MODERATOR);
        });
        assertThat(audit("comment " + comment)).contains(MODERATOR + " review.approved Please read the article I quoted.");

        DurableEventsSettled.await(jdbc);
        assertThat(jdbc.queryForList("SELECT detail FROM notification WHERE recipient_id = ? AND kind = 'MODERATION' "
                + "ORDER BY id", String.class, ana.id())).containsExactlyInAnyOrder("rejected", "review-approved");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient_id = ?", Long.class,
                ben.id())).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private record Reader(long id, String username) {
    }

    /** What the access tests act on; made once (the database outlives each test). */
    private record Fixture(long article, long comment, String reader, long review, long sanction) {

        String fill(String path) {
            return path.replace("{article}", String.valueOf(article)).replace("{comment}", String.valueOf(comment))
                    .replace("{reader}", reader).replace("{review}", String.valueOf(review))
                    .replace("{sanction}", String.valueOf(sanction));
        }
    }

    private static Fixture fixture;

    private Fixture fixture() {
        if (fixture == null || jdbc.queryForObject("SELECT COUNT(*) FROM comment WHERE id = ?", Long.class,
                fixture.comment()) == 0) {
            long article = article();
            Reader author = reader();
            long visible = write(author, article, "The access tests' visible comment.");
            long rejected = write(author, article, "The access tests' rejected comment.");
            decisions.reject(rejected, queues.version(rejected), RejectReason.SPAM, null, MODERATOR);
            reviews.request(author.id(), rejected, "Please look again");
            long sanction = sanctions.impose(author.id(), Sanctions.Kind.WARNING, "For the access tests", null, MODERATOR);
            fixture = new Fixture(article, visible, author.username(), reviews.of(rejected).orElseThrow().id(),
                    sanction);
        }
        return fixture;
    }

    private void staff(String username, Role role) {
        if (accounts.idOf(username).isEmpty()) {
            accounts.createVerified(username, "Desk " + role.name().toLowerCase(), username + "@example.com",
                    PASSWORD, EnumSet.of(role));
        }
    }

    private Reader reader() {
        String username = "desk" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(accounts.createVerified(username, "Reader " + username, username + "@example.com", PASSWORD,
                EnumSet.of(Role.READER))).isTrue();
        return new Reader(accounts.idOf(username).orElseThrow(), username);
    }

    private long article() {
        return data.article(section, data.author()).save();
    }

    private long premoderatedArticle() {
        long article = article();
        premoderated.set(article, "premoderated " + article, true, MODERATOR);
        return article;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private long write(Reader reader, long article, String text) {
        // Each reader posts a few comments at most, well within the rate limit.
        return posting.post(reader.id(), article, null, text, key()).id();
    }

    /** The comment gets this many reports, each from a reader of its own. */
    private void report(long comment, int times) {
        for (int i = 0; i < times; i++) {
            reports.report(reader().id(), comment, ReportReason.ABUSE, null);
        }
    }

    private String status(long comment) {
        return jdbc.queryForObject("SELECT status FROM comment WHERE id = ?", String.class, comment);
    }

    private int commentCount(long article) {
        return articles.commentTarget(article).orElseThrow().commentCount();
    }

    private long auditLines() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
    }

    /** The audit lines about this target, oldest first, as "actor action detail". */
    private List<String> audit(String target) {
        return jdbc.queryForList("SELECT actor, action, detail FROM audit_log WHERE target = ? ORDER BY id", target)
                .stream().map(row -> row.get("ACTOR") + " " + row.get("ACTION") + " " + row.get("DETAIL")).toList();
    }

    private MockHttpServletRequestBuilder as(String visitor, MockHttpServletRequestBuilder request) {
        return visitor == null || "anonymous".equals(visitor) ? request
                : request.with(user(users.loadUserByUsername(visitor)));
    }

    private String page(String visitor, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(as(visitor, get(path))).andReturn().getResponse();
        assertThat(response.getStatus()).as("status of %s for %s", path, visitor).isEqualTo(200);
        return response.getContentAsString();
    }

    private Document desk(String query) throws Exception {
        return Jsoup.parse(page(MODERATOR, "/admin/moderation?" + query));
    }

    /** The ids of the comments the queue lists, in its order. */
    private List<Long> queue(String query) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (Element item : desk(query).select("li.moderation-item")) {
            // item-{id}-{index}
            ids.add(Long.parseLong(item.id().split("-")[1]));
        }
        return ids;
    }

    /** The count in each tab's label ("Pending (3)"), by tab. */
    private Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Element tab : desk("tab=pending").select("nav.desk-tabs a")) {
            String name = tab.attr("href").replaceAll(".*tab=([a-z]+).*", "$1");
            Matcher count = TAB.matcher(tab.text());
            assertThat(count.find()).as(tab.text()).isTrue();
            counts.put(name, Long.parseLong(count.group(1)));
        }
        assertThat(counts.keySet()).containsExactly("pending", "reported", "approved", "rejected", "reviews");
        return counts;
    }

    private static Map<String, String> record(Document history) {
        Map<String, String> record = new LinkedHashMap<>();
        for (Element term : history.select("dl.record dt")) {
            record.put(term.text(), term.nextElementSibling().text());
        }
        return record;
    }

    /** The page of the Review requests tab that lists this request (oldest first, 25 a page). */
    private long pageOfReview(long requestId) {
        long older = jdbc.queryForObject("SELECT COUNT(*) FROM review_request WHERE decided_at IS NULL AND id < ?",
                Long.class, requestId);
        return older / ReviewRequests.PER_PAGE + 1;
    }
}
