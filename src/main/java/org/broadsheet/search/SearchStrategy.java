package org.broadsheet.search;

import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Finds the visible articles matching a query in the SQL of one kind of database: of the newest
 * {@code ranked} matches, the best first. Bounding the ranked matches keeps a search for a common word as cheap
 * on a site with a quarter of a million articles as on a small one: ranking every match would read every
 * matching row, four in ten of the site for a word like "harbour".
 */
interface SearchStrategy {

    /** How much of an article's body is read for its snippet. */
    int BODY_READ = 20_000;

    /**
     * One page of the best of the newest matches, and how many of those there are.
     *
     * @param now articles published after this moment are not visible yet
     */
    Matches find(SearchQuery query, Instant now, int limit, long offset);

    /** A matching article, with the text its headline and snippet are highlighted from. */
    record Row(long id, String headline, String standfirst, String bodyText) {
    }

    /**
     * @param total the matches ranked: all of them, or the newest {@code ranked} when there are more
     * @param more true when more articles match than were ranked
     */
    record Matches(List<Row> rows, long total, boolean more) {

        static Matches none() {
            return new Matches(List.of(), 0, false);
        }

        /**
         * The page and the number of matches, counted only when the page does not already tell it, and then only
         * up to one more than are ranked.
         *
         * @param countUpToOneMore counts the matches, stopping at {@code ranked + 1}
         */
        static Matches of(List<Row> rows, int limit, long offset, int ranked, LongSupplier countUpToOneMore) {
            if (offset == 0 && rows.size() < limit) {
                return new Matches(rows, rows.size(), false);
            }
            long count = countUpToOneMore.getAsLong();
            return new Matches(rows, Math.min(count, ranked), count > ranked);
        }
    }
}
