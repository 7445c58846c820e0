package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.article.Catalogue.AuthorChange;
import org.broadsheet.article.Catalogue.AuthorDetails;
import org.broadsheet.article.Catalogue.AuthorRow;
import org.broadsheet.article.Catalogue.FrontPageDesk;
import org.broadsheet.article.Catalogue.Pin;
import org.broadsheet.article.Catalogue.PinChoice;
import org.broadsheet.article.Catalogue.SectionChange;
import org.broadsheet.article.Catalogue.SectionDetails;
import org.broadsheet.article.Catalogue.SectionRow;
import org.broadsheet.article.Catalogue.TagUse;
import org.broadsheet.article.Views.FrontPage;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.AfterCommit;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The articles module's API for the editors' catalogue: author profiles, sections, tags and the stories pinned
 * to the front page. Addresses (slugs) are unique, also when two editors race (the database's unique constraints
 * decide); authors and sections are saved only over the version the editor opened.
 */
@Service
@Transactional(readOnly = true)
public class CatalogueService {

    /** The longest slug the author, section and tag tables hold. */
    public static final int SLUG_MAX = 80;
    /** How many top stories editors can pin. */
    public static final int TOP_STORIES = 4;
    /** How many stories the front-page desk offers to choose from. */
    static final int CHOICES = 100;

    private final AuthorRepository authors;
    private final SectionRepository sections;
    private final TagRepository tags;
    private final ArticleRepository articles;
    private final FrontPagePinRepository pins;
    private final CatalogueRepository catalogue;
    private final ArticleService reading;
    private final Datelines datelines;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CatalogueService(AuthorRepository authors, SectionRepository sections, TagRepository tags,
            ArticleRepository articles, FrontPagePinRepository pins, CatalogueRepository catalogue,
            ArticleService reading, Datelines datelines, Clock clock, ApplicationEventPublisher events) {
        this.authors = authors;
        this.sections = sections;
        this.tags = tags;
        this.articles = articles;
        this.pins = pins;
        this.catalogue = catalogue;
        this.reading = reading;
        this.datelines = datelines;
        this.clock = clock;
        this.events = events;
    }

    // ---------------------------------------------------------------- authors

