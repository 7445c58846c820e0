package org.broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentDecisions;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentReports;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.DecisionConflictException;
import org.broadsheet.comment.ModerationQueues;
import org.broadsheet.comment.RejectReason;
import org.broadsheet.comment.ReportReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two moderators decide the same thing at the same moment, each from the page they were shown: a held comment
 * (one approves, one rejects), a reported comment (one keeps it, one rejects it) and a reader's review request
 * (one publishes the comment again, one keeps it removed). Every round ends with one decision: the other
 * moderator is refused and told who decided, the comment's state is the winner's, the article's count of
 * comments changed exactly when what readers can see changed, and one row of decisions was written. Run on H2
 * and on PostgreSQL by the subclasses, since each database locks in its own way.
 */
abstract class ModerationRaceScenarios {

    private static final String PASSWORD = "slate-harbour-lighthouse";
    private static final int ROUNDS = 6;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    AccountService accounts;

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
    ReviewRequests reviews;

    @Autowired
    PremoderatedArticles premoderated;

    @Autowired
    JdbcTemplate jdbc;

    private String ana;
    private String ben;

    /** What one moderator's attempt came to: nothing thrown when their decision stands. */
    private record Attempt(String moderator, boolean approve, Throwable failure) {

        boolean won() {
            return failure == null;
        }
    }

    @BeforeEach
    void twoModerators() {
        ana = account("ana", Role.MODERATOR);
        ben = account("ben", Role.MODERATOR);
    }

    private String account(String name, Role role) {
        String username = name + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
        assertThat(accounts.createVerified(username, "Reader " + username, username + "@example.com", PASSWORD,
                role == Role.READER ? EnumSet.of(Role.READER) : EnumSet.of(Role.READER, role))).isTrue();
        return username;
    }

    private long reader(String name) {
        return accounts.idOf(account(name, Role.READER)).orElseThrow();
    }

    private long article() {
        ArticleTestData data = new ArticleTestData(imports);
        return data.article(data.section(null), data.author()).save();
    }

