package org.broadsheet.article;

import java.util.List;
import java.util.Set;

import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.shared.Datelines.Dateline;

/**
 * The records of the editors' catalogue pages (authors, sections, tags and the front page's pins), and the
 * changes those pages ask {@link AuthorCatalogue}, {@link SectionCatalogue}, {@link SectionEditing},
 * {@link TagCatalogue}, {@link FrontPageChoices} and {@link FrontPagePins} for.
 */
public final class Catalogue {

    /** The longest slug the author, section and tag tables hold, for the forms to say so before saving. */
    public static final int SLUG_MAX = 80;

    private Catalogue() {
    }

    /** An author in the editors' list; {@code accountId} is the linked reader account, if any. */
    public record AuthorRow(long id, String slug, String name, String roleTitle, Long accountId, long articleCount,
            String url) {
    }

    /** An author as the profile form shows it. */
    public record AuthorDetails(long id, String slug, String name, String roleTitle, String bio, String photoUrl,
            Long accountId, long version, String url) {
    }

    /**
     * A new or changed author profile. A blank slug is made from the name.
     *
     * @param version the version the editor started from; null for a new author
     */
    public record AuthorChange(String name, String slug, String roleTitle, String bio, String photoUrl,
            Long accountId, Long version) {
    }

    /** A section in the editors' list, in front-page order, indented by {@code depth} under its parent. */
    public record SectionRow(long id, String slug, String name, int depth, int sortOrder, long articleCount,
            String url) {

        /** The name indented with em spaces, for the options of a select. */
        public String label() {
            return "\u2003".repeat(depth) + name;
        }
    }

    /**
     * A section as its form shows it.
     *
     * @param slugLocked true when published or scheduled articles carry the slug in their addresses
     */
    public record SectionDetails(long id, String slug, String name, String description, String parentSlug,
            int sortOrder, long version, boolean slugLocked, String url) {
    }

    /**
     * A new or changed section. A blank slug is made from the name; a null or blank parent makes it a top-level
     * section.
     */
    public record SectionChange(String name, String slug, String description, String parentSlug, int sortOrder,
            Long version) {
    }

    /** A tag with the number of articles (drafts too) that carry it. */
    public record TagUse(long id, String slug, String name, long articleCount, String url) {

        public boolean unused() {
            return articleCount == 0;
        }
    }

    /**
     * The front-page desk: the pins as they are, what the front page shows now, and the stories to choose from.
     *
     * @param lead the pinned lead story, or null
     * @param top the pinned top stories, in order
     * @param shownLead the lead story readers see now (pinned or the latest)
     * @param shownTop the top stories readers see now
     * @param pinnedIds the ids of every pinned story that readers see
     * @param choices visible stories, newest first (or those matching a search), then any pinned ones not among them
     * @param version the count of changes to the pins, which a change to them must carry back
     */
    public record FrontPageDesk(Pin lead, List<Pin> top, ArticleCard shownLead, List<ArticleCard> shownTop,
            Set<Long> pinnedIds, List<PinChoice> choices, long version) {

        public boolean pinned(long articleId) {
            return pinnedIds.contains(articleId);
        }

        public boolean anyPins() {
            return lead != null || !top.isEmpty();
        }
    }

    /** A pinned story; {@code visible} is false while it is unpublished or scheduled, and the front page skips it. */
    public record Pin(long articleId, String headline, boolean visible) {
    }

    /** A story an editor can pin, as the front-page desk's lists print it. */
    public record PinChoice(long id, String headline, String section, Dateline published) {
    }
}
