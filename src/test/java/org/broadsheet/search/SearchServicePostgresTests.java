package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The search scenarios on PostgreSQL, with {@code websearch_to_tsquery} against the weighted
 * {@code search_vector}; plus what only PostgreSQL's full text does. Skipped when PostgreSQL does not answer
 * (failed when {@code CI=true}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@PostgresTest
class SearchServicePostgresTests extends SearchServiceScenarios {

    @Override
    Class<? extends SearchStrategy> expectedStrategy() {
        return PostgresSearch.class;
    }

    @Test
    void plansEachSearchForItsOwnWords() {
        publish("Quorvex council meets", "Standfirst.", "Body.", days(1));

        search.search("quorvex", 1);

        // In the search's transaction: PostgreSQL does not fall back to one plan for every word.
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    }

    @Test
    void findsOtherFormsOfAWord() {
        long id = publish("Quorvex council meets", "Standfirst.", "Body.", days(1));

        assertThat(ids(search.search("quorvex councils", 1))).containsExactly(id);
    }

    @Test
    void findsAQuotedPhraseOnlyWithItsWordsInOrder() {
        long phrase = publish("Quorvex budget cuts", "Standfirst.", "Body.", days(1));
        publish("Quorvex cuts the budget", "Standfirst.", "Body.", days(2));

        assertThat(ids(search.search("\"quorvex budget cuts\"", 1))).containsExactly(phrase);
    }

    @Test
    void findsEitherWordJoinedByOr() {
        long first = publish("Quorvex report", "Standfirst.", "Body.", days(1));
        long second = publish("Blenwick report", "Standfirst.", "Body.", days(2));

        assertThat(ids(search.search("quorvex or blenwick", 1))).containsExactly(first, second);
    }
}
