package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.PagedResult;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The editors' list of articles at {@code /admin/articles}: drafts, scheduled and published, filtered and sorted. */
@Service
@Transactional(readOnly = true)
public class ArticleDesk {

    private final ArticleRepository articles;
    private final AuthorRepository authors;
    private final ArticleCards cards;
    private final SectionTrees sections;
    private final Datelines datelines;
    private final Clock clock;

    ArticleDesk(ArticleRepository articles, AuthorRepository authors, ArticleCards cards, SectionTrees sections,
            Datelines datelines, Clock clock) {
        this.articles = articles;
        this.authors = authors;
        this.cards = cards;
        this.sections = sections;
        this.datelines = datelines;
        this.clock = clock;
    }

    /**
     * The editors' list of every article, drafts and scheduled ones included, filtered and in the order asked
     * for; an unknown section or author matches nothing.
     */
    public Views.DeskPage desk(DeskQuery query) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree();
        Set<Long> sectionIds = null;
        if (query.section() != null && !query.section().isBlank()) {
            sectionIds = tree.bySlug(query.section()).map(section -> tree.subtree(section.getId()))
                    .orElse(Set.of(-1L));
        }
        Long authorId = null;
        if (query.author() != null && !query.author().isBlank()) {
            authorId = authors.findBySlug(query.author()).map(Author::getId).orElse(-1L);
        }
        // By publication time here (drafts last); by last change in the specification itself, as that is a
        // computed value.
        Sort order = query.byPublished()
                ? Sort.by(Sort.Order.desc("publishedAt").nullsLast(), Sort.Order.desc("id"))
                : Sort.unsorted();
        int page = Math.max(1, query.page());
        Page<Article> found = articles.findAll(DeskSpecifications.matching(query, sectionIds, authorId, now),
                PageRequest.of(page - 1, DeskQuery.PAGE_SIZE, order));
        Map<Long, List<AuthorLink>> bylines = found.isEmpty() ? Map.of()
                : cards.bylines(found.getContent().stream().map(Article::getId).toList());
        List<Views.DeskRow> rows = found.getContent().stream().map(a -> new Views.DeskRow(a.getId(),
                a.getHeadline(), ArticleService.deskStatus(a, now), SectionTree.link(tree.byId(a.getPrimarySectionId())),
                bylines.getOrDefault(a.getId(), List.of()), datelines.of(ArticleService.lastChange(a)),
                a.getPublishedAt() == null ? null : datelines.of(a.getPublishedAt()),
                "published".equals(ArticleService.deskStatus(a, now)) ? cards.url(a) : null, a.getCommentCount()))
                .toList();
        List<SectionLink> sectionLinks = tree.roots().stream()
                .flatMap(root -> tree.subtree(root.getId()).stream().map(tree::byId))
                .map(SectionTree::link).toList();
        List<AuthorLink> authorLinks = authors.findAll(Sort.by("name")).stream()
                .map(ArticleCards::authorLink).toList();
        return new Views.DeskPage(new PagedResult<>(rows, page, DeskQuery.PAGE_SIZE, found.getTotalElements()),
                sectionLinks, authorLinks);
    }
}
