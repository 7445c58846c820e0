package org.broadsheet.article;

/**
 * Which articles a feed lists: the whole site, one section (with its subsections) or one author.
 */
public record FeedScope(Kind kind, String slug) {

    public enum Kind { SITE, SECTION, AUTHOR }

    public static FeedScope site() {
        return new FeedScope(Kind.SITE, null);
    }

    public static FeedScope section(String slug) {
        return new FeedScope(Kind.SECTION, slug);
    }

    public static FeedScope author(String slug) {
        return new FeedScope(Kind.AUTHOR, slug);
    }
}
