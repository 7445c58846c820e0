package org.broadsheet.article;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.article.Catalogue.SectionChange;
import org.broadsheet.shared.AfterCommit;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing a section: its address, its parent and its place on the front page. The sections are
 * locked while one is saved, so that the checks (no loop, a free address) hold for what is saved; a section is
 * saved only over the version the editor opened. Reading them for the desk is {@link SectionCatalogue}'s.
 */
@Service
public class SectionEditing {

    private final SectionRepository sections;
    private final CatalogueRepository catalogue;
    private final SectionTrees reading;
    private final ApplicationEventPublisher events;

    SectionEditing(SectionRepository sections, CatalogueRepository catalogue, SectionTrees reading,
            ApplicationEventPublisher events) {
        this.sections = sections;
        this.catalogue = catalogue;
        this.reading = reading;
        this.events = events;
    }

    /**
     * Creates the section when {@code id} is null, else changes it if nobody saved it since the editor opened it.
     * A section cannot move under itself or a section below it, and its slug cannot change while published or
     * scheduled articles carry it in their addresses.
     *
     * @return the section's id
     * @throws EditRefusedException for a taken or locked slug ({@code slug}) or an unknown or looping parent
     *         ({@code parent})
     * @throws StaleEditException when the section changed since {@code change.version()}
     */
    @Transactional
    public long saveSection(Long id, SectionChange change, String editor) {
        // Locked first and read once, so that what is checked below is what is saved over.
        Map<Long, Section> byId = catalogue.lockAllSections().stream()
                .collect(Collectors.toMap(Section::getId, Function.identity()));
        String slug = CatalogueSupport.slugFor(change.slug(), change.name());
        Long parentId = parentId(byId, change.parentSlug());
        Section section = null;
        if (id != null) {
            section = byId.get(id);
            if (section == null) {
                throw new NotFoundException("section " + id);
            }
            if (!Objects.equals(change.version(), section.getVersion())) {
                throw new StaleEditException("section " + id);
            }
            if (!slug.equals(section.getSlug()) && catalogue.countPublicInSection(id) > 0) {
                throw new EditRefusedException("slug", "catalogue.section.slug.locked");
            }
            if (parentId != null && isWithin(byId, parentId, id)) {
                throw new EditRefusedException("parent", "catalogue.section.parent.loop");
            }
        }
        for (Section other : byId.values()) {
            if (other.getSlug().equals(slug) && !other.getId().equals(id)) {
                throw new EditRefusedException("slug", "catalogue.section.slug.taken");
            }
        }
        String name = change.name().strip();
        if (section == null) {
            section = new Section(slug, name, null, null, 0);
        }
        section.edit(slug, name, CatalogueSupport.blankToNull(change.description()), parentId, change.sortOrder());
        Section saved;
        try {
            saved = sections.saveAndFlush(section);
        } catch (DataIntegrityViolationException e) {
            // A section created meanwhile took the address: the lock above covers only the sections there were.
            throw new EditRefusedException("slug", "catalogue.section.slug.taken");
        } catch (OptimisticLockingFailureException e) {
            throw new StaleEditException("section " + id);
        }
        // The reader's pages keep the section tree in memory: it is read again once this change is committed.
        AfterCommit.run(reading::forgetSections);
        events.publishEvent(new AuditEvent(editor, id == null ? "section.created" : "section.changed", name, slug));
        events.publishEvent(ContentChangedEvent.ofEverything());
        return saved.getId();
    }

    private static Long parentId(Map<Long, Section> byId, String parentSlug) {
        if (parentSlug == null || parentSlug.isBlank()) {
            return null;
        }
        return byId.values().stream().filter(s -> s.getSlug().equals(parentSlug)).findFirst()
                .map(Section::getId)
                .orElseThrow(() -> new EditRefusedException("parent", "catalogue.section.parent.unknown"));
    }

    /** Whether {@code candidate} is {@code section} or lies below it, walking up from the candidate. */
    private static boolean isWithin(Map<Long, Section> byId, long candidate, long section) {
        Set<Long> seen = new HashSet<>();
        Long current = candidate;
        while (current != null && seen.add(current)) {
            if (current == section) {
                return true;
            }
            Section s = byId.get(current);
            current = s == null ? null : s.getParentId();
        }
        return false;
    }
}
