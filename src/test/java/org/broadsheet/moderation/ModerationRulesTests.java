package org.broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.AccountViews.Registration;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentDecisions;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentEditing;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.CommentSort;
import org.broadsheet.comment.CommentViews.Posted;
import org.broadsheet.comment.DecisionConflictException;
import org.broadsheet.comment.HoldReason;
import org.broadsheet.comment.CommentRecords;
import org.broadsheet.comment.ModerationQueues;
import org.broadsheet.comment.ModerationQueues.Filter;
import org.broadsheet.comment.ModerationQueues.Order;
import org.broadsheet.comment.ModerationQueues.Queue;
import org.broadsheet.comment.ModerationQueues.QueueItem;
import org.broadsheet.comment.ModerationQueues.ReportLine;
import org.broadsheet.comment.RejectReason;
import org.broadsheet.moderation.ModerationSettings.Rules;
import org.broadsheet.moderation.WordLists.WordList;
import org.broadsheet.support.DurableEventsSettled;
import org.broadsheet.support.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The moderation desk's rules as readers meet them, through the real services on H2: banned words refuse a
 * comment, suspect words report it, and pre-moderation, new accounts, links and unverified addresses hold it until
 * a moderator decides; a held comment is seen by its author only, and counted once it is approved. Each call
 * commits on its own, as a request would; every rule and list changed here is put back after each test, as the
 * tests share one database.
 */