    private int commentCount(long articleId) {
        return articles.commentTarget(articleId).orElseThrow().commentCount();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private String status(long commentId) {
        return jdbc.queryForObject("SELECT status FROM comment WHERE id = ?", String.class, commentId);
    }

    /** Both attempts wait for each other at a barrier and then start at the same moment. */
    private List<Attempt> atOnce(List<Callable<Attempt>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            CyclicBarrier start = new CyclicBarrier(attempts.size());
            List<Future<Attempt>> futures = new ArrayList<>();
            for (Callable<Attempt> attempt : attempts) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return attempt.call();
                }));
            }
            List<Attempt> done = new ArrayList<>();
            for (Future<Attempt> future : futures) {
                done.add(future.get(60, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Approves or rejects the comment as shown at {@code version}. */
    private Callable<Attempt> decide(String moderator, boolean approve, long commentId, int version) {
        return () -> {
            try {
                if (approve) {
                    decisions.approve(commentId, version, moderator);
                } else {
                    decisions.reject(commentId, version, RejectReason.ABUSE, "Decided by " + moderator, moderator);
                }
                return new Attempt(moderator, approve, null);
            } catch (Throwable e) {
                return new Attempt(moderator, approve, e);
            }
        };
    }

    /** Publishes the comment of the request again, or upholds its rejection. */
    private Callable<Attempt> review(String moderator, boolean approve, long requestId) {
        return () -> {
            try {
                reviews.decide(requestId, approve, moderator);
                return new Attempt(moderator, approve, null);
            } catch (Throwable e) {
                return new Attempt(moderator, approve, e);
            }
        };
    }

    /** Exactly one attempt stands, and the other was refused with a decision conflict naming the winner. */
    private static Attempt winnerOfDecision(List<Attempt> attempts) {
        assertThat(attempts.stream().filter(Attempt::won)).as("decisions that stand: %s", attempts).hasSize(1);
        Attempt winner = attempts.stream().filter(Attempt::won).findFirst().orElseThrow();
        Attempt loser = attempts.stream().filter(a -> !a.won()).findFirst().orElseThrow();
        assertThat(loser.failure()).as("what %s was told", loser.moderator())
                .isInstanceOf(DecisionConflictException.class);
        DecisionConflictException conflict = (DecisionConflictException) loser.failure();
        assertThat(conflict.decidedBy()).as("whose decision %s is told stands", loser.moderator())
                .isEqualTo(winner.moderator());
        assertThat(conflict.decision()).isEqualTo(winner.approve() ? "approved" : "rejected");
        assertThat(conflict.getMessage()).contains(winner.moderator());
        return winner;
    }

    /** Ana approves and Ben rejects in even rounds, the other way round in odd ones. */
    private List<Callable<Attempt>> approveAgainstReject(int round, long commentId, int version) {
        boolean anaApproves = round % 2 == 0;
        return List.of(decide(ana, anaApproves, commentId, version), decide(ben, !anaApproves, commentId, version));
    }

    @Test
    void shouldGiveOneDecisionWhenTwoModeratorsApproveAndRejectAHeldCommentAtOnce() throws Exception {
        long article = article();
        premoderated.set(article, "A pre-moderated article", true, ana);
        int expected = commentCount(article);
        List<Boolean> approvals = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long author = reader("held");
            var posted = posting.post(author, article, null, "Held comment, round " + round,
                    UUID.randomUUID().toString());
            assertThat(posted.held()).as("held on a pre-moderated article").isTrue();
            long comment = posted.id();
            int version = queues.version(comment);
            assertThat(commentCount(article)).as("a held comment is not counted").isEqualTo(expected);

            Attempt winner = winnerOfDecision(atOnce(approveAgainstReject(round, comment, version)));
            approvals.add(winner.approve());

            assertThat(status(comment)).as("round %d: state after %s won", round, winner)
                    .isEqualTo(winner.approve() ? "VISIBLE" : "REJECTED");
            assertThat(jdbc.queryForObject("SELECT decided_by FROM comment WHERE id = ?", String.class, comment))
                    .isEqualTo(winner.moderator());
            assertThat(queues.version(comment)).as("one decision, one new version").isEqualTo(version + 1);
            expected += winner.approve() ? 1 : 0;
            assertThat(commentCount(article)).as("round %d: the article's count after %s won", round, winner)
                    .isEqualTo(expected);
            assertThat(commentCount(article)).isEqualTo(
                    count("SELECT COUNT(*) FROM comment WHERE article_id = ? AND status = 'VISIBLE'", article));
            assertThat(jdbc.queryForList("SELECT decision, moderator FROM comment_decision WHERE comment_id = ?",
                    comment)).as("round %d: rows of decisions", round).singleElement()
                    .satisfies(row -> assertThat(lowerKeys(row)).containsEntry("decision",
                            winner.approve() ? "APPROVED" : "REJECTED").containsEntry("moderator", winner.moderator()));
        }
        assertThat(approvals).hasSize(ROUNDS);
    }

    @Test
    void shouldGiveOneDecisionWhenTwoModeratorsKeepAndRejectAReportedCommentAtOnce() throws Exception {
        long article = article();
        long reporter = reader("reporter");
        int expected = commentCount(article);
        for (int round = 0; round < ROUNDS; round++) {
            long author = reader("reported");
            var posted = posting.post(author, article, null, "Reported comment, round " + round,
                    UUID.randomUUID().toString());
            assertThat(posted.held()).isFalse();
            long comment = posted.id();
            expected += 1;
            reports.report(reporter, comment, ReportReason.ABUSE, "Rude, round " + round);
            assertThat(count("SELECT COUNT(*) FROM comment_report WHERE comment_id = ? AND resolved_at IS NULL",
                    comment)).isEqualTo(1);
            int version = queues.version(comment);
            assertThat(commentCount(article)).isEqualTo(expected);

            Attempt winner = winnerOfDecision(atOnce(approveAgainstReject(round, comment, version)));

            assertThat(status(comment)).as("round %d: state after %s won", round, winner)
                    .isEqualTo(winner.approve() ? "VISIBLE" : "REJECTED");
            assertThat(queues.version(comment)).as("one decision, one new version").isEqualTo(version + 1);
            expected -= winner.approve() ? 0 : 1;
            assertThat(commentCount(article)).as("round %d: the article's count after %s won", round, winner)
                    .isEqualTo(expected);
            assertThat(commentCount(article)).isEqualTo(
                    count("SELECT COUNT(*) FROM comment WHERE article_id = ? AND status = 'VISIBLE'", article));
            assertThat(jdbc.queryForList("SELECT decision, moderator FROM comment_decision WHERE comment_id = ?",
                    comment)).as("round %d: rows of decisions", round).singleElement()
                    .satisfies(row -> assertThat(lowerKeys(row)).containsEntry("decision",
                            winner.approve() ? "APPROVED" : "REJECTED").containsEntry("moderator", winner.moderator()));
            assertThat(count("SELECT COUNT(*) FROM comment_report WHERE comment_id = ? AND resolved_at IS NULL",
                    comment)).as("the report is closed by the decision").isZero();
        }
    }

    @Test
    void shouldGiveOneOutcomeWhenTwoModeratorsDecideTheSameReviewRequestAtOnce() throws Exception {
        long article = article();
        int expected = commentCount(article);
        // Ana publishes again while Ben upholds, then the other way round; in the last rounds both publish again.
        for (int round = 0; round < ROUNDS; round++) {
            long author = reader("reviewed");
            long comment = posting.post(author, article, null, "Removed and reviewed, round " + round,
                    UUID.randomUUID().toString()).id();
            decisions.reject(comment, queues.version(comment), RejectReason.OFF_TOPIC, "Not about the article",
                    ana);
            reviews.request(author, comment, "I was answering the article, round " + round);
            long request = reviews.of(comment).orElseThrow().id();
            assertThat(commentCount(article)).as("the rejected comment is not counted").isEqualTo(expected);

            boolean anaApproves = round % 2 == 0 || round >= ROUNDS - 2;
            boolean benApproves = round % 2 == 1 || round >= ROUNDS - 2;
            List<Attempt> attempts = atOnce(List.of(review(ana, anaApproves, request), review(ben, benApproves,
                    request)));

            assertThat(attempts.stream().filter(Attempt::won)).as("outcomes that stand: %s", attempts).hasSize(1);
            Attempt winner = attempts.stream().filter(Attempt::won).findFirst().orElseThrow();
            Attempt loser = attempts.stream().filter(a -> !a.won()).findFirst().orElseThrow();
            assertThat(loser.failure()).as("what %s was told", loser.moderator())
                    .isInstanceOf(CommentRejectedException.class);
            assertThat(((CommentRejectedException) loser.failure()).code()).isEqualTo("moderation.review.decided");

            ReviewRequests.Request decided = reviews.of(comment).orElseThrow();
            assertThat(decided.outcome()).as("round %d: outcome after %s won", round, winner)
                    .isEqualTo(winner.approve() ? "APPROVED" : "UPHELD");
            assertThat(decided.decidedBy()).isEqualTo(winner.moderator());
            assertThat(reviews.openCount()).isZero();
            assertThat(status(comment)).isEqualTo(winner.approve() ? "VISIBLE" : "REJECTED");
            expected += winner.approve() ? 1 : 0;
            assertThat(commentCount(article)).as("round %d: the article's count after %s won", round, winner)
                    .isEqualTo(expected);
            assertThat(commentCount(article)).isEqualTo(
                    count("SELECT COUNT(*) FROM comment WHERE article_id = ? AND status = 'VISIBLE'", article));
            assertThat(count("SELECT COUNT(*) FROM comment_decision WHERE comment_id = ? AND decision = 'APPROVED'",
                    comment)).as("round %d: publications again", round).isEqualTo(winner.approve() ? 1 : 0);
            assertThat(count("SELECT COUNT(*) FROM comment_decision WHERE comment_id = ? AND decision = 'REJECTED'",
                    comment)).isEqualTo(1);
        }
    }

    private static Map<String, Object> lowerKeys(Map<String, Object> row) {
        Map<String, Object> lower = new java.util.HashMap<>();
        row.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }
}
