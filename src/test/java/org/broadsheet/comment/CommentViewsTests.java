package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentViewsTests {

    @Test
    void shouldTakeTheInitialsOfTheFirstAndLastWordsOfAName() {
        assertThat(CommentViews.initials("Ana Reader")).isEqualTo("AR");
        assertThat(CommentViews.initials("Mary Ann van der Berg")).isEqualTo("MB");
        assertThat(CommentViews.initials("  zoë  ")).isEqualTo("Z");
        assertThat(CommentViews.initials("reader42")).isEqualTo("R");
        assertThat(CommentViews.initials("Jean-Luc O'Neill")).isEqualTo("JN");
        assertThat(CommentViews.initials("Élodie Ørsted")).isEqualTo("ÉØ");
        assertThat(CommentViews.initials("--- !!!")).isEqualTo("?");
        assertThat(CommentViews.initials(null)).isEqualTo("?");
    }
}
