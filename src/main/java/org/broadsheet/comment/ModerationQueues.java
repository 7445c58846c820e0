package org.broadsheet.comment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderators' queues, read for the desk: comments held before publication (Pending), published comments
 * with open reports (Reported, each with every report), and recent decisions (Approved, Rejected, with who
 * decided and why); filtered by article, author and words of the text, newest or most reported first. A page
 * costs the same few statements whatever it holds: the count, the page, its reports, its people, its articles.
 */
@Service
@Transactional(readOnly = true)
public class ModerationQueues {

    public static final int PER_PAGE = 25;
    /** How far back the Approved and Rejected tabs go. */
    public static final java.time.Duration RECENT = java.time.Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final QueueRows rowsOf;
    private final java.time.Clock clock;

    ModerationQueues(JdbcClient jdbc, QueueRows rowsOf, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.rowsOf = rowsOf;
        this.clock = clock;
    }

    /** The queues; {@link #ALL} is every comment of an author, for their history. */
    public enum Queue {
        PENDING, REPORTED, APPROVED, REJECTED, ALL;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Order { NEWEST, MOST_REPORTED }

    /** What a queue is narrowed to; each part may be null. */
    public record Filter(Long articleId, Long authorId, String words) {

        public static final Filter NONE = new Filter(null, null, null);
    }

    /** A reader's report, or the site's own for suspect words ({@code reporter} null, reason SUSPECT_WORDS). */
    public record ReportLine(String reason, String note, String reporterName, String reporterUsername,
            Dateline when, boolean open) {
    }

    /** A decision on a comment: who, what, why and when. */
    public record DecisionLine(String decision, String reason, String note, String moderator, Dateline when) {
    }

    /**
     * A comment as a moderator sees it. {@code version} goes back with a decision, so that one made meanwhile by
     * someone else is not overwritten; {@code decision} is the decision the row stands for in the Approved and
     * Rejected tabs, or the latest one elsewhere.
     */
    public record QueueItem(long id, long articleId, String headline, String articleUrl, Long authorId,
            String authorName, String authorUsername, String html, Dateline posted, String status,
            String heldReason, int openReports, List<ReportLine> reports, DecisionLine decision, int version,
            boolean picked, boolean reply) {

        public String permalink() {
            return "/comments/" + id + "#comment-" + id;
        }

        public boolean pending() {
            return "HELD".equals(status);
        }

        public boolean rejected() {
            return "REJECTED".equals(status);
        }

        public boolean visible() {
            return "VISIBLE".equals(status);
        }
    }

    /** How many comments each queue holds now (the decisions' tabs count those of the last {@link #RECENT}). */
    public record Counts(long pending, long reported, long approved, long rejected) {
    }

