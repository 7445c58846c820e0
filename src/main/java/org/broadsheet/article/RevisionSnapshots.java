package org.broadsheet.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.broadsheet.shared.NotFoundException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The revisions' content, kept as JSON with every save and restore and read back for comparing and restoring:
 * the form as saved, and the ids of its sections and authors. It runs in the caller's transaction.
 */
@Component
class RevisionSnapshots {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ArticleRevisionRepository revisions;
    private final AuthorRepository authors;
    private final SectionTrees reading;

    RevisionSnapshots(ArticleRevisionRepository revisions, AuthorRepository authors, SectionTrees reading) {
        this.revisions = revisions;
        this.authors = authors;
        this.reading = reading;
    }

    /**
     * What a revision keeps: the form as saved, and the ids of its sections and authors, so that it can be
     * restored after a section or author changes address.
     */
    record Snapshot(ArticleDraft draft, Long primarySectionId, List<Long> furtherSectionIds, List<Long> authorIds) {
    }

    /** Keeps the saved article's content as its next revision. */
    void keep(Article article, ArticleDraft draft, String editor, Instant now, String note) {
        Snapshot content = new Snapshot(draft.withPublication(null, null, null), article.getPrimarySectionId(),
                List.copyOf(article.getFurtherSectionIds()), article.getAuthors().stream().map(Author::getId).toList());
        int number = revisions.lastNumber(article.getId()) + 1;
        revisions.save(new ArticleRevision(article.getId(), number, now, editor, note, article.getHeadline(),
                JSON.writeValueAsString(content)));
    }

    /** The article's revision of this number, or 404. */
    ArticleRevision revision(long id, int number) {
        return revisions.findByArticleIdAndNumber(id, number)
                .orElseThrow(() -> new NotFoundException("revision " + number));
    }

    static Snapshot stored(ArticleRevision revision) {
        return JSON.readValue(revision.getSnapshot(), Snapshot.class);
    }

    /** The snapshot's form, naming its sections and authors by their addresses of today. */
    ArticleDraft currentNames(Snapshot s) {
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
}
