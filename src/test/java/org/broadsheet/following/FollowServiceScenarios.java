package org.broadsheet.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentSeeder;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentEditing;
import org.broadsheet.comment.IgnoredReaders;
import org.broadsheet.comment.ReaderActivity.FeedComment;
import org.broadsheet.following.FollowService.Person;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Following readers and stories through {@link FollowService} on a real (H2) database: the rules, the counts
 * and lists, ignoring, and the Following page's comments.
 */
abstract class FollowServiceScenarios {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    FollowService follows;

    @Autowired
    AccountService accounts;

    @Autowired
    CommentService comments;

    @Autowired
    CommentEditing editing;

    @Autowired
    IgnoredReaders ignoredReaders;

    @Autowired
    CommentSeeder seeder;

    @Autowired
    ArticleImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    private ArticleTestData data;
    private String section;

    @BeforeEach
    void setUp() {
        clock.advance(Duration.ofMinutes(2));
        data = new ArticleTestData(imports);
        section = data.section(null);
    }

    private long reader(String name) {
        String username = "follower" + SEQUENCE.incrementAndGet();
        accounts.createVerified(username, name, username + "@example.com", "quiet-harbour-lanterns",
                EnumSet.of(Role.READER));
        return accounts.idOf(username).orElseThrow();
    }

    private String username(long id) {
        return jdbc.queryForObject("SELECT username FROM account WHERE id = ?", String.class, id);
    }

    @Test
    void shouldFollowAReaderOnceAndCountItOnBothSides() {
        long ana = reader("Ana");
        long ben = reader("Ben");

        assertThat(follows.follow(ana, ben)).isEqualTo("Ben");
        follows.follow(ana, ben);

        assertThat(follows.follows(ana, ben)).isTrue();
        assertThat(follows.follows(ben, ana)).isFalse();
        assertThat(follows.counts(ben)).isEqualTo(new FollowService.FollowCounts(1, 0));
        assertThat(follows.counts(ana)).isEqualTo(new FollowService.FollowCounts(0, 1));
        assertThat(follows.people(username(ben), true, null, 1).people().items())
                .containsExactly(new Person(username(ana), "Ana"));
        assertThat(follows.people(username(ana), false, null, 1).people().items())
                .containsExactly(new Person(username(ben), "Ben"));
        assertThat(follows.followersOf(ben)).containsExactly(ana);
    }

    @Test
    void shouldStopFollowingAndChangeNothingWhenNotFollowing() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        follows.follow(ana, ben);

        assertThat(follows.unfollow(ana, ben)).isEqualTo("Ben");
        follows.unfollow(ana, ben);

