package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The queries of the editors' catalogue pages (authors, sections, tags, front-page pins) that the reader's
 * pages never need, kept apart from the repositories those pages use.
 */
interface CatalogueRepository extends Repository<Section, Long> {

    /**
     * Every section, locked until the transaction ends: saves of sections run one at a time, so that two
     * editors moving sections at once cannot make a loop between them.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Section s order by s.id")
    List<Section> lockAllSections();

    /** Articles whose address contains the section's slug: published ones and those scheduled to be. */
    @Query("select count(a) from Article a where a.primarySectionId = :id"
            + " and a.status <> org.broadsheet.article.ArticleStatus.DRAFT")
    long countPublicInSection(@Param("id") long sectionId);

    @Query("select new org.broadsheet.article.IdCount(a.primarySectionId, count(a)) from Article a"
            + " group by a.primarySectionId")
    List<IdCount> countBySection();

    @Query("select new org.broadsheet.article.IdCount(au.id, count(a)) from Article a join a.authors au"
            + " group by au.id")
    List<IdCount> countByAuthor();

    @Query("select new org.broadsheet.article.IdCount(t.id, count(a)) from Article a join a.tags t group by t.id")
    List<IdCount> countByTag();

    @Query("select count(a) from Article a join a.tags t where t.id = :id")
    long countWithTag(@Param("id") long tagId);

    /** The newest visible articles, for the front page's choices. */
    @Query("select a.id from Article a where " + ArticleRepository.VISIBLE + " order by a.publishedAt desc, a.id desc")
    List<Long> findLatestVisibleIds(@Param("now") Instant now, Pageable pageable);

    /** Visible articles whose headline contains the text (a pattern escaped with backslashes), or with that id. */
    @Query("select a.id from Article a where " + ArticleRepository.VISIBLE
            + " and (lower(a.headline) like :pattern escape '\\' or a.id = :id)"
            + " order by a.publishedAt desc, a.id desc")
    List<Long> searchVisibleIds(@Param("pattern") String pattern, @Param("id") long id, @Param("now") Instant now,
            Pageable pageable);
}
