package org.broadsheet.comment;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.broadsheet.comment.CommentEvents.CommentReported;
import org.broadsheet.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports to the moderators: a reader's, once per reader and comment, with a reason (and a note for "other");
 * and the site's own, for a published comment with suspect words. Each puts the comment in the Reported queue.
 */
@Service
@Transactional
public class CommentReports {

    public static final int MAX_REPORT_NOTE = 500;
    /** The reason of the reports the site makes itself, for a published comment with suspect words. */
    public static final String SUSPECT_WORDS = "SUSPECT_WORDS";

    private final CommentRepository comments;
    private final CommentSupport support;
    private final Clock clock;

    CommentReports(CommentRepository comments, CommentSupport support, Clock clock) {
        this.comments = comments;
        this.support = support;
        this.clock = clock;
    }

    /**
     * Reports a comment to the moderators, once per reader.
     *
     * @throws CommentRejectedException when already reported by this reader, for one's own comment, when
     *         "other" comes without a note, or when a suspension forbids it
     */
    public void report(long accountId, long commentId, ReportReason reason, String note) {
        Comment comment = comments.findById(commentId).filter(c -> c.getStatus() == CommentStatus.VISIBLE)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        support.target(comment.getArticleId());
        if (Objects.equals(comment.getAuthorId(), accountId)) {
            throw new CommentRejectedException("comment.report.own");
        }
        ModerationRules moderation = support.rules();
        if (moderation != null) {
            moderation.checkMayReact(accountId);
        }
        String cleanNote = note == null || note.isBlank() ? null : CommentText.normalise(note);
        if (reason == ReportReason.OTHER && cleanNote == null) {
            throw new CommentRejectedException("comment.report.note.required");
        }
        if (cleanNote != null && cleanNote.length() > MAX_REPORT_NOTE) {
            throw new CommentRejectedException("comment.report.note.size");
        }
        if (comments.countReports(commentId, accountId) > 0) {
            throw new CommentRejectedException("comment.report.already");
        }
        comments.report(commentId, accountId, reason.name(), cleanNote, clock.instant());
        comments.countReport(commentId);
        support.publish(new CommentReported(commentId, accountId, reason.name()));
    }

    /** The site reports a published comment that holds suspect words, naming them; nothing when it holds none. */
    void reportBySite(Comment comment, List<String> suspectWords) {
        if (!suspectWords.isEmpty()) {
            comments.report(comment.getId(), null, SUSPECT_WORDS, String.join(", ", suspectWords), clock.instant());
            comments.countReport(comment.getId());
        }
    }
}
