package org.broadsheet.search;

import java.util.List;

import org.broadsheet.shared.PagedResult;

/**
 * What a search page prints: the query as it was searched for, one page of ranked hits, whether the query was
 * refused for being longer than {@link SearchService#MAX_QUERY_LENGTH} characters, and whether more articles
 * matched than were ranked.
 *
 * @param query the reader's query, trimmed, with control characters and runs of white space made single spaces
 * @param hits the hits of the requested page, best first; empty when nothing was searched for. Their total is
 *        the number of matches ranked: all of them, or the newest {@link SearchService#rankedMatches()} when
 *        {@code more} matched
 * @param tooLong true when the query was not searched for because it is too long
 * @param more true when more articles matched than the newest ones that were ranked
 */
public record SearchResults(String query, PagedResult<SearchHit> hits, boolean tooLong, boolean more) {

    /** Nothing searched for, or nothing found: page 1 of no hits. */
    public static SearchResults none(String query) {
        return new SearchResults(query, new PagedResult<>(List.of(), 1, SearchService.PAGE_SIZE, 0), false, false);
    }

    /** A query that was refused because it is too long. */
    public static SearchResults refusedAsTooLong(String query) {
        return new SearchResults(query, new PagedResult<>(List.of(), 1, SearchService.PAGE_SIZE, 0), true, false);
    }

    /** True when a query was actually searched for, so that the page prints how many articles matched. */
    public boolean searched() {
        return !tooLong && !query.isEmpty();
    }
}
