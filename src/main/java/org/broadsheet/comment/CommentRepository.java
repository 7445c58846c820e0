package org.broadsheet.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CommentRepository extends JpaRepository<Comment, Long>, FirstReplies {

    // ---------------------------------------------------------------- reading threads

    /** A page of an article's threads (top-level comments, placeholders included), in the pageable's order. */
    @Query("""
            select c from Comment c where c.articleId = :article and c.parentId is null
              and c.status <> org.broadsheet.comment.CommentStatus.HELD""")
    List<Comment> findThreads(@Param("article") long articleId, Pageable pageable);

    @Query("""
            select count(c) from Comment c where c.articleId = :article and c.parentId is null
              and c.status <> org.broadsheet.comment.CommentStatus.HELD""")
    long countThreads(@Param("article") long articleId);

    /** A whole thread, oldest first. */
    @Query("""
            select c from Comment c where c.rootId = :root and c.status <> org.broadsheet.comment.CommentStatus.HELD
            order by c.createdAt, c.id""")
    List<Comment> findThread(@Param("root") long rootId);

    /** An article's editors' picks, most recently picked first. */
    @Query("""
            select c from Comment c where c.articleId = :article and c.pickedAt is not null
              and c.status = org.broadsheet.comment.CommentStatus.VISIBLE order by c.pickedAt desc, c.id desc""")
    List<Comment> findPicks(@Param("article") long articleId, Pageable limit);

    @Query("""
            select c from Comment c where c.articleId in :articles and c.pickedAt is not null
              and c.status = org.broadsheet.comment.CommentStatus.VISIBLE order by c.pickedAt desc, c.id desc""")
    List<Comment> findPicksAmong(@Param("articles") Collection<Long> articleIds);

    @Query("""
            select c from Comment c where c.authorId = :author and c.articleId = :article
              and c.status = org.broadsheet.comment.CommentStatus.HELD order by c.createdAt, c.id""")
    List<Comment> findHeldOf(@Param("author") long authorId, @Param("article") long articleId);

    @Query("""
            select c.articleId from Comment c
            where c.createdAt >= :since and c.status = org.broadsheet.comment.CommentStatus.VISIBLE
            group by c.articleId order by count(c) desc, max(c.createdAt) desc""")
    List<Long> findMostDiscussed(@Param("since") Instant since, Pageable limit);

    @Query("""
            select c from Comment c where c.authorId = :author
              and c.status = org.broadsheet.comment.CommentStatus.VISIBLE""")
    Page<Comment> findVisibleByAuthor(@Param("author") long authorId, Pageable pageable);

    List<Comment> findByAuthorIdOrderByCreatedAt(long authorId);

    // ---------------------------------------------------------------- rules

    Optional<Comment> findByAuthorIdAndIdempotencyKey(long authorId, String key);

    Optional<Comment> findFirstByAuthorIdOrderByCreatedAtDescIdDesc(long authorId);

    long countByAuthorIdAndCreatedAtAfter(long authorId, Instant since);

    boolean existsByParentId(long parentId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Comment c where c.id = :id")
    Optional<Comment> findLockedById(@Param("id") long id);

    // ---------------------------------------------------------------- counters, each one atomic statement

    @Modifying(flushAutomatically = true)
    @Query("update Comment c set c.replyCount = c.replyCount + :delta where c.id = :id")
    int adjustReplyCount(@Param("id") long commentId, @Param("delta") int delta);

    @Modifying(flushAutomatically = true)
    @Query("update Comment c set c.recommendCount = c.recommendCount + :delta where c.id = :id")
    int adjustRecommendCount(@Param("id") long commentId, @Param("delta") int delta);

    @Query("select c.recommendCount from Comment c where c.id = :id")
    int recommendCount(@Param("id") long commentId);

    // ---------------------------------------------------------------- recommendations

    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            INSERT INTO comment_recommendation (comment_id, account_id, created_at) VALUES (:comment, :account, :at)""")
    int recommend(@Param("comment") long commentId, @Param("account") long accountId, @Param("at") Instant at);

    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            DELETE FROM comment_recommendation WHERE comment_id = :comment AND account_id = :account""")
    int unrecommend(@Param("comment") long commentId, @Param("account") long accountId);

    @Query(nativeQuery = true, value = """
            SELECT comment_id FROM comment_recommendation WHERE account_id = :account AND comment_id IN (:ids)""")
    List<Long> findRecommendedAmong(@Param("account") long accountId, @Param("ids") Collection<Long> commentIds);

    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            UPDATE comment SET recommend_count = recommend_count - 1
            WHERE id IN (SELECT comment_id FROM comment_recommendation WHERE account_id = :account)""")
    int withdrawRecommendationsOf(@Param("account") long accountId);

    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = "DELETE FROM comment_recommendation WHERE account_id = :account")
    int deleteRecommendationsOf(@Param("account") long accountId);

    // ---------------------------------------------------------------- reports

    @Query(nativeQuery = true, value = """
            SELECT COUNT(*) FROM comment_report WHERE comment_id = :comment AND account_id = :account""")
    int countReports(@Param("comment") long commentId, @Param("account") long accountId);

    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            INSERT INTO comment_report (comment_id, account_id, reason, note, created_at)
            VALUES (:comment, :account, :reason, :note, :at)""")
    int report(@Param("comment") long commentId, @Param("account") Long accountId, @Param("reason") String reason,
            @Param("note") String note, @Param("at") Instant at);

    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = "UPDATE comment SET report_count = report_count + 1 WHERE id = :comment")
    int countReport(@Param("comment") long commentId);

    // ---------------------------------------------------------------- ignored readers

    @Query(nativeQuery = true, value = "SELECT ignored_id FROM ignored_reader WHERE account_id = :account")
    List<Long> findIgnored(@Param("account") long accountId);

    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            INSERT INTO ignored_reader (account_id, ignored_id, created_at) SELECT :account, :ignored, :at
            WHERE NOT EXISTS (SELECT 1 FROM ignored_reader WHERE account_id = :account AND ignored_id = :ignored)""")
    int ignore(@Param("account") long accountId, @Param("ignored") long ignoredId, @Param("at") Instant at);

    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = "DELETE FROM ignored_reader WHERE account_id = :account AND ignored_id = :ignored")
    int unignore(@Param("account") long accountId, @Param("ignored") long ignoredId);

    // ---------------------------------------------------------------- deleted accounts

    @Query("""
            select c.articleId, count(c) from Comment c
            where c.authorId = :author and c.status = org.broadsheet.comment.CommentStatus.VISIBLE
            group by c.articleId""")
    List<Object[]> countVisibleByArticle(@Param("author") long authorId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            DELETE FROM comment WHERE author_id = :author AND status = 'HELD'""")
    int deleteHeldOf(@Param("author") long authorId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            UPDATE comment SET status = 'DELETED', body = NULL, body_html = NULL, author_id = NULL,
              idempotency_key = NULL
            WHERE author_id = :author""")
    int anonymise(@Param("author") long authorId);
}
