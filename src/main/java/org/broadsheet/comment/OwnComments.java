package org.broadsheet.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.PagedResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My comments" ({@code /account/comments}): a reader's own comments, newest first, each with its state (published,
 * waiting for a moderator), its recommendations and its latest replies, those since the reader's last look marked
 * new. The same few queries a page whatever it holds: the page, the direct replies of its comments (all of them,
 * to count the new ones; {@value #REPLIES_SHOWN} shown a comment), the people and the articles.
 */
@Service
@Transactional
public class OwnComments {

    public static final int PER_PAGE = 20;
    public static final int REPLIES_SHOWN = 3;

    private final JdbcClient jdbc;
    private final ArticleCards articles;
    private final AccountService accounts;
    private final Datelines datelines;
    private final Clock clock;

    OwnComments(JdbcClient jdbc, ArticleCards articles, AccountService accounts, Datelines datelines, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.accounts = accounts;
        this.datelines = datelines;
        this.clock = clock;
    }

    /**
     * One of the reader's comments; {@code held} while it waits for a moderator, {@code rejected} once a
     * moderator removed it, with the reason and the note to its author (only its author sees either).
     */
    public record OwnComment(long id, String articleHeadline, String articleUrl, String html, Dateline posted,
            boolean held, int recommendations, int replyCount, List<Reply> replies, int newReplies, boolean rejected,
            String rejectReason, String rejectNote) {

        public String permalink() {
            return "/comments/" + id;
        }
    }

    /** A reply to one of the reader's comments. */
    public record Reply(long id, String authorName, String authorUsername, String excerpt, Dateline posted,
            boolean isNew) {

        public String permalink() {
            return "/comments/" + id + "#comment-" + id;
        }
    }

    /** A page of the reader's comments and the time replies are new since, for the links to the other pages. */
    public record OwnPage(PagedResult<OwnComment> comments, Instant newSince) {
    }

    /**
     * A page of the reader's comments, replies after {@code since} marked new. Without {@code since} (the page a
     * reader opens), replies since their last look are new and this look is recorded; the links to further pages
     * carry the time on, so that all the pages of one visit mark the same replies.
     */
    public OwnPage page(long accountId, int page, Instant since) {
        Instant seen = since != null ? since : jdbc.sql("SELECT seen_at FROM own_comments_seen WHERE account_id = :a")
                .param("a", accountId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant)
                .orElse(Instant.EPOCH);
        long total = jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_id = :a AND status <> 'DELETED'")
                .param("a", accountId).query(Long.class).single();
        record Row(long id, long articleId, String html, Instant at, String status, int recommendations,
                int replies, String rejectReason, String rejectNote) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, article_id, body_html, created_at, status, recommend_count, reply_count, reject_reason,
                  reject_note FROM comment
                WHERE author_id = :a AND status <> 'DELETED' ORDER BY created_at DESC, id DESC
                LIMIT :limit OFFSET :offset""")
                .param("a", accountId).param("limit", PER_PAGE).param("offset", (long) (Math.max(1, page) - 1) * PER_PAGE)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("article_id"), rs.getString("body_html"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("status"),
                        rs.getInt("recommend_count"), rs.getInt("reply_count"), rs.getString("reject_reason"),
                        rs.getString("reject_note")))
                .list();
        Map<Long, List<ReplyRow>> replies = replies(accountId, rows.stream().map(Row::id).toList());
        Set<Long> people = new HashSet<>();
        replies.values().forEach(list -> list.forEach(r -> people.add(r.authorId())));
        Map<Long, Commenter> names = accounts.commenters(people);
        Map<Long, ArticleCard> cards = articles.cardsById(rows.stream().map(Row::articleId).distinct().toList());
        List<OwnComment> items = new ArrayList<>();
        for (Row row : rows) {
            ArticleCard card = cards.get(row.articleId());
            List<ReplyRow> mine = replies.getOrDefault(row.id(), List.of());
            List<Reply> shown = mine.stream().limit(REPLIES_SHOWN).map(r -> {
                Commenter author = names.get(r.authorId());
                return new Reply(r.id(), author == null ? null : author.displayName(),
                        author == null ? null : author.username(), ReaderActivity.excerpt(r.body()),
                        datelines.of(r.at().truncatedTo(ChronoUnit.SECONDS)), r.at().isAfter(seen));
            }).toList();
            int fresh = (int) mine.stream().filter(r -> r.at().isAfter(seen)).count();
            items.add(new OwnComment(row.id(), card == null ? null : card.headline(), card == null ? null : card.url(),
                    row.html(), datelines.of(row.at().truncatedTo(ChronoUnit.SECONDS)),
                    CommentStatus.HELD.name().equals(row.status()), row.recommendations(), row.replies(), shown,
                    fresh, CommentStatus.REJECTED.name().equals(row.status()),
                    row.rejectReason() == null ? null : RejectReason.valueOf(row.rejectReason()).key(),
                    row.rejectNote()));
        }
        if (since == null) {
            seen(accountId);
        }
        return new OwnPage(new PagedResult<>(items, Math.max(1, page), PER_PAGE, total), seen);
    }

    private record ReplyRow(long id, long parentId, Long authorId, String body, Instant at) {
    }

    /** The visible direct replies of others to these comments, newest first, grouped by the comment they answer. */
    private Map<Long, List<ReplyRow>> replies(long accountId, List<Long> parents) {
        Map<Long, List<ReplyRow>> found = new LinkedHashMap<>();
        if (parents.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT id, parent_id, author_id, body, created_at FROM comment
                WHERE parent_id IN (:parents) AND status = 'VISIBLE' AND (author_id IS NULL OR author_id <> :a)
                ORDER BY created_at DESC, id DESC""")
                .param("parents", parents).param("a", accountId)
                .query((rs, n) -> new ReplyRow(rs.getLong("id"), rs.getLong("parent_id"),
                        rs.getObject("author_id", Long.class), rs.getString("body"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list().forEach(r -> found.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r));
        return found;
    }

    /** Records the look; the account's row is locked first, so two pages loading at once take turns. */
    private void seen(long accountId) {
        accounts.lockForWriting(accountId);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        if (jdbc.sql("UPDATE own_comments_seen SET seen_at = :at WHERE account_id = :a").param("at", now)
                .param("a", accountId).update() == 0) {
            jdbc.sql("""
                    INSERT INTO own_comments_seen (account_id, seen_at) SELECT :a, :at
                    WHERE NOT EXISTS (SELECT 1 FROM own_comments_seen WHERE account_id = :a)""")
                    .param("a", accountId).param("at", now).update();
        }
    }
}
