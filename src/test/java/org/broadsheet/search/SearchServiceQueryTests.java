package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.search.SearchStrategy.Matches;
import org.broadsheet.search.SearchStrategy.Row;
import org.broadsheet.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the service decides before and after asking the database, with the database left out.
 */
class SearchServiceQueryTests {

    private static final Instant NOW = Instant.parse("2021-05-07T09:00:00Z");

    private final SearchStrategy strategy = mock(SearchStrategy.class);
    private final ArticleCards articles = mock(ArticleCards.class);
    private final SearchService service = new SearchService(strategy, 1000, articles,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "\t\n", "%_%", "&&&", "!!!", "\"", "-", "\u0000" })
    void answersAQueryWithoutWordsWithoutAskingTheDatabase(String query) {
        SearchResults results = service.search(query, 1);

        assertThat(results.hits().items()).isEmpty();
        assertThat(results.hits().total()).isZero();
        assertThat(results.tooLong()).isFalse();
        verifyNoInteractions(strategy, articles);
    }

    @Test
    void answersNullLikeABlankQuery() {
        assertThat(service.search(null, 1).query()).isEmpty();
        verifyNoInteractions(strategy);
    }

    @Test
    void refusesAQueryLongerThan200CharactersWithoutAskingTheDatabase() {
        SearchResults results = service.search("x".repeat(201), 1);

        assertThat(results.tooLong()).isTrue();
        assertThat(results.searched()).isFalse();
        assertThat(results.hits().items()).isEmpty();
        verifyNoInteractions(strategy);
    }

    @Test
    void searchesAQueryOfExactly200CharactersAfterTrimming() {
        when(strategy.find(any(), any(), anyInt(), anyLong())).thenReturn(Matches.none());

        SearchResults results = service.search("  " + "x".repeat(200) + "  ", 1);

        assertThat(results.tooLong()).isFalse();
        assertThat(results.query()).hasSize(200);
    }

    @Test
    void asksForTheRequestedPageAtTheClocksTime() {
        when(strategy.find(any(), any(), anyInt(), anyLong())).thenReturn(Matches.none());
        when(strategy.find(any(), eq(NOW), eq(20), eq(40L))).thenReturn(
                new Matches(List.of(new Row(7, "Budget", "S", "B")), 41, false));
        when(articles.cardsFor(List.of(7L))).thenReturn(List.of(card(7, "Budget")));

        SearchResults results = service.search("  budget\n", 3);

        assertThat(results.query()).isEqualTo("budget");
        assertThat(results.hits().page()).isEqualTo(3);
        assertThat(results.hits().total()).isEqualTo(41);
        assertThat(results.hits().totalPages()).isEqualTo(3);
        assertThat(results.hits().items()).extracting(SearchHit::headlineHtml)
                .containsExactly("<mark>Budget</mark>");
        verify(strategy).find(any(), eq(NOW), eq(20), eq(40L));
    }

    @Test
    void keepsTheRankingOrderAndSkipsArticlesReadersCannotSee() {
        when(strategy.find(any(), any(), anyInt(), anyLong())).thenReturn(new Matches(List.of(
                new Row(3, "Third tax", "", ""), new Row(1, "First tax", "", ""), new Row(2, "Gone tax", "", "")),
                3, false));
        when(articles.cardsFor(List.of(3L, 1L, 2L))).thenReturn(List.of(card(3, "Third tax"), card(1, "First tax")));

        SearchResults results = service.search("tax", 1);

        assertThat(results.hits().items()).extracting(hit -> hit.card().id()).containsExactly(3L, 1L);
        assertThat(results.hits().items()).extracting(SearchHit::headlineHtml)
                .containsExactly("Third <mark>tax</mark>", "First <mark>tax</mark>");
    }

    @Test
    void hasNoPageBeforeTheFirst() {
        assertThatThrownBy(() -> service.search("tax", 0)).isInstanceOf(NotFoundException.class);
        verifyNoInteractions(strategy);
    }

    @Test
    void hasNoPageAfterTheLast() {
        when(strategy.find(any(), any(), anyInt(), anyLong())).thenReturn(new Matches(List.of(), 3, false));

        assertThatThrownBy(() -> service.search("tax", 2)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void choosesTheStrategyByDatabaseProductName() {
        assertThat(SearchService.strategyFor("PostgreSQL", null, 1000)).isInstanceOf(PostgresSearch.class);
        assertThat(SearchService.strategyFor("H2", null, 1000)).isInstanceOf(PortableSearch.class);
        assertThat(SearchService.strategyFor("MySQL", null, 1000)).isInstanceOf(PortableSearch.class);
    }

    @Test
    void saysWhenMoreMatchedThanWereRanked() {
        when(strategy.find(any(), any(), anyInt(), anyLong())).thenReturn(
                new Matches(List.of(new Row(7, "Harbour", "S", "B")), 1000, true));
        when(articles.cardsFor(List.of(7L))).thenReturn(List.of(card(7, "Harbour")));

        SearchResults results = service.search("harbour", 1);

        assertThat(results.more()).isTrue();
        assertThat(results.hits().total()).isEqualTo(1000);
        assertThat(results.hits().totalPages()).isEqualTo(50);
    }

    @Test
    void refusesToRankFewerMatchesThanAPageHolds() {
        assertThatThrownBy(() -> new SearchService(strategy, 19, articles, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broadsheet.search.ranked-matches");
    }

    @Test
    void countsOnlyUpToOneMoreThanAreRanked() {
        List<Row> page = List.of(new Row(1, "A", "", ""));
        assertThat(Matches.of(page, 20, 0, 30, () -> {
            throw new AssertionError("a short first page tells its own count");
        })).isEqualTo(new Matches(page, 1, false));
        assertThat(Matches.of(page, 20, 20, 30, () -> 21)).isEqualTo(new Matches(page, 21, false));
        assertThat(Matches.of(page, 20, 20, 30, () -> 30)).isEqualTo(new Matches(page, 30, false));
        assertThat(Matches.of(page, 20, 20, 30, () -> 31)).isEqualTo(new Matches(page, 30, true));
    }

    private static ArticleCard card(long id, String headline) {
        return new ArticleCard(id, "/world/2021/05/06/a" + id, headline, "", "News",
                new SectionLink(1, "world", "World", "/sections/world"), List.of(), null, null, 0);
    }
}
