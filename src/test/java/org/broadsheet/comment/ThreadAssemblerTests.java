package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.comment.CommentViews.ThreadView;
import org.broadsheet.comment.ThreadAssembler.Row;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.SiteProperties;
import org.junit.jupiter.api.Test;

/**
 * Threads assembled in memory from flat rows: nesting, flattening below the third level, placeholders, badges and
 * the count of replies left for the thread's own page.
 */
class ThreadAssemblerTests {

    private static final long ARTICLE = 7;
    private static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");
    private static final Datelines DATELINES = new Datelines(
            new SiteProperties("Broadsheet", "d", "http://localhost:8080", ZoneId.of("Europe/London"), Duration.ZERO));

    private static final Commenter ANA = new Commenter(1, "ana", "Ana Reader", false, false, true);
    private static final Commenter BEN = new Commenter(2, "ben", "Ben Staff", true, false, true);
    private static final Commenter CAL = new Commenter(3, "cal", "Cal Newcomer", false, true, true);
    private static final Commenter DEE = new Commenter(4, "dee", "Dee Writer", true, true, true);

    private final ThreadAssembler assembler = new ThreadAssembler(
            Map.of(ANA.id(), ANA, BEN.id(), BEN, CAL.id(), CAL, DEE.id(), DEE), Set.of(DEE.id()), DATELINES, NOW);

    private int minute;

    /** A visible comment, each one a minute after the one before. */
    private Row row(long id, Long parentId, Long authorId) {
        return row(id, parentId, authorId, CommentStatus.VISIBLE, 0);
    }

    private Row row(long id, Long parentId, Long authorId, CommentStatus status, int replyCount) {
        Instant at = NOW.minus(Duration.ofHours(2)).plus(Duration.ofMinutes(minute++));
        String html = status == CommentStatus.DELETED ? null : "<p>Comment " + id + "</p>";
        return new Row(id, ARTICLE, parentId, authorId, status, html, at, null, 0, replyCount, null, null, false, 0);
    }

    private static Row withReplyCount(Row root, int replyCount) {
        return new Row(root.id(), root.articleId(), root.parentId(), root.authorId(), root.status(), root.html(),
                root.createdAt(), root.editedAt(), root.recommendCount(), replyCount, null, null, false, 0);
    }

    private static List<Long> ids(List<CommentView> views) {
        return views.stream().map(CommentView::id).toList();
    }

    @Test
    void shouldNestRepliesUpToTheThirdLevelInTheOrderGiven() {
        Row root = row(1, null, 1L);
        List<Row> replies = List.of(row(2, 1L, 2L), row(3, 2L, 3L), row(4, 1L, 3L), row(5, 2L, 1L));
        List<ThreadView> threads = assembler.threads(List.of(withReplyCount(root, 4)), replies);

        assertThat(threads).hasSize(1);
        CommentView top = threads.get(0).root();
        assertThat(top.id()).isEqualTo(1);
        assertThat(top.level()).isEqualTo(1);
        assertThat(ids(top.replies())).containsExactly(2L, 4L);
        CommentView second = top.replies().get(0);
        assertThat(second.level()).isEqualTo(2);
        assertThat(ids(second.replies())).containsExactly(3L, 5L);
        assertThat(second.replies()).allSatisfy(third -> {
            assertThat(third.level()).isEqualTo(3);
            // Properly nested, so nothing needs saying about whom it answers.
            assertThat(third.inReplyTo()).isNull();
            assertThat(third.replies()).isEmpty();
        });
        assertThat(top.replies().get(1).level()).isEqualTo(2);
        assertThat(threads.get(0).replyCount()).isEqualTo(4);
        assertThat(threads.get(0).hiddenReplies()).isZero();
    }

