package org.broadsheet.moderation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.comment.CommentDecisions;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentText;
import org.broadsheet.comment.ModerationQueues;
import org.broadsheet.comment.ModerationQueues.QueueItem;
import org.broadsheet.moderation.ModerationEvents.ReviewDecided;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' requests for a second look at a rejected comment: one per comment, with a short note, listed in the
 * desk's Review requests tab until a moderator publishes the comment again or upholds the rejection; the reader
 * is told the outcome.
 */
@Service
@Transactional
public class ReviewRequests {

    public static final int MAX_NOTE = 500;
    public static final int PER_PAGE = 25;

    private final JdbcClient jdbc;
    private final ModerationQueues queues;
    private final CommentDecisions decisions;
    private final ApplicationEventPublisher events;
    private final Datelines datelines;
    private final Clock clock;

    ReviewRequests(JdbcClient jdbc, ModerationQueues queues, CommentDecisions decisions,
            ApplicationEventPublisher events, Datelines datelines, Clock clock) {
        this.jdbc = jdbc;
        this.queues = queues;
        this.decisions = decisions;
        this.events = events;
        this.datelines = datelines;
        this.clock = clock;
    }

    /** A request as the desk and the reader see it; {@code outcome} is null while it waits. */
    public record Request(long id, long commentId, long accountId, String note, Dateline requested, String outcome,
            String decidedBy, Dateline decided) {
    }

    /** A request with its comment, for the desk's tab. */
    public record Pending(Request request, QueueItem comment) {
    }

    /** The reader's request on their comment, if they made one. */
    @Transactional(readOnly = true)
    public Optional<Request> of(long commentId) {
        return jdbc.sql(SELECT + " WHERE comment_id = :c").param("c", commentId).query(this::request).optional();
    }

    /**
     * Asks for a review of the reader's own rejected comment.
     *
     * @throws CommentRejectedException when it is not rejected, already asked for, or the note is too long
     */
    public void request(long accountId, long commentId, String note) {
        QueueItem comment = queues.item(commentId);
        if (comment.authorId() == null || comment.authorId() != accountId) {
            throw new NotFoundException("comment " + commentId);
        }
        if (!comment.rejected()) {
            throw new CommentRejectedException("moderation.review.not-rejected");
        }
        String text = note == null || note.isBlank() ? null : CommentText.normalise(note);
        if (text != null && text.length() > MAX_NOTE) {
            throw new CommentRejectedException("moderation.review.note.size");
        }
        if (of(commentId).isPresent()) {
            throw new CommentRejectedException("moderation.review.already");
        }
        try {
            jdbc.sql("""
                    INSERT INTO review_request (comment_id, account_id, note, requested_at)
                    VALUES (:c, :a, :note, :at)""")
                    .param("c", commentId).param("a", accountId).param("note", text)
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            // The same request twice at once: the first one stands.
            throw new CommentRejectedException("moderation.review.already");
        }
    }

    @Transactional(readOnly = true)
    public long openCount() {
        return jdbc.sql("SELECT COUNT(*) FROM review_request WHERE decided_at IS NULL").query(Long.class).single();
    }

    /** Requests waiting for a moderator, oldest first. */
    @Transactional(readOnly = true)
    public PagedResult<Pending> open(int page) {
        long total = openCount();
        List<Request> requests = jdbc.sql(SELECT
                + " WHERE decided_at IS NULL ORDER BY requested_at, id LIMIT :limit OFFSET :offset")
                .param("limit", PER_PAGE).param("offset", (long) (Math.max(1, page) - 1) * PER_PAGE)
                .query(this::request).list();
        Map<Long, QueueItem> comments = queues.items(requests.stream().map(Request::commentId).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(QueueItem::id, c -> c));
        return new PagedResult<>(requests.stream().filter(r -> comments.containsKey(r.commentId()))
                .map(r -> new Pending(r, comments.get(r.commentId()))).toList(), Math.max(1, page), PER_PAGE, total);
    }

    /**
     * Publishes the comment again ({@code approve}) or upholds its rejection, and tells the reader.
     *
     * @throws CommentRejectedException when another moderator decided the request first
     */
    public void decide(long requestId, boolean approve, String moderator) {
        Request request = jdbc.sql(SELECT + " WHERE id = :id").param("id", requestId).query(this::request)
                .optional().orElseThrow(() -> new NotFoundException("review request " + requestId));
        // Only one moderator's decision is written: the update finds the request open once.
        int decided = jdbc.sql("""
                UPDATE review_request SET outcome = :outcome, decided_by = :by, decided_at = :at
                WHERE id = :id AND decided_at IS NULL""")
                .param("outcome", approve ? "APPROVED" : "UPHELD").param("by", moderator)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", requestId).update();
        if (decided == 0) {
            throw new CommentRejectedException("moderation.review.decided");
        }
        events.publishEvent(new AuditEvent(moderator, approve ? "review.approved" : "review.upheld",
                "comment " + request.commentId(), request.note()));
        List<QueueItem> found = queues.items(List.of(request.commentId()));
        if (found.isEmpty()) {
            return; // its author deleted the comment meanwhile: nothing to publish, nobody to tell
        }
        QueueItem comment = found.get(0);
        if (approve && comment.rejected()) {
            decisions.approve(comment.id(), comment.version(), moderator);
        }
        events.publishEvent(new ReviewDecided(requestId, request.commentId(), comment.articleId(),
                request.accountId(), approve));
    }

    private static final String SELECT = """
            SELECT id, comment_id, account_id, note, requested_at, outcome, decided_by, decided_at
            FROM review_request""";

    private Request request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new Request(rs.getLong("id"), rs.getLong("comment_id"), rs.getLong("account_id"), rs.getString("note"),
                datelines.of(rs.getObject("requested_at", OffsetDateTime.class).toInstant()), rs.getString("outcome"),
                rs.getString("decided_by"), decided == null ? null : datelines.of(decided.toInstant()));
    }
}
