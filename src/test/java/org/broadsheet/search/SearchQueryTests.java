package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTests {

    @Test
    void normalizesWhiteSpaceAndControlCharacters() {
        assertThat(SearchQuery.normalize("  brexit\u0000\t trade\n\u200B deal  ")).isEqualTo("brexit trade deal");
        assertThat(SearchQuery.normalize(null)).isEmpty();
    }

    @Test
    void splitsIntoLowerCasedWordsOfLettersAndDigits() {
        SearchQuery query = SearchQuery.parse("Covid-19 \"Vaccine\" rollout's NHS");

        assertThat(query.terms()).containsExactly("covid", "19", "vaccine", "rollout", "nhs");
        assertThat(query.excluded()).isEmpty();
    }

    @Test
    void ignoresOneCharacterWordsRepeatsAndTheWordOr() {
        assertThat(SearchQuery.parse("a b tax OR Tax or rates 5").terms()).containsExactly("tax", "rates");
    }

    @Test
    void keepsAtMostEightWords() {
        SearchQuery query = SearchQuery.parse("one two three four five six seven eight nine ten");

        assertThat(query.terms()).hasSize(SearchQuery.MAX_TERMS).endsWith("eight");
    }

    @Test
    void excludesWordsWithALeadingMinus() {
        SearchQuery query = SearchQuery.parse("-fish chips mushy-peas");

        assertThat(query.terms()).containsExactly("chips", "mushy", "peas");
        assertThat(query.excluded()).containsExactly("fish");
    }

    @Test
    void findsNoWordsInPunctuation() {
        assertThat(SearchQuery.parse("%_% &&& !!! ' -- \"").terms()).isEmpty();
        assertThat(SearchQuery.hasWords("%_% &&& !!!")).isFalse();
        assertThat(SearchQuery.hasWords("' OR 1=1 --")).isTrue();
    }

    @Test
    void keepsLettersOfEveryAlphabet() {
        assertThat(SearchQuery.parse("Zoë Brontë Москва 東京").terms()).containsExactly("zoë", "brontë", "москва", "東京");
    }
}