    @Test
    void shouldShowDeeperRepliesFlatAtTheThirdLevelNamingWhomTheyAnswer() {
        Row root = withReplyCount(row(1, null, 1L), 5);
        // 1 <- 2 <- 3 <- 4 <- 5, and 6 answers 3 again after the deep chain.
        List<Row> replies = List.of(row(2, 1L, 2L), row(3, 2L, 3L), row(4, 3L, 4L), row(5, 4L, 1L),
                row(6, 3L, 2L));
        CommentView top = assembler.threads(List.of(root), replies).get(0).root();

        CommentView second = top.replies().get(0);
        assertThat(second.id()).isEqualTo(2);
        // Everything below the second-level comment sits beside each other at level 3, oldest first.
        assertThat(ids(second.replies())).containsExactly(3L, 4L, 5L, 6L);
        assertThat(second.replies()).allSatisfy(r -> {
            assertThat(r.level()).isEqualTo(3);
            assertThat(r.replies()).isEmpty();
        });
        assertThat(second.replies()).extracting(CommentView::inReplyTo)
                .containsExactly(null, "Cal Newcomer", "Dee Writer", "Cal Newcomer");
    }

    @Test
    void shouldKeepTheOrderOfThreadsAsGiven() {
        Row a = row(10, null, 1L);
        Row b = row(11, null, 2L);
        Row c = row(12, null, 3L);
        List<ThreadView> threads = assembler.threads(List.of(c, a, b),
                List.of(row(13, 10L, 2L), row(14, 12L, 1L), row(15, 10L, 3L)));

        assertThat(threads).extracting(t -> t.root().id()).containsExactly(12L, 10L, 11L);
        assertThat(ids(threads.get(0).root().replies())).containsExactly(14L);
        assertThat(ids(threads.get(1).root().replies())).containsExactly(13L, 15L);
        assertThat(threads.get(2).root().replies()).isEmpty();
        assertThat(threads.get(0).anchor()).isEqualTo("thread-12");
    }

    @Test
    void shouldPrintAPlaceholderWithoutTextOrName() {
        Row root = withReplyCount(row(1, null, 1L, CommentStatus.DELETED, 0), 1);
        List<Row> replies = List.of(row(2, 1L, 2L));
        CommentView placeholder = assembler.threads(List.of(root), replies).get(0).root();

        assertThat(placeholder.deleted()).isTrue();
        assertThat(placeholder.html()).isNull();
        assertThat(placeholder.authorName()).isNull();
        assertThat(placeholder.authorUsername()).isNull();
        assertThat(placeholder.profileUrl()).isNull();
        assertThat(placeholder.badges()).isEmpty();
        // The reader's own placeholder still knows its author (it is not a deleted account), but shows nothing.
        assertThat(placeholder.deletedAccount()).isFalse();
        assertThat(ids(placeholder.replies())).containsExactly(2L);
        assertThat(placeholder.replies().get(0).authorName()).isEqualTo("Ben Staff");
    }

    @Test
    void shouldPrintCommentsOfDeletedAccountsAsPlaceholdersAndNameNobodyAnsweringThem() {
        Row root = withReplyCount(row(1, null, 1L), 4);
        // 3 and 4 were written by an account since deleted; 5 answers 4 below the third level.
        List<Row> replies = List.of(row(2, 1L, 2L), row(3, 2L, null, CommentStatus.DELETED, 0),
                row(4, 3L, null, CommentStatus.DELETED, 0), row(5, 4L, 3L));
        CommentView second = assembler.threads(List.of(root), replies).get(0).root().replies().get(0);

        assertThat(ids(second.replies())).containsExactly(3L, 4L, 5L);
        CommentView gone = second.replies().get(0);
        assertThat(gone.deletedAccount()).isTrue();
        assertThat(gone.deleted()).isTrue();
        assertThat(gone.authorName()).isNull();
        assertThat(gone.badges()).isEmpty();
        CommentView answer = second.replies().get(2);
        assertThat(answer.authorName()).isEqualTo("Cal Newcomer");
        assertThat(answer.level()).isEqualTo(3);
        assertThat(answer.inReplyTo()).as("nobody to name: the answered comment is a placeholder").isNull();
    }