    public Counts counts() {
        OffsetDateTime since = clock.instant().minus(RECENT).atOffset(java.time.ZoneOffset.UTC);
        return new Counts(
                jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = 'HELD'").query(Long.class).single(),
                jdbc.sql("""
                        SELECT COUNT(*) FROM comment c WHERE c.status = 'VISIBLE' AND EXISTS
                          (SELECT 1 FROM comment_report r WHERE r.comment_id = c.id AND r.resolved_at IS NULL)""")
                        .query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM comment_decision WHERE decision = 'APPROVED' AND decided_at >= :s"
                        + " AND comment_id IS NOT NULL")
                        .param("s", since).query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM comment_decision WHERE decision = 'REJECTED' AND decided_at >= :s"
                        + " AND comment_id IS NOT NULL")
                        .param("s", since).query(Long.class).single());
    }

    /** One page of a queue. */
    public PagedResult<QueueItem> page(Queue queue, Filter filter, Order order, int page) {
        boolean decisions = queue == Queue.APPROVED || queue == Queue.REJECTED;
        StringBuilder where = new StringBuilder(switch (queue) {
            case PENDING -> "c.status = 'HELD'";
            case REPORTED -> "c.status = 'VISIBLE' AND " + QueueRows.OPEN_REPORTS + " > 0";
            case APPROVED -> "d.decision = 'APPROVED' AND d.decided_at >= :since";
            case REJECTED -> "d.decision = 'REJECTED' AND d.decided_at >= :since";
            case ALL -> "c.status <> 'DELETED'";
        });
        Map<String, Object> params = new LinkedHashMap<>();
        if (decisions) {
            params.put("since", clock.instant().minus(RECENT).atOffset(java.time.ZoneOffset.UTC));
        }
        if (filter.articleId() != null) {
            where.append(" AND c.article_id = :article");
            params.put("article", filter.articleId());
        }
        if (filter.authorId() != null) {
            where.append(" AND c.author_id = :author");
            params.put("author", filter.authorId());
        }
        if (filter.words() != null && !filter.words().isBlank()) {
            where.append(" AND LOWER(c.body) LIKE :words ESCAPE '\\'");
            params.put("words", "%" + filter.words().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String from = decisions ? "comment_decision d JOIN comment c ON c.id = d.comment_id" : "comment c";
        String sort = decisions ? "d.decided_at DESC, d.id DESC"
                : order == Order.MOST_REPORTED ? QueueRows.OPEN_REPORTS + " DESC, c.created_at DESC, c.id DESC"
                : "c.created_at DESC, c.id DESC";
        long total = jdbc.sql("SELECT COUNT(*) FROM " + from + " WHERE " + where).params(params)
                .query(Long.class).single();
        String decisionColumns = decisions ? "d.decision AS d_decision, d.reason AS d_reason, d.note AS d_note,"
                + " d.moderator AS d_moderator, d.decided_at AS d_at"
                : "NULL AS d_decision, NULL AS d_reason, NULL AS d_note, NULL AS d_moderator, NULL AS d_at";
        List<QueueRows.Row> rows = jdbc.sql("SELECT c.id, c.article_id, c.author_id, c.parent_id, c.body_html, c.created_at,"
                + " c.status, c.held_reason, c.moderation_version, c.picked_at, c.reject_reason, c.reject_note,"
                + " c.decided_by, c.decided_at, " + QueueRows.OPEN_REPORTS + " AS open_reports, " + decisionColumns
                + " FROM " + from + " WHERE " + where + " ORDER BY " + sort + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", PER_PAGE).param("offset", (long) (Math.max(1, page) - 1) * PER_PAGE)
                .query((rs, n) -> new QueueRows.Row(rs.getLong("id"), rs.getLong("article_id"),
                        rs.getObject("author_id", Long.class), rs.getObject("parent_id", Long.class),
                        rs.getString("body_html"), QueueRows.instant(rs.getObject("created_at", OffsetDateTime.class)),
                        rs.getString("status"), rs.getString("held_reason"), rs.getInt("moderation_version"),
                        rs.getObject("picked_at", OffsetDateTime.class) != null, rs.getInt("open_reports"),
                        decisions ? rs.getString("d_decision") : QueueRows.latest(rs.getString("status"),
                                rs.getString("decided_by")),
                        decisions ? rs.getString("d_reason") : rs.getString("reject_reason"),
                        decisions ? rs.getString("d_note") : rs.getString("reject_note"),
                        decisions ? rs.getString("d_moderator") : rs.getString("decided_by"),
                        QueueRows.instant(rs.getObject(decisions ? "d_at" : "decided_at", OffsetDateTime.class))))
                .list();
        return new PagedResult<>(rows(rows), Math.max(1, page), PER_PAGE, total);
    }

    /** One comment for the desk, with every report and its latest decision. */
    public QueueItem item(long commentId) {
        List<QueueItem> found = items(List.of(commentId));
        if (found.isEmpty()) {
            throw new NotFoundException("comment " + commentId);
        }
        return found.get(0);
    }

    /** These comments for the desk (those still there), in the same few statements however many. */
    public List<QueueItem> items(java.util.Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return List.of();
        }
        List<QueueRows.Row> rows = jdbc.sql("SELECT c.id, c.article_id, c.author_id, c.parent_id, c.body_html, c.created_at,"
                + " c.status, c.held_reason, c.moderation_version, c.picked_at, c.reject_reason, c.reject_note,"
                + " c.decided_by, c.decided_at, " + QueueRows.OPEN_REPORTS + " AS open_reports FROM comment c"
                + " WHERE c.id IN (:ids) AND c.status <> 'DELETED' AND c.author_id IS NOT NULL")
                .param("ids", commentIds)
                .query((rs, n) -> new QueueRows.Row(rs.getLong("id"), rs.getLong("article_id"),
                        rs.getObject("author_id", Long.class), rs.getObject("parent_id", Long.class),
                        rs.getString("body_html"), QueueRows.instant(rs.getObject("created_at", OffsetDateTime.class)),
                        rs.getString("status"), rs.getString("held_reason"), rs.getInt("moderation_version"),
                        rs.getObject("picked_at", OffsetDateTime.class) != null, rs.getInt("open_reports"),
                        QueueRows.latest(rs.getString("status"), rs.getString("decided_by")), rs.getString("reject_reason"),
                        rs.getString("reject_note"), rs.getString("decided_by"),
                        QueueRows.instant(rs.getObject("decided_at", OffsetDateTime.class))))
                .list();
        return rows(rows);
    }

    /** The comment's version, for a decision made from outside the desk's own pages (the article page). */
    public int version(long commentId) {
        return item(commentId).version();
    }

    /** How many comments of the article wait for a moderator. */
    public long pendingOn(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = :a AND status = 'HELD'")
                .param("a", articleId).query(Long.class).single();
    }

    private List<QueueItem> rows(List<QueueRows.Row> rows) {
        return rowsOf.items(rows);
    }
}