        assertThat(follows.follows(ana, ben)).isFalse();
        assertThat(follows.counts(ben).followers()).isZero();
    }

    @Test
    void shouldRefuseToFollowOneselfOrNobody() {
        long ana = reader("Ana");

        assertThatThrownBy(() -> follows.follow(ana, ana)).isInstanceOf(FollowRefusedException.class)
                .hasMessage("follow.self");
        assertThatThrownBy(() -> follows.follow(ana, Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> follows.readerId("nobody-by-this-name")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldRefuseAFollowEitherWayBetweenReadersWhenOneIgnoresTheOther() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        long article = data.article(section, data.author()).save();
        long bensComment = seeder.comment(article, null, ben, "Ben on the harbour", clock.instant().minusSeconds(60));
        ignoredReaders.ignoreAuthorOf(ana, bensComment);

        assertThatThrownBy(() -> follows.follow(ana, ben)).hasMessage("follow.ignoring");
        assertThatThrownBy(() -> follows.follow(ben, ana)).hasMessage("follow.ignoring");
    }

    @Test
    void shouldEndTheFollowBothWaysWhenOneIgnoresTheOther() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        follows.follow(ana, ben);
        follows.follow(ben, ana);
        long article = data.article(section, data.author()).save();
        long bensComment = seeder.comment(article, null, ben, "Ben on the harbour", clock.instant().minusSeconds(60));

        ignoredReaders.ignoreAuthorOf(ana, bensComment);

        assertThat(follows.follows(ana, ben)).isFalse();
        assertThat(follows.follows(ben, ana)).isFalse();
    }

    @Test
    void shouldRefuseToFollowAReaderWithAPrivateProfileAndDropTheirCommentsFromTheFeedWhenTheyGoPrivate() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        long cal = reader("Cal");
        follows.follow(ana, ben);
        long article = data.article(section, data.author()).save();
        seeder.comment(article, null, ben, "Ben in public", clock.instant().minusSeconds(60));
        assertThat(follows.feed(ana, 1).items()).hasSize(1);
        accounts.updateProfile(cal, "Cal", null, false);

        assertThatThrownBy(() -> follows.follow(ana, cal)).hasMessage("follow.private");
        accounts.updateProfile(ben, "Ben", null, false);
        assertThat(follows.feed(ana, 1).items()).isEmpty();
        assertThat(follows.followersOf(ben)).as("nobody told of a private reader's comments").isEmpty();
        assertThatThrownBy(() -> follows.people(username(ben), true, ana, 1)).isInstanceOf(NotFoundException.class);
        assertThat(follows.people(username(ben), true, ben, 1).people().items()).hasSize(1);
    }

    @Test
    void shouldFollowTheAuthorOfAVisibleCommentOnly() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        long article = data.article(section, data.author()).save();
        long bensComment = seeder.comment(article, null, ben, "Ben on the harbour", clock.instant().minusSeconds(60));

        assertThat(follows.followAuthorOf(ana, bensComment)).isEqualTo("Ben");
        assertThat(follows.follows(ana, ben)).isTrue();
        assertThat(follows.unfollowAuthorOf(ana, bensComment)).isEqualTo("Ben");
        assertThatThrownBy(() -> follows.followAuthorOf(ana, Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        editing.delete(ben, bensComment);
        assertThatThrownBy(() -> follows.followAuthorOf(ana, bensComment)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldFollowAndStopFollowingAStory() {
        long ana = reader("Ana");
        long article = data.article(section, data.author()).save();

        follows.followStory(ana, article);
        follows.followStory(ana, article);
        assertThat(follows.followsStory(ana, article)).isTrue();
        assertThat(follows.storyFollowers(article)).containsExactly(ana);

        follows.unfollowStory(ana, article);
        assertThat(follows.followsStory(ana, article)).isFalse();
        assertThatThrownBy(() -> follows.followStory(ana, Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldListTheLatestCommentsOfFollowedReadersNewestFirstWithWhatTheyAnswer() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        long cal = reader("Cal");
        long dee = reader("Dee");
        follows.follow(ana, ben);
        follows.follow(ana, cal);
        long article = data.article(section, data.author()).headline("The harbour wall").slug(ArticleTestData.unique("feed")).save();
        Instant now = clock.instant();
        long dees = seeder.comment(article, null, dee, "Dee starts the thread", now.minusSeconds(400));
        seeder.comment(article, null, ben, "Ben's first", now.minusSeconds(300));
        long calsReply = seeder.comment(article, dees, cal, "Cal answers Dee", now.minusSeconds(200));
        seeder.comment(article, null, dee, "Dee again, not followed", now.minusSeconds(100));

        PagedResult<FeedComment> feed = follows.feed(ana, 1);

        assertThat(feed.total()).isEqualTo(2);
        assertThat(feed.items()).extracting(FeedComment::id).first().isEqualTo(calsReply);
        FeedComment reply = feed.items().get(0);
        assertThat(reply.authorName()).isEqualTo("Cal");
        assertThat(reply.articleHeadline()).isEqualTo("The harbour wall");
        assertThat(reply.answering().authorName()).isEqualTo("Dee");
        assertThat(reply.answering().excerpt()).isEqualTo("Dee starts the thread");
        assertThat(feed.items().get(1).answering()).isNull();
        assertThat(follows.feed(reader("Eve"), 1).items()).isEmpty();
    }

    @Test
    void shouldPageTheFollowingPageTwentyAtATime() {
        long ana = reader("Ana");
        long article = data.article(section, data.author()).save();
        Instant now = clock.instant();
        for (int i = 0; i < 12; i++) {
            long other = reader("Other " + i);
            follows.follow(ana, other);
            long parent = seeder.comment(article, null, other, "Comment " + i, now.minusSeconds(500 - i));
            seeder.comment(article, parent, other, "Reply " + i, now.minusSeconds(400 - i));
        }
        assertThat(follows.feed(ana, 1).items()).hasSize(FollowService.FEED_PER_PAGE);
        List<FeedComment> second = follows.feed(ana, 2).items();
        assertThat(second).hasSize(4);
    }
}
