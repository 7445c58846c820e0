package org.broadsheet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Registration;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.Recommendations;
import org.broadsheet.mail.DevMailbox;
import org.broadsheet.mail.DevMailbox.SentMail;
import org.broadsheet.mail.Mailer;
import org.broadsheet.notification.NotificationService.LinkState;
import org.broadsheet.support.DurableEventsSettled;
import org.broadsheet.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Notification mails as readers get them (the developer mailbox stands for SMTP): at once or in a daily digest,
 * to confirmed addresses only, each with a working one-click unsubscribe link that cannot be forged or reused
 * once expired.
 */
abstract class NotificationMailScenarios {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern LINK = Pattern.compile("<(https?://[^>]+)>");

    @Autowired
    NotificationService notifications;

    @Autowired
    NotificationMails mails;

    

    @Autowired
    CommentPosting posting;

    @Autowired
    Recommendations recommendations;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleImports imports;

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UnsubscribeLinks links;

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

    private record Reader(long id, String email) {
    }

    private Reader reader(String name) {
        String username = "mailed" + SEQUENCE.incrementAndGet();
        accounts.createVerified(username, name, username + "@example.com", "quiet-harbour-lanterns",
                EnumSet.of(Role.READER));
        return new Reader(accounts.idOf(username).orElseThrow(), username + "@example.com");
    }

    private long article() {
        return data.article(section, data.author()).headline("The harbour wall").slug(ArticleTestData.unique("mail"))
                .save();
    }

    private long post(long author, long article, Long parent, String text) {
        return posting.post(author, article, parent, text, UUID.randomUUID().toString()).id();
    }

    private List<SentMail> mailsTo(String email) {
        DurableEventsSettled.await(jdbc);
        return ((DevMailbox) mailer).recent().stream().filter(m -> m.to().equals(email)).toList();
    }

    private static UriComponents unsubscribeLink(SentMail mail) {
        Matcher link = LINK.matcher(mail.headers().get("List-Unsubscribe"));
        assertThat(link.matches()).as(mail.headers().toString()).isTrue();
        return UriComponentsBuilder.fromUriString(link.group(1)).build();
    }

    private Unsubscribe parts(UriComponents link) {
        return new Unsubscribe(link.getQueryParams().getFirst("account"), link.getQueryParams().getFirst("kind"),
                link.getQueryParams().getFirst("expires"), link.getQueryParams().getFirst("signature"));
    }

    private record Unsubscribe(String account, String kind, String expires, String signature) {
    }

