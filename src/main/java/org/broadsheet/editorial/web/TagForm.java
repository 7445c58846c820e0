package org.broadsheet.editorial.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.broadsheet.article.Catalogue;
import org.broadsheet.article.Catalogue.TagUse;

/** A new or renamed tag: its name, and its address (made from the name when left empty). */
record TagForm(
        @NotBlank(message = "{catalogue.name.required}")
        @Size(max = 120, message = "{catalogue.name.size}") String name,
        @Size(max = Catalogue.SLUG_MAX, message = "{catalogue.slug.size}") String slug) {

    static TagForm empty() {
        return new TagForm("", "");
    }

    static TagForm of(TagUse tag) {
        return new TagForm(tag.name(), tag.slug());
    }
}
