package org.broadsheet.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * PostgreSQL's own full-text search: the query is parsed by {@code websearch_to_tsquery} (quoted phrases,
 * {@code or}, {@code -word}; never a syntax error) and matched against the generated, GIN-indexed
 * {@code search_vector} column, whose headline words weigh A, standfirst words B and body words C. The newest
 * {@code ranked} matches are ranked by {@code ts_rank}, then newest first: for a rare word PostgreSQL reads its
 * matches through the GIN index, for a common one it walks {@code ix_article_listing} from the newest article
 * and stops at the {@code ranked}th match, so neither reads more than a bounded number of rows.
 */
final class PostgresSearch implements SearchStrategy {

    /**
     * One statement: the newest {@code ranked + 1} matches (to tell whether there are more), the newest
     * {@code ranked} of them ranked, and the page's own rows read in full; each row carries how many matched.
     */
    private static final String PAGE = """
            SELECT a.id, a.headline, a.standfirst, substring(a.body_text, 1, :bodyRead) AS body_text, p.matched
            FROM (SELECT r.id, r.published_at, r.rank, r.matched
                  FROM (SELECT n.id, n.published_at, n.rank,
                               row_number() OVER (ORDER BY n.published_at DESC, n.id DESC) AS newest,
                               count(*) OVER () AS matched
                        FROM (SELECT m.id, m.published_at,
                                     ts_rank(m.search_vector, websearch_to_tsquery('english', :q)) AS rank
                              FROM article m
                              WHERE m.status = 'PUBLISHED' AND m.published_at <= :now
                                AND m.search_vector @@ websearch_to_tsquery('english', :q)
                              ORDER BY m.published_at DESC, m.id DESC LIMIT :countTo) n) r
                  WHERE r.newest <= :ranked
                  ORDER BY r.rank DESC, r.published_at DESC, r.id DESC
                  LIMIT :limit OFFSET :offset) p
            JOIN article a ON a.id = p.id
            ORDER BY p.rank DESC, p.published_at DESC, p.id DESC
            """;

    private record Ranked(Row row, long matched) {
    }

    private static final RowMapper<Ranked> RANKED = (rs, n) -> new Ranked(new Row(rs.getLong("id"),
            rs.getString("headline"), rs.getString("standfirst"), rs.getString("body_text")), rs.getLong("matched"));

    private final NamedParameterJdbcTemplate jdbc;
    private final int ranked;

    PostgresSearch(NamedParameterJdbcTemplate jdbc, int ranked) {
        this.jdbc = jdbc;
        this.ranked = ranked;
    }

    @Override
    public Matches find(SearchQuery query, Instant now, int limit, long offset) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("q", query.text())
                .addValue("now", now.atOffset(ZoneOffset.UTC))
                .addValue("bodyRead", BODY_READ)
                .addValue("ranked", ranked)
                .addValue("countTo", ranked + 1)
                .addValue("limit", limit)
                .addValue("offset", offset);
        // A plan made for every word at once (PostgreSQL's generic plan of a statement prepared five times) would
        // walk the index for a rare word too, or sort every match of a common one: plan each search for its words.
        jdbc.getJdbcTemplate().execute("SET LOCAL plan_cache_mode = force_custom_plan");
        List<Ranked> page = jdbc.query(PAGE, params, RANKED);
        long matched = page.isEmpty() ? 0 : page.get(0).matched();
        return new Matches(page.stream().map(Ranked::row).toList(), Math.min(matched, ranked), matched > ranked);
    }
}
