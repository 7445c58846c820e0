package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.broadsheet.article.EditingViews.EditableArticle;
import org.broadsheet.article.EditingViews.FormChoices;
import org.broadsheet.article.EditingViews.Saved;
import org.broadsheet.article.EditingViews.SectionOption;
import org.broadsheet.article.Views.AuthorLink;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The article form for the editorial desk: what it offers, an article as it shows it, and saving it with
 * optimistic locking, a revision per save, and publishing, scheduling or unpublishing as the editor chose.
 */
@Service
@Transactional(readOnly = true)
public class ArticleDrafts {

    private final ArticleRepository articles;
    private final AuthorRepository authors;
    private final SlugHistoryRepository slugHistory;
    private final ArticleMedia media;
    private final SectionTrees reading;
    private final EditableArticles editable;
    private final DraftWriter writer;
    private final ArticlePublishing publishing;
    private final RevisionSnapshots snapshots;
    private final Clock clock;

    ArticleDrafts(ArticleRepository articles, AuthorRepository authors, SlugHistoryRepository slugHistory,
            ArticleMedia media, SectionTrees reading, EditableArticles editable, DraftWriter writer,
            ArticlePublishing publishing, RevisionSnapshots snapshots, Clock clock) {
        this.articles = articles;
        this.authors = authors;
        this.slugHistory = slugHistory;
        this.media = media;
        this.reading = reading;
        this.editable = editable;
        this.writer = writer;
        this.publishing = publishing;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** The sections, authors and types the form offers. */
    public FormChoices choices() {
        List<SectionOption> sections = sectionOptions(reading.tree());
        List<AuthorLink> bylines = authors.findAll(Sort.by("name")).stream()
                .map(ArticleCards::authorLink)
                .toList();
        return new FormChoices(sections, bylines, List.of(ArticleType.values()));
    }

    /** The top-level sections with the sections below them, as the form's section tree. */
    static List<SectionOption> sectionOptions(SectionTree tree) {
        return tree.roots().stream().map(root -> option(tree, root, List.of())).toList();
    }

    private static SectionOption option(SectionTree tree, Section section, List<String> parents) {
        List<String> path = new ArrayList<>(parents);
        path.add(section.getName());
        // At most eight levels deep: a guard, should the stored parents ever form a loop.
        List<SectionOption> children = parents.size() < 8
                ? tree.children(section.getId()).stream().map(child -> option(tree, child, path)).toList()
                : List.of();
        return new SectionOption(section.getSlug(), section.getName(), parents, children);
    }

    /** An empty form: a draft, comments open, to be published now when the editor chooses to. */
    public ArticleDraft blank() {
        return new ArticleDraft("", "", "", ArticleType.NEWS, null, List.of(), List.of(), List.of(), "", null, null,
                null, null, true, Publication.DRAFT, null, null);
    }

    /** The saved article as its form shows it. */
    public EditableArticle load(long id) {
        return editable.editable(editable.find(id));
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
        Article.Listing listedBefore = Article.Listing.UNLISTED;
        if (id == null) {
            article = new Article(DraftWriter.slugFor(draft, now), now);
            before = null;
        } else {
            article = editable.find(id);
            if (draft.version() == null || draft.version() != article.getVersion()) {
                throw new EditConflictException(editable.editable(article));
            }
            before = article.getStatus();
            listedBefore = article.listing();
        }
        writer.apply(article, draft);
        String slug = DraftWriter.slugFor(draft, now);
        articles.findBySlug(slug).filter(other -> !other.getId().equals(article.getId())).ifPresent(other -> {
            throw new EditRefusedException("slug", "editor.slug.taken");
        });
        boolean renamed = !slug.equals(article.getSlug());
        String oldSlug = article.getSlug();
        boolean wasPublic = before == ArticleStatus.PUBLISHED;
        article.renameTo(slug);
        publishing.publication(article, draft, now);
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
        snapshots.keep(saved, draft, editor, now, null);
        publishing.announce(saved, before, listedBefore, editor);
        return new Saved(saved.getId(), ArticleService.deskStatus(saved, now));
    }
}
