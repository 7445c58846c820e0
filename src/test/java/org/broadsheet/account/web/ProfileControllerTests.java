package org.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.ProfileComments;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.shared.SiteProperties;
import org.broadsheet.account.AccountViews.PublicProfile;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Readers' public profiles as anyone sees them, rendered by the real templates.
 */
@WebMvcTest(ProfileController.class)
@Import(WebSliceTestConfig.class)
class ProfileControllerTests {

    private static final Instant JOINED = Instant.parse("2026-11-20T09:30:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountService accounts;

    @MockitoBean
    SectionTrees sections;

    @MockitoBean
    ProfileComments comments;

    private String body(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void shouldShowAPublicProfileWithBadgesBioAndRecentComments() throws Exception {
        given(accounts.publicProfile("sam")).willReturn(Optional.of(new PublicProfile("sam", "Sam Editor", JOINED,
                "Night editor.\n\nLikes trains.", List.of("staff", "new-member"), true)));

        Document page = Jsoup.parse(body("/users/sam"));

        assertThat(page.title()).isEqualTo("Sam Editor | Broadsheet");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("h1").text()).isEqualTo("Sam Editor");
        assertThat(page.select(".profile-badges .badge").eachText()).containsExactly("Staff", "New member");
        assertThat(page.select(".member-since").text()).isEqualTo("Member since 20 Nov 2026");
        assertThat(page.select(".member-since time").attr("datetime")).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(page.select(".profile-bio p").eachText()).containsExactly("Night editor.", "Likes trains.");
        assertThat(page.select(".recent-comments h2").text()).isEqualTo("Recent comments");
        assertThat(page.select(".recent-comments .empty").text()).isEqualTo("Sam Editor has not commented yet.");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/users/sam");
        assertThat(page.select("meta[name=robots]")).isEmpty();
        assertThat(page.select(".profile-private")).isEmpty();
    }

    @Test
    void shouldListTheReadersRecentCommentsAPageAtATime() throws Exception {
        given(accounts.publicProfile("ana")).willReturn(Optional.of(new PublicProfile("ana", "Ana Reader", JOINED,
                null, List.of(), true)));
        given(accounts.idOf("ana")).willReturn(Optional.of(42L));
        Datelines.Dateline posted = new Datelines(new SiteProperties("Broadsheet", "d", "http://localhost:8080",
                java.time.ZoneId.of("Europe/London"), java.time.Duration.ZERO))
                .of(Instant.parse("2026-11-21T10:15:00Z"));
        given(comments.recent(42L, 2, ProfileController.COMMENTS_PER_PAGE)).willReturn(new PagedResult<>(List.of(
                new ProfileComments.RecentComment("Harbour bridge reopens", "/news/2026/11/21/harbour-bridge",
                        "/comments/7", "<p>Good news &lt;at last&gt;.</p>", posted)), 2, 20, 41));

        Document page = Jsoup.parse(body("/users/ana?page=2"));

        assertThat(page.select(".recent-comment a[href=/news/2026/11/21/harbour-bridge]").text())
                .isEqualTo("Harbour bridge reopens");
        assertThat(page.select(".recent-comment .comment-text").text()).isEqualTo("Good news <at last>.");
        assertThat(page.select(".recent-comment a[href=/comments/7] time").attr("datetime"))
                .isEqualTo(posted.iso());
        assertThat(page.select(".recent-comments .empty")).isEmpty();
        assertThat(page.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/users/ana");
        assertThat(page.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/users/ana?page=3");
    }

    @Test
    void shouldShowOnlyTheNameOfAPrivateProfile() throws Exception {
        given(accounts.publicProfile("quiet")).willReturn(
                Optional.of(new PublicProfile("quiet", "Quiet Reader", null, null, List.of(), false)));

        Document page = Jsoup.parse(body("/users/quiet"));

        assertThat(page.select("h1").text()).isEqualTo("Quiet Reader");
        assertThat(page.select(".profile-private").text()).isEqualTo("Quiet Reader keeps their profile private.");
        assertThat(page.select(".profile-bio, .profile-badges, .member-since, .recent-comments")).isEmpty();
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void shouldAnswer404ForAnUnknownReader() throws Exception {
        given(accounts.publicProfile("nobody")).willReturn(Optional.empty());

        mvc.perform(get("/users/nobody")).andExpect(status().isNotFound());
    }

    @Test
    void shouldMoveAddressesWithAnotherCaseToTheProfilesOwnAddress() throws Exception {
        given(accounts.publicProfile("SAM")).willReturn(Optional.of(new PublicProfile("sam", "Sam Editor", JOINED,
                null, List.of(), true)));

        mvc.perform(get("/users/SAM")).andExpect(status().isMovedPermanently()).andExpect(redirectedUrl("/users/sam"));
    }

    @Test
    void shouldPrintWhatReadersWroteAsInertText() throws Exception {
        String name = "<script>alert('name')</script>";
        String bio = "<img src=x onerror=alert(1)>\n<b>bold</b> & \"quoted\"";
        given(accounts.publicProfile("mallory")).willReturn(
                Optional.of(new PublicProfile("mallory", name, JOINED, bio, List.of(), true)));

        String html = body("/users/mallory");
        Document page = Jsoup.parse(html);

        assertThat(html).doesNotContain("<script>", "<img src=x", "<b>bold");
        assertThat(html).contains("&lt;script&gt;alert(");
        assertThat(page.select("main script, main img, main b")).isEmpty();
        assertThat(page.select("script")).allSatisfy(script -> assertThat(script.attr("src")).startsWith("/js/"));
        assertThat(page.select("h1").text()).isEqualTo(name);
        assertThat(page.title()).isEqualTo(name + " | Broadsheet");
        assertThat(page.select(".profile-bio p").eachText())
                .containsExactly("<img src=x onerror=alert(1)>", "<b>bold</b> & \"quoted\"");
    }
}
