package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleTestData;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A signed-in reader of a page that is the same for everyone gets the cached page with only their own parts
 * filled in: no SQL but for their view of the conversation, and exactly what a full render would have shown them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "broadsheet.site.page-cache-ttl=10m")
@ActiveProfiles("test")
class PersonalizedPagesTests {

    private static final String PASSWORD = "quiet-harbour-lanterns";

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    AccountService accounts;

    @Autowired
    PageCacheFilter pageCache;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private Statistics statistics;
    private String articleUrl;

    @BeforeEach
    void setUp() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        ArticleTestData data = new ArticleTestData(articles);
        String section = data.section(null);
        long id = data.article(section, data.author()).headline("Personal parts " + section).save();
        articleUrl = articles.cardsFor(List.of(id)).get(0).url();
        pageCache.clear();
    }

    private HttpClient signedIn(String username, Role role) throws Exception {
        accounts.createVerified(username, "Reader <b>" + username + "</b>", username + "@example.com", PASSWORD,
                EnumSet.of(role));
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Document login = Jsoup.parse(get(client, "/login").body());
        String csrf = login.select("input[name=_csrf]").attr("value");
        String form = "username=" + username + "&password=" + PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The page with the form token's value and the comment box's key blanked: the one is masked afresh for every
     * response, the other is new for every box.
     */
    private static String comparable(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"")
                .replaceAll("name=\"key\" value=\"[^\"]*\"", "name=\"key\" value=\"\"");
    }

    @Test
    void shouldFillOnlyTheReadersOwnPartsIntoTheCachedPage() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        assertThat(get(anonymous, articleUrl).body()).contains("Join our commenting forum");
        HttpClient reader = signedIn("filled", Role.READER);

        statistics.clear();
        HttpResponse<String> fromCache = get(reader, articleUrl);
        // Only the reader's view of the conversation is read: the number of threads, the first page of them (none
        // here) and the readers they ignore.
        assertThat(statistics.getPrepareStatementCount()).as("statements for a personalized cached page")
                .isLessThanOrEqualTo(3);

        pageCache.clear();
        HttpResponse<String> rendered = get(reader, articleUrl);
        assertThat(statistics.getPrepareStatementCount()).as("a full render reads the database").isPositive();

        assertThat(comparable(fromCache.body())).isEqualTo(comparable(rendered.body()));
        Document page = Jsoup.parse(fromCache.body());
        assertThat(page.select(".account-links a").first().text()).isEqualTo("Reader <b>filled</b>");
        assertThat(fromCache.body()).doesNotContain("<b>filled</b>").doesNotContain("Join our commenting forum");
        assertThat(page.select(".account-links form input[name=_csrf]").attr("value")).isNotBlank();
        assertThat(page.select(".account-links").text()).contains("Sign out").doesNotContain("Staff desk");
        assertThat(fromCache.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void shouldShowStaffTheirDeskLinkOnCachedPages() throws Exception {
        get(HttpClient.newHttpClient(), articleUrl);
        HttpClient editor = signedIn("deskeditor", Role.EDITOR);
        Document page = Jsoup.parse(get(editor, articleUrl).body());
        assertThat(page.select(".account-links a[href=/admin]").text()).isEqualTo("Staff desk");
    }

    @Test
    void shouldLetTheSignOutFormOfACachedPageWork() throws Exception {
        get(HttpClient.newHttpClient(), articleUrl);
        HttpClient reader = signedIn("signsout", Role.READER);
        Document page = Jsoup.parse(get(reader, articleUrl).body());
        String csrf = page.select(".account-links form input[name=_csrf]").attr("value");
        HttpResponse<String> out = reader.send(HttpRequest.newBuilder(uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/?signed-out");
        assertThat(get(reader, "/account").statusCode()).isEqualTo(302);
    }
}
