package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import org.broadsheet.article.ListingMarks.Mark;
import org.broadsheet.article.ListingMarks.Marks;
import org.broadsheet.article.ListingMarks.Start;
import org.junit.jupiter.api.Test;

/** Where a page begins among the marks: after the last mark at or before its first article. */
class ListingMarksStartTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    /** 23 articles, a mark every 5: at the 5th, 10th, 15th and 20th (marks 0 to 3). */
    private final List<Mark> marks = LongStream.rangeClosed(1, 4).mapToObj(n -> new Mark(NOW.minusSeconds(n), n))
            .toList();
    private final Marks listing = new Marks(23, 5, marks, NOW, Instant.MAX, 0);

    @Test
    void shouldStartFromTheListsStartBeforeTheFirstMark() {
        assertThat(listing.start(0)).isEqualTo(new Start(null, 0));
        assertThat(listing.start(4)).isEqualTo(new Start(null, 4));
    }

    @Test
    void shouldStartRightAfterAMarkWhenThePageBeginsThere() {
        assertThat(listing.start(5)).isEqualTo(new Start(marks.get(0), 0));
        assertThat(listing.start(10)).isEqualTo(new Start(marks.get(1), 0));
        assertThat(listing.start(20)).isEqualTo(new Start(marks.get(3), 0));
    }

    @Test
    void shouldSkipWhatLiesBetweenTheMarkAndThePage() {
        assertThat(listing.start(6)).isEqualTo(new Start(marks.get(0), 1));
        assertThat(listing.start(9)).isEqualTo(new Start(marks.get(0), 4));
        assertThat(listing.start(22)).isEqualTo(new Start(marks.get(3), 2));
    }

    @Test
    void shouldStartFromTheLastMarkBeyondTheList() {
        assertThat(listing.start(40)).isEqualTo(new Start(marks.get(3), 20));
    }

    @Test
    void shouldDescribeTheListFromTheirMomentUntilTheNextArticlesTime() {
        Marks untilNoon = new Marks(23, 5, marks, NOW, NOW.plusSeconds(60), 0);

        assertThat(untilNoon.describe(NOW)).isTrue();
        assertThat(untilNoon.describe(NOW.plusSeconds(59))).isTrue();
        assertThat(untilNoon.describe(NOW.plusSeconds(60))).isFalse();
        assertThat(untilNoon.describe(NOW.minusSeconds(1))).isFalse();
    }
}
