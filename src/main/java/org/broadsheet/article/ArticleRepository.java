package org.broadsheet.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ArticleRepository extends JpaRepository<Article, Long>, JpaSpecificationExecutor<Article> {

    String VISIBLE = "a.status = org.broadsheet.article.ArticleStatus.PUBLISHED and a.publishedAt <= :now";

    @Query("select a from Article a where a.slug = :slug and " + VISIBLE)
    Optional<Article> findVisibleBySlug(@Param("slug") String slug, @Param("now") Instant now);

    Optional<Article> findBySlug(String slug);

    boolean existsBySlug(String slug);

    @Query("select a from Article a where a.id in :ids and " + VISIBLE)
    List<Article> findVisibleByIds(@Param("ids") Collection<Long> ids, @Param("now") Instant now);

    /** The front page's pinned stories that readers can see now; pins of unpublished or scheduled ones are left out. */
    @Query("select new org.broadsheet.article.PinnedArticle(a, p.slot, p.position) from FrontPagePin p"
            + " join Article a on a.id = p.articleId where " + VISIBLE + " order by p.slot, p.position")
    List<PinnedArticle> findVisiblePins(@Param("now") Instant now);

    @Query("select a from Article a where " + VISIBLE + " order by a.publishedAt desc, a.id desc")
    Page<Article> findVisible(@Param("now") Instant now, Pageable pageable);

    @Query("""
            select a from Article a where a.status = org.broadsheet.article.ArticleStatus.PUBLISHED
              and a.publishedAt <= :now and (a.primarySectionId in :sections
              or a.id in (select b.id from Article b join b.furtherSectionIds f where f in :sections))
            order by a.publishedAt desc, a.id desc""")
    Page<Article> findVisibleInSections(@Param("sections") Collection<Long> sectionIds, @Param("now") Instant now,
            Pageable pageable);

    @Query("""
            select a from Article a where a.status = org.broadsheet.article.ArticleStatus.PUBLISHED
              and a.publishedAt <= :now
              and a.id in (select b.id from Article b join b.authors au where au.id = :author)
            order by a.publishedAt desc, a.id desc""")
    Page<Article> findVisibleByAuthor(@Param("author") long authorId, @Param("now") Instant now, Pageable pageable);

    @Query("""
            select a from Article a where a.status = org.broadsheet.article.ArticleStatus.PUBLISHED
              and a.publishedAt <= :now
              and a.id in (select b.id from Article b join b.tags t where t.id = :tag)
            order by a.publishedAt desc, a.id desc""")
    Page<Article> findVisibleByTag(@Param("tag") long tagId, @Param("now") Instant now, Pageable pageable);

    @Query("""
            select new org.broadsheet.article.BylineRow(a.id, au.id, au.slug, au.name, au.roleTitle, index(au), au.accountId)
            from Article a join a.authors au where a.id in :ids""")
    List<BylineRow> findBylines(@Param("ids") Collection<Long> articleIds);

    @Query("select new org.broadsheet.article.TagRow(t.slug, t.name) from Article a join a.tags t "
            + "where a.id = :id order by t.name")
    List<TagRow> findTags(@Param("id") long articleId);

    @Query("select f from Article a join a.furtherSectionIds f where a.id = :id")
    List<Long> findFurtherSectionIds(@Param("id") long articleId);

    /**
     * Articles most like this one: those sharing most tags first, then others of its section, newest first.
     */
    @Query(value = """
            SELECT a.id FROM article a
            LEFT JOIN article_tag t ON t.article_id = a.id AND t.tag_id IN (:tags)
            WHERE a.status = 'PUBLISHED' AND a.published_at <= :now AND a.id <> :id
              AND (t.tag_id IS NOT NULL OR a.primary_section_id = :section)
            GROUP BY a.id, a.published_at
            ORDER BY COUNT(t.tag_id) DESC, a.published_at DESC
            LIMIT :limit""", nativeQuery = true)
    List<Long> findRelatedIds(@Param("id") long articleId, @Param("tags") Collection<Long> tagIds,
            @Param("section") long sectionId, @Param("now") Instant now, @Param("limit") int limit);

    @Query("select t.id from Article a join a.tags t where a.id = :id")
    List<Long> findTagIds(@Param("id") long articleId);

    @Query("select a from Article a where " + VISIBLE + " and a.publishedAt >= :since order by a.publishedAt desc")
    List<Article> findVisibleSince(@Param("since") Instant since, @Param("now") Instant now);

    @Query("select max(coalesce(a.updatedAt, a.publishedAt)) from Article a where " + VISIBLE)
    Optional<Instant> findLastChange(@Param("now") Instant now);

    /** Adds {@code delta} to the article's comment count in one statement, so concurrent comments all count. */
    @Modifying(flushAutomatically = true)
    @Query("update Article a set a.commentCount = a.commentCount + :delta where a.id = :id")
    int adjustCommentCount(@Param("id") long articleId, @Param("delta") int delta);

    /** Scheduled articles whose publication time has come. */
    @Query("select a from Article a where a.status = org.broadsheet.article.ArticleStatus.SCHEDULED"
            + " and a.publishedAt <= :now order by a.publishedAt")
    List<Article> findDue(@Param("now") Instant now);

    /**
     * Publishes a scheduled article whose time has come, if it still is scheduled: of several instances racing,
     * exactly one sees 1. The version is left alone; an editor's open form does not conflict with the scheduler.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Article a set a.status = org.broadsheet.article.ArticleStatus.PUBLISHED where a.id = :id"
            + " and a.status = org.broadsheet.article.ArticleStatus.SCHEDULED and a.publishedAt <= :now")
    int markPublished(@Param("id") long articleId, @Param("now") Instant now);
}
