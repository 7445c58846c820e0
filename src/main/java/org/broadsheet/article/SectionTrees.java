package org.broadsheet.article;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.shared.OtherInstances;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The section tree, kept between pages: every page that names a section (its address, breadcrumb or a card's
 * kicker) reads it from here, and the sections are read again when they change, on this instance or on another
 * one (which tells this one through {@link OtherInstances}, and whose messages, when some may have been missed,
 * make this one read them again too).
 */
@Component
public class SectionTrees {

    static final String TOPIC = "sections-changed";

    private final SectionRepository sections;
    private final OtherInstances others;
    private volatile SectionTree sectionTree;
    /** Counts changes to the sections, so that a tree read while one happened is not kept. */
    private final AtomicLong sectionChanges = new AtomicLong();

    SectionTrees(SectionRepository sections, OtherInstances others) {
        this.sections = sections;
        this.others = others;
        others.listen(TOPIC, OtherInstances.Listener.of(message -> forgetHere(), this::forgetHere));
    }

    /** The top-level sections, in front-page order, for the site's navigation. */
    @Transactional(readOnly = true)
    public List<SectionLink> navigation() {
        return tree().roots().stream().map(SectionTree::link).toList();
    }

    /**
     * Drops the kept tree here and on the other instances, so that their next pages read the sections again; call
     * it once the change is committed.
     */
    void forgetSections() {
        forgetHere();
        others.tell(TOPIC, "");
    }

    private void forgetHere() {
        sectionChanges.incrementAndGet();
        sectionTree = null;
    }

    /** The sections, as kept since they last changed. */
    SectionTree tree() {
        SectionTree tree = sectionTree;
        if (tree == null) {
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
        return new SectionTree(sections.findAll(), this::readSections);
    }
}
