package org.broadsheet.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.article.Catalogue.SectionDetails;
import org.broadsheet.article.Catalogue.SectionRow;
import org.broadsheet.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' view of the sections: the hierarchy in front-page order with each section's article count, the
 * sections a section can move under, and one section as its form shows it. Saving is {@link SectionEditing}'s.
 */
@Service
@Transactional(readOnly = true)
public class SectionCatalogue {

    private final SectionRepository sections;
    private final CatalogueRepository catalogue;

    SectionCatalogue(SectionRepository sections, CatalogueRepository catalogue) {
        this.sections = sections;
        this.catalogue = catalogue;
    }

    /** Every section in front-page order, each followed by its subsections, with the articles filed under it. */
    public List<SectionRow> sections() {
        return rows(sections.findAll(), CatalogueSupport.counts(catalogue.countBySection()), null);
    }

    /** The sections that can be the parent of this one (all but itself and those below it); all for a new one. */
    public List<SectionRow> parentChoices(Long sectionId) {
        return rows(sections.findAll(), Map.of(), sectionId);
    }

    /** @throws NotFoundException when there is no such section */
    public SectionDetails section(long id) {
        Section s = sections.findById(id).orElseThrow(() -> new NotFoundException("section " + id));
        String parentSlug = s.getParentId() == null ? null
                : sections.findById(s.getParentId()).map(Section::getSlug).orElse(null);
        return new SectionDetails(s.getId(), s.getSlug(), s.getName(), s.getDescription(), parentSlug,
                s.getSortOrder(), s.getVersion(), catalogue.countPublicInSection(id) > 0, sectionUrl(s.getSlug()));
    }

    /** The sections in tree order, leaving out {@code leaveOut} and every section below it. */
    private List<SectionRow> rows(List<Section> all, Map<Long, Long> counts, Long leaveOut) {
        SectionTree tree = new SectionTree(all);
        List<SectionRow> rows = new ArrayList<>();
        Set<Long> seen = leaveOut == null ? new HashSet<>() : new HashSet<>(tree.subtree(leaveOut));
        for (Section root : tree.roots()) {
            addRows(tree, root, 0, counts, rows, seen);
        }
        // Sections no top-level section leads to (there should be none) are listed too, so they can be mended.
        all.stream().filter(s -> seen.add(s.getId())).forEach(s -> rows.add(row(s, 0, counts)));
        return rows;
    }

    private static void addRows(SectionTree tree, Section section, int depth, Map<Long, Long> counts,
            List<SectionRow> into, Set<Long> seen) {
        if (!seen.add(section.getId())) {
            return;
        }
        into.add(row(section, depth, counts));
        tree.children(section.getId()).forEach(child -> addRows(tree, child, depth + 1, counts, into, seen));
    }

    private static SectionRow row(Section s, int depth, Map<Long, Long> counts) {
        return new SectionRow(s.getId(), s.getSlug(), s.getName(), depth, s.getSortOrder(),
                counts.getOrDefault(s.getId(), 0L), sectionUrl(s.getSlug()));
    }

    private static String sectionUrl(String slug) {
        return "/sections/" + slug;
    }
}
