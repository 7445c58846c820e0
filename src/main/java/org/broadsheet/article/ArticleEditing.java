package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.article.EditingViews.DiffRow;
import org.broadsheet.article.EditingViews.EditableArticle;
import org.broadsheet.article.EditingViews.FormChoices;
import org.broadsheet.article.EditingViews.RevisionDiff;
import org.broadsheet.article.EditingViews.RevisionRow;
import org.broadsheet.article.EditingViews.Saved;
import org.broadsheet.article.EditingViews.SectionOption;
import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.Lead;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.SiteProperties;
import org.broadsheet.shared.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import tools.jackson.databind.json.JsonMapper;

/**
 * The articles module's API for the editorial desk: the article form's reading and saving (with optimistic
 * locking and a revision per save), publishing, scheduling and unpublishing, previews, revisions and their diffs.
 */
@Service
@Transactional(readOnly = true)
public class ArticleEditing {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The lengths of the tag table's columns. */
    private static final int TAG_NAME_MAX = 120;
    private static final int TAG_SLUG_MAX = 80;
    /** The lengths of the article table's rendered body columns. */
    private static final int BODY_HTML_MAX = 400_000;
    private static final int BODY_TEXT_MAX = 200_000;

    private final ArticleRepository articles;
    private final ArticleMedia media;
    private final ArticleRevisionRepository revisions;
    private final AuthorRepository authors;
    private final TagRepository tags;
    private final SlugHistoryRepository slugHistory;
    private final ArticleService reading;
    private final MarkdownRenderer markdown;
    private final Datelines datelines;
    private final SiteProperties site;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ArticleEditing(ArticleRepository articles, ArticleRevisionRepository revisions, AuthorRepository authors,
            TagRepository tags, SlugHistoryRepository slugHistory, ArticleService reading, MarkdownRenderer markdown,
            Datelines datelines, SiteProperties site, Clock clock, ApplicationEventPublisher events,
            ArticleMedia media) {
        this.media = media;
        this.articles = articles;
        this.revisions = revisions;
        this.authors = authors;
        this.tags = tags;
        this.slugHistory = slugHistory;
        this.reading = reading;
        this.markdown = markdown;
        this.datelines = datelines;
        this.site = site;
        this.clock = clock;
        this.events = events;
    }

    // ---------------------------------------------------------------- the form

    /** The sections, authors and types the form offers. */
    public FormChoices choices() {
        SectionTree tree = reading.tree();
        List<SectionOption> sections = new ArrayList<>();
        for (Section root : tree.roots()) {
            addSection(tree, root, 0, sections);
        }
        List<AuthorLink> bylines = authors.findAll(Sort.by("name")).stream()
                .map(ArticleService::authorLink)
                .toList();
        return new FormChoices(sections, bylines, List.of(ArticleType.values()));
    }

    private static void addSection(SectionTree tree, Section section, int depth, List<SectionOption> into) {
        into.add(new SectionOption(section.getSlug(), section.getName(), depth));
        if (depth < 8) {
            tree.children(section.getId()).forEach(child -> addSection(tree, child, depth + 1, into));
        }
    }

    /** An empty form: a draft, comments open, to be published now when the editor chooses to. */
    public ArticleDraft blank() {
        return new ArticleDraft("", "", "", ArticleType.NEWS, null, List.of(), List.of(), List.of(), "", null, null,
                null, null, true, Publication.DRAFT, null, null);
    }

    /** The saved article as its form shows it. */
    public EditableArticle load(long id) {
        return editable(find(id));
    }

    /** The saved article, drafts too, exactly as readers would see it. */
    public ArticlePage preview(long id) {
        return reading.page(find(id), clock.instant());
    }

    /**
     * The form's content as readers would see it if it were saved now, without saving anything: the article is
     * written and read back in a transaction that is then rolled back (so related articles, bylines and tags are
     * exactly as on the site). Nothing is announced and no revision is kept.
     */
    @Transactional
    public ArticlePage preview(Long id, ArticleDraft draft) {
        Instant now = clock.instant();
        Article article = id == null ? new Article("preview-" + Long.toString(now.toEpochMilli(), 36), now) : find(id);
        apply(article, draft);
        String slug = slugFor(draft, now);
        if (articles.findBySlug(slug).filter(other -> !other.getId().equals(article.getId())).isEmpty()) {
            article.renameTo(slug);
        }
        publication(article, draft, now);
        Article written = articles.saveAndFlush(article);
        ArticlePage page = reading.page(written, now);
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return page;
    }

