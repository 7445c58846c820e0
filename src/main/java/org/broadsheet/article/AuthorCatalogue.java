package org.broadsheet.article;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.broadsheet.article.Catalogue.AuthorChange;
import org.broadsheet.article.Catalogue.AuthorDetails;
import org.broadsheet.article.Catalogue.AuthorRow;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' author profiles: the list with each author's article count, and creating and changing a
 * profile. An address is unique also when two editors race (the database's unique constraint decides), and a
 * profile is saved only over the version the editor opened.
 */
@Service
@Transactional(readOnly = true)
public class AuthorCatalogue {

    private final AuthorRepository authors;
    private final CatalogueRepository catalogue;
    private final ApplicationEventPublisher events;

    AuthorCatalogue(AuthorRepository authors, CatalogueRepository catalogue, ApplicationEventPublisher events) {
        this.authors = authors;
        this.catalogue = catalogue;
        this.events = events;
    }

    /** Every author, by name, with the number of articles (drafts too) that carry their byline. */
    public List<AuthorRow> authors() {
        Map<Long, Long> counts = CatalogueSupport.counts(catalogue.countByAuthor());
        return authors.findAll(Sort.by("name", "id")).stream()
                .map(a -> new AuthorRow(a.getId(), a.getSlug(), a.getName(), a.getRoleTitle(), a.getAccountId(),
                        counts.getOrDefault(a.getId(), 0L), authorUrl(a.getSlug())))
                .toList();
    }

    /** @throws NotFoundException when there is no such author */
    public AuthorDetails author(long id) {
        Author a = findAuthor(id);
        return new AuthorDetails(a.getId(), a.getSlug(), a.getName(), a.getRoleTitle(), a.getBio(), a.getPhotoUrl(),
                a.getAccountId(), a.getVersion(), authorUrl(a.getSlug()));
    }

    /**
     * Creates the author when {@code id} is null, else changes the profile if nobody saved it since the editor
     * opened it. The author's page and bylines show the change at once.
     *
     * @return the author's id
     * @throws EditRefusedException when the address is taken (field {@code slug}) or the account is gone
     * @throws StaleEditException when the author changed since {@code change.version()}
     */
    @Transactional
    public long saveAuthor(Long id, AuthorChange change, String editor) {
        String slug = CatalogueSupport.slugFor(change.slug(), change.name());
        Author author = id == null ? null : findAuthor(id);
        if (author != null && !Objects.equals(change.version(), author.getVersion())) {
            throw new StaleEditException("author " + id);
        }
        authors.findBySlug(slug).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw new EditRefusedException("slug", "catalogue.author.slug.taken");
        });
        String name = change.name().strip();
        if (author == null) {
            author = new Author(slug, name, null, null, null);
        }
        author.edit(slug, name, CatalogueSupport.blankToNull(change.roleTitle()),
                CatalogueSupport.blankToNull(change.bio()), CatalogueSupport.blankToNull(change.photoUrl()),
                change.accountId());
        Author saved;
        try {
            saved = authors.saveAndFlush(author);
        } catch (DataIntegrityViolationException e) {
            // Another author took the address (or the account was deleted) after the checks above.
            if (CatalogueSupport.violated(e, "uk_author_slug")) {
                throw new EditRefusedException("slug", "catalogue.author.slug.taken");
            }
            throw new EditRefusedException("account", "catalogue.author.account.unknown");
        } catch (OptimisticLockingFailureException e) {
            throw new StaleEditException("author " + id);
        }
        events.publishEvent(new AuditEvent(editor, id == null ? "author.created" : "author.changed", name, slug));
        events.publishEvent(ContentChangedEvent.ofEverything());
        return saved.getId();
    }

    private Author findAuthor(long id) {
        return authors.findById(id).orElseThrow(() -> new NotFoundException("author " + id));
    }

    private static String authorUrl(String slug) {
        return "/authors/" + slug;
    }
}
