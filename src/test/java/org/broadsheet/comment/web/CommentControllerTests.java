package org.broadsheet.comment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.web.CommentFixtures.ANA_ID;
import static org.broadsheet.comment.web.CommentFixtures.ARTICLE;
import static org.broadsheet.comment.web.CommentFixtures.ARTICLE_ID;
import static org.broadsheet.comment.web.CommentFixtures.ARTICLE_URL;
import static org.broadsheet.comment.web.CommentFixtures.KEY;
import static org.broadsheet.comment.web.CommentFixtures.LONG_AGO;
import static org.broadsheet.comment.web.CommentFixtures.NOW;
import static org.broadsheet.comment.web.CommentFixtures.ana;
import static org.broadsheet.comment.web.CommentFixtures.by;
import static org.broadsheet.comment.web.CommentFixtures.comment;
import static org.broadsheet.comment.web.CommentFixtures.deleted;
import static org.broadsheet.comment.web.CommentFixtures.discussion;
import static org.broadsheet.comment.web.CommentFixtures.thread;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.IgnoredReaders;
import org.broadsheet.comment.CommentSort;
import org.broadsheet.shared.Datelines.Ago;
import org.broadsheet.comment.CommentViews.CommentBox;
import org.broadsheet.comment.CommentViews.CommentInContext;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.comment.CommentViews.Posted;
import org.broadsheet.comment.CommentViews.ThreadPage;
import org.broadsheet.comment.CommentViews.ThreadView;
import org.broadsheet.comment.CommentViews.Viewer;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The conversation pages and posting, with the comment service mocked: how threads, replies and their details
 * are printed, orders and pages of threads, the comment box or the invitation to join, and every outcome of
 * posting.
 */
@WebMvcTest(CommentController.class)
@Import({ WebSliceTestConfig.class, CommentParts.class })
class CommentControllerTests {

    private static final String LINKS_MESSAGE = "A comment can hold at most 3 links. Remove some and post it again.";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommentService comments;

    @MockitoBean
    CommentPosting posting;

    @MockitoBean
    IgnoredReaders ignoredReaders;

    @MockitoBean
    SectionTrees sections;

    /**
     * Sam's thread: his comment (by the article's author, on the staff, edited), Bea's reply to it, and at the
     * third level Cal's reply to Bea and Dee's reply to Cal, shown beside it; three more replies are elsewhere.
     */
    private static ThreadView samsThread() {
        CommentView cal = by(3, 10L, "Cal Reyes", "cal", "Cal at the third level.", 3, null, List.of());
        CommentView dee = by(4, 11L, "Dee Moss", "dee", "Dee answers Cal.", 3, "Cal Reyes", List.of());
        CommentView bea = new CommentView(2, ARTICLE_ID, 9L, "Bea Lind", "bea", List.of("new-member"), LONG_AGO,
                new Ago("long", 0), NOW.minusSeconds(180 * 86_400L), "<p>Bea replies.</p>", false, 1, 2, null,
                List.of(cal, dee), null, false, 0);
        CommentView sam = new CommentView(1, ARTICLE_ID, CommentFixtures.SAM_ID, "Sam Okafor", "sam",
                List.of("author", "staff"), CommentFixtures.POSTED, new Ago("minutes", 5),
                CommentFixtures.FIVE_MINUTES_AGO, "<p>The bridge is open again.</p>", true, 3, 1, null, List.of(bea), null, false, 0);
        return thread(sam, 3);
    }

    /** A deleted comment that keeps its place because someone answered it. */
    private static ThreadView deletedThread() {
        return thread(deleted(10, CommentFixtures.SAM_ID, 1,
                List.of(by(11, 9L, "Bea Lind", "bea", "Answering a deleted comment.", 2, null, List.of()))), 0);
    }

    private Document html(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return Jsoup.parse(body);
    }