@SpringBootTest
// The same configuration as the other clock-moving tests (CommentServiceTests), so the context is shared.
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class ModerationRulesTests {

    private static final String PASSWORD = "copper-kettle-meadow";
    private static final String MODERATOR = "desk-tests";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    CommentService comments;

    @Autowired
    CommentPosting posting;

    @Autowired
    CommentEditing editing;

    @Autowired
    CommentDecisions decisions;

    @Autowired
    ModerationQueues queues;

    @Autowired
    CommentRecords commentRecords;

    @Autowired
    WordLists words;

    @Autowired
    ModerationSettings settings;

    @Autowired
    PremoderatedArticles premoderated;

    @Autowired
    ReaderRecords records;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleImports imports;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private ArticleTestData data;
    private String section;
    private Rules rulesBefore;
    private final List<String[]> wordsAdded = new ArrayList<>();
    private final List<Long> premoderatedArticles = new ArrayList<>();
    private final List<Long> trustedReaders = new ArrayList<>();

    @BeforeEach
    void setUp() {
        // Posts of earlier tests leave the one-minute window of the rate limit.
        clock.advance(Duration.ofMinutes(2));
        data = new ArticleTestData(imports);
        section = data.section(null);
        rulesBefore = settings.rules();
    }

    @AfterEach
    void putTheDeskBack() {
        settings.change(rulesBefore, MODERATOR);
        for (String[] added : wordsAdded) {
            words.remove(WordList.valueOf(added[0]), added[1], MODERATOR);
        }
        premoderatedArticles.forEach(id -> premoderated.set(id, "article " + id, false, MODERATOR));
        trustedReaders.forEach(id -> records.trust(id, false, MODERATOR));
        DurableEventsSettled.await(jdbc);
    }

    // ---------------------------------------------------------------- helpers

    private record Reader(long id, String username) {
    }

    private Reader reader() {
        String username = "modrules" + SEQUENCE.incrementAndGet();
        assertThat(accounts.createVerified(username, "Reader " + username, username + "@example.com", PASSWORD,
                EnumSet.of(Role.READER))).isTrue();
        return new Reader(accounts.idOf(username).orElseThrow(), username);
    }

    private Reader unverifiedReader() {
        String username = "modunverified" + SEQUENCE.incrementAndGet();
        long id = accounts.register(new Registration(username, "Una " + username, username + "@example.com",
                PASSWORD)).id();
        return new Reader(id, username);
    }

    private long article() {
        return data.article(section, data.author()).save();
    }

    private long premoderatedArticle() {
        long id = article();
        premoderated.set(id, "article " + id, true, MODERATOR);
        premoderatedArticles.add(id);
        return id;
    }

    private void ban(String word) {
        add(WordList.BANNED, word);
    }

    private void suspect(String word) {
        add(WordList.SUSPECT, word);
    }

    private void add(WordList list, String word) {
        words.add(list, word, MODERATOR);
        wordsAdded.add(new String[] { list.name(), WordMatcher.fold(word) });
    }

    private void rules(int newAccountHolds, int trustedAfter, boolean holdLinks, boolean holdUnverified) {
        settings.change(new Rules(newAccountHolds, trustedAfter, holdLinks, holdUnverified), MODERATOR);
    }

    private void trust(Reader reader) {
        records.trust(reader.id(), true, MODERATOR);
        trustedReaders.add(reader.id());
    }

    private Posted comment(Reader reader, long articleId, String text) {
        // Each post a little later, so that a test posting many comments keeps under the rate limit.
        clock.advance(Duration.ofSeconds(20));
        return posting.post(reader.id(), articleId, null, text, UUID.randomUUID().toString());
    }

    private Posted reply(Reader reader, long articleId, long parentId, String text) {
        clock.advance(Duration.ofSeconds(20));
        return posting.post(reader.id(), articleId, parentId, text, UUID.randomUUID().toString());
    }

    private void approve(long commentId) {
        decisions.approve(commentId, queues.version(commentId), MODERATOR);
    }

    private void reject(long commentId) {
        decisions.reject(commentId, queues.version(commentId), RejectReason.ABUSE, null, MODERATOR);
    }

    private int commentCount(long articleId) {
        return articles.commentTarget(articleId).orElseThrow().commentCount();
    }

    private long rowsOf(Reader reader) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM comment WHERE author_id = ?", Long.class, reader.id());
    }

    private String statusOf(long commentId) {
        return jdbc.queryForObject("SELECT status FROM comment WHERE id = ?", String.class, commentId);
    }

    private List<Long> shownIds(long articleId) {
        return comments.discussion(articleId, CommentSort.DEFAULT, 1).threads().items()
                .stream().map(t -> t.root().id()).toList();
    }

    private RequestPostProcessor as(Reader reader) {
        return user(users.loadUserByUsername(reader.username()));
    }

    private String articleUrl(long articleId) {
        return comments.article(articleId).url();
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private Document page(String path, Reader reader) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(reader))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    // ---------------------------------------------------------------- word lists

    @Test
    void shouldStoreWordsFoldedAndEachOnce() {
        add(WordList.BANNED, "Flümox");
        assertThat(words.add(WordList.BANNED, "FLUMOX\nflümox\n  \n", MODERATOR)).as("already there").isZero();
        assertThat(words.words(WordList.BANNED)).contains("flumox").doesNotContain("Flümox");
        assertThat(words.words(WordList.SUSPECT)).doesNotContain("flumox");
        assertThat(words.both().banned()).contains("flumox");
    }

    @Test
    void shouldRefuseACommentWithABannedWordNamingTheWordAndStoreNothing() {
        ban("Flümox");
        Reader ana = reader();
        long articleId = article();

        assertThatThrownBy(() -> comment(ana, articleId, "Only a FLUMOX would write this."))
                .isInstanceOfSatisfying(CommentRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("comment.text.banned");
                    assertThat(e.args()).containsExactly("flumox");
                });

        assertThat(rowsOf(ana)).isZero();
        assertThat(commentCount(articleId)).isZero();
        assertThat(shownIds(articleId)).isEmpty();
        // A longer word that holds the banned one is not refused.
        assertThat(comment(ana, articleId, "I was utterly flumoxed by the figures.").held()).isFalse();
        assertThat(commentCount(articleId)).isEqualTo(1);
    }

    @Test
    void shouldRefuseABannedPhraseWhateverTheSpacingEvenWhereCommentsAreHeld() {
        ban("buy zorbfollowers");
        Reader ana = reader();
        long articleId = premoderatedArticle();

        assertThatThrownBy(() -> comment(ana, articleId, "Why not Buy   ZORBFOLLOWERS, it works"))
                .isInstanceOfSatisfying(CommentRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("comment.text.banned");
                    assertThat(e.args()).containsExactly("buy zorbfollowers");
                });
        assertThat(rowsOf(ana)).as("refused, not held").isZero();
        assertThat(queues.pendingOn(articleId)).isZero();
    }

    @Test
    void shouldRefuseAnEditThatAddsABannedWordAndKeepTheText() {
        ban("grumbleweed");
        Reader ana = reader();
        long articleId = article();
        long id = comment(ana, articleId, "A perfectly civil remark.").id();

        assertThatThrownBy(() -> editing.edit(ana.id(), id, "A perfectly civil grumbleweed."))
                .isInstanceOfSatisfying(CommentRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("comment.text.banned"));

        assertThat(jdbc.queryForObject("SELECT body FROM comment WHERE id = ?", String.class, id))
                .isEqualTo("A perfectly civil remark.");
    }

    @Test
    void shouldShowTheBannedWordRefusalNextToTheTextFieldAndKeepWhatWasTyped() throws Exception {
        ban("snollygoster");
        Reader ana = reader();
        long articleId = article();
        String typed = "You absolute Snollygoster, <b>read</b> the report";

        String html = mvc.perform(post("/articles/{id}/comments", articleId).param("text", typed)
                .param("key", UUID.randomUUID().toString()).with(as(ana)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        Document form = Jsoup.parse(html);
        assertThat(form.select(".field.field-error p.error").text())
                .contains("\u201csnollygoster\u201d").contains("banned words rule");
        assertThat(form.select(".field.field-error textarea[name=text]").text()).isEqualTo(typed);
        assertThat(form.select("textarea[name=text]").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.select("b")).as("the typed text is escaped").isEmpty();
        assertThat(rowsOf(ana)).isZero();
    }

    @Test
    void shouldPublishACommentWithASuspectWordAndReportItForTheWord() {
        suspect("Blatherskite");
        Reader ana = reader();
        long articleId = article();

        Posted posted = comment(ana, articleId, "What BLATHERSKITE, frankly.");

        assertThat(posted.held()).isFalse();
        assertThat(statusOf(posted.id())).isEqualTo("VISIBLE");
        assertThat(commentCount(articleId)).isEqualTo(1);
        assertThat(shownIds(articleId)).containsExactly(posted.id());
        List<QueueItem> reported = queues.page(Queue.REPORTED, new Filter(articleId, null, null), Order.NEWEST, 1)
                .items();
        assertThat(reported).extracting(QueueItem::id).containsExactly(posted.id());
        assertThat(reported.get(0).openReports()).isEqualTo(1);
        ReportLine report = reported.get(0).reports().get(0);
        assertThat(report.reason()).isEqualTo("SUSPECT_WORDS");
        assertThat(report.note()).isEqualTo("blatherskite");
        assertThat(report.reporterUsername()).as("reported by the site").isNull();
        assertThat(report.open()).isTrue();
    }

    @Test
    void shouldNotReportACommentWithoutSuspectWords() {
        suspect("blatherskite");
        Reader ana = reader();
        long articleId = article();

        comment(ana, articleId, "Blathering on, but nothing suspect here.");

        assertThat(queues.page(Queue.REPORTED, new Filter(articleId, null, null), Order.NEWEST, 1).items())
                .isEmpty();
    }

    @Test
    void shouldReportAnEditThatAddsASuspectWord() {
        suspect("mountebank");
        Reader ana = reader();
        long articleId = article();
        long id = comment(ana, articleId, "The minister has a point.").id();

        editing.edit(ana.id(), id, "The minister is a mountebank.");

        List<QueueItem> reported = queues.page(Queue.REPORTED, new Filter(articleId, null, null), Order.NEWEST, 1)
                .items();
        assertThat(reported).extracting(QueueItem::id).containsExactly(id);
        assertThat(reported.get(0).reports()).extracting(ReportLine::reason).containsExactly("SUSPECT_WORDS");
    }

    // ---------------------------------------------------------------- pre-moderation

    @Test
    void shouldHoldEveryCommentOnAPremoderatedArticleAndCountItOnceWhenApproved() {
        Reader ana = reader();
        long articleId = premoderatedArticle();

        Posted posted = comment(ana, articleId, "Held until a moderator reads it.");

        assertThat(posted.held()).isTrue();
        assertThat(posted.holdReason()).isEqualTo(HoldReason.PREMODERATED);
        assertThat(statusOf(posted.id())).isEqualTo("HELD");
        assertThat(commentCount(articleId)).isZero();
        assertThat(shownIds(articleId)).isEmpty();
        List<QueueItem> pending = queues.page(Queue.PENDING, new Filter(articleId, null, null), Order.NEWEST, 1)
                .items();
        assertThat(pending).extracting(QueueItem::id).containsExactly(posted.id());
        assertThat(pending.get(0).heldReason()).isEqualTo("PREMODERATED");
        assertThat(queues.pendingOn(articleId)).isEqualTo(1);

        int version = queues.version(posted.id());
        decisions.approve(posted.id(), version, MODERATOR);

        assertThat(statusOf(posted.id())).isEqualTo("VISIBLE");
        assertThat(commentCount(articleId)).isEqualTo(1);
        assertThat(shownIds(articleId)).containsExactly(posted.id());
        assertThat(queues.pendingOn(articleId)).isZero();
        // A second moderator deciding on what they were shown is refused, and counts nothing.
        assertThatThrownBy(() -> decisions.approve(posted.id(), version, "another-moderator"))
                .isInstanceOf(DecisionConflictException.class);
        assertThat(commentCount(articleId)).isEqualTo(1);
        // Approving a published comment again keeps it, and counts nothing either.
        approve(posted.id());
        assertThat(commentCount(articleId)).isEqualTo(1);
    }

    @Test
    void shouldHoldRepliesOnAPremoderatedArticleAndCountThemOnceApproved() {
        Reader ana = reader();
        Reader ben = reader();
        long articleId = article();
        long root = comment(ana, articleId, "Before pre-moderation was switched on.").id();
        premoderated.set(articleId, "article " + articleId, true, MODERATOR);
        premoderatedArticles.add(articleId);

        Posted answer = reply(ben, articleId, root, "A reply that waits.");

        assertThat(answer.holdReason()).isEqualTo(HoldReason.PREMODERATED);
        assertThat(commentCount(articleId)).isEqualTo(1);
        assertThat(comments.thread(root).thread().replyCount()).isZero();
        approve(answer.id());
        assertThat(commentCount(articleId)).isEqualTo(2);
        assertThat(comments.thread(root).thread().replyCount()).isEqualTo(1);
    }

    @Test
    void shouldNotCountARejectedHeldComment() {
        Reader ana = reader();
        long articleId = premoderatedArticle();
        long id = comment(ana, articleId, "Held, then rejected.").id();

        reject(id);

        assertThat(statusOf(id)).isEqualTo("REJECTED");
        assertThat(commentCount(articleId)).isZero();
    }

    @Test
    void shouldPublishAgainWhenPremoderationIsSwitchedOff() {
        Reader ana = reader();
        long articleId = premoderatedArticle();
        assertThat(premoderated.premoderated(articleId)).isTrue();

        premoderated.set(articleId, "article " + articleId, false, MODERATOR);

        assertThat(premoderated.premoderated(articleId)).isFalse();
        assertThat(comment(ana, articleId, "Straight on the page.").held()).isFalse();
        assertThat(commentCount(articleId)).isEqualTo(1);
    }

    @Test
    void shouldSayOnTheArticlePageThatItsCommentsAreReadByAModerator() throws Exception {
        long articleId = premoderatedArticle();
        long other = article();

        assertThat(page(articleUrl(articleId)).select("p.premoderated-note").text())
                .contains("read by a moderator");
        assertThat(page(articleUrl(other)).select("p.premoderated-note")).isEmpty();

        premoderated.set(articleId, "article " + articleId, false, MODERATOR);
        assertThat(page(articleUrl(articleId)).select("p.premoderated-note")).isEmpty();
    }

    // ---------------------------------------------------------------- new accounts and trust

    @Test
    void shouldHoldTheFirstCommentsOfANewAccount() {
        rules(2, 0, false, false);
        Reader ana = reader();
        long articleId = article();

        Posted first = comment(ana, articleId, "My first comment here.");
        Posted second = comment(ana, articleId, "My second comment here.");
        Posted third = comment(ana, articleId, "My third comment here.");

        assertThat(first.holdReason()).isEqualTo(HoldReason.NEW_ACCOUNT);
        assertThat(second.holdReason()).isEqualTo(HoldReason.NEW_ACCOUNT);
        assertThat(third.held()).isFalse();
        assertThat(commentCount(articleId)).isEqualTo(1);
        assertThat(shownIds(articleId)).containsExactly(third.id());
    }

    @Test
    void shouldHoldNothingForNewAccountsWhenTheRuleIsOff() {
        rules(0, 0, false, false);
        Reader ana = reader();

        assertThat(comment(ana, article(), "Straight away.").held()).isFalse();
    }

    @Test
    void shouldLetATrustedReaderSkipTheNewAccountRule() {
        rules(2, 0, false, false);
        Reader ana = reader();
        long articleId = article();
        trust(ana);
        assertThat(records.trusted(ana.id())).isTrue();

        assertThat(comment(ana, articleId, "Trusted from the start.").held()).isFalse();

        records.trust(ana.id(), false, MODERATOR);
        assertThat(records.trusted(ana.id())).isFalse();
        assertThat(comment(ana, articleId, "No longer trusted.").holdReason()).isEqualTo(HoldReason.NEW_ACCOUNT);
    }

    @Test
    void shouldTrustAReaderAfterEnoughPublishedCommentsWithoutARejection() {
        rules(10, 2, false, false);
        Reader ana = reader();
        long articleId = article();

        Posted first = comment(ana, articleId, "First, waits for a moderator.");
        assertThat(first.holdReason()).isEqualTo(HoldReason.NEW_ACCOUNT);
        approve(first.id());
        Posted second = comment(ana, articleId, "Second, waits too: one published is not enough.");
        assertThat(second.holdReason()).isEqualTo(HoldReason.NEW_ACCOUNT);
        approve(second.id());

        Posted third = comment(ana, articleId, "Third, trusted now.");
        assertThat(third.held()).as("two published comments and no rejection").isFalse();
        assertThat(commentCount(articleId)).isEqualTo(3);
    }

    @Test
    void shouldNotCountHeldCommentsTowardsTrust() {
        rules(10, 2, false, false);
        Reader ana = reader();
        long articleId = article();

        comment(ana, articleId, "Waiting one.");
        comment(ana, articleId, "Waiting two.");

        assertThat(comment(ana, articleId, "Still waiting: nothing was published.").holdReason())
                .isEqualTo(HoldReason.NEW_ACCOUNT);
    }

    @Test
    void shouldLoseEarnedTrustWithOneRejection() {
        rules(10, 2, false, false);
        Reader ana = reader();
        long articleId = article();
        approve(comment(ana, articleId, "One.").id());
        approve(comment(ana, articleId, "Two.").id());
        Posted published = comment(ana, articleId, "Three, trusted.");
        assertThat(published.held()).isFalse();

        reject(published.id());

        assertThat(commentRecords.approvedCount(ana.id())).as("still two published").isEqualTo(2);
        assertThat(comment(ana, articleId, "Four, after a rejection.").holdReason()).isEqualTo(HoldReason.NEW_ACCOUNT);
    }

    @Test
    void shouldNotGiveTrustBackWhenTheAuthorDeletesTheRejectedComment() {
        rules(10, 2, false, false);
        Reader ana = reader();
        long articleId = article();
        approve(comment(ana, articleId, "One.").id());
        approve(comment(ana, articleId, "Two.").id());
        Posted published = comment(ana, articleId, "Three, trusted.");
        reject(published.id());

        editing.delete(ana.id(), published.id());

        assertThat(commentRecords.everRejected(ana.id())).as("a rejection is not undone by deleting the comment").isTrue();
        assertThat(comment(ana, articleId, "Four, the rejection deleted.").holdReason())
                .isEqualTo(HoldReason.NEW_ACCOUNT);
    }

    @Test
    void shouldNeverTrustByCountWhenTrustedAfterIsZero() {
        rules(10, 0, false, false);
        Reader ana = reader();
        long articleId = article();
        approve(comment(ana, articleId, "One.").id());
        approve(comment(ana, articleId, "Two.").id());

        assertThat(comment(ana, articleId, "Three.").holdReason()).isEqualTo(HoldReason.NEW_ACCOUNT);
    }

    @Test
    void shouldKeepTheRulesWithinBounds() {
        rules(-3, 1000, true, false);

        Rules rules = settings.rules();
        assertThat(rules.newAccountHolds()).isZero();
        assertThat(rules.trustedAfter()).isEqualTo(ModerationSettings.MAX_COUNT);
        assertThat(rules.holdLinks()).isTrue();
    }

    // ---------------------------------------------------------------- links and unverified addresses

    @Test
    void shouldHoldACommentWithALinkWhenTheRuleIsOn() {
        rules(0, 0, true, false);
        Reader ana = reader();
        long articleId = article();

        assertThat(comment(ana, articleId, "The source: https://example.com/report.pdf").holdReason())
                .isEqualTo(HoldReason.LINKS);
        assertThat(comment(ana, articleId, "No link in this one, example.com aside.").held()).isFalse();

        rules(0, 0, false, false);
        assertThat(comment(ana, articleId, "With the rule off: https://example.com/other").held()).isFalse();
        assertThat(commentCount(articleId)).isEqualTo(2);
    }

    @Test
    void shouldHoldTheCommentsOfAnUnverifiedReaderWhenTheRuleIsOn() {
        rules(0, 0, false, true);
        assertThat(settings.rules().holdUnverified()).isTrue();
        Reader una = unverifiedReader();
        Reader ana = reader();
        long articleId = article();

        assertThat(comment(una, articleId, "Not verified yet.").holdReason()).isEqualTo(HoldReason.UNVERIFIED);
        assertThat(comment(ana, articleId, "Verified, shown.").held()).isFalse();

        rules(0, 0, false, false);
        assertThat(settings.rules().holdUnverified()).isFalse();
        assertThat(comment(una, articleId, "Not verified, but the rule is off.").held()).isFalse();
    }

    @Test
    void shouldSayTheFirstRuleThatHoldsAComment() {
        rules(2, 0, true, true);
        Reader una = unverifiedReader();
        long articleId = article();
        long premoderatedId = premoderatedArticle();

        assertThat(comment(una, premoderatedId, "Everything at once: https://example.com/a").holdReason())
                .isEqualTo(HoldReason.PREMODERATED);
        assertThat(comment(una, articleId, "New, a link and unverified: https://example.com/b").holdReason())
                .isEqualTo(HoldReason.NEW_ACCOUNT);
    }

    // ---------------------------------------------------------------- who sees a held comment

    @Test
    void shouldShowAHeldCommentToItsAuthorOnlyUntilItIsApproved() throws Exception {
        Reader ana = reader();
        Reader ben = reader();
        long articleId = premoderatedArticle();
        String text = "Quillwort harbour opinion " + UUID.randomUUID();
        long id = comment(ana, articleId, text).id();
        DurableEventsSettled.await(jdbc);
        String url = articleUrl(articleId);

        Document anonymous = page(url);
        assertThat(anonymous.html()).doesNotContain(text);
        assertThat(anonymous.select(".own-waiting")).isEmpty();
        assertThat(page("/articles/" + articleId + "/comments").html()).doesNotContain(text);
        mvc.perform(get("/comments/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(get("/comments/{id}", id).with(as(ana))).andExpect(status().isNotFound());
        assertThat(page("/users/" + ana.username()).html()).doesNotContain(text);
        assertThat(commentCount(articleId)).isZero();

        Document own = page(url, ana);
        assertThat(own.select(".own-waiting").text()).contains(text);
        assertThat(own.select(".own-waiting #comment-" + id)).hasSize(1);
        assertThat(own.select(".thread-list").text()).doesNotContain(text);

        Document other = page(url, ben);
        assertThat(other.select(".own-waiting")).isEmpty();
        assertThat(other.html()).doesNotContain(text);

        approve(id);
        DurableEventsSettled.await(jdbc);

        assertThat(page(url).select(".thread-list").text()).contains(text);
        assertThat(page(url, ana).select(".own-waiting")).isEmpty();
        mvc.perform(get("/comments/{id}", id)).andExpect(status().isOk());
        assertThat(page("/users/" + ana.username()).html()).contains(text);
        assertThat(commentCount(articleId)).isEqualTo(1);
    }

    @Test
    void shouldLeaveAHeldReplyOutOfItsThreadForOthers() throws Exception {
        rules(1, 0, false, false);
        Reader ana = reader();
        Reader ben = reader();
        long articleId = article();
        trust(ana);
        long root = comment(ana, articleId, "A thread anyone can read.").id();
        String text = "Bladderwrack reply " + UUID.randomUUID();
        Posted held = reply(ben, articleId, root, text);
        assertThat(held.holdReason()).isEqualTo(HoldReason.NEW_ACCOUNT);
        DurableEventsSettled.await(jdbc);

        assertThat(page("/comments/" + root).html()).doesNotContain(text);
        assertThat(page(articleUrl(articleId)).html()).doesNotContain(text);
        assertThat(page(articleUrl(articleId), ana).html()).doesNotContain(text);
        assertThat(page(articleUrl(articleId), ben).select(".own-waiting").text()).contains(text);
        assertThat(commentCount(articleId)).isEqualTo(1);
    }

    @Test
    void shouldTellTheAuthorOverHttpThatTheCommentWaits() throws Exception {
        Reader ana = reader();
        long articleId = premoderatedArticle();

        mvc.perform(post("/articles/{id}/comments", articleId).param("text", "Waiting, posted over HTTP.")
                .param("key", UUID.randomUUID().toString()).with(as(ana)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(rowsOf(ana)).isEqualTo(1);
        assertThat(queues.pendingOn(articleId)).isEqualTo(1);
        assertThat(commentCount(articleId)).isZero();
    }
}
