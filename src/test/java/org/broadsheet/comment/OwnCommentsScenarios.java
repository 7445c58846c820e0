package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.OwnComments.OwnComment;
import org.broadsheet.comment.OwnComments.Reply;
import org.broadsheet.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** "My comments" on a real (H2) database: the reader's own comments, their state, and the replies new to them. */
abstract class OwnCommentsScenarios {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    OwnComments own;

    @Autowired
    CommentSeeder seeder;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    private long article;

    @BeforeEach
    void setUp() {
        clock.advance(Duration.ofMinutes(2));
        ArticleTestData data = new ArticleTestData(imports);
        article = data.article(data.section(null), data.author()).headline("The harbour wall")
                .slug(ArticleTestData.unique("own")).save();
    }

    private long reader(String name) {
        String username = "own" + SEQUENCE.incrementAndGet();
        accounts.createVerified(username, name, username + "@example.com", "quiet-harbour-lanterns",
                EnumSet.of(Role.READER));
        return accounts.idOf(username).orElseThrow();
    }

    @Test
    void shouldListTheReadersCommentsNewestFirstWithTheirStateAndTheRepliesNewSinceTheirLastLook() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        Instant now = clock.instant();
        long first = seeder.comment(article, null, ana, "Ana's first", now.minusSeconds(600));
        long second = seeder.comment(article, null, ana, "Ana's second", now.minusSeconds(500));
        jdbc.update("UPDATE comment SET status = 'HELD' WHERE id = ?", second);
        seeder.comment(article, first, ben, "Ben answers the first", now.minusSeconds(400));
        seeder.comment(article, null, ben, "Ben's own", now.minusSeconds(300));

        var page = own.page(ana, 1, null).comments();

        assertThat(page.items()).extracting(OwnComment::id).containsExactly(second, first);
        OwnComment held = page.items().get(0);
        assertThat(held.held()).isTrue();
        assertThat(held.articleHeadline()).isEqualTo("The harbour wall");
        OwnComment answered = page.items().get(1);
        assertThat(answered.held()).isFalse();
        assertThat(answered.replies()).extracting(Reply::excerpt).containsExactly("Ben answers the first");
        assertThat(answered.replies()).allMatch(Reply::isNew);
        assertThat(answered.newReplies()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        seeder.comment(article, first, ben, "Ben again", clock.instant());
        OwnComment again = own.page(ana, 1, null).comments().items().get(1);
        assertThat(again.replies()).extracting(Reply::excerpt, Reply::isNew)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ben again", true),
                        org.assertj.core.groups.Tuple.tuple("Ben answers the first", false));
        assertThat(again.newReplies()).isEqualTo(1);
        assertThat(own.page(ana, 1, null).comments().items().get(1).newReplies()).as("seen now").isZero();
        seeder.comment(article, first, ana, "Ana answers Ben herself", clock.instant().plusSeconds(1));
        clock.advance(Duration.ofSeconds(5));
        assertThat(own.page(ana, 1, null).comments().items()).filteredOn(c -> c.id() == first).singleElement()
                .satisfies(c -> assertThat(c.newReplies()).as("one's own reply is not news").isZero());
        assertThat(own.page(ben, 1, null).comments().items()).extracting(OwnComment::id).doesNotContain(first, second);
    }

    @Test
    void shouldShowTheLatestRepliesOnlyAndLeaveOutDeletedComments() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        Instant now = clock.instant();
        long anas = seeder.comment(article, null, ana, "Ana asks", now.minusSeconds(600));
        for (int i = 0; i < 5; i++) {
            seeder.comment(article, anas, ben, "Answer " + i, now.minusSeconds(500 - i));
        }
        long gone = seeder.comment(article, null, ana, "Soon gone", now.minusSeconds(100));
        jdbc.update("UPDATE comment SET status = 'DELETED', body = NULL, body_html = NULL WHERE id = ?", gone);

        OwnComment comment = own.page(ana, 1, null).comments().items().get(0);

        assertThat(own.page(ana, 1, null).comments().total()).isEqualTo(1);
        assertThat(comment.replies()).extracting(Reply::excerpt).containsExactly("Answer 4", "Answer 3", "Answer 2");
        assertThat(comment.replyCount()).isEqualTo(5);
    }

    @Test
    void shouldMarkTheSameRepliesNewOnEveryPageOfOneVisit() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        Instant now = clock.instant();
        long oldest = seeder.comment(article, null, ana, "Ana's oldest", now.minusSeconds(3_000));
        for (int i = 0; i < OwnComments.PER_PAGE; i++) {
            seeder.comment(article, null, ana, "Ana's comment " + i, now.minusSeconds(2_000 - i));
        }
        seeder.comment(article, oldest, ben, "Ben answers the oldest", now.minusSeconds(10));

        OwnComments.OwnPage first = own.page(ana, 1, null);
        OwnComment onPageTwo = own.page(ana, 2, first.newSince()).comments().items().get(0);

        assertThat(onPageTwo.id()).isEqualTo(oldest);
        assertThat(onPageTwo.newReplies()).as("new on this visit, though page 1 recorded it").isEqualTo(1);
        assertThat(own.page(ana, 2, null).comments().items().get(0).newReplies()).as("on the next visit").isZero();
    }
}
