package org.broadsheet.notification;

/**
 * What a notification is about, with what a reader gets when they have not chosen: replies on the site and by
 * mail at once, everything else on the site only. Grouped kinds gather into one notification while it is unread.
 */
public enum NotificationKind {

    /** A reply to one of my comments. */
    REPLY(true, true, false),
    /** A new comment by a reader I follow. */
    FOLLOWED_COMMENT(true, false, false),
    /** New comments on a story I follow ("5 new comments on ..."). */
    STORY_COMMENTS(true, false, true),
    /** My comment was recommended (gathered, at most one new notification an hour per comment). */
    RECOMMENDED(true, false, true),
    /** A member of staff replied in a thread I took part in. */
    STAFF_REPLY(true, false, false),
    /** A correction or clarification was added to an article I commented on or follow. */
    CORRECTION(true, false, false),
    /** An article I commented on or follow was updated (an editor's update note). */
    ARTICLE_UPDATED(true, false, false),
    /**
     * What a moderator decided about my comment, my request for a review or my account. Always shown on the site
     * (there are no shadow bans): only the mail can be turned off.
     */
    MODERATION(true, true, false);

    private final boolean onSite;
    private final boolean byEmail;
    private final boolean grouped;

    NotificationKind(boolean onSite, boolean byEmail, boolean grouped) {
        this.onSite = onSite;
        this.byEmail = byEmail;
        this.grouped = grouped;
    }

    public boolean defaultOnSite() {
        return onSite;
    }

    public boolean defaultByEmail() {
        return byEmail;
    }

    public boolean grouped() {
        return grouped;
    }

    /** Whether the reader is told on the site whatever they chose. */
    public boolean alwaysOnSite() {
        return this == MODERATION;
    }

    /** The kind's name in message keys and addresses: {@code story-comments}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
