package org.broadsheet.article;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * A section in the form's tree.
     *
     * @param parents the names of the sections above it, the top-level one first
     * @param children the sections directly below it, in the order the site lists them
     */
    public record SectionOption(String slug, String name, List<String> parents, List<SectionOption> children) {

        public SectionOption {
            parents = List.copyOf(parents);
            children = List.copyOf(children);
        }

        public int depth() {
            return parents.size();
        }

        /**
         * Where the section sits, as one line ("News › World › Europe"): a name alone would not say which
         * "Europe" is meant, in the list or to a screen reader.
         */
        public String label() {
            return parentsLabel() + name;
        }

        /** The part of {@link #label()} before the name ("News › World › "), empty for a top-level section. */
        public String parentsLabel() {
            return parents.stream().map(p -> p + PATH_SEPARATOR).collect(Collectors.joining());
        }
    }

    private static final String PATH_SEPARATOR = " \u203a ";

    /**
     * What the article form offers.
     *
     * @param sectionTree the top-level sections, each with the sections below it
     */
    public record FormChoices(List<SectionOption> sectionTree, List<AuthorLink> authors, List<ArticleType> types) {

        /** Every section, each straight after the one above it (depth first): the order of the section list. */
        public List<SectionOption> sections() {
            List<SectionOption> all = new ArrayList<>();
            sectionTree.forEach(root -> addWithChildren(root, all));
            return List.copyOf(all);
        }

        private static void addWithChildren(SectionOption section, List<SectionOption> into) {
            into.add(section);
            section.children().forEach(child -> addWithChildren(child, into));
        }
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
