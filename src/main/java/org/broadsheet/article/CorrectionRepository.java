package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CorrectionRepository extends JpaRepository<Correction, Long> {

    /** The notes of one article, oldest first, as they are printed under it. */
    @Query("select c from Correction c where c.articleId = :article order by c.createdAt, c.id")
    List<Correction> findByArticle(@Param("article") long articleId);

    /** The notes of every article readers can see, newest first, for the public corrections page. */
    @Query(value = "select c from Correction c, Article a where a.id = c.articleId and "
            + ArticleRepository.VISIBLE + " order by c.createdAt desc, c.id desc",
            countQuery = "select count(c) from Correction c, Article a where a.id = c.articleId and "
                    + ArticleRepository.VISIBLE)
    Page<Correction> findVisible(@Param("now") Instant now, Pageable pageable);

    /**
     * Moves the article's "Updated" time with one statement that leaves its version alone: an editor who has the
     * article's form open can still save it without a conflict.
     */
    @Modifying(flushAutomatically = true)
    @Query("update Article a set a.updatedAt = :at where a.id = :id")
    int markArticleUpdated(@Param("id") long articleId, @Param("at") Instant at);
}
