package org.broadsheet.moderation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;

import org.broadsheet.account.AccountService;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.comment.CommentDecisions;
import org.broadsheet.comment.DecisionConflictException;
import org.broadsheet.comment.ModerationQueues;
import org.broadsheet.comment.ModerationQueues.Counts;
import org.broadsheet.comment.ModerationQueues.Filter;
import org.broadsheet.comment.ModerationQueues.Order;
import org.broadsheet.comment.ModerationQueues.Queue;
import org.broadsheet.comment.ModerationQueues.QueueItem;
import org.broadsheet.comment.ModerationQueues.ReportLine;
import org.broadsheet.comment.RejectReason;
import org.broadsheet.moderation.PremoderatedArticles;
import org.broadsheet.moderation.ReviewRequests;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The desk's queues and decisions with the services mocked: how a queue and its reports are printed, the filters
 * passed on, a rejection refused without a reason (its note kept, the message by the field), and a decision that
 * another moderator made first.
 */
@WebMvcTest(ModerationDeskController.class)
@Import(WebSliceTestConfig.class)
class ModerationDeskControllerTests {

    private static final Dateline WHEN = new Dateline("2026-11-27T11:00:00Z", "Friday 27 November 2026 11:00 GMT",
            "27 Nov 2026");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModerationQueues queues;

    @MockitoBean
    CommentDecisions decisions;

    @MockitoBean
    ReviewRequests reviews;

    @MockitoBean
    AccountService accounts;

    @MockitoBean
    PremoderatedArticles premoderated;

    @MockitoBean
    SectionTrees sections;

    private static QueueItem reported() {
        return new QueueItem(7, 3, "Harbour bridge reopens", "/news/2026/11/27/harbour", 9L, "Bea <b>Lind</b>",
                "bea", "<p>You are all wrong.</p>", WHEN, "VISIBLE", null, 2,
                List.of(new ReportLine("ABUSE", "Rude <script>", "Cal Reyes", "cal", WHEN, true),
                        new ReportLine("SUSPECT_WORDS", "idiot", null, null, WHEN, true)),
                null, 4, false, false);
    }

    @BeforeEach
    void counts() {
        given(queues.counts()).willReturn(new Counts(3, 1, 10, 2));
        given(reviews.openCount()).willReturn(1L);
    }

