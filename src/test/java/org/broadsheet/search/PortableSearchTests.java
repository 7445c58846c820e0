package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortableSearchTests {

    @Test
    void escapesLikeWildcardsAndTheEscapeCharacter() {
        assertThat(PortableSearch.containing("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
    }

    @Test
    void matchesAPlainWordAnywhere() {
        assertThat(PortableSearch.containing("tax")).isEqualTo("%tax%");
    }
}
