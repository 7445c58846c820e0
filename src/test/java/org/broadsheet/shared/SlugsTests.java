package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void shouldLowerCaseAndHyphenateHeadlines() {
        assertThat(Slugs.of("Storm Ellen: 40,000 homes without power")).isEqualTo("storm-ellen-40-000-homes-without-power");
    }

    @Test
    void shouldTransliterateAccentsAndDropApostrophes() {
        assertThat(Slugs.of("Zoë’s São Paulo trip – Dvořák & Ångström")).isEqualTo("zoes-sao-paulo-trip-dvorak-and-angstrom");
        assertThat(Slugs.of("Łódź straße")).isEqualTo("lodz-strasse");
    }

    @Test
    void shouldCutLongSlugsAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(60));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).doesNotEndWith("-").endsWith("word");
    }

    @Test
    void shouldValidateOnlyNormalisedSlugs() {
        assertThat(Slugs.isValid("a-good-slug")).isTrue();
        assertThat(Slugs.isValid("Not-Good")).isFalse();
        assertThat(Slugs.isValid("double--hyphen")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.of(null)).isEmpty();
    }
}
