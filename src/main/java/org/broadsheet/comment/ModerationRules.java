package org.broadsheet.comment;

import java.util.List;

/**
 * What the moderation desk decides about a reader's comment before it is stored, implemented by the moderation
 * module (the comments module does not depend on it): whether the reader may act at all (a warning to
 * acknowledge, a suspension, a ban), whether the text is refused (a banned word), held for a moderator (a rule)
 * or published and reported (a suspect word), and which articles are pre-moderated.
 */
public interface ModerationRules {

    /**
     * Refuses a new comment, reply or edit when a sanction forbids it.
     *
     * @throws CommentRejectedException saying which sanction, until when and why
     */
    void checkMayPost(long accountId);

    /**
     * Refuses a recommendation or a report when a suspension forbids it.
     *
     * @throws CommentRejectedException saying until when and why
     */
    void checkMayReact(long accountId);

    /**
     * What becomes of a new comment with this text.
     *
     * @param emailVerified whether its author verified their address
     * @throws CommentRejectedException when the text holds a banned word (the message names it)
     */
    Screening screen(long accountId, long articleId, String text, boolean emailVerified);

    /** Whether every comment under the article waits for a moderator. */
    boolean premoderated(long articleId);

    /** What stops the reader from posting now, for the comment box to say in its place; null when nothing does. */
    Notice notice(long accountId);

    /**
     * A sanction as the comment box tells its reader of it.
     *
     * @param kind {@code warning} (to acknowledge), {@code suspension} or {@code ban}
     * @param until when a suspension ends, as readers read it; null for the others
     */
    record Notice(String kind, String reason, String until, long sanctionId) {
    }

    /**
     * @param hold the rule that holds the comment for a moderator, or null to publish it
     * @param suspectWords the suspect words it holds, if published: it goes to the Reported queue
     */
    record Screening(HoldReason hold, List<String> suspectWords) {

        public static final Screening PUBLISH = new Screening(null, List.of());
    }
}
