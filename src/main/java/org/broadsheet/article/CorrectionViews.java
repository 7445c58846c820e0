package org.broadsheet.article;

import java.util.List;

import org.broadsheet.article.Views.CorrectionNote;

/** The records the corrections pages are rendered from: the public list and the editors' form. */
public final class CorrectionViews {

    private CorrectionViews() {
    }

    /** A note on the public corrections page, with the article it belongs to. */
    public record ListedCorrection(CorrectionNote note, String articleUrl, String headline) {
    }

    /** A note as the editors see it: with who added it. */
    public record DeskNote(CorrectionNote note, String addedBy) {
    }

    /**
     * An article on the editors' corrections form: {@code publicUrl} is null while readers cannot see it, and
     * then it cannot be corrected.
     */
    public record CorrectionDesk(long articleId, String headline, String publicUrl, List<DeskNote> notes) {

        public boolean correctable() {
            return publicUrl != null;
        }
    }
}
