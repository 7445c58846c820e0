package org.broadsheet.search;

import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Finds the visible articles matching a query, best first, in the SQL of one kind of database.
 */
interface SearchStrategy {

    /** How much of an article's body is read for its snippet. */
    int BODY_READ = 20_000;

    /**
     * One page of matches and the number of matches in all.
     *
     * @param now articles published after this moment are not visible yet
     */
    Matches find(SearchQuery query, Instant now, int limit, long offset);

    /** A matching article, with the text its headline and snippet are highlighted from. */
    record Row(long id, String headline, String standfirst, String bodyText) {
    }

    record Matches(List<Row> rows, long total) {

        static Matches none() {
            return new Matches(List.of(), 0);
        }
    }

    /** The total, counting only when the page does not already tell it. */
    static long total(List<Row> rows, int limit, long offset, LongSupplier count) {
        if (offset == 0 && rows.size() < limit) {
            return rows.size();
        }
        return count.getAsLong();
    }
}
