package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Registration;
import org.broadsheet.account.Role;
import org.broadsheet.account.SiteSettings;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.article.ArticleType;
import org.broadsheet.article.NewArticle;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.comment.CommentViews.Discussion;
import org.broadsheet.comment.CommentViews.IgnoredReader;
import org.broadsheet.comment.CommentViews.Posted;
import org.broadsheet.comment.CommentViews.Recommendation;
import org.broadsheet.comment.CommentViews.ThreadPage;
import org.broadsheet.comment.CommentViews.ThreadView;
import org.broadsheet.mail.DevMailbox;
import org.broadsheet.mail.Mailer;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.support.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every rule of the commenting forum, applied through {@link CommentService} to a real (H2) database: what is
 * stored, what the counters say and what the views show afterwards. Each call commits on its own, as a request
 * would.
 */
@SpringBootTest
// The same configuration as the other clock-moving tests (PasswordResetTests), so the context is shared.
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class CommentServiceTests {

    private static final String PASSWORD = "copper-kettle-meadow";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern VERIFY_LINK = Pattern.compile("/account/verify\\?token=([A-Za-z0-9_-]{20,})");

    @Autowired
    CommentService comments;

    @Autowired
    CommentPosting posting;

    @Autowired
    CommentEditing editing;

    @Autowired
    Recommendations recommendations;

    @Autowired
    CommentReports reports;

    @Autowired
    IgnoredReaders ignoredReaders;

    @Autowired
    AuthorComments authorComments;

    @Autowired
    CommentHighlights highlights;

    @Autowired
    CommentSeeder seeder;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleImports imports;

    @Autowired
    SiteSettings settings;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Mailer mailer;

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

    private record Reader(long id, String username, String displayName) {
    }

    private Reader reader() {
        return reader("Commenter");
    }

    private Reader reader(String name) {
        int n = SEQUENCE.incrementAndGet();
        String username = "commenter" + n;
        String displayName = name + " " + n;
        assertThat(accounts.createVerified(username, displayName, username + "@example.com", PASSWORD,
                EnumSet.of(Role.READER))).isTrue();
        return new Reader(accounts.idOf(username).orElseThrow(), username, displayName);
    }

    private long article() {
        return data.article(section, data.author()).save();
    }

    private long closedArticle() {
        String headline = ArticleTestData.unique("Closed");
        return imports.createArticle(new NewArticle(null, headline, "Standfirst", "Body.", ArticleType.NEWS, section,
                List.of(), List.of(data.author()), List.of(), null, Instant.now().minusSeconds(3600), null, false,
                null, null));
    }

    private long post(Reader reader, long articleId, String text) {
        Posted posted = posting.post(reader.id(), articleId, null, text, UUID.randomUUID().toString());
        assertThat(posted.held()).isFalse();
        return posted.id();
    }

    private long reply(Reader reader, long articleId, long parentId, String text) {
        return posting.post(reader.id(), articleId, parentId, text, UUID.randomUUID().toString()).id();
    }

    private int commentCount(long articleId) {
        return articles.commentTarget(articleId).orElseThrow().commentCount();
    }

    private int rows(String where, Object... args) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM comment WHERE " + where, Integer.class, args);
    }

    private Map<String, Object> row(long commentId) {
        return jdbc.queryForMap("SELECT * FROM comment WHERE id = ?", commentId);
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static void assertRefused(String code, ThrowingCallable action) {
        assertThatThrownBy(action).isInstanceOfSatisfying(CommentRejectedException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private Discussion discussion(long articleId, CommentSort sort, int page) {
        return comments.discussion(articleId, sort, page);
    }

    private static List<Long> rootIds(Discussion discussion) {
        return discussion.threads().items().stream().map(t -> t.root().id()).toList();
    }

    private ThreadView threadOf(long articleId, long rootId) {
        return discussion(articleId, CommentSort.OLDEST, 1).threads().items().stream()
                .filter(t -> t.root().id() == rootId).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + rootId + " on the first page"));
    }

    private static List<Long> ids(List<CommentView> views) {
        return views.stream().map(CommentView::id).toList();
    }

    private static int shown(CommentView comment) {
        int total = 0;
        for (CommentView reply : comment.replies()) {
            total += 1 + shown(reply);
        }
        return total;
    }

    /**
     * The counters agree with the rows: the article counts its visible comments, each thread the replies it shows
     * (placeholders included), each comment its recommendations.
     */
    private void assertCountsExact(long articleId) {
        assertThat(commentCount(articleId)).as("comment count of article " + articleId)
                .isEqualTo(rows("article_id = ? AND status = 'VISIBLE'", articleId));
        for (Map<String, Object> root : jdbc.queryForList("""
                SELECT r.id, r.reply_count, (SELECT COUNT(*) FROM comment c WHERE c.root_id = r.id
                  AND c.parent_id IS NOT NULL AND c.status <> 'HELD') AS actual
                FROM comment r WHERE r.article_id = ? AND r.parent_id IS NULL""", articleId)) {
            assertThat(number(root.get("reply_count"))).as("reply count of thread " + root.get("id"))
                    .isEqualTo(number(root.get("actual")));
        }
        for (Map<String, Object> comment : jdbc.queryForList("""
                SELECT c.id, c.recommend_count, (SELECT COUNT(*) FROM comment_recommendation r
                  WHERE r.comment_id = c.id) AS actual
                FROM comment c WHERE c.article_id = ?""", articleId)) {
            assertThat(number(comment.get("recommend_count"))).as("recommend count of " + comment.get("id"))
                    .isEqualTo(number(comment.get("actual")));
        }
    }

    // ---------------------------------------------------------------- text

    @Test
    void shouldStoreNormalisedTextAndShowItEscapedWithLinksMarkedUserGenerated() {
        Reader ana = reader();
        long articleId = article();
        long id = post(ana, articleId,
                "  <script>alert('x')</script> Read https://example.org/a?b=1&c=2 now\r\n\r\nSecond\u0007 part \t\r\n");

        assertThat(row(id).get("body"))
                .isEqualTo("<script>alert('x')</script> Read https://example.org/a?b=1&c=2 now\n\nSecond part");
        CommentView view = threadOf(articleId, id).root();
        Document html = Jsoup.parseBodyFragment(view.html());
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("p")).hasSize(2);
        assertThat(html.select("p").get(0).text()).startsWith("<script>alert('x')</script> Read");
        assertThat(html.select("a")).hasSize(1);
        assertThat(html.select("a").attr("href")).isEqualTo("https://example.org/a?b=1&c=2");
        assertThat(html.select("a").attr("rel")).isEqualTo("nofollow ugc");
        assertThat(html.select("p").get(1).text()).isEqualTo("Second part");
    }

    @Test
    void shouldTakeUpToFiveThousandCharactersAndThreeLinks() {
        Reader ana = reader();
        long articleId = article();
        String longest = "x".repeat(CommentText.MAX_LENGTH);
        long id = post(ana, articleId, "\n  " + longest + "  \n");
        assertThat(row(id).get("body")).isEqualTo(longest);
        post(ana, articleId, "See http://a.example/1, https://b.example/2 and https://c.example/3.");

        assertRefused("comment.text.size",
                () -> posting.post(ana.id(), articleId, null, longest + "y", UUID.randomUUID().toString()));
        assertRefused("comment.text.links", () -> posting.post(ana.id(), articleId, null,
                "http://a.example https://b.example https://c.example https://d.example", "k-links"));
        assertRefused("comment.text.required",
                () -> posting.post(ana.id(), articleId, null, " \r\n\t\u0007 ", UUID.randomUUID().toString()));
        assertRefused("comment.text.required", () -> posting.post(ana.id(), articleId, null, null, null));
        assertThat(rows("author_id = ?", ana.id())).as("nothing refused is stored").isEqualTo(2);
        assertCountsExact(articleId);
    }

    // ---------------------------------------------------------------- limits

    @Test
    void shouldLimitEachReaderToFiveCommentsAMinute() {
        Reader ana = reader();
        Reader ben = reader();
        long articleId = article();
        for (int i = 0; i < CommentPosting.POSTS_PER_MINUTE; i++) {
            post(ana, articleId, "Point number " + i);
        }
        assertRefused("comment.text.too-fast",
                () -> posting.post(ana.id(), articleId, null, "One too many", UUID.randomUUID().toString()));
        // The limit is each reader's own.
        post(ben, articleId, "Someone else entirely");

        clock.advance(Duration.ofSeconds(59));
        assertRefused("comment.text.too-fast",
                () -> posting.post(ana.id(), articleId, null, "Still too soon", UUID.randomUUID().toString()));
        clock.advance(Duration.ofSeconds(1));
        post(ana, articleId, "A minute later");
        assertThat(rows("author_id = ?", ana.id())).isEqualTo(CommentPosting.POSTS_PER_MINUTE + 1);
        assertCountsExact(articleId);
    }

    @Test
    void shouldRefuseTheSameTextTwiceInARow() {
        Reader ana = reader();
        Reader ben = reader();
        long articleId = article();
        long other = article();
        post(ana, articleId, "The same point");

        assertRefused("comment.text.repeated",
                () -> posting.post(ana.id(), other, null, "  the SAME\n  point ", UUID.randomUUID().toString()));
        post(ben, articleId, "The same point");
        post(ana, articleId, "Something else");
        post(ana, articleId, "The same point");
        assertThat(rows("author_id = ?", ana.id())).isEqualTo(3);
    }

    @Test
    void shouldMakeOneCommentOfARepeatedIdempotencyKey() {
        Reader ana = reader();
        long articleId = article();
        String key = UUID.randomUUID().toString();
        Posted first = posting.post(ana.id(), articleId, null, "Posted twice by a double click", key);
        Posted again = posting.post(ana.id(), articleId, null, "Posted twice by a double click", key);
        Posted changed = posting.post(ana.id(), articleId, null, "Text changed, same form", key);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(changed.id()).isEqualTo(first.id());
        assertThat(row(first.id()).get("body")).isEqualTo("Posted twice by a double click");
        assertThat(rows("author_id = ?", ana.id())).isEqualTo(1);
        assertThat(commentCount(articleId)).isEqualTo(1);

        // Keys are stored at most 64 characters long; a longer key still finds its comment.
        String longKey = "k".repeat(100);
        Posted longFirst = posting.post(ana.id(), articleId, null, "Posted with a long key", longKey);
        Posted longAgain = posting.post(ana.id(), articleId, null, "Posted with a long key", longKey);
        assertThat(longAgain.id()).isEqualTo(longFirst.id());
        assertThat(rows("author_id = ?", ana.id())).isEqualTo(2);
        assertCountsExact(articleId);
    }

    @Test
    void shouldRefuseCommentsWhereTheyAreClosed() {
        Reader ana = reader();
        long closed = closedArticle();
        assertThat(articles.commentTarget(closed).orElseThrow().commentsOpen()).isFalse();

        assertRefused("comment.closed",
                () -> posting.post(ana.id(), closed, null, "Too late", UUID.randomUUID().toString()));
        assertThat(rows("article_id = ?", closed)).isZero();
        assertThatThrownBy(() -> posting.post(ana.id(), Long.MAX_VALUE, null, "Nowhere", null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldRefuseRepliesToCommentsThatAreGoneOrElsewhere() {
        Reader ana = reader();
        Reader ben = reader();
        long articleId = article();
        long elsewhere = article();
        long root = post(ana, articleId, "A first comment");
        long answered = reply(ben, articleId, root, "An answer");
        long otherArticlesComment = post(ben, elsewhere, "Under another article");
        editing.delete(ana.id(), root); // leaves a placeholder: it has a reply

        assertRefused("comment.parent.gone", () -> posting.post(ben.id(), articleId, root, "To a placeholder",
                UUID.randomUUID().toString()));
        assertRefused("comment.parent.gone", () -> posting.post(ben.id(), articleId, Long.MAX_VALUE,
                "To nothing", UUID.randomUUID().toString()));
        assertRefused("comment.parent.gone", () -> posting.post(ana.id(), articleId, otherArticlesComment,
                "To another article", UUID.randomUUID().toString()));
        long fine = reply(ana, articleId, answered, "To a comment that is there");
        assertThat(row(fine).get("root_id")).isEqualTo(row(answered).get("root_id"));
        assertThat(rows("article_id = ?", articleId)).isEqualTo(3);
        assertCountsExact(articleId);
    }

    // ---------------------------------------------------------------- editing

    @Test
    void shouldLetReadersEditTheirOwnCommentForFifteenMinutes() {
        Reader ana = reader();
        Reader ben = reader();
        long articleId = article();
        long id = post(ana, articleId, "First thoughts");
        long untouched = post(ana, articleId, "Second thoughts");

        clock.advance(CommentViews.EDIT_WINDOW.minusSeconds(1));
        editing.edit(ana.id(), id, "Better thoughts, see https://example.org/x");
        editing.edit(ana.id(), untouched, "  Second thoughts ");

        assertThat(row(id).get("body")).isEqualTo("Better thoughts, see https://example.org/x");
        CommentView edited = threadOf(articleId, id).root();
        assertThat(edited.edited()).isTrue();
        assertThat(Jsoup.parseBodyFragment(edited.html()).select("a[rel=nofollow ugc]").attr("href"))
                .isEqualTo("https://example.org/x");
        assertThat(threadOf(articleId, untouched).root().edited()).as("the same text is no edit").isFalse();
        assertThatThrownBy(() -> editing.edit(ben.id(), id, "Not mine to change"))
                .isInstanceOf(NotFoundException.class);
        assertRefused("comment.text.links", () -> editing.edit(ana.id(), id,
                "http://a.example https://b.example https://c.example https://d.example"));
        assertRefused("comment.text.required", () -> editing.edit(ana.id(), id, "   "));

        clock.advance(Duration.ofSeconds(1));
        assertRefused("comment.edit.too-late", () -> editing.edit(ana.id(), id, "Too late to change"));
        assertRefused("comment.edit.too-late", () -> comments.editable(ana.id(), id));
        assertThat(row(id).get("body")).isEqualTo("Better thoughts, see https://example.org/x");
        assertThat(commentCount(articleId)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- deleting

    @Test
    void shouldLeaveAPlaceholderForADeletedCommentWithRepliesAndRemoveItWithTheLastReply() {
        Reader ana = reader();
        Reader ben = reader();
        Reader cal = reader();
        long articleId = article();
        long root = post(ana, articleId, "The thread starts here");
        long middle = reply(ben, articleId, root, "An answer in the middle");
        long last = reply(cal, articleId, middle, "An answer to the answer");
        long lonely = post(ana, articleId, "Nobody answers this");
        assertThat(commentCount(articleId)).isEqualTo(4);
        assertThat(threadOf(articleId, root).replyCount()).isEqualTo(2);

        // Without replies, the comment goes.
        assertThat(editing.delete(ana.id(), lonely)).isEqualTo(articleId);
        assertThat(rows("id = ?", lonely)).isZero();
        assertThat(commentCount(articleId)).isEqualTo(3);
        assertCountsExact(articleId);

        // Only the author is asked whether to delete.
        assertThat(comments.deletable(ben.id(), middle).comment().id()).isEqualTo(middle);
        assertThatThrownBy(() -> comments.deletable(ana.id(), middle)).isInstanceOf(NotFoundException.class);

        // With a reply, it leaves a placeholder and the thread keeps its replies.
        assertThatThrownBy(() -> editing.delete(ana.id(), middle)).isInstanceOf(NotFoundException.class);
        editing.delete(ben.id(), middle);
        assertThatThrownBy(() -> comments.deletable(ben.id(), middle)).as("not twice")
                .isInstanceOf(NotFoundException.class);
        Map<String, Object> placeholder = row(middle);
        assertThat(placeholder.get("status")).isEqualTo("DELETED");
        assertThat(placeholder.get("body")).isNull();
        assertThat(placeholder.get("body_html")).isNull();
        assertThat(commentCount(articleId)).isEqualTo(2);
        ThreadView thread = threadOf(articleId, root);
        assertThat(thread.replyCount()).as("the placeholder keeps its place").isEqualTo(2);
        CommentView shownPlaceholder = thread.root().replies().get(0);
        assertThat(shownPlaceholder.id()).isEqualTo(middle);
        assertThat(shownPlaceholder.deleted()).isTrue();
        assertThat(shownPlaceholder.authorName()).isNull();
        assertThat(ids(shownPlaceholder.replies())).containsExactly(last);
        assertThat(comments.thread(middle).thread().root().id()).isEqualTo(root);
        assertCountsExact(articleId);
        // Deleting it again changes nothing.
        editing.delete(ben.id(), middle);
        assertThat(commentCount(articleId)).isEqualTo(2);

        // The last reply goes, and takes the placeholder left without replies with it.
        editing.delete(cal.id(), last);
        assertThat(rows("id IN (?, ?)", middle, last)).isZero();
        assertThat(commentCount(articleId)).isEqualTo(1);
        assertThat(threadOf(articleId, root).replyCount()).isZero();
        assertThat(threadOf(articleId, root).root().replies()).isEmpty();
        assertCountsExact(articleId);

        editing.delete(ana.id(), root);
        assertThat(rows("article_id = ?", articleId)).isZero();
        assertThat(commentCount(articleId)).isZero();
        assertThat(discussion(articleId, CommentSort.NEWEST, 1).threads().total()).isZero();
    }

    @Test
    void shouldKeepAThreadWhoseFirstCommentWasDeleted() {
        Reader ana = reader();
        Reader ben = reader();
        long articleId = article();
        long root = post(ana, articleId, "Opening words");
        long answer = reply(ben, articleId, root, "Kept answer");
        editing.delete(ana.id(), root);

        Discussion page = discussion(articleId, CommentSort.NEWEST, 1);
        assertThat(page.threads().total()).isEqualTo(1);
        ThreadView thread = page.threads().items().get(0);
        assertThat(thread.root().deleted()).isTrue();
        assertThat(thread.root().deletedAccount()).isFalse();
        assertThat(ids(thread.root().replies())).containsExactly(answer);
        assertThatThrownBy(() -> recommendations.toggle(ben.id(), root)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> editing.edit(ana.id(), root, "Back again")).isInstanceOf(NotFoundException.class);

        editing.delete(ben.id(), answer);
        assertThat(rows("article_id = ?", articleId)).isZero();
        assertThat(commentCount(articleId)).isZero();
    }

    // ---------------------------------------------------------------- reactions

    @Test
    void shouldToggleOneRecommendationPerReaderAndNoneForOnesOwnComment() {
        Reader ana = reader();
        Reader ben = reader();
        Reader cal = reader();
        long articleId = article();
        long id = post(ana, articleId, "Worth recommending");

        assertThat(recommendations.toggle(ben.id(), id)).isEqualTo(new Recommendation(true, 1));
        assertThat(recommendations.toggle(cal.id(), id)).isEqualTo(new Recommendation(true, 2));
        assertThat(recommendations.toggle(ben.id(), id)).isEqualTo(new Recommendation(false, 1));
        assertRefused("comment.recommend.own", () -> recommendations.toggle(ana.id(), id));

        assertThat(jdbc.queryForList("SELECT account_id FROM comment_recommendation WHERE comment_id = ?",
                Long.class, id)).containsExactly(cal.id());
        assertThat(threadOf(articleId, id).root().recommendCount()).isEqualTo(1);
        assertThat(comments.viewer(cal.id(), List.of(id)).recommends(id)).isTrue();
        assertThat(comments.viewer(ben.id(), List.of(id)).recommends(id)).isFalse();
        assertThatThrownBy(() -> recommendations.toggle(ben.id(), Long.MAX_VALUE))
                .isInstanceOf(NotFoundException.class);
        assertCountsExact(articleId);
    }

    @Test
    void shouldTakeOneReportPerReaderWithANoteForOtherReasons() {
        Reader ana = reader();
        Reader ben = reader();
        Reader cal = reader();
        long articleId = article();
        long id = post(ana, articleId, "Something contentious");

        reports.report(ben.id(), id, ReportReason.SPAM, null);
        assertRefused("comment.report.already", () -> reports.report(ben.id(), id, ReportReason.ABUSE, "again"));
        assertRefused("comment.report.own", () -> reports.report(ana.id(), id, ReportReason.SPAM, null));
        assertRefused("comment.report.note.required", () -> reports.report(cal.id(), id, ReportReason.OTHER, null));
        assertRefused("comment.report.note.required",
                () -> reports.report(cal.id(), id, ReportReason.OTHER, " \r\n "));
        assertRefused("comment.report.note.size", () -> reports.report(cal.id(), id, ReportReason.OTHER,
                "n".repeat(CommentReports.MAX_REPORT_NOTE + 1)));
        reports.report(cal.id(), id, ReportReason.OTHER, "  It quotes a private letter\r\n");

        List<Map<String, Object>> reports = jdbc.queryForList(
                "SELECT account_id, reason, note FROM comment_report WHERE comment_id = ? ORDER BY id", id);
        assertThat(reports).hasSize(2);
        assertThat(number(reports.get(0).get("account_id"))).isEqualTo((int) ben.id());
        assertThat(reports.get(0).get("reason")).isEqualTo("SPAM");
        assertThat(reports.get(0).get("note")).isNull();
        assertThat(reports.get(1).get("reason")).isEqualTo("OTHER");
        assertThat(reports.get(1).get("note")).isEqualTo("It quotes a private letter");
        assertThat(number(row(id).get("report_count"))).isEqualTo(2);
    }

    @Test
    void shouldLetAReaderIgnoreAnotherAndChangeTheirMind() {
        Reader ana = reader("Zoe");
        Reader ben = reader();
        Reader cal = reader("adam");
        long articleId = article();
        long anas = post(ana, articleId, "You may not want to read this");
        long cals = post(cal, articleId, "Nor this");

        assertThat(ignoredReaders.ignoreAuthorOf(ben.id(), anas)).isEqualTo(ana.displayName());
        assertThat(ignoredReaders.ignoreAuthorOf(ben.id(), anas)).as("twice is harmless").isEqualTo(ana.displayName());
        ignoredReaders.ignoreAuthorOf(ben.id(), cals);
        assertRefused("comment.ignore.self", () -> ignoredReaders.ignoreAuthorOf(ana.id(), anas));

        // By name, whatever its case.
        assertThat(ignoredReaders.of(ben.id())).containsExactly(
                new IgnoredReader(cal.username(), cal.displayName()),
                new IgnoredReader(ana.username(), ana.displayName()));
        assertThat(ignoredReaders.of(ana.id())).isEmpty();
        assertThat(ignoredReaders.ids(ben.id())).containsExactlyInAnyOrder(ana.id(), cal.id());

        ignoredReaders.unignore(ben.id(), ana.username().toUpperCase());
        assertThat(ignoredReaders.of(ben.id())).containsExactly(new IgnoredReader(cal.username(),
                cal.displayName()));
        assertThat(ignoredReaders.ids(ben.id())).containsExactly(cal.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ignored_reader WHERE account_id = ?", Integer.class,
                ben.id())).isEqualTo(1);
    }

    // ---------------------------------------------------------------- accounts

    @Test
    void shouldKeepADeletedAccountsCommentsAsPlaceholdersWithoutTextOrAuthor() {
        Reader leaver = reader();
        Reader stayer = reader();
        Reader other = reader();
        long articleId = article();
        long stayers = post(stayer, articleId, "I am staying");
        long leaversRoot = post(leaver, articleId, "I am leaving soon");
        long leaversReply = reply(leaver, articleId, stayers, "Goodbye to you");
        long answer = reply(other, articleId, leaversRoot, "Farewell then");
        recommendations.toggle(leaver.id(), stayers);
        recommendations.toggle(other.id(), stayers);
        recommendations.toggle(other.id(), leaversRoot);
        ignoredReaders.ignoreAuthorOf(other.id(), leaversRoot);
        assertThat(commentCount(articleId)).isEqualTo(4);

        assertThat(accounts.delete(leaver.id(), "not-the-password")).isFalse();
        assertThat(accounts.delete(leaver.id(), PASSWORD)).isTrue();

        assertThat(accounts.idOf(leaver.username())).isEmpty();
        for (long id : List.of(leaversRoot, leaversReply)) {
            Map<String, Object> row = row(id);
            assertThat(row.get("status")).isEqualTo("DELETED");
            assertThat(row.get("author_id")).isNull();
            assertThat(row.get("body")).isNull();
            assertThat(row.get("body_html")).isNull();
        }
        assertThat(commentCount(articleId)).isEqualTo(2);
        assertThat(number(row(stayers).get("recommend_count"))).as("the leaver's recommendation is withdrawn")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comment_recommendation WHERE account_id = ?",
                Integer.class, leaver.id())).isZero();
        assertThat(ignoredReaders.of(other.id())).isEmpty();

        ThreadView leaversThread = threadOf(articleId, leaversRoot);
        assertThat(leaversThread.root().deletedAccount()).isTrue();
        assertThat(leaversThread.root().deleted()).isTrue();
        assertThat(leaversThread.root().authorName()).isNull();
        assertThat(ids(leaversThread.root().replies())).containsExactly(answer);
        ThreadView stayersThread = threadOf(articleId, stayers);
        assertThat(stayersThread.replyCount()).isEqualTo(1);
        assertThat(stayersThread.root().replies().get(0).deletedAccount()).isTrue();
        assertThat(authorComments.visibleBy(other.id(), 1, 10).items()).hasSize(1);
        assertCountsExact(articleId);
    }

    @Test
    void shouldHoldCommentsOfUnverifiedReadersUntilTheyVerifyTheirAddress() throws Exception {
        Reader ana = reader();
        long articleId = article();
        long anas = post(ana, articleId, "A verified reader's comment");
        int n = SEQUENCE.incrementAndGet();
        String username = "unverified" + n;
        String email = username + "@example.com";

        // Without the setting, an unverified reader's comments are shown at once.
        long unverifiedId = accounts.register(new Registration(username, "Una Verified " + n, email, PASSWORD)).id();
        assertThat(posting.post(unverifiedId, articleId, null, "Shown at once", null).held()).isFalse();
        editing.delete(unverifiedId, rowsOf(unverifiedId).get(0));

        settings.holdUnverifiedComments(true);
        try {
            Posted held = posting.post(unverifiedId, articleId, null, "Waiting to be seen", null);
            Posted heldReply = posting.post(unverifiedId, articleId, anas, "A reply waiting too", null);
            assertThat(held.held()).isTrue();
            assertThat(heldReply.held()).isTrue();
            assertThat(row(held.id()).get("status")).isEqualTo("HELD");
            // Verified readers are not held.
            Reader ben = reader();
            long bens = post(ben, articleId, "Not held at all");

            assertThat(commentCount(articleId)).isEqualTo(2);
            Discussion page = discussion(articleId, CommentSort.NEWEST, 1);
            assertThat(page.threads().total()).isEqualTo(2);
            assertThat(page.threads().items()).extracting(t -> t.root().id()).containsExactly(bens, anas);
            assertThat(threadOf(articleId, anas).replyCount()).isZero();
            assertThat(threadOf(articleId, anas).root().replies()).isEmpty();
            assertThatThrownBy(() -> comments.thread(held.id())).isInstanceOf(NotFoundException.class);
            assertCountsExact(articleId);

            assertThat(accounts.verifyEmail(verificationToken(email))).contains(username);

            // Released by a durable listener, once the verification is committed.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> rows("author_id = ? AND status = 'VISIBLE'", unverifiedId) == 2);
            assertThat(commentCount(articleId)).isEqualTo(4);
            assertThat(discussion(articleId, CommentSort.NEWEST, 1).threads().items())
                    .extracting(t -> t.root().id()).containsExactly(bens, held.id(), anas);
            ThreadView anasThread = threadOf(articleId, anas);
            assertThat(anasThread.replyCount()).isEqualTo(1);
            assertThat(ids(anasThread.root().replies())).containsExactly(heldReply.id());
            assertThat(comments.thread(held.id()).thread().root().html()).contains("Waiting to be seen");
            assertCountsExact(articleId);
        } finally {
            settings.holdUnverifiedComments(false);
        }
    }

    private List<Long> rowsOf(long authorId) {
        return jdbc.queryForList("SELECT id FROM comment WHERE author_id = ? ORDER BY id", Long.class, authorId);
    }

    /** The token of the verification link mailed to this address (mails may be sent in the background). */
    private String verificationToken(String email) throws InterruptedException {
        assertThat(mailer).as("the test profile sends mail to the developer mailbox").isInstanceOf(DevMailbox.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            Optional<String> token = ((DevMailbox) mailer).recent().stream().filter(m -> m.to().equals(email))
                    .map(m -> VERIFY_LINK.matcher(m.text())).filter(Matcher::find).map(m -> m.group(1)).findFirst();
            if (token.isPresent()) {
                return token.get();
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no verification mail to " + email);
    }

    // ---------------------------------------------------------------- reading

    @Test
    void shouldListTheArticlesWithTheMostCommentsSinceAMoment() {
        Reader ana = reader();
        Reader ben = reader();
        long quiet = article();
        long busy = article();
        long middling = article();
        long oldNews = article();
        Instant since = clock.instant();
        for (int i = 0; i < 4; i++) {
            seeder.comment(oldNews, null, ana.id(), "Old comment " + i, since.minus(Duration.ofDays(2)));
        }
        clock.advance(Duration.ofSeconds(1));
        post(ana, busy, "Busy one");
        post(ben, busy, "Busy two");
        long third = post(ana, busy, "Busy three");
        post(ben, middling, "Middling one");
        post(ana, middling, "Middling two");
        long deletedOne = post(ben, quiet, "Quiet and deleted");
        post(ana, quiet, "Quiet one");
        clock.advance(Duration.ofSeconds(1));
        // Deleted comments do not count: busy has 3, middling 2, quiet 1.
        editing.delete(ben.id(), deletedOne);
        editing.delete(ana.id(), third);
        post(ben, busy, "Busy again");

        List<Long> ranked = highlights.mostDiscussed(since, 10);
        assertThat(ranked).containsSubsequence(busy, middling, quiet).doesNotContain(oldNews);
        assertThat(ranked.subList(0, 3)).containsExactly(busy, middling, quiet);
        assertThat(highlights.mostDiscussed(since, 2)).containsExactly(busy, middling);
        assertThat(highlights.mostDiscussed(since.minus(Duration.ofDays(3)), 1000)).contains(oldNews, busy);
    }

    @Test
    void shouldPageThreadsTwentyAtATimeInEachOrderWithTheirFirstReplies() {
        List<Reader> people = List.of(reader(), reader(), reader());
        Reader viewer = reader();
        long articleId = article();
        Instant base = clock.instant().minus(Duration.ofDays(2));
        List<Long> roots = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            roots.add(seeder.comment(articleId, null, people.get(i % 3).id(), "Thread " + i,
                    base.plus(Duration.ofMinutes(i))));
        }
        seeder.recommend(roots.get(7), List.of(people.get(1).id(), people.get(2).id(), viewer.id()), base);
        seeder.recommend(roots.get(30), List.of(people.get(1).id(), people.get(2).id()), base);
        // Thread 12 gets eight replies, some nested below the third level; thread 40 two.
        Instant later = base.plus(Duration.ofHours(2));
        long root12 = roots.get(12);
        List<Long> replies = new ArrayList<>();
        long[] parents = { -1, 0, 1, 2, -1, -1, 4, -1 };
        for (int i = 0; i < parents.length; i++) {
            long parent = parents[i] < 0 ? root12 : replies.get((int) parents[i]);
            replies.add(seeder.comment(articleId, parent, people.get((i + 1) % 3).id(), "Reply " + i,
                    later.plus(Duration.ofMinutes(i))));
        }
        seeder.comment(articleId, roots.get(40), people.get(0).id(), "Reply a", later);
        seeder.comment(articleId, roots.get(40), people.get(1).id(), "Reply b", later.plusSeconds(1));
        assertCountsExact(articleId);
        assertThat(commentCount(articleId)).isEqualTo(55);

        Discussion first = discussion(articleId, CommentSort.NEWEST, 1);
        assertThat(first.threads().total()).isEqualTo(45);
        assertThat(first.threads().totalPages()).isEqualTo(3);
        assertThat(first.threads().items()).extracting(t -> t.root().id())
                .containsExactlyElementsOf(reversed(roots.subList(25, 45)));
        assertThat(comments.viewer(viewer.id(), rootIds(first)).recommended()).isEmpty();
        assertThat(discussion(articleId, CommentSort.NEWEST, 2).threads().items()).extracting(t -> t.root().id())
                .containsExactlyElementsOf(reversed(roots.subList(5, 25)));
        assertThat(discussion(articleId, CommentSort.NEWEST, 3).threads().items()).extracting(t -> t.root().id())
                .containsExactlyElementsOf(reversed(roots.subList(0, 5)));
        assertThatThrownBy(() -> discussion(articleId, CommentSort.NEWEST, 4))
                .isInstanceOf(NotFoundException.class);

        assertThat(discussion(articleId, CommentSort.OLDEST, 1).threads().items())
                .extracting(t -> t.root().id()).containsExactlyElementsOf(roots.subList(0, 20));
        Discussion recommended = discussion(articleId, CommentSort.RECOMMENDED, 1);
        assertThat(recommended.threads().items()).extracting(t -> t.root().id()).startsWith(roots.get(7),
                roots.get(30), roots.get(44), roots.get(43));
        assertThat(comments.viewer(viewer.id(), rootIds(recommended)).recommended()).containsExactly(roots.get(7));
        Discussion mostReplies = discussion(articleId, CommentSort.REPLIES, 1);
        assertThat(mostReplies.threads().items()).extracting(t -> t.root().id()).startsWith(root12, roots.get(40),
                roots.get(44));

        // Of thread 12, the five oldest replies are shown; the other three are on its own page.
        ThreadView thread12 = mostReplies.threads().items().get(0);
        assertThat(thread12.replyCount()).isEqualTo(8);
        assertThat(thread12.hiddenReplies()).isEqualTo(3);
        assertThat(shown(thread12.root())).isEqualTo(CommentService.REPLIES_PER_THREAD);
        assertThat(ids(thread12.root().replies())).containsExactly(replies.get(0), replies.get(4));
        CommentView second = thread12.root().replies().get(0);
        assertThat(ids(second.replies())).containsExactly(replies.get(1), replies.get(2), replies.get(3));
        assertThat(second.replies().get(2).inReplyTo()).isEqualTo(people.get(0).displayName());
        ThreadView thread40 = mostReplies.threads().items().get(1);
        assertThat(thread40.hiddenReplies()).isZero();
        assertThat(shown(thread40.root())).isEqualTo(2);

        // A thread's own page has all of it, whichever of its comments is asked for.
        ThreadPage whole = comments.thread(replies.get(6));
        assertThat(whole.highlighted()).isEqualTo(replies.get(6));
        assertThat(whole.thread().root().id()).isEqualTo(root12);
        assertThat(whole.thread().hiddenReplies()).isZero();
        assertThat(shown(whole.thread().root())).isEqualTo(8);
        assertThat(ids(whole.thread().root().replies())).containsExactly(replies.get(0), replies.get(4),
                replies.get(5), replies.get(7));
        assertThat(ids(whole.thread().root().replies().get(1).replies())).containsExactly(replies.get(6));
        assertThat(comments.thread(root12).thread()).isEqualTo(whole.thread());
    }

    @Test
    void shouldShowAnEmptyConversationButNoEmptySecondPage() {
        long articleId = article();
        Discussion empty = discussion(articleId, CommentSort.NEWEST, 1);
        assertThat(empty.threads().items()).isEmpty();
        assertThat(empty.threads().total()).isZero();
        assertThatThrownBy(() -> discussion(articleId, CommentSort.NEWEST, 2))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> comments.thread(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
