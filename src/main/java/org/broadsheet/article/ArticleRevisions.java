package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.broadsheet.article.EditingViews.DiffRow;
import org.broadsheet.article.EditingViews.RevisionDiff;
import org.broadsheet.article.EditingViews.RevisionRow;
import org.broadsheet.article.EditingViews.Saved;
import org.broadsheet.article.Views.Lead;
import org.broadsheet.shared.Datelines;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An article's revisions for the editorial desk: who saved each and when, a side-by-side comparison of any two,
 * and restoring one's content as a new revision, over the version the editor opened.
 */
@Service
@Transactional(readOnly = true)
public class ArticleRevisions {

    private final ArticleRepository articles;
    private final ArticleRevisionRepository revisions;
    private final ArticleMedia media;
    private final EditableArticles editable;
    private final DraftWriter writer;
    private final RevisionSnapshots snapshots;
    private final Datelines datelines;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ArticleRevisions(ArticleRepository articles, ArticleRevisionRepository revisions, ArticleMedia media,
            EditableArticles editable, DraftWriter writer, RevisionSnapshots snapshots, Datelines datelines,
            Clock clock, ApplicationEventPublisher events) {
        this.articles = articles;
        this.revisions = revisions;
        this.media = media;
        this.editable = editable;
        this.writer = writer;
        this.snapshots = snapshots;
        this.datelines = datelines;
        this.clock = clock;
        this.events = events;
    }

    /** The article's revisions, newest first. */
    public List<RevisionRow> revisions(long id) {
        editable.find(id);
        return revisions.list(id).stream().map(r -> new RevisionRow(r.number(), datelines.of(r.createdAt()),
                r.createdBy(), r.note(), r.headline())).toList();
    }

    /**
     * A side-by-side comparison of two revisions of the article, field by field and line by line; without
     * numbers, the newest revision with the one before it.
     */
    public RevisionDiff diff(long id, Integer fromNumber, Integer toNumber) {
        Article article = editable.find(id);
        int to = toNumber != null ? toNumber : Math.max(1, revisions.lastNumber(id));
        int from = fromNumber != null ? fromNumber : Math.max(1, to - 1);
        ArticleRevision left = snapshots.revision(id, from);
        ArticleRevision right = snapshots.revision(id, to);
        List<DiffRow> rows = LineDiff.of(lines(RevisionSnapshots.stored(left).draft()),
                lines(RevisionSnapshots.stored(right).draft()));
        return new RevisionDiff(id, article.getHeadline(), row(left), row(right), rows, revisions(id));
    }

    /**
     * Writes an earlier revision's content back as a new revision. The address and the publication state stay as
     * they are; the editor must have the current version, as when saving the form.
     *
     * @throws EditConflictException when the article changed since {@code version}
     * @throws EditRefusedException when a section or author of that revision has since been deleted
     */
    @Transactional
    public Saved restore(long id, int number, long version, String editor) {
        Article article = editable.find(id);
        if (article.getVersion() != version) {
            throw new EditConflictException(editable.editable(article));
        }
        Article.Listing listedBefore = article.listing();
        ArticleDraft old = snapshots.currentNames(RevisionSnapshots.stored(snapshots.revision(id, number)));
        ArticleDraft current = editable.draftOf(article);
        ArticleDraft restored = new ArticleDraft(old.headline(), old.standfirst(), current.slug(), old.type(),
                old.primarySection(), old.furtherSections(), old.authors(), old.tags(), old.bodyMarkdown(), old.lead(),
                old.seoTitle(), old.seoDescription(), old.seoImage(), old.commentsOpen(), current.publication(),
                current.publishAt(), version);
        try {
            writer.apply(article, restored);
        } catch (EditRefusedException e) {
            // A section or author of that revision has since been deleted.
            throw new EditRefusedException("revision", "editor.restore.gone");
        }
        Instant now = clock.instant();
        article.savedBy(editor, now, article.getStatus() == ArticleStatus.PUBLISHED);
        Article saved = articles.saveAndFlush(article);
        media.record(saved);
        snapshots.keep(saved, restored, editor, now, "restored:" + number);
        events.publishEvent(listedBefore.changeTo(id, saved.listing()));
        return new Saved(id, ArticleService.deskStatus(saved, now));
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

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
