package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.broadsheet.article.EditingViews.FormChoices;
import org.broadsheet.article.EditingViews.SectionOption;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The article form's section tree: built from the sections in the site's order, and listed depth first. */
class SectionOptionsTests {

    private static Section section(long id, String slug, String name, Long parentId, int sortOrder) {
        Section section = new Section(slug, name, null, parentId, sortOrder);
        ReflectionTestUtils.setField(section, "id", id);
        return section;
    }

    // Given out of order: the tree puts each level in the site's order (sort order, then name).
    private final SectionTree tree = new SectionTree(List.of(
            section(5, "sport", "Sport", null, 50),
            section(3, "europe", "Europe", 2L, 10),
            section(1, "news", "News", null, 10),
            section(2, "world", "World", 1L, 20),
            section(4, "uk", "UK", 1L, 10),
            section(6, "business-europe", "Europe", 7L, 10),
            section(7, "business", "Business", null, 20)));

    @Test
    void shouldNestEachSectionUnderTheOneItBelongsTo() {
        List<SectionOption> roots = ArticleDrafts.sectionOptions(tree);

        assertThat(roots).extracting(SectionOption::slug).containsExactly("news", "business", "sport");
        SectionOption news = roots.get(0);
        assertThat(news.children()).extracting(SectionOption::slug).containsExactly("uk", "world");
        SectionOption europe = news.children().get(1).children().get(0);
        assertThat(europe.slug()).isEqualTo("europe");
        assertThat(europe.parents()).containsExactly("News", "World");
        assertThat(europe.depth()).isEqualTo(2);
        assertThat(europe.children()).isEmpty();
    }

    @Test
    void shouldListTheTreeDepthFirstWithEachSectionsWholePlace() {
        FormChoices choices = new FormChoices(ArticleDrafts.sectionOptions(tree), List.of(), List.of());

        assertThat(choices.sections()).extracting(SectionOption::slug).containsExactly("news", "uk", "world",
                "europe", "business", "business-europe", "sport");
        // Two sections called Europe, told apart by where they sit.
        assertThat(choices.sections()).extracting(SectionOption::label).containsExactly("News", "News › UK",
                "News › World", "News › World › Europe", "Business", "Business › Europe", "Sport");
        assertThat(choices.sections()).extracting(SectionOption::parentsLabel).containsExactly("", "News › ",
                "News › ", "News › World › ", "", "Business › ", "");
    }
}