    /**
     * Saves the form: creates the article when {@code id} is null, else updates it if nobody saved it since the
     * editor opened it. Keeps a revision, and records publishing, scheduling and unpublishing in the audit log.
     *
     * @throws EditConflictException when the article changed since {@code draft.version()}
     * @throws EditRefusedException when the address is taken or a section or author is unknown
     */
    @Transactional
    public Saved save(Long id, ArticleDraft draft, String editor) {
        Instant now = clock.instant();
        Article article;
        ArticleStatus before;
        Article.Listing listedBefore = null;
        if (id == null) {
            article = new Article(slugFor(draft, now), now);
            before = null;
        } else {
            article = find(id);
            if (draft.version() == null || draft.version() != article.getVersion()) {
                throw new EditConflictException(editable(article));
            }
            before = article.getStatus();
            listedBefore = article.listing();
        }
        apply(article, draft);
        String slug = slugFor(draft, now);
        articles.findBySlug(slug).filter(other -> !other.getId().equals(article.getId())).ifPresent(other -> {
            throw new EditRefusedException("slug", "editor.slug.taken");
        });
        boolean renamed = !slug.equals(article.getSlug());
        String oldSlug = article.getSlug();
        boolean wasPublic = before == ArticleStatus.PUBLISHED;
        article.renameTo(slug);
        publication(article, draft, now);
        article.savedBy(editor, now, wasPublic);
        Article saved;
        try {
            saved = articles.saveAndFlush(article);
            if (renamed && wasPublic) {
                // The old address keeps answering with a permanent redirect; the new one must not redirect.
                slugHistory.deleteById(slug);
                slugHistory.save(new SlugHistory(oldSlug, saved.getId()));
            }
            slugHistory.findById(slug).filter(h -> !h.getArticleId().equals(saved.getId())).ifPresent(slugHistory::delete);
            slugHistory.flush();
        } catch (DataIntegrityViolationException e) {
            if (!CatalogueSupport.violated(e, "uk_article_slug")) {
                throw e;
            }
            // Another article took the address between the check above and this save.
            throw new EditRefusedException("slug", "editor.slug.taken");
        }
        media.record(saved);
        keepRevision(saved, draft, editor, now, null);
        announce(saved, before, listedBefore, editor);
        return new Saved(saved.getId(), ArticleService.deskStatus(saved, now));
    }

    /** Deletes the article, its comments and its revisions; the audit log keeps a line of it. */
    @Transactional
    public void delete(long id, String editor) {
        Article article = find(id);
        events.publishEvent(new AuditEvent(editor, "article.deleted", article.getHeadline(), null));
        articles.delete(article);
        articles.flush();
        events.publishEvent(ContentChangedEvent.ofArticle(id, true));
    }

    // ---------------------------------------------------------------- revisions

    public List<RevisionRow> revisions(long id) {
        find(id);
        return revisions.list(id).stream().map(r -> new RevisionRow(r.number(), datelines.of(r.createdAt()),
                r.createdBy(), r.note(), r.headline())).toList();
    }

    /**
     * A side-by-side comparison of two revisions of the article, field by field and line by line; without
     * numbers, the newest revision with the one before it.
     */
    public RevisionDiff diff(long id, Integer fromNumber, Integer toNumber) {
        Article article = find(id);
        int to = toNumber != null ? toNumber : Math.max(1, revisions.lastNumber(id));
        int from = fromNumber != null ? fromNumber : Math.max(1, to - 1);
        ArticleRevision left = revision(id, from);
        ArticleRevision right = revision(id, to);
        List<DiffRow> rows = LineDiff.of(lines(snapshot(left)), lines(snapshot(right)));
        return new RevisionDiff(id, article.getHeadline(), row(left), row(right), rows, revisions(id));
    }

