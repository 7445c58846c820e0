package org.broadsheet.comment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.web.CommentFixtures.ANA_ID;
import static org.broadsheet.comment.web.CommentFixtures.ARTICLE;
import static org.broadsheet.comment.web.CommentFixtures.ARTICLE_ID;
import static org.broadsheet.comment.web.CommentFixtures.ARTICLE_URL;
import static org.broadsheet.comment.web.CommentFixtures.SAM_ID;
import static org.broadsheet.comment.web.CommentFixtures.ana;
import static org.broadsheet.comment.web.CommentFixtures.by;
import static org.broadsheet.comment.web.CommentFixtures.comment;
import static org.broadsheet.comment.web.CommentFixtures.deleted;
import static org.broadsheet.comment.web.CommentFixtures.inContext;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.IgnoredReaders;
import org.broadsheet.comment.CommentEditing;
import org.broadsheet.comment.CommentReports;
import org.broadsheet.comment.Recommendations;
import org.broadsheet.comment.CommentViews.Recommendation;
import org.broadsheet.comment.ReportReason;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What a signed-in reader does to one comment, with the comment service mocked: editing and deleting their own,
 * reporting, recommending (as a form and from the page's script) and ignoring another reader.
 */
@WebMvcTest(CommentActionsController.class)
@Import(WebSliceTestConfig.class)
class CommentActionsControllerTests {

    /** What a browser sends with a form: HTML first, anything else after. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommentService comments;

    @MockitoBean
    CommentEditing editing;

    @MockitoBean
    CommentReports reports;

    @MockitoBean
    Recommendations recommendations;

    @MockitoBean
    IgnoredReaders ignoredReaders;

    @MockitoBean
    SectionTrees sections;

    @BeforeEach
    void comments() {
        // Comment 12 is Sam's; comment 20 is Ana's own.
        given(comments.inContext(12)).willReturn(inContext(comment(12, "Sam's view.")));
        given(comments.inContext(20)).willReturn(inContext(by(20, ANA_ID, "Ana Reader", "ana", "My view.", 1, null,
                List.of())));
        given(comments.article(ARTICLE_ID)).willReturn(ARTICLE);
        // Only her own comment may be deleted; the service answers 404 for anything else.
        given(comments.deletable(ANA_ID, 20)).willReturn(inContext(by(20, ANA_ID, "Ana Reader", "ana", "My view.",
                1, null, List.of())));
        given(comments.deletable(ANA_ID, 12)).willThrow(new NotFoundException("comment 12"));
    }

    private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(ana())).with(csrf()));
    }

    private Document html(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }

    // ---------------------------------------------------------------- editing

    @Test
    void shouldOfferToEditOwnCommentWithinTheWindow() throws Exception {
        given(comments.editable(ANA_ID, 20)).willReturn(inContext(by(20, ANA_ID, "Ana Reader", "ana", "My view.", 1,
                null, List.of())));

        Document page = html(perform(get("/comments/20/edit")).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Edit your comment");
        Element form = page.selectFirst("form.comment-box");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/comments/20/edit");
        // The text as typed, not its HTML.
        assertThat(form.select("textarea#comment-text[name=text]").val()).isEqualTo("The text as typed");
        assertThat(form.select("textarea").hasAttr("aria-invalid")).isFalse();
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(form.select("a").attr("href")).isEqualTo("/comments/20");
        assertThat(page.select("p.error")).isEmpty();
    }

    @Test
    void shouldExplainWhenTheEditWindowHasClosed() throws Exception {
        given(comments.editable(ANA_ID, 20)).willThrow(new CommentRejectedException("comment.edit.too-late"));

        Document page = html(perform(get("/comments/20/edit")).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("That did not work");
        assertThat(page.select(".error-summary").text()).isEqualTo(
                "Comments can be edited for 15 minutes after they are posted. You can still delete it.");
        assertThat(page.select("main a").attr("href")).isEqualTo("/comments/20");
        assertThat(page.select("textarea")).isEmpty();
    }

    @Test
    void shouldNotLetAReaderEditSomeoneElsesComment() throws Exception {
        given(comments.editable(ANA_ID, 12)).willThrow(new NotFoundException("comment 12"));

        perform(get("/comments/12/edit")).andExpect(status().isNotFound());
    }

    @Test
    void shouldShowTheEditedCommentInItsThread() throws Exception {
        perform(post("/comments/20/edit").param("text", "My view, better put."))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/comments/20#comment-20"));
    }

    @Test
    void shouldKeepTheTextOfARefusedEdit() throws Exception {
        String typed = "Too long </textarea><b>still</b>";
        willThrow(new CommentRejectedException("comment.text.size")).given(editing).edit(ANA_ID, 20, typed);

        Document page = html(perform(post("/comments/20/edit").param("text", typed))
                .andExpect(status().isUnprocessableContent()));

        Element textarea = page.selectFirst("form.comment-box textarea#comment-text");
        assertThat(textarea.val()).isEqualTo(typed);
        assertThat(textarea.attr("aria-invalid")).isEqualTo("true");
        assertThat(textarea.attr("aria-describedby").split(" ")).contains("comment-text-error");
        assertThat(page.select("p.error#comment-text-error").text())
                .isEqualTo("Comments are at most 5,000 characters long. Shorten yours a little and post it again.");
        assertThat(page.select("form.comment-box").attr("action")).isEqualTo("/comments/20/edit");
    }

    // ---------------------------------------------------------------- deleting

    @Test
    void shouldAskBeforeDeletingOwnComment() throws Exception {
        Document page = html(perform(get("/comments/20/delete")).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Delete your comment?");
        assertThat(page.select("li.comment .comment-text").text()).isEqualTo("My view.");
        Element form = page.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/comments/20/delete");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(form.select("button").text()).isEqualTo("Delete comment");
        assertThat(form.select("a").attr("href")).isEqualTo("/comments/20");
    }

    @Test
    void shouldNotAskAboutDeletingSomeoneElsesComment() throws Exception {
        perform(get("/comments/12/delete")).andExpect(status().isNotFound());
    }


    @Test
    void shouldReturnToTheArticlesCommentsAfterDeleting() throws Exception {
        given(editing.delete(ANA_ID, 20)).willReturn(ARTICLE_ID);

        perform(post("/comments/20/delete")).andExpect(status().isFound())
                .andExpect(redirectedUrl(ARTICLE_URL + "#comments"))
                .andExpect(flash().attribute("notice", "comment.deleted.done"));
    }

    // ---------------------------------------------------------------- reporting

    @Test
    void shouldAskWhyACommentIsReported() throws Exception {
        Document page = html(perform(get("/comments/12/report")).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Report a comment");
        assertThat(page.select("li.comment .comment-text").text()).isEqualTo("Sam's view.");
        Element form = page.selectFirst("main form");
        assertThat(form.attr("action")).isEqualTo("/comments/12/report");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(form.select("fieldset legend").text()).isEqualTo("Why are you reporting it?");
        assertThat(form.select("input[type=radio][name=reason]").eachAttr("value")).containsExactly("SPAM", "ABUSE",
                "OFF_TOPIC", "MISINFORMATION", "OTHER");
        assertThat(form.select("input[type=radio][checked]")).isEmpty();
        assertThat(form.select("input[type=radio]")).allSatisfy(radio -> assertThat(
                form.select("label[for=" + radio.id() + "]")).as(radio.id()).hasSize(1));
        assertThat(form.select(".choice label").eachText()).containsExactly("Spam or advertising",
                "Abusive or hateful", "Off-topic", "Misinformation", "Something else (please explain)");
        assertThat(form.select("textarea#note[name=note]")).hasSize(1);
        assertThat(page.select(".error-summary")).isEmpty();
    }

    @Test
    void shouldNotOfferToReportADeletedComment() throws Exception {
        given(comments.inContext(21)).willReturn(inContext(deleted(21, SAM_ID, 1, List.of())));

        perform(get("/comments/21/report")).andExpect(status().isNotFound());
    }

    @Test
    void shouldAskForAReason() throws Exception {
        Document page = html(perform(post("/comments/12/report").param("note", "Look at it"))
                .andExpect(status().isUnprocessableContent()));

        assertThat(page.select(".error-summary").text()).isEqualTo("Choose why you are reporting the comment.");
        assertThat(page.select("textarea#note").val()).isEqualTo("Look at it");
        assertThat(page.select("input[type=radio][name=reason]")).hasSize(5);
    }

    @Test
    void shouldSayWhenTheReaderHasAlreadyReportedTheComment() throws Exception {
        willThrow(new CommentRejectedException("comment.report.already")).given(reports)
                .report(ANA_ID, 12, ReportReason.SPAM, "Again");

        Document page = html(perform(post("/comments/12/report").param("reason", "SPAM").param("note", "Again"))
                .andExpect(status().isUnprocessableContent()));

        assertThat(page.select(".error-summary").text())
                .isEqualTo("You have already reported this comment. The moderators will look at it.");
        assertThat(page.select("input[type=radio][checked]").eachAttr("value")).containsExactly("SPAM");
        assertThat(page.select("textarea#note").val()).isEqualTo("Again");
    }

    @Test
    void shouldTreatTwoReportsRacingAsAlreadyReportedRatherThanFail() throws Exception {
        willThrow(new DataIntegrityViolationException("uq_comment_report")).given(reports)
                .report(ANA_ID, 12, ReportReason.ABUSE, null);

        Document page = html(perform(post("/comments/12/report").param("reason", "ABUSE"))
                .andExpect(status().isUnprocessableContent()));

        assertThat(page.select(".error-summary").text())
                .isEqualTo("You have already reported this comment. The moderators will look at it.");
        assertThat(page.text()).doesNotContain("uq_comment_report");
    }

    @Test
    void shouldThankTheReaderForAReport() throws Exception {
        perform(post("/comments/12/report").param("reason", "OFF_TOPIC")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/comments/12#comment-12"))
                .andExpect(flash().attribute("notice", "comment.report.done"));
    }

    // ---------------------------------------------------------------- recommending

    @Test
    void shouldReturnToWhereTheReaderRecommendedFrom() throws Exception {
        given(recommendations.toggle(ANA_ID, 12)).willReturn(new Recommendation(true, 4));

        perform(post("/comments/12/recommend").param("back", ARTICLE_URL + "?sort=oldest#comment-12")
                .header("Accept", BROWSER_ACCEPT)).andExpect(status().isFound())
                .andExpect(redirectedUrl(ARTICLE_URL + "?sort=oldest#comment-12"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://evil.example/", "//evil.example/path", "/\\evil.example", "" })
    void shouldReturnToTheCommentRatherThanLeaveTheSite(String back) throws Exception {
        given(recommendations.toggle(ANA_ID, 12)).willReturn(new Recommendation(true, 4));

        perform(post("/comments/12/recommend").param("back", back).header("Accept", BROWSER_ACCEPT))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/comments/12#comment-12"));
    }

    @Test
    void shouldAnswerTheScriptWithTheNewCount() throws Exception {
        given(recommendations.toggle(ANA_ID, 12)).willReturn(new Recommendation(true, 4));

        perform(post("/comments/12/recommend").accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.recommended").value(true)).andExpect(jsonPath("$.count").value(4));
    }

    @Test
    void shouldTellTheScriptThatOwnCommentsCannotBeRecommended() throws Exception {
        given(recommendations.toggle(ANA_ID, 20)).willThrow(new CommentRejectedException("comment.recommend.own"));

        perform(post("/comments/20/recommend").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value("You cannot recommend your own comment."));
    }

    @Test
    void shouldExplainToAFormThatOwnCommentsCannotBeRecommended() throws Exception {
        given(recommendations.toggle(ANA_ID, 20)).willThrow(new CommentRejectedException("comment.recommend.own"));

        Document page = html(perform(post("/comments/20/recommend").header("Accept", BROWSER_ACCEPT))
                .andExpect(status().isUnprocessableContent()));

        assertThat(page.select(".error-summary").text()).isEqualTo("You cannot recommend your own comment.");
        assertThat(page.select("main a").attr("href")).isEqualTo("/comments/20");
    }

    // ---------------------------------------------------------------- ignoring

    @Test
    void shouldIgnoreTheAuthorAndSaySo() throws Exception {
        given(ignoredReaders.ignoreAuthorOf(ANA_ID, 12)).willReturn("Sam Okafor");

        perform(post("/comments/12/ignore-author").param("back", ARTICLE_URL + "#comment-12"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(ARTICLE_URL + "#comment-12"))
                .andExpect(flash().attribute("notice", "comment.ignore.done"))
                .andExpect(flash().attribute("noticeName", "Sam Okafor"));
    }

    @Test
    void shouldNotIgnoreOneself() throws Exception {
        given(ignoredReaders.ignoreAuthorOf(ANA_ID, 20)).willThrow(new CommentRejectedException("comment.ignore.self"));

        Document page = html(perform(post("/comments/20/ignore-author").param("back", "https://evil.example"))
                .andExpect(status().isUnprocessableContent()));

        assertThat(page.select(".error-summary").text()).isEqualTo("You cannot ignore yourself.");
    }

    // ---------------------------------------------------------------- access

    @ParameterizedTest
    @ValueSource(strings = { "/comments/12/edit", "/comments/12/delete", "/comments/12/report",
            "/comments/12/recommend", "/comments/12/ignore-author" })
    void shouldRefuseEveryActionWithoutTheCsrfToken(String path) throws Exception {
        mvc.perform(post(path).param("text", "x").param("reason", "SPAM").with(user(ana())))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/comments/1/reply", "/comments/1/edit", "/comments/1/report", "/comments/1/delete" })
    void shouldSendAnonymousReadersToSignIn(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/comments/12/edit", "/comments/12/delete", "/comments/12/report",
            "/comments/12/recommend", "/comments/12/ignore-author" })
    void shouldSendAnonymousPostsToSignIn(String path) throws Exception {
        mvc.perform(post(path).param("reason", "SPAM").with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }
}