    /** Every author, by name, with the number of articles (drafts too) that carry their byline. */
    public List<AuthorRow> authors() {
        Map<Long, Long> counts = counts(catalogue.countByAuthor());
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
        String slug = slugFor(change.slug(), change.name());
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
        author.edit(slug, name, blankToNull(change.roleTitle()), blankToNull(change.bio()),
                blankToNull(change.photoUrl()), change.accountId());
        Author saved;
        try {
            saved = authors.saveAndFlush(author);
        } catch (DataIntegrityViolationException e) {
            // Another author took the address (or the account was deleted) after the checks above.
            if (violated(e, "uk_author_slug")) {
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

    // ---------------------------------------------------------------- sections

    /** Every section in front-page order, each followed by its subsections, with the articles filed under it. */
    public List<SectionRow> sections() {
        return rows(sections.findAll(), counts(catalogue.countBySection()), null);
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
        String slug = slugFor(change.slug(), change.name());
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
        section.edit(slug, name, blankToNull(change.description()), parentId, change.sortOrder());
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

    // ---------------------------------------------------------------- tags

    /** Every tag, by name, with the number of articles (drafts too) that carry it. */
    public List<TagUse> tags() {
        Map<Long, Long> counts = counts(catalogue.countByTag());
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
        String newSlug = slugFor(slug, name);
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

    // ---------------------------------------------------------------- front page

    /**
     * The front-page desk: the pins, what readers see now, and the stories to choose from: the latest
     * {@value #CHOICES}, or those whose headline contains {@code search} (or whose id it is).
     */
    public FrontPageDesk frontPageDesk(String search) {
        Instant now = clock.instant();
        // The count before the pins: should another editor's change fall between the two, the page shows newer
        // pins than its count, and saving is refused rather than made over pins the editor did not see.
        long version = pins.version();
        List<FrontPagePin> current = pins.findAllInOrder();
        List<Long> choiceIds = new ArrayList<>(search == null || search.isBlank()
                ? catalogue.findLatestVisibleIds(now, PageRequest.of(0, CHOICES))
                : catalogue.searchVisibleIds(likePattern(search), idIn(search), now, PageRequest.of(0, CHOICES)));
        current.stream().map(FrontPagePin::getArticleId).filter(id -> !choiceIds.contains(id))
                .forEach(choiceIds::add);
        Map<Long, Article> found = articles.findAllById(choiceIds).stream()
                .collect(Collectors.toMap(Article::getId, Function.identity()));
        Pin lead = null;
        List<Pin> top = new ArrayList<>();
        Set<Long> pinnedIds = new HashSet<>();
        for (FrontPagePin pin : current) {
            Article article = found.get(pin.getArticleId());
            if (article == null) {
                continue;
            }
            boolean visible = visible(article, now);
            Pin view = new Pin(article.getId(), article.getHeadline(), visible);
            if (visible) {
                pinnedIds.add(article.getId());
            }
            if (pin.getSlot() == PinSlot.LEAD) {
                lead = view;
            } else {
                top.add(view);
            }
        }
        Map<Long, String> sectionNames = sections.findAll().stream()
                .collect(Collectors.toMap(Section::getId, Section::getName));
        List<PinChoice> choices = choiceIds.stream().map(found::get).filter(Objects::nonNull)
                .map(a -> new PinChoice(a.getId(), a.getHeadline(), sectionNames.get(a.getPrimarySectionId()),
                        a.getPublishedAt() == null ? null : datelines.of(a.getPublishedAt())))
                .toList();
        FrontPage shown = reading.frontPage();
        return new FrontPageDesk(lead, top, shown.lead(), shown.topStories(), pinnedIds, choices, version);
    }

    /**
     * Pins the lead story and the top stories (in order, nulls ignored), replacing the pins there were, if
     * nobody changed them since the editor's desk page showed them; a place without a pin is filled with the
     * latest stories. Stories must be published or scheduled (a scheduled one shows once it is published).
     *
     * @param version the {@link FrontPageDesk#version()} of the desk page the editor chose on (null: unknown)
     * @throws EditRefusedException when a story is chosen twice, is a draft or is gone (field {@code lead} or
     *         {@code top}), or another editor changed the pins at the same moment (no field)
     * @throws StaleEditException when the pins changed since {@code version}
     */
    @Transactional
    public void pinFrontPage(Long version, Long leadId, List<Long> topIds, String editor) {
        List<Long> top = topIds == null ? List.of() : topIds.stream().filter(Objects::nonNull).toList();
        if (top.size() > TOP_STORIES) {
            throw new EditRefusedException("top", "catalogue.front.too-many");
        }
        Set<Long> chosen = new LinkedHashSet<>();
        if (leadId != null) {
            chosen.add(leadId);
        }
        for (Long id : top) {
            if (!chosen.add(id)) {
                throw new EditRefusedException("top", "catalogue.front.twice");
            }
        }
        claimPins(version);
        Map<Long, Article> found = articles.findAllById(chosen).stream()
                .collect(Collectors.toMap(Article::getId, Function.identity()));
        for (Long id : chosen) {
            Article article = found.get(id);
            if (article == null || article.getStatus() == ArticleStatus.DRAFT) {
                throw new EditRefusedException(id.equals(leadId) ? "lead" : "top", "catalogue.front.draft");
            }
        }
        pins.deleteAllPins();
        if (leadId != null) {
            pins.save(new FrontPagePin(PinSlot.LEAD, 0, leadId));
        }
        for (int i = 0; i < top.size(); i++) {
            pins.save(new FrontPagePin(PinSlot.TOP, i, top.get(i)));
        }
        try {
            pins.flush();
        } catch (DataIntegrityViolationException e) {
            // Another editor's pins were stored between the delete and these.
            throw new EditRefusedException(null, "catalogue.front.conflict");
        }
        String detail = "lead: " + (leadId == null ? "latest" : found.get(leadId).getHeadline()) + "; top: "
                + (top.isEmpty() ? "latest" : top.stream().map(id -> found.get(id).getHeadline())
                        .collect(Collectors.joining(" | ")));
        events.publishEvent(new AuditEvent(editor, "front-page.pinned", "front page", detail));
        events.publishEvent(ContentChangedEvent.ofEverything());
    }

    /**
     * Removes every pin, if nobody changed them since the editor's desk page showed them: the front page shows
     * the latest stories again.
     *
     * @param version the {@link FrontPageDesk#version()} of the desk page the editor cleared from (null: unknown)
     * @throws StaleEditException when the pins changed since {@code version}
     */
    @Transactional
    public void clearFrontPage(Long version, String editor) {
        claimPins(version);
        if (pins.deleteAllPins() > 0) {
            events.publishEvent(new AuditEvent(editor, "front-page.cleared", "front page", null));
            events.publishEvent(ContentChangedEvent.ofEverything());
        }
    }

    /**
     * Moves the pins' count on from the one the editor saw, or refuses. The row stays locked until the change
     * commits, so another editor's change waits for it and then finds the count moved on.
     */
    private void claimPins(Long version) {
        if (version == null || pins.advanceVersion(version) == 0) {
            throw new StaleEditException("front page");
        }
    }

    private static boolean visible(Article article, Instant now) {
        return article.getStatus() == ArticleStatus.PUBLISHED && article.getPublishedAt() != null
                && !article.getPublishedAt().isAfter(now);
    }

    private static String likePattern(String search) {
        String text = search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + text + "%";
    }

    private static long idIn(String search) {
        String text = search.strip();
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The slug asked for, or one made from the name when none is; either way as {@link Slugs} writes them and
     * no longer than the tables hold.
     */
    static String slugFor(String requested, String name) {
        String slug = Slugs.of(requested == null || requested.isBlank() ? name : requested, SLUG_MAX);
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

    private static Map<Long, Long> counts(List<IdCount> rows) {
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put(row.id(), row.count()));
        return counts;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String authorUrl(String slug) {
        return "/authors/" + slug;
    }

    private static String sectionUrl(String slug) {
        return "/sections/" + slug;
    }
}
