package org.broadsheet.comment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.PagedResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What following and notifications ask of the conversation, by id and in a few indexed queries: the facts of a
 * comment, who ignores whom, who took part in a thread or an article's conversation, and the latest comments
 * of a set of readers.
 */
@Component
@Transactional(readOnly = true)
public class ReaderActivity {

    /** The longest excerpt of a comment that a notification or a list quotes. */
    public static final int EXCERPT = 140;

    private final JdbcClient jdbc;
    private final ArticleCards articles;
    private final AccountService accounts;
    private final Datelines datelines;

    ReaderActivity(JdbcClient jdbc, ArticleCards articles, AccountService accounts, Datelines datelines) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.accounts = accounts;
        this.datelines = datelines;
    }

    /**
     * A comment as other modules need it. {@code visible} is false for a held or deleted one; {@code parentAuthorId}
     * is the author of the comment it answers.
     */
    public record CommentFacts(long id, long articleId, Long authorId, Long parentId, Long parentAuthorId,
            long threadId, boolean visible, String excerpt, Instant postedAt) {

        public String permalink() {
            return "/comments/" + id;
        }
    }

    /** The facts of these comments, by id; ids of comments that are gone are left out. */
    public Map<Long, CommentFacts> facts(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, CommentFacts> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.id, c.article_id, c.author_id, c.parent_id, p.author_id AS parent_author_id, c.root_id,
                       c.status, c.body, c.created_at
                FROM comment c LEFT JOIN comment p ON p.id = c.parent_id WHERE c.id IN (:ids)""")
                .param("ids", List.copyOf(commentIds))
                .query((rs, n) -> new CommentFacts(rs.getLong("id"), rs.getLong("article_id"),
                        (Long) rs.getObject("author_id", Long.class), (Long) rs.getObject("parent_id", Long.class),
                        (Long) rs.getObject("parent_author_id", Long.class),
                        rs.getObject("root_id") == null ? rs.getLong("id") : rs.getLong("root_id"),
                        CommentStatus.VISIBLE.name().equals(rs.getString("status")),
                        excerpt(rs.getString("body")), rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list().forEach(f -> found.put(f.id(), f));
        return found;
    }

    public Optional<CommentFacts> facts(long commentId) {
        return Optional.ofNullable(facts(List.of(commentId)).get(commentId));
    }

    /** Whether either reader ignores the other. */
    public boolean eitherIgnores(long one, long other) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM ignored_reader
                WHERE (account_id = :one AND ignored_id = :other) OR (account_id = :other AND ignored_id = :one)""")
                .param("one", one).param("other", other).query(Long.class).single() > 0;
    }

    /** The readers who ignore this one. */
    public Set<Long> readersIgnoring(long accountId) {
        return new HashSet<>(jdbc.sql("SELECT account_id FROM ignored_reader WHERE ignored_id = :id")
                .param("id", accountId).query(Long.class).list());
    }

    /** The authors of the thread's visible comments. */
    public Set<Long> threadParticipants(long threadId) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT author_id FROM comment
                WHERE root_id = :thread AND status = 'VISIBLE' AND author_id IS NOT NULL""")
                .param("thread", threadId).query(Long.class).list());
    }

    /** The authors of the article's visible comments. */
    public Set<Long> commentersOn(long articleId) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT author_id FROM comment
                WHERE article_id = :article AND status = 'VISIBLE' AND author_id IS NOT NULL""")
                .param("article", articleId).query(Long.class).list());
    }

    /** A comment in a reader's feed of the readers they follow; {@code answering} is the comment it replies to. */
    public record FeedComment(long id, String authorUsername, String authorName, String articleHeadline,
            String articleUrl, String html, Dateline posted, Answered answering) {

        public String permalink() {
            return "/comments/" + id;
        }
    }

    /** The comment a reply answers, as quoted above it. */
    public record Answered(String authorName, String excerpt, String permalink) {
    }

    /**
     * A page of the visible comments that these readers wrote, newest first, each with its article and the
     * comment it answers: three queries whatever the page holds.
     */
    public PagedResult<FeedComment> latestBy(Collection<Long> authorIds, int page, int size) {
        if (authorIds.isEmpty()) {
            return new PagedResult<>(List.of(), 1, size, 0);
        }
        List<Long> authors = List.copyOf(authorIds);
        long total = jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_id IN (:authors) AND status = 'VISIBLE'")
                .param("authors", authors).query(Long.class).single();
        record Row(long id, long articleId, long authorId, String html, Instant at, Long parentId, Long parentAuthor,
                String parentBody, String parentStatus) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT c.id, c.article_id, c.author_id, c.body_html, c.created_at, c.parent_id,
                       p.author_id AS parent_author, p.body AS parent_body, p.status AS parent_status
                FROM comment c LEFT JOIN comment p ON p.id = c.parent_id
                WHERE c.author_id IN (:authors) AND c.status = 'VISIBLE'
                ORDER BY c.created_at DESC, c.id DESC LIMIT :size OFFSET :offset""")
                .param("authors", authors).param("size", size).param("offset", (long) (Math.max(1, page) - 1) * size)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("author_id"),
                        rs.getString("body_html"), rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        (Long) rs.getObject("parent_id", Long.class), (Long) rs.getObject("parent_author", Long.class),
                        rs.getString("parent_body"), rs.getString("parent_status")))
                .list();
        Map<Long, ArticleCard> cards = articles.cardsById(rows.stream().map(Row::articleId).distinct().toList());
        Set<Long> people = new HashSet<>();
        rows.forEach(r -> {
            people.add(r.authorId());
            if (r.parentAuthor() != null) {
                people.add(r.parentAuthor());
            }
        });
        Map<Long, Commenter> names = accounts.commenters(people);
        List<FeedComment> items = rows.stream().filter(r -> cards.containsKey(r.articleId()))
                .filter(r -> names.containsKey(r.authorId())).map(r -> {
                    Answered answered = null;
                    if (r.parentId() != null) {
                        Commenter parentAuthor = r.parentAuthor() == null ? null : names.get(r.parentAuthor());
                        boolean shown = CommentStatus.VISIBLE.name().equals(r.parentStatus());
                        answered = new Answered(parentAuthor == null ? null : parentAuthor.displayName(),
                                shown ? excerpt(r.parentBody()) : null, "/comments/" + r.parentId());
                    }
                    Commenter author = names.get(r.authorId());
                    return new FeedComment(r.id(), author.username(), author.displayName(),
                            cards.get(r.articleId()).headline(), cards.get(r.articleId()).url(), r.html(),
                            datelines.of(r.at().truncatedTo(ChronoUnit.SECONDS)), answered);
                }).toList();
        return new PagedResult<>(items, Math.max(1, page), size, total);
    }

    /** The start of a comment's text, cut at a word and marked when cut. */
    static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        String text = body.replaceAll("\\s+", " ").strip();
        if (text.length() <= EXCERPT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', EXCERPT - 1);
        return text.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT - 1).stripTrailing() + "…";
    }
}