    private static MockHttpServletRequestBuilder asModerator(MockHttpServletRequestBuilder request) {
        return request.with(user("morgan").roles("MODERATOR"));
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(asModerator(request)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldPrintTheReportedQueueWithEveryReportAndTheTabsCounts() throws Exception {
        given(accounts.idOf("bea")).willReturn(Optional.of(9L));
        given(queues.page(Queue.REPORTED, new Filter(3L, 9L, "wrong"), Order.MOST_REPORTED, 1))
                .willReturn(new PagedResult<>(List.of(reported()), 1, 25, 1));

        Document page = page(get("/admin/moderation").param("tab", "reported").param("article", "3")
                .param("author", "bea").param("q", "wrong").param("sort", "reports"));

        assertThat(page.select(".desk-tabs a").eachText()).containsExactly("Pending (3)", "Reported (1)",
                "Approved (10)", "Rejected (2)", "Review requests (1)");
        assertThat(page.select(".desk-tabs a[aria-current=page]").text()).isEqualTo("Reported (1)");
        assertThat(page.select(".moderation-comment .comment-author").text()).isEqualTo("Bea <b>Lind</b>");
        assertThat(page.select(".reports li").eachText()).containsExactly(
                "Abusive or hateful Cal Reyes 27 Nov 2026 Rude <script>", "Suspect words the site 27 Nov 2026 idiot");
        // The version it was shown goes with the decision, and the decision comes back to this very view.
        assertThat(page.select("form[action=/admin/moderation/comments/7/approve] input[name=version]").val())
                .isEqualTo("4");
        assertThat(page.select("form[action=/admin/moderation/comments/7/approve] input[name=back]").val())
                .isEqualTo("/admin/moderation?tab=reported&article=3&author=bea&q=wrong&sort=reports");
        assertThat(page.select("#filter-author").val()).isEqualTo("bea");
        // Filtered by one article, the desk switches that article's pre-moderation too.
        assertThat(page.select("form[action=/admin/moderation/articles/3/premoderation] input[name=on]").val())
                .isEqualTo("true");
    }

    @Test
    void shouldRefuseAQueueThatDoesNotExist() throws Exception {
        mvc.perform(asModerator(get("/admin/moderation").param("tab", "everything")))
                .andExpect(status().isBadRequest());
        mvc.perform(asModerator(get("/admin/moderation").param("page", "0"))).andExpect(status().isBadRequest());
    }

    @Test
    void shouldKeepTheNoteAndSayWhyWhenARejectionHasNoReason() throws Exception {
        given(queues.item(7)).willReturn(reported());

        String body = mvc.perform(asModerator(post("/admin/moderation/comments/7/reject")).with(csrf())
                .param("version", "4").param("note", "Please <keep> it civil")).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(body);
        assertThat(page.select("#reason-error").text()).isEqualTo("Choose the reason the author will be told.");
        assertThat(page.select("fieldset.field-error")).hasSize(1);
        assertThat(page.select("textarea#note").text()).isEqualTo("Please <keep> it civil");
        verify(decisions, never()).reject(anyLong(), anyInt(), any(), any(), any());
    }

    @Test
    void shouldRejectWithTheReasonAndGoBackToTheQueue() throws Exception {
        mvc.perform(asModerator(post("/admin/moderation/comments/7/reject")).with(csrf()).param("version", "4")
                .param("reason", "ABUSE").param("note", "Keep it civil")
                .param("back", "/admin/moderation?tab=reported"))
                .andExpect(redirectedUrl("/admin/moderation?tab=reported"))
                .andExpect(flash().attribute("notice", "moderation.rejected"));
        verify(decisions).reject(7, 4, RejectReason.ABUSE, "Keep it civil", "morgan");
    }

    @Test
    void shouldNeverSendTheModeratorOffTheSiteAfterADecision() throws Exception {
        mvc.perform(asModerator(post("/admin/moderation/comments/7/approve")).with(csrf()).param("version", "0")
                .param("back", "https://elsewhere.example/")).andExpect(redirectedUrl("/admin/moderation"));
    }

    @Test
    void shouldTellTheSecondModeratorWhoDecidedFirst() throws Exception {
        willThrow(new DecisionConflictException("alex", "approved", 5)).given(decisions)
                .reject(eq(7L), eq(4), eq(RejectReason.SPAM), any(), eq("morgan"));

        mvc.perform(asModerator(post("/admin/moderation/comments/7/reject")).with(csrf()).param("version", "4")
                .param("reason", "SPAM")).andExpect(redirectedUrl("/admin/moderation/comments/7"))
                .andExpect(flash().attribute("notice", "moderation.conflict.approved"))
                .andExpect(flash().attribute("noticeName", "alex"));

        given(queues.item(7)).willReturn(reported());
        Document page = page(get("/admin/moderation/comments/7").flashAttr("notice", "moderation.conflict.approved")
                .flashAttr("noticeName", "alex"));
        assertThat(page.select(".site-notice").text())
                .isEqualTo("alex approved this comment just before you: their decision stands. Look at it again "
                        + "before deciding.");
    }

    @Test
    void shouldRefuseReadersEditorsAndFormsWithoutTheirToken() throws Exception {
        mvc.perform(get("/admin/moderation").with(user("rowan").roles("READER"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/moderation").with(user("eden").roles("EDITOR"))).andExpect(status().isForbidden());
        mvc.perform(asModerator(post("/admin/moderation/comments/7/approve")).param("version", "0"))
                .andExpect(status().isForbidden());
        verify(decisions, never()).approve(anyLong(), anyInt(), any());
    }
}
