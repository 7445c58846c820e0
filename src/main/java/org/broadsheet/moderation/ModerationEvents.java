package org.broadsheet.moderation;

/** Events of the moderation desk, for notifications to tell the reader concerned. */
public final class ModerationEvents {

    private ModerationEvents() {
    }

    /** A reader was warned, suspended or banned ({@code kind} is a {@link Sanctions.Kind#key()}). */
    public record SanctionImposed(long sanctionId, long accountId, String kind) {
    }

    /**
     * A moderator decided on a reader's request for a review: {@code approved} when the comment is published
     * again, otherwise the rejection stands.
     */
    public record ReviewDecided(long requestId, long commentId, long articleId, long accountId, boolean approved) {
    }
}
