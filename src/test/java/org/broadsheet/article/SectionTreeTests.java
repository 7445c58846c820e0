package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.broadsheet.article.Views.SectionLink;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The section tree's lookups, and when a kept tree reads the sections again. */
class SectionTreeTests {


    private final Section world = section(1, "world", null);
    private final Section europe = section(2, "europe", 1L);
    private final AtomicInteger reads = new AtomicInteger();

    private static Section section(long id, String slug, Long parentId) {
        Section section = new Section(slug, slug.toUpperCase(), null, parentId, 0);
        ReflectionTestUtils.setField(section, "id", id);
        return section;
    }

    /** Reads the sections "again": as another instance left them. */
    private Supplier<SectionTree> reader(Section... now) {
        return () -> {
            reads.incrementAndGet();
            return new SectionTree(List.of(now), () -> {
                throw new AssertionError("read again from a tree just read");
            });
        };
    }

    @Test
    void shouldReadTheSectionsAgainOnceForASectionItDoesNotKnow() {
        SectionTree kept = new SectionTree(List.of(world), reader(world, europe));

        assertThat(kept.byId(1).getSlug()).isEqualTo("world");
        assertThat(reads).hasValue(0);
        assertThat(kept.byId(2).getSlug()).isEqualTo("europe");
        assertThat(kept.breadcrumb(2)).extracting(SectionLink::slug).containsExactly("world", "europe");
        assertThat(kept.rootOf(2)).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void shouldRefuseAnUnknownSectionAfterReadingTheSectionsAgainOnce() {
        SectionTree kept = new SectionTree(List.of(world), reader(world));

        assertThatThrownBy(() -> kept.byId(99)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Unknown section 99");
        assertThatThrownBy(() -> kept.breadcrumb(99)).isInstanceOf(IllegalStateException.class);
        assertThat(reads).hasValue(1);
    }

    @Test
    void shouldNeverReadAgainWhenMadeForOneUse() {
        SectionTree once = new SectionTree(List.of(world, europe));

        assertThatThrownBy(() -> once.byId(99)).isInstanceOf(IllegalStateException.class);
    }
}