    @Test
    void shouldNameNobodyForAVisibleCommentWhoseAuthorIsNotKnown() {
        Row root = row(1, null, 99L);
        CommentView view = assembler.threads(List.of(root), List.of()).get(0).root();
        assertThat(view.deleted()).isFalse();
        assertThat(view.html()).isEqualTo("<p>Comment 1</p>");
        assertThat(view.authorName()).isNull();
        assertThat(view.badges()).isEmpty();
    }

    @Test
    void shouldGiveBadgesForArticleAuthorsStaffAndNewMembersInThatOrder() {
        List<ThreadView> threads = assembler.threads(
                List.of(row(1, null, 1L), row(2, null, 2L), row(3, null, 3L), row(4, null, 4L)), List.of());

        assertThat(threads).extracting(t -> t.root().badges()).containsExactly(List.of(), List.of("staff"),
                List.of("new-member"), List.of("author", "staff", "new-member"));
        assertThat(threads).extracting(t -> t.root().authorUsername()).containsExactly("ana", "ben", "cal", "dee");
        assertThat(threads.get(3).root().profileUrl()).isEqualTo("/users/dee");
    }

    @Test
    void shouldCountTheRepliesNotShownOnThePage() {
        Row root = withReplyCount(row(1, null, 1L), 8);
        List<Row> replies = new ArrayList<>();
        // Five replies loaded of eight, one of them nested.
        replies.add(row(2, 1L, 2L));
        replies.add(row(3, 2L, 3L));
        replies.add(row(4, 1L, 2L));
        replies.add(row(5, 1L, 3L));
        replies.add(row(6, 1L, 2L));
        ThreadView thread = assembler.threads(List.of(root), replies).get(0);

        assertThat(thread.replyCount()).isEqualTo(8);
        assertThat(thread.hiddenReplies()).isEqualTo(3);

        // A count behind what is loaded never turns negative.
        ThreadView behind = assembler.threads(List.of(withReplyCount(root, 2)), replies).get(0);
        assertThat(behind.hiddenReplies()).isZero();
    }

    @Test
    void shouldSkipRepliesWhoseParentIsNotLoaded() {
        Row root = withReplyCount(row(1, null, 1L), 1);
        // 20 belongs to a thread on another page; 21 answers it and 22 answers 21.
        List<Row> replies = List.of(row(20, 500L, 2L), row(21, 20L, 3L), row(2, 1L, 2L), row(22, 21L, 3L));
        List<ThreadView> threads = assembler.threads(List.of(root), replies);

        assertThat(threads).hasSize(1);
        assertThat(ids(threads.get(0).root().replies())).containsExactly(2L);
        assertThat(threads.get(0).root().replies().get(0).replies()).isEmpty();
    }

    @Test
    void shouldCarryWhatTheCommentShows() {
        Instant posted = NOW.minus(Duration.ofMinutes(90)).plusMillis(750);
        Row edited = new Row(1, ARTICLE, null, 1L, CommentStatus.VISIBLE, "<p>Hi</p>", posted,
                posted.plusSeconds(60), 12, 0, null, null, false, 0);
        CommentView view = assembler.threads(List.of(edited), List.of()).get(0).root();

        assertThat(view.edited()).isTrue();
        assertThat(view.recommendCount()).isEqualTo(12);
        assertThat(view.articleId()).isEqualTo(ARTICLE);
        assertThat(view.postedAt()).isEqualTo(posted);
        assertThat(view.posted().display()).isEqualTo("Sunday 10 March 2024 10:30 GMT");
        assertThat(view.ago()).isEqualTo(new org.broadsheet.shared.Datelines.Ago("hours", 1));
        assertThat(view.permalink()).isEqualTo("/comments/1");
        assertThat(view.anchor()).isEqualTo("comment-1");

        CommentView plain = assembler.threads(List.of(row(2, null, 1L)), List.of()).get(0).root();
        assertThat(plain.edited()).isFalse();
    }

    @Test
    void shouldAssembleNothingFromNothing() {
        assertThat(assembler.threads(List.of(), List.of(row(2, 1L, 2L)))).isEmpty();
    }
}
