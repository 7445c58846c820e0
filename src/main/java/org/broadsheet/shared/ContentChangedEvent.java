package org.broadsheet.shared;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Published, inside the transaction of a change, for what readers see: cached pages and records tagged with any
 * of {@code tags} are rendered again once it commits, and nothing else. The tags name what a page shows:
 * <ul>
 * <li>{@link #article(long)}: an article's own pages and every page that shows its card (its headline and its
 * number of comments), in lists or as a related article;</li>
 * <li>{@link #conversation(long)}: the threads under an article (its page, its pages of threads, permalinks);</li>
 * <li>{@link #LISTS}: every list of articles (front page, sections, authors, tags, feeds, sitemaps), for an
 * article that joins or leaves them or moves in them; {@link #EVERY_ARTICLE}: what names every article (the
 * sitemaps, with each one's last change); {@link #MOST_DISCUSSED}: the front page's block; {@link #CORRECTIONS}:
 * the corrections page;</li>
 * <li>{@link #SITE}: every page (the sections in the navigation, names shown everywhere).</li>
 * </ul>
 */
public record ContentChangedEvent(Set<String> tags) {

    public static final String SITE = "site";
    public static final String LISTS = "lists";
    public static final String EVERY_ARTICLE = "every-article";
    public static final String MOST_DISCUSSED = "most-discussed";
    public static final String CORRECTIONS = "corrections";

    /** The topic on which an instance tells the {@link OtherInstances} what changed on it. */
    public static final String TOPIC = "content-changed";

    public ContentChangedEvent {
        tags = Set.copyOf(tags);
    }

    /** The tags as a message to the {@link OtherInstances} ({@link #fromMessage} reads it back). */
    public String message() {
        return String.join("\n", tags);
    }

    public static ContentChangedEvent fromMessage(String message) {
        return new ContentChangedEvent(Set.of(message.split("\n")));
    }

    public static String article(long id) {
        return "article:" + id;
    }

    public static String conversation(long articleId) {
        return "conversation:" + articleId;
    }

    /**
     * An editor changed the article: its pages and its cards (wherever they are shown), and, when it joined or
     * left lists or moved in them ({@code listsChanged}: published, unpublished, deleted, another time, section,
     * author or topic), every list of articles.
     */
    public static ContentChangedEvent ofArticle(long id, boolean listsChanged) {
        return new ContentChangedEvent(listsChanged
                ? Set.of(article(id), conversation(id), EVERY_ARTICLE, LISTS, CORRECTIONS)
                : Set.of(article(id), conversation(id), EVERY_ARTICLE, CORRECTIONS));
    }

    /**
     * An editor changed a draft that stays a draft, which readers see nowhere: only its own pages, which readers
     * are not served.
     */
    public static ContentChangedEvent ofUnlistedArticle(long id) {
        return new ContentChangedEvent(Set.of(article(id), conversation(id)));
    }

    /**
     * The threads under the article changed; when their number changed too, so did its cards and the front
     * page's most discussed.
     */
    public static ContentChangedEvent ofConversation(long articleId, boolean countChanged) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(conversation(articleId));
        if (countChanged) {
            tags.add(article(articleId));
            tags.add(MOST_DISCUSSED);
        }
        return new ContentChangedEvent(tags);
    }

    /** A correction was added under the article. */
    public static ContentChangedEvent ofCorrection(long articleId) {
        return new ContentChangedEvent(Set.of(article(articleId), CORRECTIONS));
    }

    /** Something every page shows changed (a section, an author, a tag, the front page's pins, a reader's name). */
    public static ContentChangedEvent ofEverything() {
        return new ContentChangedEvent(Set.of(SITE));
    }
}
