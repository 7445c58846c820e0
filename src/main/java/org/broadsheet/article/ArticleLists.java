package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.AuthorPage;
import org.broadsheet.article.Views.SectionPage;
import org.broadsheet.article.Views.TagLink;
import org.broadsheet.article.Views.TagPage;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of articles readers page through: a section (with its subsections), an author, a topic, and the
 * newest articles for feeds; each page of 20 in a fixed number of statements (the page, its count, its bylines).
 * A section's pages are counted and found from its {@link ListingMarks}, so that a deep page costs what the first
 * does.
 */
@Service
@Transactional(readOnly = true)
public class ArticleLists {

    public static final int PAGE_SIZE = 20;

    private final ArticleRepository articles;
    private final AuthorRepository authors;
    private final TagRepository tags;
    private final SectionTrees sections;
    private final ListingMarks marks;
    private final ArticleCards cards;
    private final Clock clock;

    ArticleLists(ArticleRepository articles, AuthorRepository authors, TagRepository tags, SectionTrees sections,
            ListingMarks marks, ArticleCards cards, Clock clock) {
        this.articles = articles;
        this.authors = authors;
        this.tags = tags;
        this.sections = sections;
        this.marks = marks;
        this.cards = cards;
        this.clock = clock;
    }

    public SectionPage section(String slug, int page) {
        SectionTree tree = sections.tree();
        Section section = tree.bySlug(slug).orElseThrow(() -> new NotFoundException("section " + slug));
        Page<Article> found = inSections(tree.subtree(section.getId()), clock.instant(), pageRequest(page));
        return new SectionPage(SectionTree.link(section), section.getDescription(),
                tree.breadcrumb(section.getId()),
                tree.children(section.getId()).stream().map(SectionTree::link).toList(), paged(found, page));
    }

    public AuthorPage author(String slug, int page) {
        Author author = authors.findBySlug(slug).orElseThrow(() -> new NotFoundException("author " + slug));
        Page<Article> found = articles.findVisibleByAuthor(author.getId(), clock.instant(), pageRequest(page));
        return new AuthorPage(ArticleCards.authorLink(author), author.getBio(), author.getPhotoUrl(),
                paged(found, page));
    }

    public TagPage tag(String slug, int page) {
        Tag tag = tags.findBySlug(slug).orElseThrow(() -> new NotFoundException("tag " + slug));
        Page<Article> found = articles.findVisibleByTag(tag.getId(), clock.instant(), pageRequest(page));
        return new TagPage(new TagLink(tag.getSlug(), tag.getName(), "/tags/" + tag.getSlug()), paged(found, page));
    }

    /** The newest articles of the whole site, a section (with its subsections) or an author, for feeds. */
    public List<ArticleCard> latest(FeedScope scope, int limit) {
        Instant now = clock.instant();
        PageRequest request = PageRequest.of(0, limit);
        List<Article> found = switch (scope.kind()) {
            case SITE -> articles.findNewestVisible(now, request);
            case SECTION -> {
                SectionTree tree = sections.tree();
                Section section = tree.bySlug(scope.slug())
                        .orElseThrow(() -> new NotFoundException("section " + scope.slug()));
                yield articles.findVisibleInSections(tree.subtree(section.getId()), now, limit, 0);
            }
            case AUTHOR -> {
                Author author = authors.findBySlug(scope.slug())
                        .orElseThrow(() -> new NotFoundException("author " + scope.slug()));
                yield articles.findVisibleByAuthor(author.getId(), now, request).getContent();
            }
        };
        return cards.cards(found);
    }

    /** A page of the sections' articles, from the mark before it, counted by the marks. */
    private Page<Article> inSections(Collection<Long> sectionIds, Instant now, PageRequest request) {
        ListingMarks.Marks listing = marks.of(sectionIds, now);
        ListingMarks.Start start = listing.start(request.getOffset());
        List<Article> found = start.after() == null
                ? articles.findVisibleInSections(sectionIds, now, request.getPageSize(), start.skip())
                : articles.findVisibleInSectionsAfter(sectionIds, now, start.after().publishedAt(),
                        start.after().id(), request.getPageSize(), start.skip());
        return new PageImpl<>(found, request, listing.total());
    }

    private static PageRequest pageRequest(int page) {
        return PageRequest.of(Math.max(0, page - 1), PAGE_SIZE);
    }

    private PagedResult<ArticleCard> paged(Page<Article> page, int number) {
        if (number > 1 && page.isEmpty()) {
            throw new NotFoundException("page " + number);
        }
        return new PagedResult<>(cards.cards(page.getContent()), Math.max(1, number), PAGE_SIZE,
                page.getTotalElements());
    }
}
