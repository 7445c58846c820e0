package org.broadsheet.comment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.web.CommentFixtures.ANA_ID;
import static org.broadsheet.comment.web.CommentFixtures.ARTICLE_ID;
import static org.broadsheet.comment.web.CommentFixtures.ARTICLE_URL;
import static org.broadsheet.comment.web.CommentFixtures.KEY;
import static org.broadsheet.comment.web.CommentFixtures.NOW;
import static org.broadsheet.comment.web.CommentFixtures.ana;
import static org.broadsheet.comment.web.CommentFixtures.by;
import static org.broadsheet.comment.web.CommentFixtures.discussion;
import static org.broadsheet.comment.web.CommentFixtures.thread;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.IgnoredReaders;
import org.broadsheet.comment.CommentSort;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.comment.CommentViews.IgnoredReader;
import org.broadsheet.comment.CommentViews.ThreadPage;
import org.broadsheet.comment.CommentViews.Viewer;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Whatever readers write (names, comments, the text they post) reaches the page as text: no markup of theirs
 * becomes an element or an attribute, wherever the comment pages print it.
 */
@WebMvcTest({ CommentController.class, IgnoredReadersController.class })
@Import({ WebSliceTestConfig.class, CommentParts.class })
class CommentXssTests {

    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String SCRIPT = "\"><script>alert(1)</script>";
    private static final String TYPED = "<script>alert(1)</script> http://x.test/?a=<b>";

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

    /** Comment 1 by IMG, answered by SCRIPT (comment 2), whose reply (3) is answered flat by IMG (4). */
    private static CommentView hostileThread() {
        CommentView deep = by(4, 21L, IMG, "img", "Deep reply.", 3, SCRIPT, List.of());
        CommentView third = by(3, 22L, SCRIPT, "script", "Third.", 3, null, List.of());
        CommentView second = by(2, 22L, SCRIPT, "script", "Second.", 2, null, List.of(third, deep));
        return CommentFixtures.withReplies(by(1, 21L, IMG, "img", TYPED, 1, null, List.of()), List.of(second));
    }

    private Document html(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /** The page's own scripts have a src on this site; nothing else is script or an event handler. */
    private static void assertNoInjectedMarkup(Document page) {
        assertThat(page.select("script")).allSatisfy(script -> assertThat(script.attr("src")).startsWith("/js/"));
        assertThat(page.select("[onerror], [onload], [onclick]")).isEmpty();
        assertThat(page.select("main img")).isEmpty();
    }

    @Test
    void shouldPrintNamesAndCommentTextAsText() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(
                discussion(List.of(thread(hostileThread(), 0)), 1, 1, CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments"));

        assertNoInjectedMarkup(page);
        assertThat(page.select("#comment-1-by a.comment-author").text()).isEqualTo(IMG);
        assertThat(page.select("#comment-2-by a.comment-author").text()).isEqualTo(SCRIPT);
        assertThat(page.select("#comment-1 > article a.reply-link").attr("data-reply-name")).isEqualTo(IMG);
        assertThat(page.select("#comment-2 > article a.reply-link").attr("data-reply-name")).isEqualTo(SCRIPT);
        Element text = page.selectFirst("#comment-1 > article .comment-text");
        assertThat(text.text()).isEqualTo(TYPED);
        assertThat(text.children().select("*").stream().map(Element::tagName)).containsExactly("p", "a");
        Element link = text.selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("http://x.test/?a=");
        assertThat(link.attr("rel")).isEqualTo("nofollow ugc");
        assertThat(link.attributes().size()).isEqualTo(2);
    }

    @Test
    void shouldPrintTheNameAnsweredAsText() throws Exception {
        given(comments.discussion(ARTICLE_ID, CommentSort.NEWEST, 1)).willReturn(
                discussion(List.of(thread(hostileThread(), 0)), 1, 1, CommentSort.NEWEST));

        Document page = html(get("/articles/5/comments"));

        assertNoInjectedMarkup(page);
        assertThat(page.select("#comment-4-by .in-reply-to").text()).isEqualTo("in reply to " + SCRIPT);
    }

    @Test
    void shouldPrintNamesAsTextInWhatASignedInReaderSees() throws Exception {
        // Ana ignores the first author: the summary names them; the second she can ignore by name.
        given(comments.viewer(org.mockito.ArgumentMatchers.eq(ANA_ID), org.mockito.ArgumentMatchers.anyCollection()))
                .willReturn(new Viewer(ANA_ID, Set.of(), NOW));
        given(ignoredReaders.ids(ANA_ID)).willReturn(Set.of(21L));
        given(comments.thread(2)).willReturn(new ThreadPage(CommentFixtures.ARTICLE, thread(hostileThread(), 0), 2));

        Document page = html(get("/comments/2").with(user(ana())));

        assertNoInjectedMarkup(page);
        assertThat(page.select("#comment-1 > article > details.ignored > summary").text())
                .isEqualTo("Hidden because you ignore " + IMG);
        assertThat(page.select("#comment-2 > article .comment-more button[formaction$=ignore-author]").text())
                .isEqualTo("Ignore " + SCRIPT);
        assertThat(page.select("#comment-2 > article .comment-more button[formaction$=follow-author]").text())
                .isEqualTo("Follow " + SCRIPT);
        assertThat(page.select("li.comment.highlighted").eachAttr("id")).containsExactly("comment-2");
    }

    @Test
    void shouldPrintAHeadlineAndANoticeNameAsText() throws Exception {
        ArticleRef hostile = new ArticleRef(ARTICLE_ID, ARTICLE_URL, "</title>" + SCRIPT, true, 1);
        given(comments.thread(1)).willReturn(new ThreadPage(hostile, thread(hostileThread(), 0), 1));

        Document page = html(get("/comments/1").flashAttr("notice", "comment.ignore.done")
                .flashAttr("noticeName", IMG));

        assertNoInjectedMarkup(page);
        assertThat(page.title()).isEqualTo("A conversation on </title>" + SCRIPT + " | Broadsheet");
        assertThat(page.select("h1").text()).isEqualTo("</title>" + SCRIPT);
        assertThat(page.select(".site-notice").text()).startsWith("You now ignore " + IMG + ".");
    }

    @Test
    void shouldKeepRefusedTextInsideTheTextarea() throws Exception {
        String typed = "</textarea>" + SCRIPT + IMG;
        given(posting.post(ANA_ID, ARTICLE_ID, null, typed, KEY))
                .willThrow(new CommentRejectedException("comment.text.links"));
        given(comments.article(ARTICLE_ID)).willReturn(CommentFixtures.ARTICLE);

        Document page = Jsoup.parse(mvc.perform(post("/articles/5/comments").param("text", typed)
                .param("key", KEY).with(user(ana())).with(csrf())).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());

        assertNoInjectedMarkup(page);
        assertThat(page.select("textarea#comment-text").val()).isEqualTo(typed);
        assertThat(page.select("textarea")).hasSize(1);
    }

    @Test
    void shouldListIgnoredReadersNamesAsText() throws Exception {
        given(ignoredReaders.of(ANA_ID)).willReturn(List.of(new IgnoredReader("img", IMG),
                new IgnoredReader("script", SCRIPT)));

        Document page = html(get("/account/ignored").with(user(ana())));

        assertNoInjectedMarkup(page);
        assertThat(page.select(".ignored-list > li > a").eachText()).containsExactly(IMG, SCRIPT);
        assertThat(page.select(".ignored-list button").eachText()).containsExactly("Stop ignoring " + IMG,
                "Stop ignoring " + SCRIPT);
    }
}
