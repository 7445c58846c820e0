package org.broadsheet.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.IgnoredReaders;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Following as a reader does it: the button and counts on profiles, the follow item in each comment's menu, the
 * story's button in its comments (cached pages included), the lists and the Following page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class FollowPagesTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountUserDetailsService users;

    

    @Autowired
    CommentPosting posting;

    @Autowired
    IgnoredReaders ignoredReaders;

    @Autowired
    FollowService follows;

    @Autowired
    ArticleCards articles;

    @Autowired
    ArticleImports imports;

    @Autowired
    MutableClock clock;

    private String ana;
    private String ben;
    private long anaId;
    private long benId;
    private long article;
    private String articleUrl;
    private long bens;

    @BeforeEach
    void setUp() {
        clock.advance(Duration.ofMinutes(2));
        ana = reader("Ana");
        ben = reader("Ben");
        anaId = accounts.idOf(ana).orElseThrow();
        benId = accounts.idOf(ben).orElseThrow();
        ArticleTestData data = new ArticleTestData(imports);
        article = data.article(data.section(null), data.author()).slug(ArticleTestData.unique("follow")).save();
        articleUrl = articles.cardsFor(java.util.List.of(article)).get(0).url();
        bens = posting.post(benId, article, null, "Ben on the harbour wall", UUID.randomUUID().toString()).id();
    }

    private String reader(String name) {
        String username = "followed" + SEQUENCE.incrementAndGet();
        accounts.createVerified(username, name, username + "@example.com", "quiet-harbour-lanterns",
                EnumSet.of(Role.READER));
        return username;
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private Document page(String path, RequestPostProcessor... who) throws Exception {
        var request = get(path);
        for (RequestPostProcessor p : who) {
            request.with(p);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldFollowFromTheProfileAndShowTheCounts() throws Exception {
        Document profile = page("/users/" + ben, as(ana));
        Element form = profile.selectFirst(".profile-follow form");
        assertThat(form.attr("action")).isEqualTo("/users/" + ben + "/follow");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(form.select("button").text()).isEqualTo("Follow");

        mvc.perform(post("/users/" + ben + "/follow").with(as(ana)).with(csrf()))
                .andExpect(redirectedUrl("/users/" + ben)).andExpect(flash().attribute("notice", "follow.done"))
                .andExpect(flash().attribute("noticeName", "Ben"));

        Document after = page("/users/" + ben, as(ana));
        assertThat(after.select(".follow-counts a").eachText()).containsExactly("1 follower", "0 following");
        assertThat(after.select(".profile-follow form").attr("action")).isEqualTo("/users/" + ben + "/unfollow");
        assertThat(after.select(".profile-follow button").text()).isEqualTo("Following \u2013 stop following");
        assertThat(page("/users/" + ben + "/followers").select(".people-list a").eachText()).containsExactly("Ana");
        assertThat(page("/users/" + ana + "/following").select(".people-list a").eachAttr("href"))
                .containsExactly("/users/" + ben);
        assertThat(page("/users/" + ana, as(ana)).select(".profile-follow form")).as("not oneself").isEmpty();
        assertThat(page("/users/" + ben).select(".profile-follow a.button-secondary").text())
                .isEqualTo("Sign in to follow");
    }

    @Test
    void shouldSayWhyAFollowIsRefused() throws Exception {
        ignoredReaders.ignoreAuthorOf(benId, posting.post(anaId, article, null, "Ana here", UUID.randomUUID().toString())
                .id());

        mvc.perform(post("/users/" + ben + "/follow").with(as(ana)).with(csrf()))
                .andExpect(redirectedUrl("/users/" + ben)).andExpect(flash().attribute("notice", "follow.ignoring"));
        assertThat(follows.follows(anaId, benId)).isFalse();
        mvc.perform(post("/users/nobody-by-this-name/follow").with(as(ana)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldHideTheListsOfAPrivateProfileFromAllButItsOwner() throws Exception {
        var view = accounts.view(benId);
        accounts.updateProfile(benId, view.displayName(), view.bio(), false);

        mvc.perform(get("/users/" + ben + "/followers")).andExpect(status().isNotFound());
        mvc.perform(get("/users/" + ben + "/following").with(as(ana))).andExpect(status().isNotFound());
        assertThat(page("/users/" + ben + "/followers", as(ben)).select("h1").text())
                .isEqualTo("Readers following Ben");
    }

    @Test
    void shouldOfferToFollowTheAuthorInEachCommentsMenuAndToStopAfterwards() throws Exception {
        Document before = page(articleUrl, as(ana));
        Element follow = before.selectFirst("#comment-" + bens + " .comment-more button[formaction$=follow-author]");
        assertThat(follow.text()).isEqualTo("Follow Ben");
        assertThat(follow.attr("form")).isEqualTo("comment-actions");

        mvc.perform(post("/comments/" + bens + "/follow-author").param("back", articleUrl + "#comment-" + bens)
                .with(as(ana)).with(csrf())).andExpect(redirectedUrl(articleUrl + "#comment-" + bens));

        Document after = page(articleUrl, as(ana));
        assertThat(after.select("#comment-" + bens + " .comment-more button[formaction$=-author]").eachText())
                .containsExactly("Stop following Ben", "Ignore Ben");
        assertThat(page(articleUrl, as(ben)).select("#comment-" + bens + " button[formaction$=follow-author]"))
                .as("not one's own").isEmpty();
        assertThat(page(articleUrl).select("button[formaction$=follow-author]")).as("anonymous").isEmpty();
    }

    @Test
    void shouldFollowTheStoryFromItsComments() throws Exception {
        page(articleUrl);
        assertThat(page(articleUrl).select(".story-follow")).as("anonymous").isEmpty();
        Element button = page(articleUrl, as(ana)).selectFirst(".story-follow button");
        assertThat(button.text()).isEqualTo("Follow this story");
        assertThat(button.attr("formaction")).isEqualTo("/articles/" + article + "/follow");

        mvc.perform(post("/articles/" + article + "/follow").param("back", articleUrl + "#comments").with(as(ana))
                .with(csrf())).andExpect(redirectedUrl(articleUrl + "#comments"));

        assertThat(follows.followsStory(anaId, article)).isTrue();
        assertThat(page(articleUrl, as(ana)).select(".story-follow button").attr("formaction"))
                .isEqualTo("/articles/" + article + "/unfollow");
        assertThat(page(articleUrl, as(ben)).select(".story-follow button").text()).isEqualTo("Follow this story");
    }

    @Test
    void shouldListTheCommentsOfFollowedReadersOnTheFollowingPage() throws Exception {
        assertThat(page("/following", as(ana)).select(".empty").text()).startsWith("Nothing here yet.");
        follows.follow(anaId, benId);

        Document feed = page("/following", as(ana));

        assertThat(feed.select(".recent-comment .comment-text").eachText()).containsExactly("Ben on the harbour wall");
        assertThat(feed.select(".recent-comment .comment-time").attr("href")).isEqualTo("/comments/" + bens);
        assertThat(page("/", as(ana)).select(".masthead a.following-link").attr("href")).isEqualTo("/following");
    }

    @Test
    void shouldAnswerThePagesScriptWithTheNewStateOrTheRefusal() throws Exception {
        String answer = mvc.perform(post("/comments/" + bens + "/follow-author").accept("application/json")
                .with(as(ana)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(answer).contains("\"following\":true",
                "\"notice\":\"You now follow Ben. Their comments appear on your Following page.\"");
        assertThat(follows.follows(anaId, benId)).isTrue();

        mvc.perform(post("/comments/" + bens + "/unfollow-author").accept("application/json").with(as(ana))
                .with(csrf())).andExpect(status().isOk());
        assertThat(follows.follows(anaId, benId)).isFalse();
        mvc.perform(post("/articles/" + article + "/follow").accept("application/json").with(as(ana)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(follows.followsStory(anaId, article)).isTrue();

        long own = posting.post(anaId, article, null, "Ana's own", UUID.randomUUID().toString()).id();
        String refused = mvc.perform(post("/comments/" + own + "/follow-author").accept("application/json")
                .with(as(ana)).with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(refused).contains("You cannot follow yourself.");
    }
}
