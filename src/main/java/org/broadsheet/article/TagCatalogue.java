package org.broadsheet.article;

import java.util.List;
import java.util.Map;

import org.broadsheet.article.Catalogue.TagUse;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' tags: each with the number of articles carrying it, creating and renaming one (its page moves
 * to the new address), and deleting one no article carries. The database's constraints decide when two editors
 * race: a unique address, and no deleting a tag an article was given a moment ago.
 */
@Service
@Transactional(readOnly = true)
public class TagCatalogue {

    private final TagRepository tags;
    private final CatalogueRepository catalogue;
    private final ApplicationEventPublisher events;

    TagCatalogue(TagRepository tags, CatalogueRepository catalogue, ApplicationEventPublisher events) {
        this.tags = tags;
        this.catalogue = catalogue;
        this.events = events;
    }

    /** Every tag, by name, with the number of articles (drafts too) that carry it. */
    public List<TagUse> tags() {
        Map<Long, Long> counts = CatalogueSupport.counts(catalogue.countByTag());
        return tags.findAll(Sort.by("name", "id")).stream()
                .map(t -> tagUse(t, counts.getOrDefault(t.getId(), 0L))).toList();
    }

    /** @throws NotFoundException when there is no such tag */
    public TagUse tag(long id) {
        return tagUse(findTag(id), catalogue.countWithTag(id));
    }

    /**
     * Creates the tag when {@code id} is null, else renames it (its page moves to the new slug).
     *
     * @return the tag's id
     * @throws EditRefusedException when the address is taken (field {@code slug})
     */
    @Transactional
    public long saveTag(Long id, String name, String slug, String editor) {
        String newSlug = CatalogueSupport.slugFor(slug, name);
        Tag tag = id == null ? null : findTag(id);
        tags.findBySlug(newSlug).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw new EditRefusedException("slug", "catalogue.tag.slug.taken");
        });
        String oldName = tag == null ? null : tag.getName();
        if (tag == null) {
            tag = new Tag(newSlug, name.strip());
        }
        tag.rename(newSlug, name.strip());
        Tag saved;
        try {
            saved = tags.saveAndFlush(tag);
        } catch (DataIntegrityViolationException e) {
            throw new EditRefusedException("slug", "catalogue.tag.slug.taken");
        }
        events.publishEvent(new AuditEvent(editor, id == null ? "tag.created" : "tag.renamed", saved.getName(),
                oldName == null ? newSlug : "was " + oldName));
        events.publishEvent(ContentChangedEvent.ofEverything());
        return saved.getId();
    }

    /**
     * Deletes a tag no article carries.
     *
     * @return the deleted tag's name
     * @throws EditRefusedException when an article carries it, even one tagged a moment ago
     */
    @Transactional
    public String deleteTag(long id, String editor) {
        Tag tag = findTag(id);
        if (catalogue.countWithTag(id) > 0) {
            throw new EditRefusedException(null, "catalogue.tag.in-use");
        }
        try {
            tags.delete(tag);
            tags.flush();
        } catch (DataIntegrityViolationException e) {
            // An article was tagged with it after the count above: the foreign key keeps the tag.
            throw new EditRefusedException(null, "catalogue.tag.in-use");
        }
        events.publishEvent(new AuditEvent(editor, "tag.deleted", tag.getName(), tag.getSlug()));
        events.publishEvent(ContentChangedEvent.ofEverything());
        return tag.getName();
    }

    private Tag findTag(long id) {
        return tags.findById(id).orElseThrow(() -> new NotFoundException("tag " + id));
    }

    private static TagUse tagUse(Tag t, long count) {
        return new TagUse(t.getId(), t.getSlug(), t.getName(), count, "/tags/" + t.getSlug());
    }
}
