package org.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.broadsheet.article.Views.SectionLink;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The section tree, kept between pages: every page that names a section (its address, breadcrumb or a card's
 * kicker) reads it from here, and the sections are read again when they change here or once the kept tree is
 * {@link #SECTION_TREE_LIFETIME} old.
 */
@Component
public class SectionTrees {

    /**
     * How long the section tree is kept before the sections are read again. Instances of the site do not tell
     * each other about changes, so a section saved on another one reaches this one's pages (and its new address
     * their links) within this time; an article in a section the tree does not know yet reads them at once.
     */
    static final Duration SECTION_TREE_LIFETIME = Duration.ofSeconds(10);

    private final SectionRepository sections;
    private final Clock clock;
    private volatile SectionTree sectionTree;
    /** Counts changes to the sections, so that a tree read while one happened is not kept. */
    private final AtomicLong sectionChanges = new AtomicLong();

    SectionTrees(SectionRepository sections, Clock clock) {
        this.sections = sections;
        this.clock = clock;
    }

    /** The top-level sections, in front-page order, for the site's navigation. */
    @Transactional(readOnly = true)
    public List<SectionLink> navigation() {
        return tree().roots().stream().map(SectionTree::link).toList();
    }

    /** Drops the kept tree, so that the next page reads the sections again (after they changed here). */
    void forgetSections() {
        sectionChanges.incrementAndGet();
        sectionTree = null;
    }

    /** The sections, read again once they are {@link #SECTION_TREE_LIFETIME} old by the site's clock. */
    SectionTree tree() {
        SectionTree tree = sectionTree;
        if (tree == null || tree.olderThan(SECTION_TREE_LIFETIME, clock.instant())) {
            tree = readSections();
        }
        return tree;
    }

    /** Reads the sections and keeps them for the pages that follow. */
    private SectionTree readSections() {
        long changes = sectionChanges.get();
        SectionTree tree = readSectionsUnkept();
        // A tree read while the sections changed is used by this page but not kept for the next ones.
        if (sectionChanges.get() == changes) {
            sectionTree = tree;
        }
        return tree;
    }

    /** The sections as they are now, for this caller only. */
    SectionTree readSectionsUnkept() {
        // The time before the query, so that a tree is never taken for newer than what it was read from.
        Instant readAt = clock.instant();
        return new SectionTree(sections.findAll(), readAt, this::readSections);
    }
}