    /**
     * Writes an earlier revision's content back as a new revision. The address and the publication state stay as
     * they are; the editor must have the current version, as when saving the form.
     */
    @Transactional
    public Saved restore(long id, int number, long version, String editor) {
        Article article = find(id);
        if (article.getVersion() != version) {
            throw new EditConflictException(editable(article));
        }
        Article.Listing listedBefore = article.listing();
        ArticleDraft old = currentNames(stored(revision(id, number)));
        ArticleDraft current = draftOf(article);
        ArticleDraft restored = new ArticleDraft(old.headline(), old.standfirst(), current.slug(), old.type(),
                old.primarySection(), old.furtherSections(), old.authors(), old.tags(), old.bodyMarkdown(), old.lead(),
                old.seoTitle(), old.seoDescription(), old.seoImage(), old.commentsOpen(), current.publication(),
                current.publishAt(), version);
        try {
            apply(article, restored);
        } catch (EditRefusedException e) {
            // A section or author of that revision has since been deleted.
            throw new EditRefusedException("revision", "editor.restore.gone");
        }
        Instant now = clock.instant();
        article.savedBy(editor, now, article.getStatus() == ArticleStatus.PUBLISHED);
        Article saved = articles.saveAndFlush(article);
        media.record(saved);
        keepRevision(saved, restored, editor, now, "restored:" + number);
        events.publishEvent(ContentChangedEvent.ofArticle(id, !saved.listing().equals(listedBefore)));
        return new Saved(id, ArticleService.deskStatus(saved, now));
    }

    // ---------------------------------------------------------------- scheduling

    /**
     * Publishes every scheduled article whose time has come. Each is switched by one conditional UPDATE, so when
     * several instances run this at once, each article is published, and announced, by exactly one of them.
     *
     * @return how many articles this call published
     */
    @Transactional
    public int publishDue() {
        Instant now = clock.instant();
        int published = 0;
        for (Article due : articles.findDue(now)) {
            if (articles.markPublished(due.getId(), now) == 1) {
                published++;
                events.publishEvent(ContentChangedEvent.ofArticle(due.getId(), true));
                events.publishEvent(new AuditEvent(null, "article.published", due.getHeadline(),
                        "scheduled for " + datelines.of(due.getPublishedAt()).display()));
            }
        }
        return published;
    }

    // ---------------------------------------------------------------- internals

    private Article find(long id) {
        return articles.findById(id).orElseThrow(() -> new NotFoundException("article " + id));
    }

    private void apply(Article article, ArticleDraft draft) {
        SectionTree tree = reading.tree();
        long primary = tree.bySlug(draft.primarySection())
                .orElseThrow(() -> new EditRefusedException("primarySection", "editor.section.unknown")).getId();
        Set<Long> further = new LinkedHashSet<>();
        for (String slug : draft.furtherSections()) {
            further.add(tree.bySlug(slug)
                    .orElseThrow(() -> new EditRefusedException("furtherSections", "editor.section.unknown"))
                    .getId());
        }
        Map<String, Author> found = authors.findBySlugIn(draft.authors()).stream()
                .collect(Collectors.toMap(Author::getSlug, Function.identity()));
        List<Author> byline = new ArrayList<>();
        for (String slug : new LinkedHashSet<>(draft.authors())) {
            Author author = found.get(slug);
            if (author == null) {
                throw new EditRefusedException("authors", "editor.author.unknown");
            }
            byline.add(author);
        }
        RenderedBody body = markdown.render(draft.bodyMarkdown());
        if (body.html().length() > BODY_HTML_MAX || body.text().length() > BODY_TEXT_MAX) {
            // Markup can be many times longer than what was typed (a page of "&" or of table cells).
            throw new EditRefusedException("body", "editor.body.rendered");
        }
        article.write(draft.headline().strip(), draft.standfirst().strip(), draft.type(), body);
        article.placeIn(primary, further);
        article.byline(byline);
        article.tag(draft.tags().stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(this::tagNamed).collect(Collectors.toCollection(LinkedHashSet::new)));
        Lead lead = draft.lead();
        article.lead(lead == null ? null : new LeadMedia(LeadKind.valueOf(lead.kind()), lead.url(), lead.alt(),
                lead.caption(), lead.credit(), lead.posterUrl(), lead.captionsUrl(), lead.width(), lead.height(),
                lead.srcset()));
        article.seo(blankToNull(draft.seoTitle()), blankToNull(draft.seoDescription()),
                blankToNull(draft.seoImage()));
        article.commentsOpen(draft.commentsOpen());
    }

    /**
     * The tag of this name (ignoring case), else the tag at the address made from it, else a new tag. A name with
     * no Latin letter or digit (Москва, 東京) gets an address of its own rather than being dropped.
     */
    private Tag tagNamed(String name) {
        if (name.length() > TAG_NAME_MAX) {
            throw new EditRefusedException("tags", "editor.tags.long");
        }
        String made = Slugs.of(name, TAG_SLUG_MAX);
        String slug = made.isEmpty() ? "tag-" + Integer.toHexString(name.toLowerCase(java.util.Locale.ROOT).hashCode())
                : made;
        return tags.findFirstByNameIgnoreCase(name).or(() -> tags.findBySlug(slug)).orElseGet(() -> {
            try {
                return tags.saveAndFlush(new Tag(slug, name));
            } catch (DataIntegrityViolationException e) {
                if (!CatalogueSupport.violated(e, "uk_tag_slug")) {
                    throw e;
                }
                // Another editor created the same tag a moment ago.
                throw new EditRefusedException("tags", "editor.tags.busy");
            }
        });
    }

