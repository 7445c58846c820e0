package org.broadsheet.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Search in portable SQL, for H2 (the demo and the tests) and any database without PostgreSQL's full text:
 * every word of the query must occur in the headline, standfirst or body (as {@code websearch_to_tsquery}
 * requires all words), and no excluded word anywhere. Each word scores 3 when it occurs in the headline, 2 in
 * the standfirst and 1 in the body; the newest {@code ranked} matches are ranked by their total, then newest
 * first.
 * <p>
 * Matching is case-insensitive substring matching ({@code LOWER(column) LIKE '%word%'}), without stemming.
 * The query's words only ever reach the database as bind parameters, with {@code %}, {@code _} and the escape
 * character escaped; the SQL text itself depends only on how many words there are.
 */
final class PortableSearch implements SearchStrategy {

    private static final char ESCAPE = '\\';
    private static final String[] COLUMNS = { "headline", "standfirst", "body_text" };
    private static final int[] WEIGHTS = { 3, 2, 1 };

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("headline"),
            rs.getString("standfirst"), rs.getString("body_text"));

    private final NamedParameterJdbcTemplate jdbc;
    private final int ranked;

    PortableSearch(NamedParameterJdbcTemplate jdbc, int ranked) {
        this.jdbc = jdbc;
        this.ranked = ranked;
    }

    @Override
    public Matches find(SearchQuery query, Instant now, int limit, long offset) {
        if (query.terms().isEmpty()) {
            return Matches.none();
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("now", now.atOffset(ZoneOffset.UTC))
                .addValue("bodyRead", BODY_READ)
                .addValue("ranked", ranked)
                .addValue("countTo", ranked + 1)
                .addValue("limit", limit)
                .addValue("offset", offset);
        String matching = matching(query, params);
        List<Row> rows = jdbc.query("SELECT id, headline, standfirst, body_text FROM (SELECT * FROM (" + matching
                + ") m ORDER BY published_at DESC, id DESC LIMIT :ranked) n"
                + " ORDER BY score DESC, published_at DESC, id DESC LIMIT :limit OFFSET :offset", params, ROW);
        return Matches.of(rows, limit, offset, ranked, () -> {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM (" + matching + " LIMIT :countTo) m", params,
                    Long.class);
            return count == null ? 0 : count;
        });
    }

    /** The visible articles containing every term and no excluded word, with their score. */
    private static String matching(SearchQuery query, MapSqlParameterSource params) {
        List<String> score = new ArrayList<>();
        StringBuilder where = new StringBuilder("a.status = 'PUBLISHED' AND a.published_at <= :now");
        for (int t = 0; t < query.terms().size(); t++) {
            String param = "t" + t;
            params.addValue(param, containing(query.terms().get(t)));
            List<String> found = new ArrayList<>();
            for (int c = 0; c < COLUMNS.length; c++) {
                String like = like(COLUMNS[c], param);
                found.add(like);
                score.add("CASE WHEN " + like + " THEN " + WEIGHTS[c] + " ELSE 0 END");
            }
            where.append(" AND (").append(String.join(" OR ", found)).append(')');
        }
        for (int x = 0; x < query.excluded().size(); x++) {
            String param = "x" + x;
            params.addValue(param, containing(query.excluded().get(x)));
            List<String> found = new ArrayList<>();
            for (String column : COLUMNS) {
                found.add(like(column, param));
            }
            where.append(" AND NOT (").append(String.join(" OR ", found)).append(')');
        }
        return "SELECT a.id, a.headline, a.standfirst, SUBSTRING(a.body_text, 1, :bodyRead) AS body_text,"
                + " a.published_at, " + String.join(" + ", score) + " AS score"
                + " FROM article a WHERE " + where;
    }

    private static String like(String column, String param) {
        return "LOWER(a." + column + ") LIKE :" + param + " ESCAPE '" + ESCAPE + "'";
    }

    /** A LIKE pattern matching text that contains the word anywhere, taken literally. */
    static String containing(String word) {
        StringBuilder pattern = new StringBuilder(word.length() + 4).append('%');
        for (char c : word.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
