package org.broadsheet.article;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ArticleRevisionRepository extends JpaRepository<ArticleRevision, Long> {

    /** Who saved each revision and when, newest first, without the snapshots. */
    @Query("select new org.broadsheet.article.RevisionListing(r.number, r.createdAt, r.createdBy, r.note,"
            + " r.headline) from ArticleRevision r where r.articleId = :article order by r.number desc")
    List<RevisionListing> list(@Param("article") long articleId);

    Optional<ArticleRevision> findByArticleIdAndNumber(long articleId, int number);

    @Query("select coalesce(max(r.number), 0) from ArticleRevision r where r.articleId = :article")
    int lastNumber(@Param("article") long articleId);
}
