package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleType;
import org.broadsheet.article.NewArticle;
import org.broadsheet.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search scenarios every database must pass. Each test writes its own articles in a transaction that is
 * rolled back; the made-up words they are found by ("quorvex", "blenwick", ...) keep other tests' articles in a
 * shared database out of the results.
 */
@Transactional
@TestPropertySource(properties = "broadsheet.search.ranked-matches=" + SearchServiceScenarios.RANKED)
abstract class SearchServiceScenarios {

    /** How many of the newest matches these scenarios' searches rank. */
    static final int RANKED = 30;

    static final Instant NOW = Instant.parse("2021-05-07T09:00:00Z");

    @TestBean
    Clock clock;

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Autowired
    SearchService search;

    @Autowired
    ArticleImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @PersistenceContext
    EntityManager entityManager;

    private String run;
    private String section;

    /** The strategy this database should be searched with. */
    abstract Class<? extends SearchStrategy> expectedStrategy();

    @BeforeEach
    void createSection() {
        run = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        section = "search-" + run;
        imports.createSection(section, "Search " + run, null, null, 0);
    }

    @Test
    void usesTheStrategyOfItsDatabase() {
        assertThat(search.strategy()).isInstanceOf(expectedStrategy());
    }

    @Test
    void ranksAHeadlineMatchAboveAStandfirstMatchAboveABodyOnlyMatch() {
        long body = publish("Council meets on Tuesday", "The agenda is long.",
                "Members will discuss the quorvex scheme at length.", days(1));
        long standfirst = publish("Council budget agreed", "The quorvex scheme is funded.",
                "Members agreed the budget.", days(2));
        long headline = publish("Quorvex scheme approved", "Members voted.", "The vote was close.", days(3));

        SearchResults results = search.search("quorvex", 1);

        assertThat(ids(results)).containsExactly(headline, standfirst, body);
        assertThat(results.hits().total()).isEqualTo(3);
    }

    @Test
    void ranksNewerArticlesFirstWhenTheyMatchAlike() {
        long older = publish("Quorvex plan one", "Standfirst.", "Body.", days(3));
        long newer = publish("Quorvex plan two", "Standfirst.", "Body.", days(1));

        assertThat(ids(search.search("quorvex", 1))).containsExactly(newer, older);
    }

    @Test
    void findsOnlyArticlesContainingEveryWord() {
        long both = publish("Quorvex report", "On blenwick.", "Body.", days(2));
        publish("Quorvex only", "Standfirst.", "Body.", days(1));
        publish("Blenwick only", "Standfirst.", "Body.", days(1));

        SearchResults results = search.search("quorvex blenwick", 1);

        assertThat(ids(results)).containsExactly(both);
        assertThat(results.hits().total()).isEqualTo(1);
    }

    @Test
    void leavesOutArticlesWithAnExcludedWord() {
        long wanted = publish("Quorvex report", "Standfirst.", "Body.", days(2));
        publish("Quorvex and blenwick", "Standfirst.", "Body.", days(1));

        assertThat(ids(search.search("quorvex -blenwick", 1))).containsExactly(wanted);
    }

    @Test
    void searchesTheBodyWrittenInMarkdown() {
        long id = publish("Weather", "Standfirst.", "It will **quorvex** tomorrow.", days(1));

        SearchResults results = search.search("quorvex", 1);

        assertThat(ids(results)).containsExactly(id);
        assertThat(results.hits().items().get(0).snippetHtml()).isEqualTo("It will <mark>quorvex</mark> tomorrow.");
    }

    @Test
    void neverFindsDraftsScheduledOrFutureArticles() {
        long visible = publish("Quorvex visible", "Standfirst.", "Body.", days(1));
        publish("Quorvex draft", "Standfirst.", "Body.", null);
        long unpublished = publish("Quorvex withdrawn", "Standfirst.", "Body.", days(2));
        jdbc.update("UPDATE article SET status = 'DRAFT' WHERE id = ?", unpublished);
        publish("Quorvex scheduled", "Standfirst.", "Body.", NOW.plus(Duration.ofHours(1)));
        long future = publish("Quorvex embargoed", "Standfirst.", "Body.", days(3));
        jdbc.update("UPDATE article SET published_at = ? WHERE id = ?",
                NOW.plusSeconds(60).atOffset(ZoneOffset.UTC), future);
        settle();

        SearchResults results = search.search("quorvex", 1);

        assertThat(ids(results)).containsExactly(visible);
        assertThat(results.hits().total()).isEqualTo(1);
    }

    @Test
    void findsAnArticlePublishedAtTheClocksVeryMoment() {
        long now = publish("Quorvex now", "Standfirst.", "Body.", NOW);

        assertThat(ids(search.search("quorvex", 1))).containsExactly(now);
    }

