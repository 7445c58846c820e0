package org.broadsheet.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.search.SearchHit;
import org.broadsheet.search.SearchResults;
import org.broadsheet.search.SearchService;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.shared.SiteAddress;
import org.broadsheet.shared.SiteProperties;
import org.broadsheet.web.SecuritySliceSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The search page as a reader gets it, rendered by the real templates and parsed as HTML.
 */
@WebMvcTest(controllers = SearchController.class)
@Import({ SecuritySliceSupport.class, SiteAddress.class })
@TestPropertySource(properties = "broadsheet.site.page-cache-ttl=0s")
class SearchControllerTests {

    private static final Instant NOW = Instant.parse("2021-05-07T09:00:00Z");
    private static final SectionLink WORLD = new SectionLink(1, "world", "World", "/sections/world");
    private static final AuthorLink ADA = new AuthorLink(7, "ada-lovelace", "Ada Lovelace", "Correspondent",
            "/authors/ada-lovelace");
    private static final String CACHEABLE = "org.broadsheet.web.PageCacheFilter.cacheable";

    @TestConfiguration
    @EnableConfigurationProperties(SiteProperties.class)
    static class Config {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private SearchService search;

    @MockitoBean
    private SectionTrees sections;

    @Test
    void keepsTheTrimmedQueryInBothSearchBoxes() throws Exception {
        when(search.search("  budget cuts ", 1)).thenReturn(SearchResults.none("budget cuts"));

        Document page = render(mvc.perform(get("/search").param("q", "  budget cuts "))
                .andExpect(status().isOk()).andExpect(view().name("search/results"))
                .andExpect(model().attribute("query", "budget cuts")).andReturn());

        assertThat(page.getElementById("site-search").val()).isEqualTo("budget cuts");
        assertThat(page.getElementById("search-query").val()).isEqualTo("budget cuts");
    }

    @Test
    void rendersEachHitWithItsMarkedHeadlineSnippetKickerAndDate() throws Exception {
        when(search.search("budget", 1)).thenReturn(results("budget", 1, 2,
                hit(1, "<mark>Budget</mark> day", "The &lt;b&gt; <mark>budget</mark> \u2026"),
                hit(2, "Tax and <mark>budget</mark>", "Snippet two")));

        Document page = render(mvc.perform(get("/search").param("q", "budget")).andExpect(status().isOk())
                .andReturn());

        List<Element> hits = page.select("main .search-hit");
        assertThat(hits).hasSize(2);
        Element first = hits.get(0);
        Element link = first.selectFirst("h2 a");
        assertThat(link.attr("href")).isEqualTo("/world/2021/05/06/story-1");
        assertThat(link.html()).isEqualTo("<mark>Budget</mark> day");
        assertThat(link.text()).isEqualTo("Budget day");
        assertThat(first.selectFirst(".search-snippet").html()).isEqualTo("The &lt;b&gt; <mark>budget</mark> \u2026");
        assertThat(first.selectFirst(".search-snippet b")).isNull();
        assertThat(first.selectFirst(".kicker").text()).isEqualTo("News World");
        assertThat(first.selectFirst("time").attr("datetime")).isEqualTo("2021-05-06T12:00:00Z");
        assertThat(first.selectFirst("time").text()).isEqualTo("6 May 2021");
        assertThat(first.selectFirst(".card-byline").text()).isEqualTo("Ada Lovelace");
        assertThat(page.selectFirst("main .search-count").text()).isEqualTo("2 articles match \u201cbudget\u201d");
    }

    @Test
    void titlesThePageWithTheQueryAndKeepsItOutOfSearchEngines() throws Exception {
        when(search.search("budget", 1)).thenReturn(results("budget", 1, 1, hit(1, "Budget", "Snippet")));

        Document page = render(mvc.perform(get("/search").param("q", "budget")).andReturn());

        assertThat(page.title()).isEqualTo("Search: budget | Broadsheet");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.select("link[rel=canonical]")).isEmpty();
        assertThat(page.select("h1")).hasSize(1);
    }

    @Test
    void labelsTheSearchForm() throws Exception {
        when(search.search("", 1)).thenReturn(SearchResults.none(""));

        Document page = render(mvc.perform(get("/search")).andExpect(status().isOk()).andReturn());

        Element form = page.selectFirst("main form.search-form");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/search");
        Element input = form.selectFirst("input[type=search][name=q]");
        assertThat(form.selectFirst("label[for=" + input.id() + "]").text()).isEqualTo("Search for");
        assertThat(page.title()).isEqualTo("Search | Broadsheet");
        assertThat(page.selectFirst("main .empty").text()).startsWith("Type a few words");
        assertThat(page.select("main .search-count")).isEmpty();
    }

    @Test
    void escapesAScriptInTheQueryEverywhereItIsPrinted() throws Exception {
        String nasty = "<script>alert(1)</script>\"'";
        when(search.search(nasty, 1)).thenReturn(SearchResults.none(nasty));

        MvcResult result = mvc.perform(get("/search").param("q", nasty)).andExpect(status().isOk()).andReturn();

        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document page = Jsoup.parse(html);
        // Only the site's own scripts, from its own origin.
        assertThat(page.select("script")).allSatisfy(script -> assertThat(script.attr("src")).startsWith("/js/"));
        assertThat(page.getElementById("search-query").val()).isEqualTo(nasty);
        assertThat(page.title()).isEqualTo("Search: " + nasty + " | Broadsheet");
    }

