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
 * {@code search_vector} column, whose headline words weigh A, standfirst words B and body words C.
 * Ranked by {@code ts_rank}, then newest first.
 */
final class PostgresSearch implements SearchStrategy {

    private static final String MATCHING = """
            FROM article a
            WHERE a.status = 'PUBLISHED' AND a.published_at <= :now
              AND a.search_vector @@ websearch_to_tsquery('english', :q)
            """;

    private static final String PAGE = """
            SELECT a.id, a.headline, a.standfirst, substring(a.body_text, 1, :bodyRead) AS body_text
            """ + MATCHING + """
            ORDER BY ts_rank(a.search_vector, websearch_to_tsquery('english', :q)) DESC,
                     a.published_at DESC, a.id DESC
            LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT = "SELECT count(*) " + MATCHING;

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("headline"),
            rs.getString("standfirst"), rs.getString("body_text"));

    private final NamedParameterJdbcTemplate jdbc;

    PostgresSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Matches find(SearchQuery query, Instant now, int limit, long offset) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("q", query.text())
                .addValue("now", now.atOffset(ZoneOffset.UTC))
                .addValue("bodyRead", BODY_READ)
                .addValue("limit", limit)
                .addValue("offset", offset);
        List<Row> rows = jdbc.query(PAGE, params, ROW);
        long total = SearchStrategy.total(rows, limit, offset, () -> {
            Long count = jdbc.queryForObject(COUNT, params, Long.class);
            return count == null ? 0 : count;
        });
        return new Matches(rows, total);
    }
}
