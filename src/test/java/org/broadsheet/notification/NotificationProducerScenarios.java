package org.broadsheet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.article.CorrectionKind;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.comment.CommentEvents.CommentPosted;
import org.broadsheet.comment.CommentEvents.RecommendationChanged;
import org.broadsheet.comment.IgnoredReaders;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.Recommendations;
import org.broadsheet.following.FollowService;
import org.broadsheet.notification.NotificationService.NotificationView;
import org.broadsheet.support.DurableEventsSettled;
import org.broadsheet.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;

/**
 * What readers are told, made from the real events of real posts, recommendations and corrections on a real (H2)
 * database, through the event publication registry: who is told of what, by which kind, grouped how, and never
 * twice when an event is heard again.
 */
abstract class NotificationProducerScenarios {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    NotificationService notifications;

    @Autowired
    NotificationProducer producer;

    

    @Autowired
    CommentPosting posting;

    @Autowired
    Recommendations recommendations;

    @Autowired
    IgnoredReaders ignoredReaders;

    @Autowired
    FollowService follows;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleImports imports;

    @Autowired
    CorrectionService corrections;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    private ArticleTestData data;
    private String section;

    @BeforeEach
    void setUp() {
        // Posts of earlier tests leave the one-minute window of the rate limit.
        clock.advance(Duration.ofMinutes(2));
        data = new ArticleTestData(imports);
        section = data.section(null);
    }

    private long reader(String name, Role... roles) {
        String username = "told" + SEQUENCE.incrementAndGet();
        EnumSet<Role> all = EnumSet.of(Role.READER);
        all.addAll(List.of(roles));
        accounts.createVerified(username, name, username + "@example.com", "quiet-harbour-lanterns", all);
        return accounts.idOf(username).orElseThrow();
    }

    private long article(String headline) {
        return data.article(section, data.author()).headline(headline).slug(ArticleTestData.unique("told")).save();
    }

    private long post(long author, long article, Long parent, String text) {
        return posting.post(author, article, parent, text, UUID.randomUUID().toString()).id();
    }

    private List<NotificationView> told(long reader) {
        DurableEventsSettled.await(jdbc);
        return notifications.page(reader, 1).items();
    }

    @Test
    void shouldTellTheAuthorOfACommentOfEachReplyButNotOfTheirOwn() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        long article = article("The harbour wall");
        long anas = post(ana, article, null, "Ana on the harbour wall");

        long bens = post(ben, article, anas, "Ben answers Ana");
        post(ana, article, anas, "Ana answers herself");