    @Test
    void explainsAnOverlongQueryWithStatus200() throws Exception {
        String query = "x".repeat(201);
        when(search.search(query, 1)).thenReturn(SearchResults.refusedAsTooLong(query));

        Document page = render(mvc.perform(get("/search").param("q", query)).andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("main .notice").text()).isEqualTo("Search for at most 200 characters.");
        assertThat(page.select("main .search-count")).isEmpty();
        assertThat(page.select("main .search-hit")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"unbalanced", "&&&", "!!!", "' OR 1=1 --", "%_%", "{{7*7}}", "${7*7}", "#{7*7}",
            "__${T(java.lang.Runtime)}__::.x", "|text|", "@{/x}" })
    void rendersMalformedQueriesAsPlainText(String query) throws Exception {
        when(search.search(query, 1)).thenReturn(SearchResults.none(query));

        Document page = render(mvc.perform(get("/search").param("q", query)).andExpect(status().isOk()).andReturn());

        assertThat(page.getElementById("search-query").val()).isEqualTo(query);
        assertThat(page.selectFirst("main .search-count").text()).isEqualTo("No articles match \u201c" + query + "\u201d");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "501", "2147483647" })
    void answersPagesOutOfRangeWith404(String page) throws Exception {
        mvc.perform(get("/search").param("q", "budget").param("page", page)).andExpect(status().isNotFound());

        verify(search, never()).search(anyString(), anyInt());
    }

    @Test
    void answersAPageBeyondTheHitsWith404() throws Exception {
        when(search.search("budget", 9)).thenThrow(new NotFoundException("search page 9"));

        mvc.perform(get("/search").param("q", "budget").param("page", "9")).andExpect(status().isNotFound());
    }

    @Test
    void answersANonNumericPageWith400() throws Exception {
        mvc.perform(get("/search").param("q", "budget").param("page", "two")).andExpect(status().isBadRequest());
    }

    @Test
    void linksToThePreviousAndNextPagesKeepingTheQuery() throws Exception {
        when(search.search("tax & spend", 2)).thenReturn(results("tax & spend", 2, 45, hit(21, "Tax", "S")));

        Document page = render(mvc.perform(get("/search").param("q", "tax & spend").param("page", "2"))
                .andExpect(status().isOk()).andReturn());

        Element pagination = page.selectFirst("main nav.pagination");
        assertThat(pagination.attr("aria-label")).isEqualTo("Pages of results");
        assertThat(pagination.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/search?q=tax%20%26%20spend");
        assertThat(pagination.selectFirst("a[rel=next]").attr("href"))
                .isEqualTo("/search?q=tax%20%26%20spend&page=3");
        assertThat(pagination.selectFirst("span").text()).isEqualTo("Page 2 of 3");
        assertThat(page.title()).isEqualTo("Search: tax & spend \u2013 page 2 | Broadsheet");
    }

    @Test
    void linksTheFirstPageOnlyForward() throws Exception {
        when(search.search("tax", 1)).thenReturn(results("tax", 1, 21, hit(1, "Tax", "S")));

        Document page = render(mvc.perform(get("/search").param("q", "tax")).andReturn());

        assertThat(page.select("main nav.pagination a[rel=prev]")).isEmpty();
        assertThat(page.selectFirst("main nav.pagination a[rel=next]").attr("href")).isEqualTo("/search?q=tax&page=2");
    }

    @Test
    void printsNoPaginationForASinglePage() throws Exception {
        when(search.search("tax", 1)).thenReturn(results("tax", 1, 1, hit(1, "Tax", "S")));

        Document page = render(mvc.perform(get("/search").param("q", "tax")).andReturn());

        assertThat(page.select("main nav.pagination")).isEmpty();
        assertThat(page.selectFirst("main .search-count").text()).isEqualTo("1 article matches \u201ctax\u201d");
    }

    @Test
    void saysWhenMoreArticlesMatchedThanTheNewestThatWereRanked() throws Exception {
        when(search.search("harbour", 1)).thenReturn(new SearchResults("harbour",
                new PagedResult<>(List.of(hit(1, "<mark>Harbour</mark> wall", "Snippet")), 1, SearchService.PAGE_SIZE,
                        1000),
                false, true));

        Document page = render(mvc.perform(get("/search").param("q", "harbour")).andExpect(status().isOk())
                .andReturn());

        assertThat(page.selectFirst("main .search-count").text())
                .isEqualTo("More than 1,000 articles match \u201charbour\u201d: the newest 1,000, best first");
        assertThat(page.select("main nav.pagination")).isNotEmpty();
    }

    @Test
    void isNeverKeptInThePageCache() throws Exception {
        when(search.search("tax", 1)).thenReturn(SearchResults.none("tax"));

        mvc.perform(get("/search").param("q", "tax")).andExpect(request().attribute(CACHEABLE, (Object) null));
    }

    // ---------------------------------------------------------------- fixtures

    private static Document render(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static SearchResults results(String query, int page, long total, SearchHit... hits) {
        return new SearchResults(query, new PagedResult<>(List.of(hits), page, SearchService.PAGE_SIZE, total), false,
                false);
    }

    private static SearchHit hit(long id, String headlineHtml, String snippetHtml) {
        String plain = Jsoup.parse(headlineHtml).text();
        ArticleCard card = new ArticleCard(id, "/world/2021/05/06/story-" + id, plain, "Standfirst", "News", WORLD,
                List.of(ADA), new Dateline("2021-05-06T12:00:00Z", "Thursday 06 May 2021 13:00 BST", "6 May 2021"),
                null, 0);
        return new SearchHit(card, headlineHtml, snippetHtml);
    }
}