    @Test
    void shouldMailAReplyAtOnceWithAOneClickUnsubscribeLink() {
        Reader ana = reader("Ana");
        Reader ben = reader("Ben");
        long article = article();
        long anas = post(ana.id(), article, null, "Ana on the harbour wall");

        post(ben.id(), article, anas, "Ben answers Ana");

        List<SentMail> sent = mailsTo(ana.email());
        assertThat(sent).hasSize(1);
        SentMail mail = sent.get(0);
        assertThat(mail.subject()).isEqualTo("Ben replied to your comment on \u201cThe harbour wall\u201d");
        long id = notifications.page(ana.id(), 1).items().get(0).id();
        assertThat(mail.text()).contains("\u201cBen answers Ana\u201d", "/notifications/" + id + "/open",
                "/account/notifications");
        assertThat(mail.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        UriComponents link = unsubscribeLink(mail);
        assertThat(link.getPath()).isEqualTo("/notifications/unsubscribe");
        assertThat(mail.text()).contains(link.toUriString());
        assertThat(mailsTo(ben.email())).isEmpty();
    }

    @Test
    void shouldStopThatKindOfMailFromItsLinkAndNoOtherKind() {
        Reader ana = reader("Ana");
        Reader ben = reader("Ben");
        notifications.choose(ana.id(), EnumSet.allOf(NotificationKind.class),
                Set.of(NotificationKind.REPLY, NotificationKind.RECOMMENDED), false);
        long article = article();
        long anas = post(ana.id(), article, null, "Ana on the harbour wall");
        post(ben.id(), article, anas, "Ben answers Ana");
        Unsubscribe link = parts(unsubscribeLink(mailsTo(ana.email()).get(0)));

        assertThat(notifications.checkLink(link.account(), link.kind(), link.expires(), link.signature()).state())
                .isEqualTo(LinkState.VALID);
        assertThat(notifications.unsubscribe(link.account(), link.kind(), link.expires(), link.signature()))
                .isEqualTo(new NotificationService.Unsubscribing(LinkState.VALID, "reply"));

        post(ben.id(), article, anas, "Ben answers Ana again");
        recommendations.toggle(ben.id(), anas);
        List<SentMail> sent = mailsTo(ana.email());
        assertThat(sent).extracting(SentMail::subject).containsExactly(
                "Your comment on \u201cThe harbour wall\u201d was recommended once",
                "Ben replied to your comment on \u201cThe harbour wall\u201d");
        assertThat(notifications.choices(ana.id()).kinds()).filteredOn(c -> c.kind() == NotificationKind.REPLY)
                .singleElement().satisfies(c -> {
                    assertThat(c.byEmail()).isFalse();
                    assertThat(c.onSite()).isTrue();
                });
    }

    @Test
    void shouldRefuseATamperedOrExpiredLink() {
        Reader ana = reader("Ana");
        Reader ben = reader("Ben");
        long article = article();
        long anas = post(ana.id(), article, null, "Ana on the harbour wall");
        post(ben.id(), article, anas, "Ben answers Ana");
        Unsubscribe link = parts(unsubscribeLink(mailsTo(ana.email()).get(0)));

        assertThat(notifications.unsubscribe(String.valueOf(ben.id()), link.kind(), link.expires(), link.signature())
                .state()).as("another reader").isEqualTo(LinkState.INVALID);
        assertThat(notifications.unsubscribe(link.account(), "recommended", link.expires(), link.signature())
                .state()).as("another kind").isEqualTo(LinkState.INVALID);
        assertThat(notifications.unsubscribe(link.account(), link.kind(), String.valueOf(Long.MAX_VALUE / 2),
                link.signature()).state()).as("a later expiry").isEqualTo(LinkState.INVALID);
        assertThat(notifications.unsubscribe(link.account(), link.kind(), link.expires(), "x" + link.signature())
                .state()).as("another signature").isEqualTo(LinkState.INVALID);
        assertThat(notifications.unsubscribe("", "", "", "").state()).isEqualTo(LinkState.INVALID);
        assertThat(notifications.unsubscribe(link.account(), "no-such-kind", link.expires(), link.signature())
                .state()).isEqualTo(LinkState.INVALID);
        assertThat(notifications.choices(ana.id()).kinds().get(0).byEmail()).as("nothing changed").isTrue();

        clock.advance(UnsubscribeLinks.LIFETIME.plusDays(1));
        assertThat(notifications.unsubscribe(link.account(), link.kind(), link.expires(), link.signature()).state())
                .isEqualTo(LinkState.EXPIRED);
        assertThat(notifications.choices(ana.id()).kinds().get(0).byEmail()).isTrue();
    }

    @Test
    void shouldMailOnlyAConfirmedAddress() {
        String username = "unconfirmed" + SEQUENCE.incrementAndGet();
        accounts.register(new Registration(username, "Una", username + "@example.com", "quiet-harbour-lanterns"));
        long una = accounts.idOf(username).orElseThrow();
        jdbc.update("UPDATE account SET email_verified = FALSE WHERE id = ?", una);
        Reader ben = reader("Ben");
        long article = article();
        long unas = post(ben.id(), article, null, "Ben starts");
        jdbc.update("UPDATE comment SET author_id = ? WHERE id = ?", una, unas);

        post(ben.id(), article, unas, "Ben answers Una");

        assertThat(mailsTo(username + "@example.com")).filteredOn(m -> m.subject().contains("replied")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND email_due = FALSE", Long.class, una) == 1);
        assertThat(notifications.unreadCount(una)).isEqualTo(1);
    }

    @Test
    void shouldGatherTheDayIntoOneDigestMailForReadersWhoChoseIt() {
        Reader ana = reader("Ana");
        Reader ben = reader("Ben");
        notifications.choose(ana.id(), EnumSet.allOf(NotificationKind.class), Set.of(NotificationKind.REPLY), true);
        long article = article();
        long anas = post(ana.id(), article, null, "Ana on the harbour wall");
        post(ben.id(), article, anas, "Ben answers Ana");
        post(ben.id(), article, anas, "Ben answers Ana again");
        assertThat(mailsTo(ana.email())).as("nothing at once").isEmpty();

        mails.sendDigests();
        mails.sendDigests();

        List<SentMail> sent = mailsTo(ana.email());
        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("2 new notifications from");
            assertThat(mail.text().split("Ben replied to your comment", -1)).hasSize(3);
            assertThat(unsubscribeLink(mail).getQueryParams().getFirst("kind")).isEqualTo("all");
        });
        Unsubscribe link = parts(unsubscribeLink(sent.get(0)));
        notifications.unsubscribe(link.account(), link.kind(), link.expires(), link.signature());
        assertThat(notifications.choices(ana.id()).kinds()).noneMatch(NotificationService.Choice::byEmail);
    }

    @Test
    void shouldSendNoQueuedMailOnceTheReaderStoppedItAndSendTheQueueWhenTheyLeaveTheDigest() {
        Reader ana = reader("Ana");
        Reader ben = reader("Ben");
        Reader cal = reader("Cal");
        notifications.choose(ana.id(), EnumSet.allOf(NotificationKind.class), Set.of(NotificationKind.REPLY), true);
        notifications.choose(cal.id(), EnumSet.allOf(NotificationKind.class), Set.of(NotificationKind.REPLY), true);
        long article = article();
        long anas = post(ana.id(), article, null, "Ana on the harbour wall");
        long cals = post(cal.id(), article, null, "Cal on the harbour wall");
        post(ben.id(), article, anas, "Ben answers Ana");
        post(ben.id(), article, cals, "Ben answers Cal");
        DurableEventsSettled.await(jdbc);

        // Ana turns replies by mail off; Cal goes back to mails at once.
        notifications.choose(ana.id(), EnumSet.allOf(NotificationKind.class), Set.of(), true);
        notifications.choose(cal.id(), EnumSet.allOf(NotificationKind.class), Set.of(NotificationKind.REPLY), false);
        mails.sendDigests();

        assertThat(mailsTo(ana.email())).isEmpty();
        assertThat(mailsTo(cal.email())).extracting(SentMail::subject)
                .containsExactly("Ben replied to your comment on \u201cThe harbour wall\u201d");
    }

    @Test
    void shouldAnswerTheLinkOfADeletedAccountWithoutAnError() {
        String username = "leaving" + SEQUENCE.incrementAndGet();
        accounts.createVerified(username, "Lee", username + "@example.com", "quiet-harbour-lanterns",
                EnumSet.of(Role.READER));
        long lee = accounts.idOf(username).orElseThrow();
        String path = links.pathFor(lee, NotificationKind.REPLY);
        Unsubscribe link = parts(UriComponentsBuilder.fromUriString(path).build());
        assertThat(accounts.delete(lee, "quiet-harbour-lanterns")).isTrue();

        assertThat(notifications.unsubscribe(link.account(), link.kind(), link.expires(), link.signature()).state())
                .isEqualTo(LinkState.VALID);
    }
}
