package org.broadsheet.article;

import java.util.List;

import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.shared.Datelines.Dateline;

/** What the editorial desk's pages show, as records: the form's article, its choices, revisions and diffs. */
public final class EditingViews {

    private EditingViews() {
    }

    /**
     * An article as its form shows it: the draft to fill the fields with, and where it stands.
     *
     * @param status draft, scheduled or published
     * @param publicUrl the address readers use, when it is published
     */
    public record EditableArticle(long id, ArticleDraft draft, String status, String publicUrl, Dateline lastSaved,
            String lastSavedBy, Dateline published, int commentCount) {
    }

    /** A section in the form's lists, indented by its depth under the top-level sections. */
    public record SectionOption(String slug, String name, int depth) {

        public String label() {
            return "\u2003".repeat(depth) + name;
        }
    }

    public record FormChoices(List<SectionOption> sections, List<AuthorLink> authors, List<ArticleType> types) {
    }

    public record RevisionRow(int number, Dateline at, String by, String note, String headline) {
    }

    /** One row of a side-by-side diff: {@code kind} is same, changed, removed or added. */
    public record DiffRow(String kind, Integer leftNumber, String left, Integer rightNumber, String right) {
    }

    public record RevisionDiff(long articleId, String headline, RevisionRow from, RevisionRow to, List<DiffRow> rows,
            List<RevisionRow> revisions) {

        public boolean identical() {
            return rows.stream().allMatch(row -> "same".equals(row.kind()));
        }
    }

    public record Saved(long id, String status) {
    }
}
