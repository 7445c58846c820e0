package org.broadsheet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.Recommendations;
import org.broadsheet.support.DurableEventsSettled;
import org.broadsheet.support.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The notification centre, the header's unread count and the choices page as a signed-in reader uses them, on
 * the real services: what they show, what their buttons change, and that nobody reaches another's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class NotificationPagesTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    CommentService comments;

    @Autowired
    CommentPosting posting;

    @Autowired
    Recommendations recommendations;

    @Autowired
    NotificationService notifications;

    @Autowired
    ArticleImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    MutableClock clock;

    private long article;
    private long ana;
    private long ben;
    private String anaName;
    private String benName;
    private long reply;

    @BeforeEach
    void setUp() {
        clock.advance(Duration.ofMinutes(2));
        ArticleTestData data = new ArticleTestData(imports);
        article = data.article(data.section(null), data.author()).headline("The harbour wall")
                .slug(ArticleTestData.unique("centre")).save();
        anaName = reader("Ana");
        benName = reader("Ben <b>");
        ana = accounts.idOf(anaName).orElseThrow();
        ben = accounts.idOf(benName).orElseThrow();
        long anas = posting.post(ana, article, null, "Ana on the harbour wall", UUID.randomUUID().toString()).id();
        reply = posting.post(ben, article, anas, "Ben <i>answers</i> Ana", UUID.randomUUID().toString()).id();
        DurableEventsSettled.await(jdbc);
    }

    private String reader(String name) {
        String username = "centre" + SEQUENCE.incrementAndGet();
        accounts.createVerified(username, name, username + "@example.com", "quiet-harbour-lanterns",
                EnumSet.of(Role.READER));
        return username;
    }

    private RequestPostProcessor as(String username) {
        UserDetails details = users.loadUserByUsername(username);
        return user(details);
    }

    private Document page(String path, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    @Test
    void shouldListTheReplyUnreadWithItsTextEscapedAndCountItInTheHeader() throws Exception {
        Document centre = page("/notifications", anaName);

        Element item = centre.selectFirst(".notification-list > li.notification.unread");
        assertThat(item.select(".notification-text a").text())
                .isEqualTo("Ben <b> replied to your comment on \u201cThe harbour wall\u201d");
        assertThat(item.select(".notification-excerpt").text()).isEqualTo("Ben <i>answers</i> Ana");
        assertThat(item.select("b, i")).isEmpty();
        assertThat(item.select(".notification-text a").attr("href")).matches("/notifications/\\d+/open");
        assertThat(item.select("form button").text()).isEqualTo("Mark as read");
        assertThat(item.select("form input[name=_csrf]")).hasSize(1);
        assertThat(centre.select(".notification-summary").text()).startsWith("1 unread.");

        for (String path : new String[] { "/", "/notifications", "/community-guidelines" }) {
            Element link = page(path, anaName).selectFirst(".masthead a.notifications-link");
            assertThat(link.attr("aria-label")).as(path).isEqualTo("Notifications, 1 unread");
            assertThat(link.select(".unread-count").text()).isEqualTo("1");
        }
        assertThat(page("/", benName).select(".masthead a.notifications-link").attr("aria-label"))
                .isEqualTo("Notifications");
        Document anonymous = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse().getContentAsString());
        assertThat(anonymous.select(".notifications-link")).isEmpty();
    }

    @Test
    void shouldOpenTheCommentInItsThreadAndMarkItRead() throws Exception {
        String open = page("/notifications", anaName).selectFirst(".notification-text a").attr("href");

        mvc.perform(get(open).with(as(anaName))).andExpect(status().isFound())
                .andExpect(redirectedUrl("/comments/" + reply + "#comment-" + reply));

        assertThat(notifications.unreadCount(ana)).isZero();
        assertThat(page("/notifications", anaName).select("li.notification.unread")).isEmpty();
        assertThat(page("/", anaName).select(".masthead .unread-count")).isEmpty();
    }

    @Test
    void shouldNeitherOpenNorMarkAnotherReadersNotification() throws Exception {
        long id = notifications.page(ana, 1).items().get(0).id();

        mvc.perform(get("/notifications/" + id + "/open").with(as(benName))).andExpect(status().isNotFound());
        mvc.perform(post("/notifications/" + id + "/read").with(as(benName)).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post("/notifications/read-all").with(as(benName)).with(csrf())).andExpect(status().isFound());

        assertThat(notifications.unreadCount(ana)).isEqualTo(1);
        assertThat(page("/notifications", benName).select(".notification-list")).isEmpty();
    }

    @Test
    void shouldMarkOneOrAllRead() throws Exception {
        posting.post(ben, article, null, "Ben's own thread", UUID.randomUUID().toString());
        long id = notifications.page(ana, 1).items().get(0).id();

        mvc.perform(post("/notifications/" + id + "/read").param("back", "/notifications").with(as(anaName))
                .with(csrf())).andExpect(redirectedUrl("/notifications"));
        assertThat(notifications.unreadCount(ana)).isZero();

        recommendations.toggle(ben, jdbc.queryForObject(
                "SELECT MIN(id) FROM comment WHERE author_id = ?", Long.class, ana));
        DurableEventsSettled.await(jdbc);
        assertThat(notifications.unreadCount(ana)).isEqualTo(1);
        mvc.perform(post("/notifications/read-all").with(as(anaName)).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(notifications.unreadCount(ana)).isZero();
        assertThat(page("/notifications", anaName).select("form[action=/notifications/read-all]")).isEmpty();
    }

    @Test
    void shouldShowAndSaveTheReadersChoices() throws Exception {
        Document form = page("/account/notifications", anaName);
        assertThat(form.select("table.choices tbody tr")).hasSize(NotificationKind.values().length);
        assertThat(form.select("input[name=site][checked]")).hasSize(NotificationKind.values().length);
        assertThat(form.select("input[name=email][checked]").eachAttr("value")).containsExactly("REPLY", "MODERATION");
        // What moderators decide is always shown on the site: that box cannot be unticked.
        assertThat(form.select("input[name=site][disabled]").eachAttr("value")).containsExactly("MODERATION");
        assertThat(form.select("#digest-no").hasAttr("checked")).isTrue();
        assertThat(form.select("label[for=email-reply]").text()).isEqualTo("Replies to my comments, by email");

        mvc.perform(post("/account/notifications").param("site", "REPLY", "CORRECTION")
                .param("email", "RECOMMENDED").param("digest", "true").with(as(anaName)).with(csrf()))
                .andExpect(redirectedUrl("/account/notifications"));

        Document saved = page("/account/notifications", anaName);
        assertThat(saved.select("input[name=site][checked]").eachAttr("value")).containsExactly("REPLY",
                "CORRECTION", "MODERATION");
        assertThat(saved.select("input[name=email][checked]").eachAttr("value")).containsExactly("RECOMMENDED");
        assertThat(saved.select("#digest-yes").hasAttr("checked")).isTrue();
    }

    @Test
    void shouldRefuseAChoiceThatIsNotOneOfTheKindsOffered() throws Exception {
        mvc.perform(post("/account/notifications").param("site", "EVERYTHING").with(as(anaName)).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(page("/account/notifications", anaName).select("input[name=site][checked]"))
                .hasSize(NotificationKind.values().length);
    }

    @Test
    void shouldAskBeforeStoppingMailsFromALinkAndStopThemOnTheButton() throws Exception {
        mvc.perform(post("/account/notifications").param("site", "REPLY").param("email", "REPLY")
                .param("digest", "false").with(as(anaName)).with(csrf()));
        String link = links.pathFor(ana, NotificationKind.REPLY);

        Document ask = Jsoup.parse(mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(ask.select("main form p").text()).isEqualTo("Stop emails about replies to your comments? "
                + "You still see them on the site.");
        assertThat(notifications.choices(ana).kinds().get(0).byEmail()).as("a GET stops nothing").isTrue();

        var params = org.springframework.web.util.UriComponentsBuilder.fromUriString(link).build().getQueryParams();
        Document done = Jsoup.parse(mvc.perform(post("/notifications/unsubscribe")
                .param("account", params.getFirst("account")).param("kind", params.getFirst("kind"))
                .param("expires", params.getFirst("expires")).param("signature", params.getFirst("signature")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(done.select("main p[role=status]").text())
                .isEqualTo("Done: you will no longer get emails about replies to your comments.");
        assertThat(notifications.choices(ana).kinds().get(0).byEmail()).isFalse();
    }
}
