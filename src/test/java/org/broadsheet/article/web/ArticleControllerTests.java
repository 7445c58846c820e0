package org.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.broadsheet.article.ArticleDiscussion;
import org.broadsheet.article.ArticleLookup;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.FrontPages;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.article.Views.AuthorPage;
import org.broadsheet.article.Views.FrontPage;
import org.broadsheet.article.Views.SectionBlock;
import org.broadsheet.article.Views.SectionPage;
import org.broadsheet.article.Views.TagLink;
import org.broadsheet.article.Views.TagPage;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(ArticleController.class)
@Import({ WebSliceTestConfig.class, StructuredData.class })
class ArticleControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ArticleService articles;

    @MockitoBean
    FrontPages frontPages;

    @MockitoBean
    SectionTrees sectionTrees;

    @MockitoBean
    ArticleLists articleLists;

    @MockitoBean
    ArticleCards articleCards;

    @MockitoBean
    ArticleDiscussion discussion;

    @BeforeEach
    void navigation() {
        given(sectionTrees.navigation()).willReturn(List.of(ArticleFixtures.NEWS));
    }

    private Document html(String url) throws Exception {
        String body = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return Jsoup.parse(body);
    }

    @Test
    void shouldRenderTheFrontPageBlocks() throws Exception {
        given(frontPages.frontPage()).willReturn(new FrontPage(ArticleFixtures.card(1, "Lead story headline"),
                List.of(ArticleFixtures.card(2, "Top two")), List.of(ArticleFixtures.card(3, "Latest three")),
                List.of(new SectionBlock(ArticleFixtures.WORLD, List.of(ArticleFixtures.card(4, "World four"))))));
        Document page = html("/");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select(".lead-story .card-headline a").text()).isEqualTo("Lead story headline");
        assertThat(page.select(".top-stories").text()).contains("Top stories", "Top two");
        assertThat(page.select(".latest").text()).contains("Latest news", "Latest three");
        assertThat(page.select(".section-block h2 a").attr("href")).isEqualTo("/sections/world");
        assertThat(page.select(".card-comments").first().text()).isEqualTo("1 comment");
        assertThat(page.select("nav.sections-nav a").eachText()).contains("Home", "News");
    }

    @Test
    void shouldKeepTheFrontPagesRowsWholeAndLetTheLeadStoryLead() throws Exception {
        ArticleCard plain = withoutPicture(ArticleFixtures.card(7, "World seven, no picture"));
        given(frontPages.frontPage()).willReturn(new FrontPage(ArticleFixtures.card(1, "Lead story headline"),
                List.of(ArticleFixtures.card(2, "Top two"), ArticleFixtures.card(3, "Top three")), List.of(),
                List.of(new SectionBlock(ArticleFixtures.WORLD, List.of(ArticleFixtures.card(4, "World four"),
                        plain, ArticleFixtures.card(5, "World five"), ArticleFixtures.card(6, "World six"))))));

        Document page = html("/");

        // The lead has its standfirst and a large picture; top stories are compact, a small picture beside them.
        assertThat(page.select(".lead-story .card-lead .card-standfirst").text()).isEqualTo("Standfirst 1");
        assertThat(page.select(".top-stories .card")).hasSize(2).allMatch(card -> card.hasClass("card-top"));
        assertThat(page.select(".top-stories .card-standfirst")).isEmpty();
        assertThat(page.select(".top-stories .card-top .card-image img")).hasSize(2);
        // A block's row holds as many columns as cards, and pictures never share a row with a headline alone.
        Element block = page.selectFirst(".section-block");
        assertThat(block.select(".card-grid")).hasSize(2);
        Element pictured = block.select(".card-grid").get(0);
        assertThat(pictured.classNames()).contains("cards-3");
        assertThat(pictured.select(".card .card-headline").eachText())
                .containsExactly("World four", "World five", "World six");
        assertThat(pictured.select(".card")).allMatch(card -> !card.select(".card-image img").isEmpty());
        Element row = block.select(".card-grid").get(1);
        assertThat(row.classNames()).contains("card-row", "cards-1");
        assertThat(row.select(".card-compact .card-headline").text()).isEqualTo("World seven, no picture");
        assertThat(row.select("img")).isEmpty();
    }

    private static ArticleCard withoutPicture(ArticleCard card) {
        return new ArticleCard(card.id(), card.url(), card.headline(), card.standfirst(), card.typeLabel(),
                card.section(), card.authors(), card.published(), null, card.commentCount(), card.commentsOpen(),
                card.when());
    }

    @Test
    void shouldListTheMostDiscussedArticlesOfTheLastDayOnTheFrontPage() throws Exception {
        given(frontPages.frontPage()).willReturn(new FrontPage(ArticleFixtures.card(1, "Lead story headline"),
                List.of(), List.of(), List.of()));
        given(discussion.mostDiscussed(WebSliceTestConfig.NOW.minus(Duration.ofDays(1)),
                ArticleController.MOST_DISCUSSED)).willReturn(List.of(9L, 4L));
        given(articleCards.cardsFor(List.of(9L, 4L))).willReturn(List.of(ArticleFixtures.card(9, "Busiest"),
                ArticleFixtures.card(4, "Second busiest")));

        Document page = html("/");

        assertThat(page.select(".most-discussed h2").text()).isEqualTo("Most discussed");
        assertThat(page.select(".most-discussed li > a:first-child").eachText())
                .containsExactly("Busiest", "Second busiest");
        assertThat(page.select(".most-discussed .discussed-count").eachText())
                .containsExactly("9 comments", "4 comments");
    }

    @Test
    void shouldAnswerBadRequestForAnUnknownCommentOrder() throws Exception {
        ArticlePage article = ArticleFixtures.page("Harbour bridge reopens", ArticleFixtures.image(), true);
        given(articles.article("harbour-bridge-reopens")).willReturn(new ArticleLookup.Found(article));
        given(discussion.firstPage(eq(article), eq("sideways")))
                .willThrow(new ArticleDiscussion.UnknownOrderException("sideways"));

        mvc.perform(get(ArticleFixtures.URL + "?sort=sideways")).andExpect(status().isBadRequest());
    }

    @Test
    void shouldRenderEverythingAnArticlePagePromises() throws Exception {
        given(articles.article("harbour-bridge-reopens")).willReturn(
                new ArticleLookup.Found(ArticleFixtures.page("Harbour bridge reopens", ArticleFixtures.image(), true)));
        Document page = html(ArticleFixtures.URL);

        assertThat(page.title()).isEqualTo("Harbour bridge reopens | Broadsheet");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("h1").text()).isEqualTo("Harbour bridge reopens");
        assertThat(page.select(".breadcrumb a").eachText()).containsExactly("News", "World");
        assertThat(page.select(".standfirst").text()).isEqualTo("The standfirst, in “quotes”.");
        assertThat(page.select(".byline a[rel=author]").eachAttr("href"))
                .containsExactly("/authors/zoe-ni-bhriain", "/authors/sam-okafor");
        assertThat(page.select(".byline").text()).contains("Zoë Ní Bhriain, Europe correspondent and Sam Okafor");
        Element published = page.selectFirst("time.published");
        assertThat(published.attr("datetime")).isEqualTo("2021-05-06T17:24:00+01:00");
        assertThat(published.text()).isEqualTo("Thursday 06 May 2021 17:24 BST");
        assertThat(page.select(".updated").text()).isEqualTo("Updated Thursday 06 May 2021 19:02 BST");
        assertThat(page.select(".comments-link a").attr("href")).isEqualTo("#comments");
        assertThat(page.select(".comments-link a").text()).isEqualTo("12 comments");
        assertThat(page.select("#comments h2").text()).isEqualTo("Comments (12)");
        assertThat(page.select("figure.lead-media img").attr("alt")).isEqualTo("The bridge at dusk");
        assertThat(page.select("figure.lead-media figcaption").text())
                .isEqualTo("The bridge reopened on Thursday Photograph: Ana Ruiz");
        assertThat(page.select(".article-body em").text()).isEqualTo("text");
        assertThat(page.select(".article-tags a[rel=tag]").attr("href")).isEqualTo("/tags/transport");
        assertThat(page.select(".related .card-headline").text()).isEqualTo("Related one");
    }

    @Test
    void shouldDescribeTheArticleForSearchEnginesAndSocialNetworks() throws Exception {
        given(articles.article("harbour-bridge-reopens")).willReturn(new ArticleLookup.Found(
                ArticleFixtures.page("Bridge </script><script>alert(1)</script> “reopens”", ArticleFixtures.image(),
                        true)));
        Document page = html(ArticleFixtures.URL);

        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080" + ArticleFixtures.URL);
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("The standfirst, in “quotes”.");
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.select("meta[property=og:image]").attr("content"))
                .isEqualTo("http://localhost:8080/images/demo/bridge.jpg");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        Element script = page.selectFirst("script[type=application/ld+json]");
        assertThat(page.select("script:not([src])")).hasSize(1);
        assertThat(script.data()).doesNotContain("</script>");
        JsonNode ld = JsonMapper.builder().build().readTree(script.data());
        assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asString()).isEqualTo("Bridge </script><script>alert(1)</script> “reopens”");
        assertThat(ld.get("datePublished").asString()).isEqualTo("2021-05-06T17:24:00+01:00");
        assertThat(ld.get("dateModified").asString()).isEqualTo("2021-05-06T19:02:00+01:00");
        assertThat(ld.get("author").get(0).get("url").asString())
                .isEqualTo("http://localhost:8080/authors/zoe-ni-bhriain");
        assertThat(ld.get("publisher").get("name").asString()).isEqualTo("Broadsheet");
        assertThat(ld.get("image").get(0).asString()).isEqualTo("http://localhost:8080/images/demo/bridge.jpg");
    }

    @Test
    void shouldPlayAVideoLeadWithCaptionsTrack() throws Exception {
        given(articles.article("harbour-bridge-reopens")).willReturn(
                new ArticleLookup.Found(ArticleFixtures.page("Video story", ArticleFixtures.video(), true)));
        Document page = html(ArticleFixtures.URL);
        Element video = page.selectFirst("figure.lead-media video[controls]");
        assertThat(video).isNotNull();
        assertThat(video.attr("poster")).isEqualTo("/media/demo/clip.jpg");
        assertThat(video.select("source").attr("src")).isEqualTo("/media/demo/clip.mp4");
        assertThat(video.select("track[kind=captions]").attr("src")).isEqualTo("/media/demo/clip.vtt");
        assertThat(page.select("figcaption").text()).contains("Traffic crossing the bridge", "Video: Broadsheet");
    }

    @Test
    void shouldPrintTheKindOfPieceOnlyWhereItInformsAndTodaysTime() throws Exception {
        ArticleCard news = ArticleFixtures.card(1, "A news story");
        ArticleCard live = new ArticleCard(2, "/world/2021/05/06/live", "Live: the count", "S", "Live",
                ArticleFixtures.WORLD, List.of(), ArticleFixtures.PUBLISHED, null, 3, true, "17:24");
        given(frontPages.frontPage()).willReturn(new FrontPage(news, List.of(live), List.of(), List.of()));
        Document page = html("/");
        assertThat(page.select(".lead-story .kicker").text()).isEqualTo("World");
        assertThat(page.select(".lead-story .kicker").text()).doesNotContain("News");
        assertThat(page.select(".top-stories .kicker").text()).isEqualTo("Live World");
        assertThat(page.select(".top-stories .card-meta time").text()).isEqualTo("17:24");
        assertThat(page.select(".top-stories .card-meta time").attr("title"))
                .isEqualTo(ArticleFixtures.PUBLISHED.display());
    }

    @Test
    void shouldNotSayNoCommentsWhereNobodyMayComment() throws Exception {
        // A live blog with comments closed and none written: no "No comments" on its card or at its top.
        given(frontPages.frontPage()).willReturn(new FrontPage(ArticleFixtures.card(1, "Live: storm", 0, false),
                List.of(ArticleFixtures.card(2, "Open, none yet", 0, true),
                        ArticleFixtures.card(3, "Closed after some", 3, false)), List.of(), List.of()));
        Document front = html("/");
        assertThat(front.select(".lead-story .card-comments")).isEmpty();
        assertThat(front.select(".top-stories .card-comments").eachText())
                .containsExactly("No comments", "3 comments");

        given(articles.article("harbour-bridge-reopens")).willReturn(
                new ArticleLookup.Found(ArticleFixtures.page("Live: storm", null, false, 0, List.of())));
        Document closed = html(ArticleFixtures.URL);
        assertThat(closed.select(".comments-link")).isEmpty();
        assertThat(closed.text()).doesNotContain("No comments");
        assertThat(closed.select("#comments").text()).contains("Comments are closed on this article.");

        given(articles.article("harbour-bridge-reopens")).willReturn(
                new ArticleLookup.Found(ArticleFixtures.page("Open", null, true, 0, List.of())));
        assertThat(html(ArticleFixtures.URL).select(".comments-link").text()).isEqualTo("No comments yet");
    }

    @Test
    void shouldSayWhenCommentsAreClosed() throws Exception {
        given(articles.article("harbour-bridge-reopens")).willReturn(
                new ArticleLookup.Found(ArticleFixtures.page("Closed", null, false)));
        Document page = html(ArticleFixtures.URL);
        assertThat(page.select("#comments").text()).contains("Comments are closed on this article.");
        assertThat(page.select("figure")).isEmpty();
    }

    @Test
    void shouldRedirectPermanentlyWhenSectionOrDateInTheUrlIsOutdated() throws Exception {
        given(articles.article("harbour-bridge-reopens")).willReturn(
                new ArticleLookup.Found(ArticleFixtures.page("H", null, true)));
        mvc.perform(get("/news/2021/05/07/harbour-bridge-reopens"))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", ArticleFixtures.URL));
    }

    @Test
    void shouldRedirectOldSlugWithMovedPermanently() throws Exception {
        given(articles.article("old-slug")).willReturn(new ArticleLookup.Moved(ArticleFixtures.URL));
        mvc.perform(get("/world/2021/05/06/old-slug"))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", ArticleFixtures.URL));
    }

    @Test
    void shouldAnswerUnknownArticleWithNotFound() throws Exception {
        given(articles.article("nothing")).willThrow(new NotFoundException("article nothing"));
        mvc.perform(get("/world/2021/05/06/nothing")).andExpect(status().isNotFound());
    }

    @Test
    void shouldRenderSectionPageWithBreadcrumbSubsectionsAndPagination() throws Exception {
        given(articleLists.section("world", 2)).willReturn(new SectionPage(ArticleFixtures.WORLD, "World news",
                List.of(ArticleFixtures.NEWS, ArticleFixtures.WORLD), List.of(),
                new PagedResult<>(List.of(ArticleFixtures.card(30, "Thirtieth")), 2, 20, 45)));
        Document page = html("/sections/world?page=2");
        assertThat(page.select("h1").text()).isEqualTo("World");
        assertThat(page.title()).isEqualTo("World – page 2 | Broadsheet");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/sections/world?page=2");
        assertThat(page.select(".pagination a[rel=prev]").attr("href")).isEqualTo("/sections/world");
        assertThat(page.select(".pagination a[rel=next]").attr("href")).isEqualTo("/sections/world?page=3");
        assertThat(page.select(".pagination").text()).contains("Page 2 of 3");
        assertThat(page.select("link[type=application/rss+xml]").eachAttr("href")).contains("/sections/world/rss");
    }

    @Test
    void shouldRenderAuthorPageWithBioAndArticles() throws Exception {
        given(articleLists.author("zoe-ni-bhriain", 1)).willReturn(new AuthorPage(ArticleFixtures.ZOE, "Writes from Brussels.",
                "/images/demo/authors/zoe.jpg", new PagedResult<>(List.of(ArticleFixtures.card(5, "Five")), 1, 20, 1)));
        Document page = html("/authors/zoe-ni-bhriain");
        assertThat(page.select("h1").text()).isEqualTo("Zoë Ní Bhriain");
        assertThat(page.select(".bio").text()).isEqualTo("Writes from Brussels.");
        assertThat(page.select(".author-profile img").attr("alt")).isEqualTo("Zoë Ní Bhriain");
        assertThat(page.select(".card-headline").text()).isEqualTo("Five");
        assertThat(page.select(".pagination")).isEmpty();
    }

    @Test
    void shouldRenderTagPage() throws Exception {
        given(articleLists.tag("transport", 1)).willReturn(new TagPage(new TagLink("transport", "Transport", "/tags/transport"),
                new PagedResult<>(List.of(ArticleFixtures.card(6, "Six")), 1, 20, 1)));
        Document page = html("/tags/transport");
        assertThat(page.select("h1").text()).isEqualTo("Articles about Transport");
    }

    @Test
    void shouldAnswerImpossiblePageNumbersWithNotFound() throws Exception {
        mvc.perform(get("/sections/world?page=0")).andExpect(status().isNotFound());
        mvc.perform(get("/tags/transport?page=-3")).andExpect(status().isNotFound());
        mvc.perform(get("/authors/x?page=abc")).andExpect(status().isBadRequest());
    }

    @Test
    void shouldSendSecurityHeaders() throws Exception {
        given(frontPages.frontPage()).willReturn(new FrontPage(null, List.of(), List.of(), List.of()));
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }
}
