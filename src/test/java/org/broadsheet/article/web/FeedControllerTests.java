package org.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.Sitemaps;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.SitemapEntry;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.AuthorPage;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.shared.SiteAddress;
import org.broadsheet.shared.SiteProperties;
import org.broadsheet.web.SecuritySliceSupport;
import org.junit.jupiter.api.Test;
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
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The feeds, sitemaps and robots.txt as a crawler reads them: parsed as XML, never matched as strings alone.
 */
@WebMvcTest(controllers = FeedController.class)
@Import({ SecuritySliceSupport.class, SiteAddress.class })
@TestPropertySource(properties = { "broadsheet.site.base-url=https://news.example/",
        // With a TTL the page cache filter would serve one test's feed to the next.
        "broadsheet.site.page-cache-ttl=0s" })
class FeedControllerTests {

    private static final String BASE = "https://news.example";
    private static final Instant NOW = Instant.parse("2021-05-07T09:00:00Z");
    private static final String NASTY = "Tom & Jerry\u2019s <b>\u201cfight\u201d</b>";
    private static final SectionLink WORLD = new SectionLink(1, "world", "World", "/sections/world");
    private static final SectionLink EUROPE = new SectionLink(2, "europe", "Europe", "/sections/europe");
    private static final SectionLink SPORT = new SectionLink(3, "sport", "Sport", "/sections/sport");
    private static final AuthorLink ADA = new AuthorLink(7, "ada-lovelace", "Ada Lovelace", "Correspondent",
            "/authors/ada-lovelace");
    private static final AuthorLink ZOE = new AuthorLink(8, "zoe-bronte", "Zoë Brontë", "Editor",
            "/authors/zoe-bronte");
    private static final String CACHEABLE = "org.broadsheet.pages.PageCacheFilter.cacheable";

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
    private ArticleLists articleLists;

    @MockitoBean
    private SectionTrees sectionTrees;

    @MockitoBean
    Sitemaps sitemaps;

    // ---------------------------------------------------------------- RSS

    @Test
    void shouldServeSiteFeedAsRss2() throws Exception {
        when(articleLists.latest(FeedScope.site(), FeedController.FEED_SIZE))
                .thenReturn(List.of(card(1, "first", "First", WORLD, "2021-05-06T17:24:00+01:00", ADA)));

        MvcResult result = mvc.perform(get("/rss")).andExpect(status().isOk())
                .andExpect(content().contentType("application/rss+xml;charset=UTF-8"))
                .andExpect(request().attribute(CACHEABLE, true)).andReturn();

        Xml rss = Xml.parse(result);
        assertThat(rss.text("/rss/@version")).isEqualTo("2.0");
        assertThat(rss.text("/rss/channel/title")).isEqualTo("Broadsheet");
        assertThat(rss.text("/rss/channel/link")).isEqualTo(BASE + "/");
        assertThat(rss.text("/rss/channel/description")).isEqualTo("Independent news, analysis and opinion");
        assertThat(rss.text("/rss/channel/language")).isEqualTo("en-gb");
        assertThat(rss.text("/rss/channel/atom:link/@rel")).isEqualTo("self");
        assertThat(rss.text("/rss/channel/atom:link/@href")).isEqualTo(BASE + "/rss");
        assertThat(rss.count("/rss/channel/item")).isEqualTo(1);
    }

    @Test
    void shouldListTheLatestThirtyArticlesInRss() throws Exception {
        List<ArticleCard> thirty = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> card(i, "story-" + i, "Story " + i, WORLD, "2021-05-06T12:00:00Z", ADA)).toList();
        when(articleLists.latest(FeedScope.site(), 30)).thenReturn(thirty);

        Xml rss = Xml.parse(mvc.perform(get("/rss")).andExpect(status().isOk()).andReturn());

