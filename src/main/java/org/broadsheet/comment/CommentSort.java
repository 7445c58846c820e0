package org.broadsheet.comment;

import java.util.Locale;

import org.springframework.data.domain.Sort;

/** The orders readers can put threads in; the choice travels in the URL as {@code ?sort=}. */
public enum CommentSort {

    NEWEST(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))),
    OLDEST(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"))),
    RECOMMENDED(Sort.by(Sort.Order.desc("recommendCount"), Sort.Order.desc("createdAt"), Sort.Order.desc("id"))),
    REPLIES(Sort.by(Sort.Order.desc("replyCount"), Sort.Order.desc("createdAt"), Sort.Order.desc("id")));

    public static final CommentSort DEFAULT = NEWEST;
    /** The default's value in URLs, for handlers' {@code @RequestParam(defaultValue = ...)}. */
    public static final String DEFAULT_PARAM = org.broadsheet.article.ArticleDiscussion.DEFAULT_ORDER;

    static {
        if (!DEFAULT.param().equals(DEFAULT_PARAM)) {
            throw new IllegalStateException("The default order is written " + DEFAULT.param() + " in URLs");
        }
    }

    private final Sort sort;

    CommentSort(Sort sort) {
        this.sort = sort;
    }

    Sort sort() {
        return sort;
    }

    /** The value in URLs: {@code newest}, {@code oldest}, {@code recommended} or {@code replies}. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isDefault() {
        return this == DEFAULT;
    }

    /**
     * @throws IllegalArgumentException for anything but the four values (or null, which is the default)
     */
    public static CommentSort parse(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT;
        }
        for (CommentSort sort : values()) {
            if (sort.param().equals(value)) {
                return sort;
            }
        }
        throw new IllegalArgumentException("Unknown comment order: " + value);
    }
}
