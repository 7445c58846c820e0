package org.broadsheet.article;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.broadsheet.article.Views.SectionLink;

/**
 * The whole section hierarchy (News > World > Europe), small enough to hold in memory and read without SQL.
 * A tree kept between requests knows how to read the sections again: another instance of the site may have added a
 * section a moment ago, before its message reached this one, and an article filed under it must not break the
 * pages that list it.
 */
final class SectionTree {

    private final Map<Long, Section> byId = new HashMap<>();
    private final Map<String, Section> bySlug = new HashMap<>();
    private final Map<Long, List<Section>> children = new HashMap<>();
    private final List<Section> roots = new ArrayList<>();
    private final Supplier<SectionTree> reader;
    /** The sections read again after a lookup of an unknown id, so that this tree reads them at most once. */
    private volatile SectionTree reread;

    /** A tree for one use, which never reads the sections again. */
    SectionTree(List<Section> sections) {
        this(sections, null);
    }

    /** @param reader reads the sections again (and keeps the new tree), for a section this tree does not know */
    SectionTree(List<Section> sections, Supplier<SectionTree> reader) {
        this.reader = reader;
        Comparator<Section> order = Comparator.comparingInt(Section::getSortOrder).thenComparing(Section::getName);
        for (Section s : sections) {
            byId.put(s.getId(), s);
            bySlug.put(s.getSlug(), s);
        }
        for (Section s : sections) {
            if (s.getParentId() == null || !byId.containsKey(s.getParentId())) {
                roots.add(s);
            } else {
                children.computeIfAbsent(s.getParentId(), k -> new ArrayList<>()).add(s);
            }
        }
        roots.sort(order);
        children.values().forEach(list -> list.sort(order));
    }

    Optional<Section> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /**
     * The section with this id, read again once if this tree does not know it (added on another instance).
     *
     * @throws IllegalStateException when there is no such section even then
     */
    Section byId(long id) {
        return knowing(id).known(id);
    }

    /** This tree if it knows the section, else the sections read again (once for this tree). */
    private SectionTree knowing(long id) {
        if (byId.containsKey(id) || reader == null) {
            return this;
        }
        SectionTree fresh = reread;
        if (fresh == null) {
            fresh = reader.get();
            reread = fresh;
        }
        return fresh;
    }

    private Section known(long id) {
        Section section = byId.get(id);
        if (section == null) {
            throw new IllegalStateException("Unknown section " + id);
        }
        return section;
    }

    List<Section> roots() {
        return Collections.unmodifiableList(roots);
    }

    List<Section> children(long id) {
        return children.getOrDefault(id, List.of());
    }

    /** The section and every section below it. */
    Set<Long> subtree(long id) {
        Set<Long> ids = new LinkedHashSet<>();
        collect(id, ids);
        return ids;
    }

    private void collect(long id, Set<Long> into) {
        if (into.add(id)) {
            children(id).forEach(child -> collect(child.getId(), into));
        }
    }

    /** From the top-level section down to this one. */
    List<SectionLink> breadcrumb(long id) {
        SectionTree tree = knowing(id);
        List<SectionLink> path = new ArrayList<>();
        Section current = tree.known(id);
        int guard = 0;
        while (current != null && guard++ < 16) {
            path.add(0, link(current));
            current = current.getParentId() == null ? null : tree.byId.get(current.getParentId());
        }
        return path;
    }

    /** The top-level section an article of this section belongs to. */
    long rootOf(long id) {
        return breadcrumb(id).get(0).id();
    }

    static SectionLink link(Section s) {
        return new SectionLink(s.getId(), s.getSlug(), s.getName(), "/sections/" + s.getSlug());
    }
}
