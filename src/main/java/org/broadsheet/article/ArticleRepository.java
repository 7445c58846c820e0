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

    /** The newest visible articles, without counting them all as a {@link Page} would (a query over every row). */
    @Query("select a from Article a where " + VISIBLE + " order by a.publishedAt desc, a.id desc")
    List<Article> findNewestVisible(@Param("now") Instant now, Pageable pageable);

    String IN_SECTIONS = """
            FROM article a WHERE a.status = 'PUBLISHED' AND a.published_at <= :now
              AND (a.primary_section_id IN (:sections)
                OR a.id IN (SELECT f.article_id FROM article_section f WHERE f.section_id IN (:sections)))""";

    /**
     * One page of a section's articles (its subsections' included), newest first. The page's ids are found from
     * the index {@code ix_article_listing} alone (an index-only scan in PostgreSQL), so that skipping to a deep
     * page reads no article rows; only the page's own rows are read.
     */
    @Query(value = "SELECT * FROM article WHERE id IN (SELECT a.id " + IN_SECTIONS
            + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset)"
            + " ORDER BY published_at DESC, id DESC", nativeQuery = true)
    List<Article> findVisibleInSections(@Param("sections") Collection<Long> sectionIds, @Param("now") Instant now,
            @Param("limit") int limit, @Param("offset") long offset);

    /**
     * One page of a section's articles that continues after the article at {@code (at, id)} in the list's order,
     * skipping {@code offset}: from a {@link ListingMarks.Mark}, a range of {@code ix_article_listing} that starts
     * at the mark rather than at the newest article.
     */
    @Query(value = "SELECT * FROM article WHERE id IN (SELECT a.id " + IN_SECTIONS
            + " AND (a.published_at, a.id) < (:at, :id)"
            + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset)"
            + " ORDER BY published_at DESC, id DESC", nativeQuery = true)
    List<Article> findVisibleInSectionsAfter(@Param("sections") Collection<Long> sectionIds,
            @Param("now") Instant now, @Param("at") Instant at, @Param("id") long id, @Param("limit") int limit,
            @Param("offset") long offset);

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
     * Articles most like this one: those sharing most tags first, then others of its section, newest first. The
     * candidates are bounded, so the cost stays the same however many articles the site has: the latest
     * {@code candidates} articles (by id) with any of its tags, read from {@code ix_article_tag_tag_article},
     * and the newest {@code limit} of its section.
     */
    @Query(value = """
            SELECT a.id FROM article a
            JOIN (SELECT c.id, SUM(c.shared) AS shared FROM (
                    SELECT t.id, t.shared FROM (
                        SELECT r.article_id AS id, COUNT(*) AS shared FROM article_tag r
                        WHERE r.tag_id IN (:tags) AND r.article_id <> :id
                        GROUP BY r.article_id ORDER BY r.article_id DESC LIMIT :candidates) t
                    UNION ALL
                    SELECT s.id, 0 AS shared FROM (
                        SELECT n.id FROM article n WHERE n.primary_section_id = :section AND n.status = 'PUBLISHED'
                          AND n.published_at <= :now AND n.id <> :id
                        ORDER BY n.published_at DESC LIMIT :limit) s
                  ) c GROUP BY c.id) m ON m.id = a.id
            WHERE a.status = 'PUBLISHED' AND a.published_at <= :now
            ORDER BY m.shared DESC, a.published_at DESC, a.id DESC
            LIMIT :limit""", nativeQuery = true)
    List<Long> findRelatedIds(@Param("id") long articleId, @Param("tags") Collection<Long> tagIds,
            @Param("section") long sectionId, @Param("now") Instant now, @Param("limit") int limit,
            @Param("candidates") int candidates);

    @Query("select t.id from Article a join a.tags t where a.id = :id")
    List<Long> findTagIds(@Param("id") long articleId);

    /** An article as a sitemap lists it: enough for its address and its last change. */
    record SitemapRow(long id, String slug, Long sectionId, Instant publishedAt, Instant updatedAt) {
    }

    @Query("select new org.broadsheet.article.ArticleRepository$SitemapRow(a.id, a.slug, a.primarySectionId,"
            + " a.publishedAt, a.updatedAt) from Article a where " + VISIBLE
            + " and a.publishedAt >= :from and a.publishedAt < :to order by a.publishedAt desc, a.id desc")
    List<SitemapRow> findSitemapRows(@Param("from") Instant from, @Param("to") Instant to, @Param("now") Instant now,
            Pageable pageable);

    @Query("select a from Article a where " + VISIBLE + " and a.publishedAt >= :since order by a.publishedAt desc")
    List<Article> findVisibleSince(@Param("since") Instant since, @Param("now") Instant now);

    @Query("select min(a.publishedAt) from Article a where " + VISIBLE)
    Optional<Instant> findFirstPublication(@Param("now") Instant now);

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
