package org.broadsheet.editorial.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.broadsheet.article.Catalogue;
import org.broadsheet.article.Catalogue.SectionChange;
import org.broadsheet.article.Catalogue.SectionDetails;

/**
 * A section as the form posts it: the parent by its slug (empty for a top-level section) and the order on the
 * front page as typed, so that a mistyped number is shown again next to its error.
 */
record SectionForm(
        @NotBlank(message = "{catalogue.name.required}")
        @Size(max = 120, message = "{catalogue.name.size}") String name,
        @Size(max = Catalogue.SLUG_MAX, message = "{catalogue.slug.size}") String slug,
        @Size(max = 500, message = "{catalogue.section.description.size}") String description,
        String parent,
        @NotBlank(message = "{catalogue.section.sortOrder.invalid}")
        @Pattern(regexp = "\\s*-?\\d{1,6}\\s*", message = "{catalogue.section.sortOrder.invalid}") String sortOrder,
        Long version) {

    SectionForm {
        description = description == null ? null : description.replace("\r\n", "\n");
    }

    static SectionForm empty() {
        return new SectionForm("", "", "", "", "0", null);
    }

    static SectionForm of(SectionDetails section) {
        return new SectionForm(section.name(), section.slug(),
                section.description() == null ? "" : section.description(),
                section.parentSlug() == null ? "" : section.parentSlug(), String.valueOf(section.sortOrder()),
                section.version());
    }

    SectionForm over(long newVersion) {
        return new SectionForm(name, slug, description, parent, sortOrder, newVersion);
    }

    SectionChange change() {
        return new SectionChange(name, slug, description, parent, Integer.parseInt(sortOrder.strip()), version);
    }
}
