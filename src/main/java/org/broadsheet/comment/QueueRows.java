package org.broadsheet.comment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.comment.ModerationQueues.DecisionLine;
import org.broadsheet.comment.ModerationQueues.QueueItem;
import org.broadsheet.comment.ModerationQueues.ReportLine;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Dateline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Comments as the moderators' queues read them, made into {@link QueueItem}s: with every report (and the
 * reporter's name), the author's name and the article's headline, in three more statements for a whole page.
 */
@Component
class QueueRows {

    private final JdbcClient jdbc;
    private final ArticleCards articles;
    private final AccountService accounts;
    private final Datelines datelines;

    QueueRows(JdbcClient jdbc, ArticleCards articles, AccountService accounts, Datelines datelines) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.accounts = accounts;
        this.datelines = datelines;
    }

    static final String OPEN_REPORTS =
            "(SELECT COUNT(*) FROM comment_report r WHERE r.comment_id = c.id AND r.resolved_at IS NULL)";

    record Row(long id, long articleId, Long authorId, Long parentId, String html, Instant createdAt,
            String status, String heldReason, int version, boolean picked, int openReports, String decision,
            String reason, String note, String moderator, Instant decidedAt) {
    }

    static String latest(String status, String decidedBy) {
        if (decidedBy == null) {
            return null;
        }
        return "REJECTED".equals(status) ? "REJECTED" : "APPROVED";
    }

    List<QueueItem> items(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).distinct().toList();
        record Report(long commentId, Long reporterId, String reason, String note, Instant at, boolean open) {
        }
        List<Report> reports = jdbc.sql("""
                SELECT comment_id, account_id, reason, note, created_at, resolved_at FROM comment_report
                WHERE comment_id IN (:ids) ORDER BY created_at, id""")
                .param("ids", ids)
                .query((rs, n) -> new Report(rs.getLong("comment_id"), rs.getObject("account_id", Long.class),
                        rs.getString("reason"), rs.getString("note"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        rs.getObject("resolved_at", OffsetDateTime.class) == null))
                .list();
        Set<Long> people = new HashSet<>();
        rows.forEach(r -> {
            if (r.authorId() != null) {
                people.add(r.authorId());
            }
        });
        reports.forEach(r -> {
            if (r.reporterId() != null) {
                people.add(r.reporterId());
            }
        });
        Map<Long, Commenter> names = accounts.commenters(people);
        Map<Long, ArticleCard> cards = articles.cardsById(rows.stream().map(Row::articleId).distinct().toList());
        List<QueueItem> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Commenter author = row.authorId() == null ? null : names.get(row.authorId());
            ArticleCard card = cards.get(row.articleId());
            List<ReportLine> lines = reports.stream().filter(r -> r.commentId() == row.id()).map(r -> {
                Commenter reporter = r.reporterId() == null ? null : names.get(r.reporterId());
                return new ReportLine(r.reason(), r.note(), reporter == null ? null : reporter.displayName(),
                        reporter == null ? null : reporter.username(), when(r.at()), r.open());
            }).toList();
            items.add(new QueueItem(row.id(), row.articleId(), card == null ? null : card.headline(),
                    card == null ? null : card.url(), row.authorId(), author == null ? null : author.displayName(),
                    author == null ? null : author.username(), row.html(), when(row.createdAt()), row.status(),
                    row.heldReason(), row.openReports(), lines,
                    row.decision() == null ? null : new DecisionLine(row.decision(), row.reason(), row.note(),
                            row.moderator(), when(row.decidedAt())),
                    row.version(), row.picked(), row.parentId() != null));
        }
        return items;
    }

    private Dateline when(Instant at) {
        return at == null ? null : datelines.of(at.truncatedTo(ChronoUnit.SECONDS));
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