    private void publication(Article article, ArticleDraft draft, Instant now) {
        switch (draft.publication()) {
            case DRAFT -> {
                if (article.getStatus() != ArticleStatus.DRAFT) {
                    article.unpublish();
                }
            }
            case NOW -> {
                if (article.getStatus() != ArticleStatus.PUBLISHED) {
                    article.publish(now, now);
                }
            }
            case AT -> {
                if (draft.publishAt() == null) {
                    throw new EditRefusedException("publishDate", "editor.publish.when");
                }
                Instant current = article.getPublishedAt();
                Instant at;
                if (current != null && LocalDateTime.ofInstant(current, site.zone()).truncatedTo(ChronoUnit.MINUTES)
                        .equals(draft.publishAt())) {
                    // The form shows minutes in local time: the same minute keeps the exact time the article has,
                    // even in the hour that repeats when the clocks go back.
                    at = current;
                } else {
                    at = ZonedDateTime.of(draft.publishAt(), site.zone()).toInstant();
                }
                article.publish(at, now);
            }
            default -> throw new IllegalArgumentException("publication " + draft.publication());
        }
    }

    private void announce(Article article, ArticleStatus before, Article.Listing listedBefore, String editor) {
        ArticleStatus after = article.getStatus();
        String action = null;
        if (after != before) {
            action = switch (after) {
                case PUBLISHED -> "article.published";
                case SCHEDULED -> "article.scheduled";
                case DRAFT -> before == null ? null : "article.unpublished";
            };
        }
        if (action != null) {
            String detail = after == ArticleStatus.DRAFT ? null : datelines.of(article.getPublishedAt()).display();
            events.publishEvent(new AuditEvent(editor, action, article.getHeadline(), detail));
        }
        events.publishEvent(ContentChangedEvent.ofArticle(article.getId(), !article.listing().equals(listedBefore)));
    }

    private void keepRevision(Article article, ArticleDraft draft, String editor, Instant now, String note) {
        Snapshot content = new Snapshot(draft.withPublication(null, null, null), article.getPrimarySectionId(),
                List.copyOf(article.getFurtherSectionIds()), article.getAuthors().stream().map(Author::getId).toList());
        int number = revisions.lastNumber(article.getId()) + 1;
        revisions.save(new ArticleRevision(article.getId(), number, now, editor, note, article.getHeadline(),
                JSON.writeValueAsString(content)));
    }

    /**
     * What a revision keeps: the form as saved, and the ids of its sections and authors, so that it can be
     * restored after a section or author changes address.
     */
    record Snapshot(ArticleDraft draft, Long primarySectionId, List<Long> furtherSectionIds, List<Long> authorIds) {
    }

    private static Snapshot stored(ArticleRevision revision) {
        return JSON.readValue(revision.getSnapshot(), Snapshot.class);
    }

    /** The snapshot's form, naming its sections and authors by their addresses of today. */
    private ArticleDraft currentNames(Snapshot s) {
        ArticleDraft d = s.draft();
        SectionTree tree = reading.tree();
        String primary = s.primarySectionId() == null ? d.primarySection()
                : sectionSlug(tree, s.primarySectionId(), d.primarySection());
        List<String> further = s.furtherSectionIds() == null ? d.furtherSections()
                : s.furtherSectionIds().stream().map(id -> sectionSlug(tree, id, null)).filter(x -> x != null)
                        .toList();
        Map<Long, String> authorSlugs = s.authorIds() == null ? Map.of()
                : authors.findAllById(s.authorIds()).stream()
                        .collect(Collectors.toMap(Author::getId, Author::getSlug));
        List<String> byline = s.authorIds() == null ? d.authors()
                : s.authorIds().stream().map(authorSlugs::get).filter(x -> x != null).toList();
        return new ArticleDraft(d.headline(), d.standfirst(), d.slug(), d.type(), primary, further, byline, d.tags(),
                d.bodyMarkdown(), d.lead(), d.seoTitle(), d.seoDescription(), d.seoImage(), d.commentsOpen(),
                d.publication(), d.publishAt(), d.version());
    }