    @Test
    void pagesThroughTwentyHitsAtATimeAndCountsThemAll() {
        for (int i = 1; i <= 25; i++) {
            publish("Plimsby story " + i, "Standfirst.", "Body.", NOW.minus(Duration.ofHours(i)));
        }

        SearchResults first = search.search("plimsby", 1);
        SearchResults second = search.search("plimsby", 2);

        assertThat(first.hits().items()).hasSize(20);
        assertThat(first.hits().total()).isEqualTo(25);
        assertThat(first.hits().totalPages()).isEqualTo(2);
        assertThat(first.hits().hasNext()).isTrue();
        assertThat(second.hits().items()).hasSize(5);
        assertThat(second.hits().total()).isEqualTo(25);
        assertThat(first.more()).isFalse();
        assertThat(second.more()).isFalse();
        assertThat(second.hits().page()).isEqualTo(2);
        assertThat(first.hits().items().get(0).card().headline()).isEqualTo("Plimsby story 1");
        assertThat(second.hits().items().get(4).card().headline()).isEqualTo("Plimsby story 25");
        assertThatThrownBy(() -> search.search("plimsby", 3)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void ranksOnlyTheNewestMatchesWhenMoreMatchAndSaysSo() {
        for (int hour = 1; hour < RANKED; hour++) {
            publish("Harbour story " + hour, "Standfirst.", "The zentrovex was seen again.",
                    NOW.minus(Duration.ofHours(hour)));
        }
        long newestBest = publish("Zentrovex found", "Standfirst.", "Body.", NOW.minus(Duration.ofHours(RANKED)));
        List<Long> older = new ArrayList<>();
        for (int hour = RANKED + 1; hour <= RANKED + 5; hour++) {
            older.add(publish("Zentrovex story " + hour, "Standfirst.", "Body.", NOW.minus(Duration.ofHours(hour))));
        }

        SearchResults first = search.search("zentrovex", 1);
        SearchResults second = search.search("zentrovex", 2);

        assertThat(first.more()).isTrue();
        assertThat(first.hits().total()).isEqualTo(RANKED);
        assertThat(first.hits().totalPages()).isEqualTo(2);
        assertThat(ids(first)).hasSize(20).startsWith(newestBest);
        assertThat(ids(second)).hasSize(RANKED - 20).doesNotContainAnyElementsOf(ids(first));
        assertThat(second.more()).isTrue();
        assertThat(ids(first)).doesNotContainAnyElementsOf(older);
        assertThat(ids(second)).doesNotContainAnyElementsOf(older);
        assertThatThrownBy(() -> search.search("zentrovex", 3)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void marksTheWordsInTheHeadlineAndSnippetAndEscapesTheRest() {
        publish("Quorvex <script>alert(1)</script> & Blenwick", "A <b>bold</b> standfirst.",
                "Nothing to see.", days(1));

        SearchHit hit = search.search("QUORVEX blenwick", 1).hits().items().get(0);

        assertThat(hit.headlineHtml()).isEqualTo(
                "<mark>Quorvex</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>Blenwick</mark>");
        assertThat(hit.card().headline()).isEqualTo("Quorvex <script>alert(1)</script> & Blenwick");
        assertThat(hit.snippetHtml()).isEqualTo("A &lt;b&gt;bold&lt;/b&gt; standfirst.");
    }

    @Test
    void showsTheBodyAroundTheFirstMatch() {
        String filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(6);
        publish("A long report", "Standfirst.", filler + "Then the quorvex appeared. " + filler, days(1));

        String snippet = search.search("quorvex", 1).hits().items().get(0).snippetHtml();

        assertThat(snippet).startsWith(Highlighter.ELLIPSIS).endsWith(Highlighter.ELLIPSIS)
                .contains("Then the <mark>quorvex</mark> appeared.");
        assertThat(snippet.length()).isLessThan(Highlighter.SNIPPET_LENGTH + 30);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"unbalanced", "&&&", "!!!", "' OR 1=1 --", "%_%", "\\", ":*", "(((", "-", "or",
            "quorvex & | ! <->", "quorvex:*", "\"quorvex", "quorvex -", "-quorvex", "a", "<script>alert(1)</script>",
            "'; DROP TABLE article; --", "quorvex\u0000blenwick", "\u00e9\u0301\u200b\ud83d\ude00" })
    void answersMalformedQueriesWithoutAnError(String query) {
        publish("Quorvex Blenwick", "Standfirst.", "Body with 100% and some_underscores.", days(1));

        assertThatCode(() -> search.search(query, 1)).doesNotThrowAnyException();
    }

    @Test
    void treatsLikeWildcardsAsPlainText() {
        publish("Quorvex", "Standfirst.", "Body with 100% and some_underscores.", days(1));

        assertThat(search.search("%_%", 1).hits().total()).isZero();
        assertThat(search.search("%", 1).hits().total()).isZero();
        assertThat(search.search("_", 1).hits().total()).isZero();
    }

    @Test
    void stillFindsWordsInAQueryWithUnbalancedQuotes() {
        long id = publish("Quorvex report", "Standfirst.", "Body.", days(1));

        assertThat(ids(search.search("\"quorvex", 1))).containsExactly(id);
        assertThat(ids(search.search("quorvex\"", 1))).containsExactly(id);
    }

    @Test
    void findsNothingForAWordNoArticleContains() {
        publish("Quorvex report", "Standfirst.", "Body.", days(1));

        SearchResults results = search.search("zzyzzxq", 1);

        assertThat(results.searched()).isTrue();
        assertThat(results.hits().items()).isEmpty();
        assertThat(results.hits().total()).isZero();
    }

    @Test
    void refusesOverlongQueriesWithoutAnError() {
        SearchResults results = search.search("quorvex ".repeat(30), 1);

        assertThat(results.tooLong()).isTrue();
        assertThat(results.hits().items()).isEmpty();
    }

    // ---------------------------------------------------------------- fixtures

    static Instant days(int ago) {
        return NOW.minus(Duration.ofDays(ago));
    }

    long publish(String headline, String standfirst, String bodyMarkdown, Instant publishedAt) {
        String slug = "s-" + run + "-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        long id = imports.createArticle(new NewArticle(slug, headline, standfirst, bodyMarkdown, ArticleType.NEWS,
                section, List.of(), List.of(), List.of(), null, publishedAt, null, true, null, null));
        settle();
        return id;
    }

    /** Writes what JPA holds to the database and forgets it, so that plain SQL sees and changes it alike. */
    void settle() {
        entityManager.flush();
        entityManager.clear();
    }

    static List<Long> ids(SearchResults results) {
        return results.hits().items().stream().map(hit -> hit.card().id()).toList();
    }
}
