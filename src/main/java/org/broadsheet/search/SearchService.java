package org.broadsheet.search;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.search.SearchStrategy.Matches;
import org.broadsheet.search.SearchStrategy.Row;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search of the visible articles: headline, standfirst and body, the newest matches ranked, with the
 * query's words marked in each hit's headline and snippet.
 * <p>
 * On PostgreSQL the database's own full-text search is used ({@link PostgresSearch}); on H2 and anything else a
 * portable weighted word match ({@link PortableSearch}). Which one is decided once, from the database product
 * name, when the service is created.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

    public static final int PAGE_SIZE = 20;
    public static final int MAX_QUERY_LENGTH = 200;

    /** How many of the newest matches are ranked unless configured otherwise. */
    public static final int RANKED_MATCHES = 1000;

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final SearchStrategy strategy;
    private final int rankedMatches;
    private final ArticleCards articles;
    private final Clock clock;

    @Autowired
    SearchService(NamedParameterJdbcTemplate jdbc, ArticleCards articles, Clock clock,
            @Value("${broadsheet.search.ranked-matches:" + RANKED_MATCHES + "}") int rankedMatches) {
        this(strategyFor(databaseProductName(jdbc), jdbc, rankedMatches), rankedMatches, articles, clock);
    }

    SearchService(SearchStrategy strategy, int rankedMatches, ArticleCards articles, Clock clock) {
        if (rankedMatches < PAGE_SIZE) {
            throw new IllegalArgumentException("broadsheet.search.ranked-matches must be at least " + PAGE_SIZE);
        }
        this.strategy = strategy;
        this.rankedMatches = rankedMatches;
        this.articles = articles;
        this.clock = clock;
    }

    static SearchStrategy strategyFor(String databaseProductName, NamedParameterJdbcTemplate jdbc,
            int rankedMatches) {
        SearchStrategy chosen = "PostgreSQL".equalsIgnoreCase(databaseProductName)
                ? new PostgresSearch(jdbc, rankedMatches)
                : new PortableSearch(jdbc, rankedMatches);
        log.info("Search on {} uses {}", databaseProductName, chosen.getClass().getSimpleName());
        return chosen;
    }

    private static String databaseProductName(NamedParameterJdbcTemplate jdbc) {
        DataSource dataSource = jdbc.getJdbcTemplate().getDataSource();
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database search runs on", e);
        }
    }

    /** How many of the newest matches a search ranks: a common word's older matches are not shown. */
    public int rankedMatches() {
        return rankedMatches;
    }

    /** The strategy chosen for this database, for tests. */
    SearchStrategy strategy() {
        return strategy;
    }

    /**
     * One page of the visible articles matching the query, best first.
     * <p>
     * A blank query, or one without a letter or digit, finds nothing without asking the database. A query
     * longer than {@value #MAX_QUERY_LENGTH} characters is not searched for: the result says so
     * ({@link SearchResults#tooLong()}). Any other text is a valid query: quotes, operators and SQL
     * punctuation never cause an error. Only the newest {@link #rankedMatches()} matches are ranked and paged
     * through; when more match, the result says so ({@link SearchResults#more()}).
     *
     * @param page numbered from 1
     * @throws NotFoundException for a page before the first, or after the last page of hits
     */
    public SearchResults search(String query, int page) {
        String text = SearchQuery.normalize(query);
        if (text.length() > MAX_QUERY_LENGTH) {
            return SearchResults.refusedAsTooLong(text);
        }
        if (page < 1) {
            throw new NotFoundException("search page " + page);
        }
        if (!SearchQuery.hasWords(text)) {
            return SearchResults.none(text);
        }
        SearchQuery parsed = SearchQuery.parse(text);
        long offset = (long) (page - 1) * PAGE_SIZE;
        Matches matches = strategy.find(parsed, clock.instant(), PAGE_SIZE, offset);
        if (page > 1 && matches.rows().isEmpty()) {
            throw new NotFoundException("search page " + page);
        }
        Highlighter highlighter = new Highlighter(parsed.terms());
        Map<Long, Row> rows = matches.rows().stream().collect(Collectors.toMap(Row::id, Function.identity()));
        List<ArticleCard> cards = articles.cardsFor(matches.rows().stream().map(Row::id).toList());
        List<SearchHit> hits = new ArrayList<>(cards.size());
        for (ArticleCard card : cards) {
            Row row = rows.get(card.id());
            hits.add(new SearchHit(card, highlighter.highlight(row.headline()),
                    highlighter.snippet(row.bodyText(), row.standfirst())));
        }
        return new SearchResults(text, new PagedResult<>(List.copyOf(hits), page, PAGE_SIZE, matches.total()),
                false, matches.more());
    }
}