    /** The section's address today, or {@code otherwise} when it is gone. */
    private static String sectionSlug(SectionTree tree, long id, String otherwise) {
        try {
            return tree.byId(id).getSlug();
        } catch (IllegalStateException e) {
            return otherwise;
        }
    }

    private ArticleRevision revision(long id, int number) {
        return revisions.findByArticleIdAndNumber(id, number)
                .orElseThrow(() -> new NotFoundException("revision " + number));
    }

    private static ArticleDraft snapshot(ArticleRevision revision) {
        return stored(revision).draft();
    }

    private RevisionRow row(ArticleRevision r) {
        return new RevisionRow(r.getNumber(), datelines.of(r.getCreatedAt()), r.getCreatedBy(), r.getNote(),
                r.getHeadline());
    }

    /** A revision as lines to compare: one labelled line per field, the body line by line. */
    private static List<String> lines(ArticleDraft d) {
        List<String> lines = new ArrayList<>();
        lines.add("Headline: " + d.headline());
        lines.add("Standfirst: " + d.standfirst());
        lines.add("Type: " + (d.type() == null ? "" : d.type().label()));
        lines.add("Section: " + d.primarySection() + (d.furtherSections().isEmpty() ? ""
                : " (also " + String.join(", ", d.furtherSections()) + ")"));
        lines.add("Byline: " + String.join(", ", d.authors()));
        lines.add("Tags: " + String.join(", ", d.tags()));
        Lead lead = d.lead();
        lines.add("Lead: " + (lead == null ? "none" : lead.kind().toLowerCase() + " " + lead.url()));
        if (lead != null) {
            lines.add("Lead text: " + nullToEmpty(lead.alt()));
            lines.add("Lead caption: " + nullToEmpty(lead.caption()) + " / " + nullToEmpty(lead.credit()));
        }
        lines.add("SEO title: " + nullToEmpty(d.seoTitle()));
        lines.add("SEO description: " + nullToEmpty(d.seoDescription()));
        lines.add("Social image: " + nullToEmpty(d.seoImage()));
        lines.add("Comments: " + (d.commentsOpen() ? "open" : "closed"));
        lines.add("");
        lines.addAll(Arrays.asList(nullToEmpty(d.bodyMarkdown()).replace("\r\n", "\n").split("\n", -1)));
        return lines;
    }

    private EditableArticle editable(Article article) {
        Instant now = clock.instant();
        String status = ArticleService.deskStatus(article, now);
        return new EditableArticle(article.getId(), draftOf(article), status,
                "published".equals(status) ? reading.url(article) : null,
                datelines.of(ArticleService.lastChange(article)),
                article.getUpdatedBy(), article.getPublishedAt() == null ? null : datelines.of(article.getPublishedAt()),
                article.getCommentCount());
    }

    private ArticleDraft draftOf(Article article) {
        SectionTree tree = reading.tree();
        LeadMedia m = article.getLead();
        Lead lead = m == null || m.kind() == null ? null : new Lead(m.kind().name(), m.url(), m.alt(), m.caption(),
                m.credit(), m.posterUrl(), m.captionsUrl(), m.width(), m.height(), m.srcset());
        Publication publication = article.getStatus() == ArticleStatus.DRAFT || article.getPublishedAt() == null
                ? Publication.DRAFT : Publication.AT;
        LocalDateTime at = article.getPublishedAt() == null ? null
                : LocalDateTime.ofInstant(article.getPublishedAt(), site.zone()).truncatedTo(ChronoUnit.MINUTES);
        return new ArticleDraft(article.getHeadline(), article.getStandfirst(), article.getSlug(), article.getType(),
                tree.byId(article.getPrimarySectionId()).getSlug(),
                article.getFurtherSectionIds().stream().map(id -> tree.byId(id).getSlug()).toList(),
                article.getAuthors().stream().map(Author::getSlug).toList(),
                article.getTags().stream().map(Tag::getName).toList(), article.getBodyMarkdown(), lead,
                article.getSeoTitle(), article.getSeoDescription(), article.getSeoImage(), article.isCommentsOpen(),
                publication, at, article.getVersion());
    }

    private static String slugFor(ArticleDraft draft, Instant now) {
        String wanted = draft.slug() == null || draft.slug().isBlank() ? Slugs.of(draft.headline())
                : Slugs.of(draft.slug());
        // A headline with no Latin letters or digits at all still needs an address.
        return wanted.isEmpty() ? "article-" + Long.toString(now.toEpochMilli(), 36) : wanted;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