        assertThat(rss.count("/rss/channel/item")).isEqualTo(30);
        assertThat(rss.text("/rss/channel/item[1]/title")).isEqualTo("Story 1");
        assertThat(rss.text("/rss/channel/item[30]/title")).isEqualTo("Story 30");
        verify(articleLists).latest(FeedScope.site(), 30);
    }

    @Test
    void shouldGiveEveryItemAbsolutePermalinks() throws Exception {
        when(articleLists.latest(FeedScope.site(), FeedController.FEED_SIZE))
                .thenReturn(List.of(card(1, "first", "First", WORLD, "2021-05-06T17:24:00+01:00", ADA)));

        Xml rss = Xml.parse(mvc.perform(get("/rss")).andReturn());

        String permalink = BASE + "/world/2021/05/06/first";
        assertThat(rss.text("/rss/channel/item/link")).isEqualTo(permalink);
        assertThat(rss.text("/rss/channel/item/guid")).isEqualTo(permalink);
        assertThat(rss.text("/rss/channel/item/guid/@isPermaLink")).isEqualTo("true");
    }

    @Test
    void shouldEscapeHeadlinesInRss() throws Exception {
        ArticleCard card = new ArticleCard(1, "/world/2021/05/06/fight", NASTY, "Zoë’s café – naïve & <i>bold</i>",
                "News", WORLD, List.of(ZOE), dateline("2021-05-06T17:24:00+01:00"), null, 0);
        when(articleLists.latest(FeedScope.site(), FeedController.FEED_SIZE)).thenReturn(List.of(card));

        MvcResult result = mvc.perform(get("/rss")).andExpect(status().isOk()).andReturn();

        String raw = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("<b>").doesNotContain("<i>").contains("Tom &amp; Jerry");
        Xml rss = Xml.parse(result);
        assertThat(rss.text("/rss/channel/item/title")).isEqualTo(NASTY);
        // Feed readers show a description as HTML: the standfirst is text, so its markup is shown, not obeyed.
        assertThat(rss.text("/rss/channel/item/description")).isEqualTo("Zoë’s café – naïve &amp; &lt;i&gt;bold&lt;/i&gt;");
        assertThat(rss.text("/rss/channel/item/dc:creator")).isEqualTo("Zoë Brontë");
    }

    @Test
    void shouldKeepAScriptInAStandfirstInertForFeedReadersThatRenderHtml() throws Exception {
        ArticleCard card = new ArticleCard(1, "/world/2021/05/06/script", "Headline",
                "<script>alert(1)</script><img src=x onerror=alert(2)>", "News", WORLD, List.of(ZOE),
                dateline("2021-05-06T17:24:00+01:00"), null, 0);
        when(articleLists.latest(FeedScope.site(), FeedController.FEED_SIZE)).thenReturn(List.of(card));

        MvcResult result = mvc.perform(get("/rss")).andExpect(status().isOk()).andReturn();

        String asHtml = Xml.parse(result).text("/rss/channel/item/description");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(asHtml).select("script, img")).isEmpty();
        assertThat(org.jsoup.Jsoup.parseBodyFragment(asHtml).text())
                .isEqualTo("<script>alert(1)</script><img src=x onerror=alert(2)>");
    }

    @Test
    void shouldDateItemsInRfc1123() throws Exception {
        when(articleLists.latest(FeedScope.site(), FeedController.FEED_SIZE)).thenReturn(List.of(
                card(2, "newer", "Newer", WORLD, "2021-05-06T17:24:00+01:00", ADA),
                card(1, "older", "Older", WORLD, "2021-01-04T09:05:00Z", ADA)));

        Xml rss = Xml.parse(mvc.perform(get("/rss")).andReturn());

        assertThat(rss.text("/rss/channel/item[1]/pubDate")).isEqualTo("Thu, 6 May 2021 16:24:00 GMT");
        assertThat(rss.text("/rss/channel/item[2]/pubDate")).isEqualTo("Mon, 4 Jan 2021 09:05:00 GMT");
        assertThat(ZonedDateTime.parse(rss.text("/rss/channel/item[1]/pubDate"),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).isEqualTo("2021-05-06T16:24:00Z");
        assertThat(rss.text("/rss/channel/lastBuildDate")).isEqualTo("Thu, 6 May 2021 16:24:00 GMT");
    }

    @Test
    void shouldDateAnEmptyFeedByTheClock() throws Exception {
        when(articleLists.latest(FeedScope.site(), FeedController.FEED_SIZE)).thenReturn(List.of());

        Xml rss = Xml.parse(mvc.perform(get("/rss")).andExpect(status().isOk()).andReturn());

        assertThat(rss.count("/rss/channel/item")).isZero();
        assertThat(rss.text("/rss/channel/lastBuildDate")).isEqualTo("Fri, 7 May 2021 09:00:00 GMT");
    }

    @Test
    void shouldCreditEveryAuthorAndTheSectionOfEachItem() throws Exception {
        when(articleLists.latest(FeedScope.site(), FeedController.FEED_SIZE))
                .thenReturn(List.of(card(1, "duo", "Duo", SPORT, "2021-05-06T12:00:00Z", ADA, ZOE)));

        Xml rss = Xml.parse(mvc.perform(get("/rss")).andReturn());

        assertThat(rss.texts("/rss/channel/item/dc:creator")).containsExactly("Ada Lovelace", "Zoë Brontë");
        assertThat(rss.text("/rss/channel/item/category")).isEqualTo("Sport");
    }

    @Test
    void shouldTitleSectionFeedWithTheSectionName() throws Exception {
        when(sectionTrees.navigation()).thenReturn(List.of(WORLD, SPORT));
        when(articleLists.latest(FeedScope.section("world"), FeedController.FEED_SIZE))
                .thenReturn(List.of(card(1, "in-europe", "In Europe", EUROPE, "2021-05-06T12:00:00Z", ADA)));

        Xml rss = Xml.parse(mvc.perform(get("/sections/world/rss")).andExpect(status().isOk())
                .andExpect(content().contentType("application/rss+xml;charset=UTF-8")).andReturn());

        assertThat(rss.text("/rss/channel/title")).isEqualTo("Broadsheet: World");
        assertThat(rss.text("/rss/channel/link")).isEqualTo(BASE + "/sections/world");
        assertThat(rss.text("/rss/channel/atom:link/@href")).isEqualTo(BASE + "/sections/world/rss");
        assertThat(rss.text("/rss/channel/item/category")).isEqualTo("Europe");
    }

    @Test
    void shouldNameSubsectionFeedFromItsArticles() throws Exception {
        when(sectionTrees.navigation()).thenReturn(List.of(WORLD, SPORT));
        when(articleLists.latest(FeedScope.section("europe"), FeedController.FEED_SIZE))
                .thenReturn(List.of(card(1, "in-europe", "In Europe", EUROPE, "2021-05-06T12:00:00Z", ADA)));

        Xml rss = Xml.parse(mvc.perform(get("/sections/europe/rss")).andExpect(status().isOk()).andReturn());

        assertThat(rss.text("/rss/channel/title")).isEqualTo("Broadsheet: Europe");
        verify(articleLists, never()).section(anyString(), anyInt());
    }

    @Test
    void shouldTitleAuthorFeedWithTheAuthorName() throws Exception {
        when(articleLists.latest(FeedScope.author("ada-lovelace"), FeedController.FEED_SIZE))
                .thenReturn(List.of(card(1, "duo", "Duo", WORLD, "2021-05-06T12:00:00Z", ZOE, ADA)));

        Xml rss = Xml.parse(mvc.perform(get("/authors/ada-lovelace/rss")).andExpect(status().isOk()).andReturn());

        assertThat(rss.text("/rss/channel/title")).isEqualTo("Broadsheet: Ada Lovelace");
        assertThat(rss.text("/rss/channel/link")).isEqualTo(BASE + "/authors/ada-lovelace");
        assertThat(rss.text("/rss/channel/atom:link/@href")).isEqualTo(BASE + "/authors/ada-lovelace/rss");
    }

    @Test
    void shouldTitleEmptyAuthorFeedFromTheAuthorsProfile() throws Exception {
        when(articleLists.latest(FeedScope.author("ada-lovelace"), FeedController.FEED_SIZE)).thenReturn(List.of());
        when(articleLists.author("ada-lovelace", 1))
                .thenReturn(new AuthorPage(ADA, null, null, new PagedResult<>(List.of(), 1, 20, 0)));

        Xml rss = Xml.parse(mvc.perform(get("/authors/ada-lovelace/rss")).andExpect(status().isOk()).andReturn());

        assertThat(rss.text("/rss/channel/title")).isEqualTo("Broadsheet: Ada Lovelace");
        assertThat(rss.count("/rss/channel/item")).isZero();
    }

    @Test
    void shouldAnswer404ForUnknownSectionFeed() throws Exception {
        when(articleLists.latest(FeedScope.section("atlantis"), FeedController.FEED_SIZE))
                .thenThrow(new NotFoundException("section atlantis"));

        mvc.perform(get("/sections/atlantis/rss")).andExpect(status().isNotFound());
    }

    @Test
    void shouldAnswer404ForUnknownAuthorFeed() throws Exception {
        when(articleLists.latest(FeedScope.author("nobody"), FeedController.FEED_SIZE))
                .thenThrow(new NotFoundException("author nobody"));

        mvc.perform(get("/authors/nobody/rss")).andExpect(status().isNotFound());
    }

    // ---------------------------------------------------------------- sitemaps

    @Test
    void shouldNameThePagesSitemapAndEveryMonthsSitemapInTheSitemapIndex() throws Exception {
        when(sitemaps.months()).thenReturn(List.of(YearMonth.of(2021, 5), YearMonth.of(2021, 3)));

        MvcResult result = mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
                .andExpect(content().contentType("application/xml;charset=UTF-8"))
                .andExpect(request().attribute(CACHEABLE, true)).andReturn();

        Xml index = Xml.parse(result);
        assertThat(index.texts("/sm:sitemapindex/sm:sitemap/sm:loc")).containsExactly(
                BASE + "/sitemaps/pages.xml", BASE + "/sitemaps/2021-05.xml", BASE + "/sitemaps/2021-03.xml");
        assertThat(index.count("/sm:sitemapindex/sm:sitemap/sm:lastmod")).isZero();
        verify(sitemaps, never()).month(any());
    }

    @Test
    void shouldListFrontPageSectionsAndCorrectionsInThePagesSitemap() throws Exception {
        when(sectionTrees.navigation()).thenReturn(List.of(WORLD, SPORT));

        Xml pages = Xml.parse(mvc.perform(get("/sitemaps/pages.xml")).andExpect(status().isOk())
                .andExpect(content().contentType("application/xml;charset=UTF-8")).andReturn());

        assertThat(pages.texts("/sm:urlset/sm:url/sm:loc")).containsExactly(BASE + "/", BASE + "/sections/world",
                BASE + "/sections/sport", BASE + "/corrections");
        verify(sitemaps, never()).months();
    }

    @Test
    void shouldListAMonthsArticlesWithTheirLastChangeInItsSitemap() throws Exception {
        when(sitemaps.month(YearMonth.of(2021, 5))).thenReturn(List.of(
                new SitemapEntry("/world/2021/05/06/fight", null, Instant.parse("2021-05-06T16:24:00.123Z"),
                        Instant.parse("2021-05-06T10:00:00Z")),
                new SitemapEntry("/sport/2021/05/05/match", null, Instant.parse("2021-05-05T08:00:00Z"),
                        Instant.parse("2021-05-05T08:00:00Z"))));

        MvcResult result = mvc.perform(get("/sitemaps/2021-05.xml")).andExpect(status().isOk())
                .andExpect(content().contentType("application/xml;charset=UTF-8"))
                .andExpect(request().attribute(CACHEABLE, true)).andReturn();

        Xml sitemap = Xml.parse(result);
        assertThat(sitemap.texts("/sm:urlset/sm:url/sm:loc")).containsExactly(BASE + "/world/2021/05/06/fight",
                BASE + "/sport/2021/05/05/match");
        assertThat(sitemap.texts("/sm:urlset/sm:url/sm:lastmod"))
                .containsExactly("2021-05-06T16:24:00Z", "2021-05-05T08:00:00Z");
    }

    @Test
    void shouldAnswerNotFoundForAMonthWithoutArticlesAndForWhatIsNoMonth() throws Exception {
        when(sitemaps.month(any())).thenReturn(List.of());

        mvc.perform(get("/sitemaps/2021-05.xml")).andExpect(status().isNotFound());
        mvc.perform(get("/sitemaps/2021-13.xml")).andExpect(status().isNotFound());
        mvc.perform(get("/sitemaps/2021-5.xml")).andExpect(status().isNotFound());
        mvc.perform(get("/sitemaps/pages-2.xml")).andExpect(status().isNotFound());
        verify(sitemaps, times(1)).month(any()); // the one that is a month
    }

    @Test
    void shouldListOnlyRecentArticlesInNewsSitemap() throws Exception {
        when(sitemaps.newsSitemap()).thenReturn(List.of(new SitemapEntry("/world/2021/05/06/fight", NASTY,
                Instant.parse("2021-05-06T16:24:00Z"), Instant.parse("2021-05-06T16:24:00Z"))));

        MvcResult result = mvc.perform(get("/news-sitemap.xml")).andExpect(status().isOk())
                .andExpect(content().contentType("application/xml;charset=UTF-8")).andReturn();

        Xml news = Xml.parse(result);
        assertThat(news.texts("/sm:urlset/sm:url/sm:loc")).containsExactly(BASE + "/world/2021/05/06/fight");
        String item = "/sm:urlset/sm:url/news:news";
        assertThat(news.text(item + "/news:publication/news:name")).isEqualTo("Broadsheet");
        assertThat(news.text(item + "/news:publication/news:language")).isEqualTo("en");
        assertThat(news.text(item + "/news:publication_date")).isEqualTo("2021-05-06T16:24:00Z");
        assertThat(news.text(item + "/news:title")).isEqualTo(NASTY);
        verify(sitemaps, never()).months();
    }

    // ---------------------------------------------------------------- robots.txt

    @Test
    void shouldPointRobotsAtBothSitemapsAndKeepThemOutOfAdmin() throws Exception {
        MvcResult result = mvc.perform(get("/robots.txt")).andExpect(status().isOk())
                .andExpect(content().contentType("text/plain;charset=UTF-8")).andReturn();

        List<String> lines = result.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("User-agent: *", "Disallow: /admin/", "Disallow: /account/", "Disallow: /search",
                "Sitemap: " + BASE + "/sitemap.xml", "Sitemap: " + BASE + "/news-sitemap.xml");
        assertThat(lines).doesNotContain("Disallow: /");
    }

    // ---------------------------------------------------------------- fixtures

    private static ArticleCard card(long id, String slug, String headline, SectionLink section, String published,
            AuthorLink... authors) {
        String date = published.substring(0, 10).replace('-', '/');
        return new ArticleCard(id, "/" + section.slug() + "/" + date + "/" + slug, headline, "About " + headline,
                "News", section, List.of(authors), dateline(published), null, 0);
    }

    private static Dateline dateline(String iso) {
        return new Dateline(iso, "display", "short");
    }

    /** A parsed, namespace-aware XML response queried with XPath. */
    private record Xml(Document document, XPath xpath) {

        private static final Map<String, String> NAMESPACES = Map.of(
                "atom", "http://www.w3.org/2005/Atom",
                "dc", "http://purl.org/dc/elements/1.1/",
                "sm", "http://www.sitemaps.org/schemas/sitemap/0.9",
                "news", "http://www.google.com/schemas/sitemap-news/0.9");

        static Xml parse(MvcResult result) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // Parsing fails on anything that is not well-formed XML.
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
            XPath xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
                }

                @Override
                public String getPrefix(String uri) {
                    return null;
                }

                @Override
                public Iterator<String> getPrefixes(String uri) {
                    return null;
                }
            });
            return new Xml(document, xpath);
        }

        String text(String expression) throws Exception {
            assertThat(count(expression)).as("nodes matching %s", expression).isEqualTo(1);
            return xpath.evaluate(expression, document);
        }

        List<String> texts(String expression) throws Exception {
            NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
        }

        int count(String expression) throws Exception {
            return ((NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET)).getLength();
        }
    }
}