    private static String continueOf(String href) {
        String value = UriComponentsBuilder.fromUriString(href).build().getQueryParams().getFirst("continue");
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- pages of threads

    @Test
    void shouldRenderThreadsWithTheirRepliesNestedToTheThirdLevel() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(
                discussion(List.of(samsThread(), deletedThread()), 1, 45, CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments"));

        assertThat(page.title()).isEqualTo("Comments on Harbour bridge reopens, page 1 | Broadsheet");
        assertThat(page.select("h1 a").attr("href")).isEqualTo(ARTICLE_URL);
        assertThat(page.select("ol.thread-list > li.thread").eachAttr("id")).containsExactly("thread-1", "thread-10");
        assertThat(page.select("#thread-1 > ol.comment-tree > li.comment.level-1").eachAttr("id"))
                .containsExactly("comment-1");
        assertThat(page.select("#comment-1 > ol.replies > li.comment.level-2").eachAttr("id"))
                .containsExactly("comment-2");
        assertThat(page.select("#comment-2 > ol.replies > li.comment.level-3").eachAttr("id"))
                .containsExactly("comment-3", "comment-4");
        assertThat(page.select("#comment-3 > ol.replies, #comment-4 > ol.replies")).isEmpty();
        assertThat(page.select("#comment-4-by .in-reply-to").text()).isEqualTo("in reply to Cal Reyes");
        assertThat(page.select("#comment-3-by .in-reply-to, #comment-2-by .in-reply-to")).isEmpty();
        assertThat(page.select("#comment-1 > article .comment-text p").text()).isEqualTo("The bridge is open again.");
        assertThat(page.select("#comment-1 > article").attr("aria-labelledby")).isEqualTo("comment-1-by");
        assertThat(page.select("#comment-1-by a.comment-author").text()).isEqualTo("Sam Okafor");
        assertThat(page.select("#comment-1-by a.comment-author").attr("href")).isEqualTo("/users/sam");
        // The author's initials beside the name, hidden from screen readers (the name follows).
        assertThat(page.select("#comment-1-by > .avatar").text()).isEqualTo("SO");
        assertThat(page.select("#comment-1-by > .avatar").attr("aria-hidden")).isEqualTo("true");
        assertThat(page.select("#comment-4-by > .avatar").text()).isEqualTo("DM");
        assertThat(page.select("#comment-1-by .badge").eachText()).containsExactly("Author of the article", "Staff");
        assertThat(page.select("#comment-2-by .badge.badge-new-member").text()).isEqualTo("New member");
        assertThat(page.select("#comment-1-by .edited").text()).isEqualTo("edited");
        assertThat(page.select("#comment-2-by .edited")).isEmpty();
        assertThat(page.select("ol.thread-list a.reply-link").eachAttr("href")).containsExactly("/comments/1/reply",
                "/comments/2/reply", "/comments/3/reply", "/comments/4/reply", "/comments/11/reply");
        assertThat(page.select("#thread-1 > .more-replies a").text()).isEqualTo("Show 3 more replies");
        assertThat(page.select("#thread-1 > .more-replies a").attr("href")).isEqualTo("/comments/1");
        assertThat(page.select("#thread-10 > .more-replies")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "No", "off", "False" })
    void shouldNameTheReaderAnsweredWhateverTheirName(String name) throws Exception {
        // Names a template could mistake for "false" when it tests a string for truth.
        CommentView answer = by(4, 11L, "Dee Moss", "dee", "Dee answers.", 3, name, List.of());
        CommentView second = by(2, 9L, name, "bea", "Second.", 2, null, List.of(answer));
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(discussion(
                List.of(thread(CommentFixtures.withReplies(comment(1, "Root."), List.of(second)), 0)), 1, 1,
                CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments"));

        assertThat(page.select("#comment-4-by .in-reply-to").text()).isEqualTo("in reply to " + name);
    }

    @Test
    void shouldPrintWhenEachCommentWasPostedAndLinkToIt() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(
                discussion(List.of(samsThread()), 1, 1, CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments"));

        Element recent = page.selectFirst("#comment-1-by a.comment-time");
        assertThat(recent.attr("href")).isEqualTo("/comments/1");
        assertThat(recent.select("time").attr("datetime")).isEqualTo("2026-11-27T11:55:00Z");
        assertThat(recent.select("time").attr("title")).isEqualTo("Friday 27 November 2026 11:55 GMT");
        assertThat(recent.text()).isEqualTo("5 minutes ago");
        // One time per comment: the relative one, the exact one in its title and datetime.
        assertThat(page.select("#comment-1-by time")).hasSize(1);
        assertThat(page.select("#comment-1-by").text()).doesNotContain("Friday 27 November 2026");
        // Older than a month: the date itself.
        Element old = page.selectFirst("#comment-2-by a.comment-time");
        assertThat(old.attr("href")).isEqualTo("/comments/2");
        assertThat(old.select("time").attr("datetime")).isEqualTo("2026-06-01T09:30:00+01:00");
        assertThat(old.text()).isEqualTo("1 Jun 2026");
    }

    @Test
    void shouldShowRecommendationCountsButNoActionsToAnonymousReaders() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(
                discussion(List.of(samsThread()), 1, 1, CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments"));

        assertThat(page.select("#comment-1 > article .recommend-total").text()).isEqualTo("3 recommendations");
        assertThat(page.select("#comment-2 > article .recommend-total").text()).isEqualTo("1 recommendation");
        // Nothing to say of a comment nobody recommended: no "No recommendations" on every one.
        assertThat(page.select("#comment-3 > article .recommend-total")).isEmpty();
        assertThat(page.text()).doesNotContain("No recommendations");
        assertThat(page.select("button.recommend, details.comment-more, form#comment-form, form#comment-actions"))
                .isEmpty();
        // Only one thread: no orders to choose between.
        assertThat(page.select("nav.comment-sort, nav.comment-pages")).isEmpty();
    }

    @Test
    void shouldKeepTheirPlaceForDeletedComments() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(discussion(
                List.of(deletedThread(), thread(deleted(12, null, 1, List.of()), 0)), 1, 2, CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments"));

        assertThat(page.select("#comment-10 > article .comment-deleted").text()).isEqualTo("This comment was deleted.");
        assertThat(page.select("#comment-12 > article .comment-deleted").text())
                .isEqualTo("This comment was removed when its author deleted their account.");
        assertThat(page.select("#comment-10 > article .comment-author, #comment-10 > article .comment-text"))
                .isEmpty();
        assertThat(page.select("#comment-10 > article a.comment-time").attr("href")).isEqualTo("/comments/10");
        assertThat(page.select("#comment-10 > ol.replies > li.level-2 .comment-text").text())
                .isEqualTo("Answering a deleted comment.");
    }

    @Test
    void shouldInviteAnonymousReadersToJoinAndComeBackToTheCommentBox() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(
                discussion(List.of(samsThread()), 1, 1, CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments"));

        Element join = page.selectFirst(".join-forum");
        assertThat(join.select("h3").text()).isEqualTo("Join our commenting forum");
        Element register = join.selectFirst("a[href^=\"/register?\"]");
        Element signIn = join.selectFirst("a[href^=\"/login?\"]");
        assertThat(register.text()).isEqualTo("Register");
        assertThat(signIn.text()).isEqualTo("Sign in");
        assertThat(continueOf(register.attr("href"))).isEqualTo(ARTICLE_URL + "#comment-form");
        assertThat(continueOf(signIn.attr("href"))).isEqualTo(ARTICLE_URL + "#comment-form");
        assertThat(page.select("textarea")).isEmpty();
    }

    @Test
    void shouldOfferTheCommentBoxAndActionsToSignedInReaders() throws Exception {
        CommentView anasReply = by(2, ANA_ID, "Ana Reader", "ana", "Agreed.", 2, null, List.of());
        CommentView sams = CommentFixtures.withReplies(comment(1, "Open again."), List.of(anasReply));
        CommentView ivys = by(30, 12L, "Ivy Noise", "ivy", "Buy my things.", 1, null, List.of());
        given(comments.viewer(org.mockito.ArgumentMatchers.eq(ANA_ID), org.mockito.ArgumentMatchers.anyCollection()))
                .willReturn(CommentFixtures.anaViewing(1L));
        given(ignoredReaders.ids(ANA_ID)).willReturn(Set.of(12L));
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(
                discussion(List.of(thread(sams, 0), thread(ivys, 0)), 1, 2, CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments").with(user(ana())));

        Element form = page.selectFirst("form#comment-form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/articles/5/comments");
        assertThat(form.select("input[name=key]").val()).matches("[0-9a-f-]{36}");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(form.select("label[for=comment-text]").text()).isEqualTo("Your comment");
        assertThat(form.select("textarea#comment-text[name=text]").val()).isEmpty();
        assertThat(form.select("textarea").attr("aria-describedby")).isEqualTo("comment-text-hint");
        assertThat(form.select("textarea").hasAttr("aria-invalid")).isFalse();
        assertThat(form.select("a[href=/community-guidelines]").text()).isEqualTo("community guidelines");
        assertThat(form.select("button[type=submit]").text()).isEqualTo("Post comment");
        assertThat(page.select(".join-forum")).isEmpty();

        // The comments' buttons share one form, which carries the form token once for the page.
        Element actions = page.selectFirst("form#comment-actions");
        assertThat(actions.attr("method")).isEqualTo("post");
        assertThat(actions.select("input[name=_csrf]")).hasSize(1);
        assertThat(page.select("input[name=_csrf]")).as("the box's, the actions' and signing out's form tokens").hasSize(3);
        // Sam's comment, which Ana recommends: she can withdraw it, report it, follow or ignore Sam.
        Element recommend = page.selectFirst("#comment-1 > article button.recommend");
        assertThat(recommend.attr("form")).isEqualTo("comment-actions");
        assertThat(recommend.attr("formaction")).isEqualTo("/comments/1/recommend");
        assertThat(recommend.attr("name")).isEqualTo("back");
        assertThat(recommend.val()).isEqualTo(ARTICLE_URL + "#comment-1");
        assertThat(recommend.attr("aria-pressed")).isEqualTo("true");
        assertThat(recommend.text()).isEqualTo("Recommended 0");
        assertThat(page.select("#comment-1 > article .comment-more a").eachAttr("href"))
                .containsExactly("/comments/1/report");
        assertThat(page.select("#comment-1 > article .comment-more button").eachAttr("formaction"))
                .containsExactly("/comments/1/follow-author", "/comments/1/ignore-author");
        Element follow = page.selectFirst("#comment-1 > article .comment-more button[formaction$=follow-author]");
        assertThat(follow.attr("form")).isEqualTo("comment-actions");
        assertThat(follow.text()).isEqualTo("Follow Sam Okafor");
        Element ignore = page.selectFirst("#comment-1 > article .comment-more button[formaction$=ignore-author]");
        assertThat(ignore.attr("form")).isEqualTo("comment-actions");
        assertThat(ignore.text()).isEqualTo("Ignore Sam Okafor");
        // Her own reply: no recommending, but edit (still within the window) and delete.
        assertThat(page.select("#comment-2 > article button.recommend")).isEmpty();
        assertThat(page.select("#comment-2 > article .comment-more a").eachAttr("href"))
                .containsExactly("/comments/2/edit", "/comments/2/delete");
        // Ivy, whom Ana ignores, is folded away under her name.
        assertThat(page.select("#comment-30 > article > details.ignored > summary").text())
                .isEqualTo("Hidden because you ignore Ivy Noise");
        assertThat(page.select("#comment-30 > article > details.ignored .comment-text").text())
                .isEqualTo("Buy my things.");
        assertThat(page.select("#comment-1 > article > details.ignored")).isEmpty();
    }

    @Test
    void shouldMarkTheCurrentOrderAndKeepItAcrossPages() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.OLDEST, 1)).willReturn(
                discussion(List.of(samsThread()), 1, 45, CommentSort.OLDEST));

        Document page = html(get("/articles/5/comments?sort=oldest"));

        assertThat(page.select("nav.comment-sort a").eachText()).containsExactly("Newest", "Oldest",
                "Most recommended", "Most replies");
        assertThat(page.select("nav.comment-sort a").eachAttr("href")).containsExactly(ARTICLE_URL + "#comments",
                ARTICLE_URL + "?sort=oldest#comments", ARTICLE_URL + "?sort=recommended#comments",
                ARTICLE_URL + "?sort=replies#comments");
        assertThat(page.select("nav.comment-sort a[aria-current]").eachText()).containsExactly("Oldest");
        assertThat(page.select("nav.comment-sort a[aria-current]").attr("aria-current")).isEqualTo("true");
        assertThat(page.select("nav.comment-pages a.more-comments").text()).isEqualTo("More comments");
        assertThat(page.select("nav.comment-pages a[rel=next]").attr("href"))
                .isEqualTo("/articles/5/comments?page=2&sort=oldest");
        assertThat(page.select("nav.comment-pages a[rel=prev]")).isEmpty();
        assertThat(page.select("nav.comment-pages span").text()).isEqualTo("Page 1 of 3");
    }

    @Test
    void shouldLinkToTheNextPageOfCommentsInTheDefaultOrder() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(
                discussion(List.of(samsThread()), 1, 45, CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments"));

        assertThat(page.select("nav.comment-sort a[aria-current]").eachText()).containsExactly("Newest");
        assertThat(page.select("nav.comment-pages a.more-comments").attr("href"))
                .isEqualTo("/articles/5/comments?page=2");
    }

    @Test
    void shouldLinkBothWaysFromAMiddlePageAndBackToTheArticleForTheFirst() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 2)).willReturn(
                discussion(List.of(samsThread()), 2, 45, CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments?page=2"));

        assertThat(page.title()).isEqualTo("Comments on Harbour bridge reopens, page 2 | Broadsheet");
        assertThat(page.select("nav.comment-pages a[rel=prev]").text()).isEqualTo("Previous comments");
        assertThat(page.select("nav.comment-pages a[rel=prev]").attr("href")).isEqualTo(ARTICLE_URL);
        assertThat(page.select("nav.comment-pages a[rel=next]").attr("href")).isEqualTo("/articles/5/comments?page=3");
        assertThat(page.select("nav.comment-pages span").text()).isEqualTo("Page 2 of 3");
        assertThat(page.select("link[rel=canonical]").attr("href"))
                .isEqualTo("http://localhost:8080/articles/5/comments?page=2");
    }

    @Test
    void shouldRefuseAnUnknownOrder() throws Exception {
        mvc.perform(get("/articles/5/comments?sort=bogus")).andExpect(status().isBadRequest());
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "10001" })
    void shouldAnswerNotFoundForPagesThatCannotExist(String number) throws Exception {
        mvc.perform(get("/articles/5/comments?page=" + number)).andExpect(status().isNotFound());
    }

    @Test
    void shouldAnswerNotFoundForAPageBeyondTheLastOrAnUnknownArticle() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 9))
                .willThrow(new NotFoundException("comment page 9"));
        given(comments.discussion(404L, CommentSort.NEWEST, 1)).willThrow(new NotFoundException("article"));

        mvc.perform(get("/articles/5/comments?page=9")).andExpect(status().isNotFound());
        mvc.perform(get("/articles/404/comments")).andExpect(status().isNotFound());
    }

    // ---------------------------------------------------------------- a comment's own page

    @Test
    void shouldShowTheWholeThreadWithTheLinkedCommentPickedOut() throws Exception {
        given(comments.thread(3)).willReturn(new ThreadPage(ARTICLE, samsThread(), 3));

        Document page = html(get("/comments/3"));

        assertThat(page.title()).isEqualTo("A conversation on Harbour bridge reopens | Broadsheet");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/comments/3");
        assertThat(page.select("li.comment.highlighted").eachAttr("id")).containsExactly("comment-3");
        assertThat(page.select("li.comment").eachAttr("id")).containsExactly("comment-1", "comment-2", "comment-3",
                "comment-4");
        assertThat(page.select("main > p > a[href=\"" + ARTICLE_URL + "#comments\"]").text())
                .isEqualTo("Back to the article and all 45 comments");
    }

    @Test
    void shouldAnswerNotFoundForACommentThatIsNotThere() throws Exception {
        given(comments.thread(99)).willThrow(new NotFoundException("comment 99"));

        mvc.perform(get("/comments/99")).andExpect(status().isNotFound());
    }

    // ---------------------------------------------------------------- replying

    @Test
    void shouldOfferAReplyFormUnderTheCommentAnswered() throws Exception {
        given(comments.inContext(1)).willReturn(CommentFixtures.inContext(comment(1, "Open again.")));

        Document page = html(get("/comments/1/reply").with(user(ana())));

        assertThat(page.select("h1").text()).isEqualTo("Your reply");
        assertThat(page.select(".replying-to h2").text()).isEqualTo("Replying to");
        assertThat(page.select(".replying-to li.comment .comment-text").text()).isEqualTo("Open again.");
        Element form = page.selectFirst("form#comment-form");
        assertThat(form.attr("action")).isEqualTo("/articles/5/comments");
        assertThat(form.select("input[name=parentId]").val()).isEqualTo("1");
        assertThat(form.select("input[name=key]").val()).matches("[0-9a-f-]{36}");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(form.select("button[type=submit]").text()).isEqualTo("Post reply");
    }

    @Test
    void shouldNotOfferToReplyToADeletedComment() throws Exception {
        given(comments.inContext(10)).willReturn(CommentFixtures.inContext(deleted(10, 8L, 1, List.of())));

        mvc.perform(get("/comments/10/reply").with(user(ana()))).andExpect(status().isNotFound());
    }

    // ---------------------------------------------------------------- posting

    @Test
    void shouldSendAnonymousPostersToSignIn() throws Exception {
        mvc.perform(post("/articles/5/comments").param("text", "Hello").param("key", KEY).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void shouldRefuseAPostWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/articles/5/comments").param("text", "Hello").param("key", KEY).with(user(ana())))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldShowANewThreadOnTheArticle() throws Exception {
        given(posting.post(ANA_ID, ARTICLE_ID, null, "Hello", KEY)).willReturn(new Posted(40, ARTICLE_ID, false));
        given(comments.article(ARTICLE_ID)).willReturn(ARTICLE);

        mvc.perform(post("/articles/5/comments").param("text", "Hello").param("key", KEY).with(user(ana()))
                .with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl(ARTICLE_URL + "#comment-40"));
    }

    @Test
    void shouldShowANewReplyInItsThread() throws Exception {
        given(posting.post(ANA_ID, ARTICLE_ID, 12L, "Quite right", KEY)).willReturn(new Posted(41, ARTICLE_ID, false));

        mvc.perform(post("/articles/5/comments").param("text", "Quite right").param("parentId", "12")
                .param("key", KEY).with(user(ana())).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/comments/41#comment-41"));
    }

    @Test
    void shouldAnswerTheScriptWithTheNewCommentsHtml() throws Exception {
        CommentView posted = new CommentView(40, ARTICLE_ID, ANA_ID, "Ana Reader", "ana", List.of(),
                CommentFixtures.POSTED, new Ago("now", 0), NOW, "<p>Hello there</p>", false, 0, 2, null, List.of(), null, false, 0);
        given(posting.post(ANA_ID, ARTICLE_ID, 12L, "Hello there", KEY)).willReturn(new Posted(40, ARTICLE_ID, false));
        given(comments.inContext(40)).willReturn(new CommentInContext(ARTICLE, posted, "Hello there"));
        given(comments.viewer(org.mockito.ArgumentMatchers.eq(ANA_ID), org.mockito.ArgumentMatchers.anyCollection()))
                .willReturn(CommentFixtures.anaViewing());
        given(comments.article(ARTICLE_ID)).willReturn(ARTICLE);

        String body = mvc.perform(post("/articles/5/comments").param("text", "Hello there").param("parentId", "12")
                .param("key", KEY).header(CommentController.IN_PLACE_HEADER, "1").with(user(ana())).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        Document fragment = Jsoup.parseBodyFragment(body);
        assertThat(fragment.select("body > li.comment").eachAttr("id")).containsExactly("comment-40");
        assertThat(fragment.select("#comment-40").hasClass("highlighted")).isTrue();
        assertThat(fragment.select("#comment-40").hasClass("level-2")).isTrue();
        assertThat(fragment.select(".comment-text").text()).isEqualTo("Hello there");
        assertThat(fragment.select(".comment-time").text()).isEqualTo("just now");
        assertThat(fragment.select(".comment-more a").eachAttr("href")).containsExactly("/comments/40/edit",
                "/comments/40/delete");
        assertThat(body).doesNotContain("<html", "masthead");
    }

    @Test
    void shouldShowARefusalNextToTheTextAndKeepWhatWasTyped() throws Exception {
        String typed = "See http://a.test, http://b.test,\nhttp://c.test & http://d.test </textarea> too";
        given(posting.post(ANA_ID, ARTICLE_ID, null, typed, KEY))
                .willThrow(new CommentRejectedException("comment.text.links"));
        given(comments.article(ARTICLE_ID)).willReturn(ARTICLE);

        String body = mvc.perform(post("/articles/5/comments").param("text", typed).param("key", KEY)
                .with(user(ana())).with(csrf())).andExpect(status().isUnprocessableContent()).andReturn()
                .getResponse().getContentAsString();

        Document page = Jsoup.parse(body);
        assertThat(page.select("h1").text()).isEqualTo("Your comment");
        Element form = page.selectFirst("form#comment-form");
        assertThat(form.attr("action")).isEqualTo("/articles/5/comments");
        Element textarea = form.selectFirst("textarea#comment-text");
        assertThat(textarea.val()).isEqualTo(typed);
        assertThat(textarea.attr("aria-invalid")).isEqualTo("true");
        assertThat(textarea.attr("aria-describedby").split(" ")).contains("comment-text-error");
        assertThat(textarea.closest(".field").hasClass("field-error")).isTrue();
        assertThat(form.select("p.error#comment-text-error").text()).isEqualTo(LINKS_MESSAGE);
        assertThat(form.select("input[name=key]").val()).isEqualTo(KEY);
        assertThat(form.select("input[name=parentId]")).isEmpty();
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
    }

    @Test
    void shouldKeepARefusedReplyUnderTheCommentItAnswers() throws Exception {
        given(posting.post(ANA_ID, ARTICLE_ID, 1L, "Me too", KEY))
                .willThrow(new CommentRejectedException("comment.text.too-fast"));
        given(comments.article(ARTICLE_ID)).willReturn(ARTICLE);
        given(comments.inContext(1)).willReturn(CommentFixtures.inContext(comment(1, "Open again.")));

        String body = mvc.perform(post("/articles/5/comments").param("text", "Me too").param("parentId", "1")
                .param("key", KEY).with(user(ana())).with(csrf())).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(body);
        assertThat(page.select(".replying-to li.comment").eachAttr("id")).containsExactly("comment-1");
        assertThat(page.select("form#comment-form input[name=parentId]").val()).isEqualTo("1");
        assertThat(page.select("form#comment-form textarea").val()).isEqualTo("Me too");
        assertThat(page.select("#comment-text-error").text())
                .isEqualTo("You can post up to 5 comments a minute. Wait a moment, then post this one again.");
    }

    @Test
    void shouldSayAHeldCommentWaitsForTheEmailAddressToBeVerified() throws Exception {
        given(posting.post(ANA_ID, ARTICLE_ID, null, "Hello", KEY)).willReturn(new Posted(42, ARTICLE_ID, true));
        given(comments.article(ARTICLE_ID)).willReturn(ARTICLE);

        mvc.perform(post("/articles/5/comments").param("text", "Hello").param("key", KEY).with(user(ana()))
                .with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl(ARTICLE_URL + "#comments"))
                .andExpect(flash().attribute("notice", "comment.held.posted.unverified"));

        // The notice as the next page prints it.
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(
                discussion(List.of(), 1, 0, CommentSort.NEWEST));
        Document page = html(get("/articles/5/comments").with(user(ana())).flashAttr("notice", "comment.held.posted.unverified"));
        assertThat(page.select(".site-notice").text()).isEqualTo("Thank you. Your comment will appear once you have "
                + "verified your email address; we have sent you a link.");
    }

    @Test
    void shouldReturnTheNewCommentsHtmlAsHtml() throws Exception {
        CommentView posted = by(40, ANA_ID, "Ana Reader", "ana", "Hi", 1, null, List.of());
        given(posting.post(ANA_ID, ARTICLE_ID, null, "Hi", KEY)).willReturn(new Posted(40, ARTICLE_ID, false));
        given(comments.inContext(40)).willReturn(new CommentInContext(ARTICLE, posted, "Hi"));
        given(comments.viewer(org.mockito.ArgumentMatchers.eq(ANA_ID), org.mockito.ArgumentMatchers.anyCollection()))
                .willReturn(CommentFixtures.anaViewing());
        given(comments.article(ARTICLE_ID)).willReturn(ARTICLE);

        String type = mvc.perform(post("/articles/5/comments").param("text", "Hi").param("key", KEY)
                .header(CommentController.IN_PLACE_HEADER, "1").with(user(ana())).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentType();

        assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    }
}
