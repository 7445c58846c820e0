package org.broadsheet.article;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.broadsheet.shared.Slugs;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What the catalogue's use cases (authors, sections, tags) share, in one place rather than copied into each:
 * addresses made the same way, article counts by id, blank text as null, and the database's refusals recognised
 * by the constraint's name (also for the article form's {@link ArticleDrafts} and {@link DraftWriter}), which H2
 * and PostgreSQL both print, each in its own words and case.
 */
final class CatalogueSupport {

    private CatalogueSupport() {
    }

    /**
     * The slug asked for, or one made from the name when none is; either way as {@link Slugs} writes them and
     * no longer than the tables hold.
     */
    static String slugFor(String requested, String name) {
        String slug = Slugs.of(requested == null || requested.isBlank() ? name : requested, Catalogue.SLUG_MAX);
        if (slug.isEmpty()) {
            throw new EditRefusedException("slug", "catalogue.slug.empty");
        }
        return slug;
    }

    /** Whether the database refused the change because of this constraint. */
    static boolean violated(DataIntegrityViolationException e, String constraint) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return message.toLowerCase(Locale.ROOT).contains(constraint);
    }

    static Map<Long, Long> counts(List<IdCount> rows) {
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put(row.id(), row.count()));
        return counts;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