        List<NotificationView> told = told(ana);
        assertThat(told).hasSize(1);
        NotificationView reply = told.get(0);
        assertThat(reply.kind()).isEqualTo(NotificationKind.REPLY);
        assertThat(reply.actorName()).isEqualTo("Ben");
        assertThat(reply.articleHeadline()).isEqualTo("The harbour wall");
        assertThat(reply.excerpt()).isEqualTo("Ben answers Ana");
        assertThat(reply.link()).isEqualTo("/comments/" + bens + "#comment-" + bens);
        assertThat(reply.unread()).isTrue();
        assertThat(notifications.unreadCount(ana)).isEqualTo(1);
        assertThat(told(ben)).isEmpty();
    }

    @Test
    void shouldTellNobodyOfWhatAReaderTheyIgnoreDid() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        long article = article("The harbour wall");
        long anas = post(ana, article, null, "Ana on the harbour wall");
        long bens = post(ben, article, null, "Ben starts his own thread");
        ignoredReaders.ignoreAuthorOf(ana, bens);
        follows.followStory(ana, article);

        post(ben, article, anas, "Ben answers Ana anyway");
        post(ben, article, null, "And Ben comments again");

        assertThat(told(ana)).isEmpty();
    }

    @Test
    void shouldTellFollowersOfTheCommentsOfTheReaderTheyFollowAndTheAnsweredAuthorOfAReply() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        long cal = reader("Cal");
        follows.follow(ana, ben);
        follows.follow(cal, ben);
        long article = article("The harbour wall");
        long cals = post(cal, article, null, "Cal on the harbour wall");

        long bens = post(ben, article, cals, "Ben answers Cal");

        assertThat(told(ana)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.FOLLOWED_COMMENT);
            assertThat(n.link()).isEqualTo("/comments/" + bens + "#comment-" + bens);
        });
        assertThat(told(cal)).as("told once, of the reply").singleElement()
                .extracting(NotificationView::kind).isEqualTo(NotificationKind.REPLY);
    }

    @Test
    void shouldGatherTheNewCommentsOnAFollowedStoryWhileUnread() {
        long ana = reader("Ana");
        long article = article("The harbour wall");
        follows.followStory(ana, article);
        long ben = reader("Ben");
        long cal = reader("Cal");

        post(ben, article, null, "Ben first");
        post(cal, article, null, "Cal second");
        post(ben, article, null, "Ben third");

        List<NotificationView> told = told(ana);
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.STORY_COMMENTS);
            assertThat(n.count()).isEqualTo(3);
            assertThat(n.items()).extracting(NotificationService.GroupItem::excerpt)
                    .containsExactly("Ben third", "Cal second", "Ben first");
        });
        notifications.markRead(ana, told.get(0).id());
        post(cal, article, null, "Cal fourth");
        assertThat(told(ana)).hasSize(2).first().satisfies(n -> {
            assertThat(n.count()).isEqualTo(1);
            assertThat(n.unread()).isTrue();
        });
    }

    @Test
    void shouldGatherRecommendationsOfACommentIntoOneNotificationAnHour() {
        long ana = reader("Ana");
        long article = article("The harbour wall");
        long anas = post(ana, article, null, "Ana on the harbour wall");
        recommendations.toggle(reader("Ben"), anas);
        recommendations.toggle(reader("Cal"), anas);
        List<NotificationView> told = told(ana);
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.RECOMMENDED);
            assertThat(n.count()).isEqualTo(2);
        });

        notifications.markRead(ana, told.get(0).id());
        recommendations.toggle(reader("Dee"), anas);
        assertThat(told(ana)).as("read, but within the hour: no new one").singleElement()
                .satisfies(n -> assertThat(n.count()).isEqualTo(3));

        clock.advance(Notifier.RECOMMENDATIONS_EVERY.plusMinutes(1));
        long eve = reader("Eve");
        recommendations.toggle(eve, anas);
        recommendations.toggle(eve, anas); // withdrawn: nothing more
        assertThat(told(ana)).hasSize(2).first().satisfies(n -> {
            assertThat(n.count()).isEqualTo(1);
            assertThat(n.unread()).isTrue();
        });
    }

    @Test
    void shouldTellEveryoneInTheThreadOfAStaffReply() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        long moderator = reader("Mo Derator", Role.MODERATOR);
        long article = article("The harbour wall");
        long anas = post(ana, article, null, "Ana starts");
        long bens = post(ben, article, anas, "Ben answers Ana");
        DurableEventsSettled.await(jdbc);
        long before = notifications.unreadCount(ana);

        post(moderator, article, bens, "A word from the moderators: please keep it civil.");

        assertThat(told(ben)).first().extracting(NotificationView::kind).isEqualTo(NotificationKind.REPLY);
        assertThat(told(ana)).first().extracting(NotificationView::kind).isEqualTo(NotificationKind.STAFF_REPLY);
        assertThat(notifications.unreadCount(ana)).isEqualTo(before + 1);
        assertThat(told(moderator)).isEmpty();
    }

    @Test
    void shouldTellCommentersAndFollowersOfACorrection() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        long cal = reader("Cal");
        long article = article("The harbour wall");
        post(ana, article, null, "Ana on the harbour wall");
        DurableEventsSettled.await(jdbc);
        follows.followStory(ben, article);

        corrections.add(article, CorrectionKind.CORRECTION, "The wall is 300 metres long, not 30.", "editor");

        assertThat(told(ana)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.CORRECTION);
            assertThat(n.link()).endsWith("#corrections-heading");
        });
        assertThat(told(ben)).singleElement().extracting(NotificationView::kind)
                .isEqualTo(NotificationKind.CORRECTION);
        assertThat(told(cal)).isEmpty();

        corrections.add(article, CorrectionKind.UPDATE, "Updated with the council's reply.", "editor");
        assertThat(told(ana)).first().extracting(NotificationView::kind).isEqualTo(NotificationKind.ARTICLE_UPDATED);
    }

    @Test
    void shouldTellOnceWhenTheSameEventIsHeardAgain() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        long article = article("The harbour wall");
        follows.followStory(ana, article);
        long anas = post(ana, article, null, "Ana starts");
        long bens = post(ben, article, anas, "Ben answers Ana");
        long cals = post(reader("Cal"), article, null, "Cal comments");
        recommendations.toggle(ben, anas);
        DurableEventsSettled.await(jdbc);
        List<NotificationView> before = told(ana);

        // What a restart or a retry does: the registry delivers an event whose listener had already run. The
        // listener itself, called here on this thread (not through its asynchronous proxy).
        NotificationProducer listener = AopTestUtils.getUltimateTargetObject(producer);
        for (int i = 0; i < 2; i++) {
            listener.on(new CommentPosted(bens, article, ben, anas, ana));
            listener.on(new CommentPosted(cals, article, 0, null, null));
            listener.on(new RecommendationChanged(anas, article, ben, ana, true));
        }

        assertThat(told(ana)).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
        assertThat(before).extracting(NotificationView::kind).containsExactlyInAnyOrder(NotificationKind.REPLY,
                NotificationKind.STORY_COMMENTS, NotificationKind.RECOMMENDED);
    }

    @Test
    void shouldLeaveOutOfTheCentreWhatTheReaderTurnedOff() {
        long ana = reader("Ana");
        long ben = reader("Ben");
        notifications.choose(ana, Set.of(), Set.of(NotificationKind.REPLY), false);
        long article = article("The harbour wall");
        long anas = post(ana, article, null, "Ana starts");

        post(ben, article, anas, "Ben answers Ana");

        assertThat(told(ana)).isEmpty();
        assertThat(notifications.unreadCount(ana)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND in_centre = FALSE", Long.class, ana) == 1);
    }
}
