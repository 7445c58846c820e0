package org.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.AuthorPage;
import org.broadsheet.article.Views.FrontPage;
import org.broadsheet.article.Views.Lead;
import org.broadsheet.article.Views.SectionBlock;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.article.Views.SectionPage;
import org.broadsheet.article.Views.TagLink;
import org.broadsheet.article.Views.TagPage;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.shared.SiteProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pages readers see, as records (the front page, an article, a section, an author, a tag), the cards other
 * modules list and what the comments module needs of an article; each read in a small, fixed number of
 * statements, with the section tree kept between pages. The editors' list is {@link ArticleDesk}, the sitemaps
 * {@link Sitemaps}, and loading content without the desk's form {@link ArticleImports}.
 */
@Service
@Transactional(readOnly = true)
public class ArticleService {

    public static final int PAGE_SIZE = 20;
    private static final int FRONT_PAGE_POOL = 120;
    private static final int RELATED = 4;

    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final TagRepository tags;
    private final SlugHistoryRepository slugHistory;
    private final Datelines datelines;
    private final SiteProperties site;
    private final Clock clock;
    private final CorrectionRepository corrections;
    private volatile SectionTree sectionTree;
    /** Counts changes to the sections, so that a tree read while one happened is not kept. */
    private final AtomicLong sectionChanges = new AtomicLong();

    ArticleService(ArticleRepository articles, SectionRepository sections, AuthorRepository authors,
            TagRepository tags, SlugHistoryRepository slugHistory, Datelines datelines, SiteProperties site, Clock clock,
            CorrectionRepository corrections) {
        this.corrections = corrections;
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.slugHistory = slugHistory;
        this.datelines = datelines;
        this.site = site;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    /** The top-level sections, in front-page order, for the site's navigation. */
    public List<SectionLink> navigation() {
        return tree().roots().stream().map(SectionTree::link).toList();
    }

    /**
     * The front page: the stories editors pinned (those readers can see), then the latest ones in the places
     * left. Read in three statements however many stories are pinned: the pins, the latest, all their bylines.
     */
    public FrontPage frontPage() {
        Instant now = clock.instant();
        List<PinnedArticle> pinned = articles.findVisiblePins(now);
        List<Article> newest = articles.findVisible(now, PageRequest.of(0, FRONT_PAGE_POOL)).getContent();
        List<Article> both = new ArrayList<>(newest);
        Set<Long> newestIds = newest.stream().map(Article::getId).collect(Collectors.toSet());
        pinned.stream().map(PinnedArticle::article).filter(a -> !newestIds.contains(a.getId())).forEach(both::add);
        Map<Long, ArticleCard> cardsById = cards(both).stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
        List<ArticleCard> pool = newest.stream().map(a -> cardsById.get(a.getId())).toList();
        ArticleCard lead = null;
        List<ArticleCard> top = new ArrayList<>();
        for (PinnedArticle pin : pinned) {
            ArticleCard card = cardsById.get(pin.article().getId());
            if (pin.slot() == PinSlot.LEAD) {
                lead = card;
            } else if (top.size() < 4) {
                top.add(card);
            }
        }
        Set<Long> shown = new LinkedHashSet<>();
        top.forEach(card -> shown.add(card.id()));
        if (lead == null) {
            // The latest story that is not pinned as a top story; the first top story if every one is.
            lead = pool.stream().filter(card -> !shown.contains(card.id())).findFirst()
                    .orElseGet(() -> top.isEmpty() ? null : top.remove(0));
        }
        if (lead == null) {
            return new FrontPage(null, List.of(), List.of(), List.of());
        }
        shown.add(lead.id());
        top.addAll(take(pool, shown, 4 - top.size(), ArticleCard::pictured));
        List<ArticleCard> latest = take(pool, shown, 6, card -> true);
        SectionTree tree = tree();
        List<SectionBlock> blocks = new ArrayList<>();
        for (Section root : tree.roots()) {
            Set<Long> subtree = tree.subtree(root.getId());
            List<ArticleCard> inSection = take(pool, shown, 4, card -> subtree.contains(card.section().id()));
            if (!inSection.isEmpty()) {
                blocks.add(new SectionBlock(SectionTree.link(root), inSection));
            }
        }
        return new FrontPage(lead, top, latest, blocks);
    }

    private static List<ArticleCard> take(List<ArticleCard> pool, Set<Long> shown, int max,
            java.util.function.Predicate<ArticleCard> filter) {
        List<ArticleCard> taken = new ArrayList<>();
        for (ArticleCard card : pool) {
            if (taken.size() == max) {
                break;
            }
            if (!shown.contains(card.id()) && filter.test(card)) {
                taken.add(card);
                shown.add(card.id());
            }
        }
        return taken;
    }

    /**
     * Finds a visible article by its slug, or by a slug it once had.
     *
     * @throws NotFoundException when no visible article has or had that slug
     */
    public ArticleLookup article(String slug) {
        Instant now = clock.instant();
        Optional<Article> found = articles.findVisibleBySlug(slug, now);
        if (found.isEmpty()) {
            return slugHistory.findById(slug)
                    .flatMap(old -> articles.findVisibleByIds(List.of(old.getArticleId()), now).stream().findFirst())
                    .map(current -> (ArticleLookup) new ArticleLookup.Moved(url(current)))
                    .orElseThrow(() -> new NotFoundException("article " + slug));
        }
        return new ArticleLookup.Found(page(found.get(), now));
    }

    ArticlePage page(Article article, Instant now) {
        SectionTree tree = tree();
        List<Long> tagIds = articles.findTagIds(article.getId());
        List<Long> relatedIds = articles.findRelatedIds(article.getId(), tagIds.isEmpty() ? List.of(-1L) : tagIds,
                article.getPrimarySectionId(), now, RELATED);
        List<Article> related = orderBy(articles.findVisibleByIds(relatedIds.isEmpty() ? List.of(-1L) : relatedIds,
                now), relatedIds);
        List<Long> bylineIds = new ArrayList<>();
        bylineIds.add(article.getId());
        related.forEach(r -> bylineIds.add(r.getId()));
        List<BylineRow> bylineRows = articles.findBylines(bylineIds);
        Map<Long, List<AuthorLink>> bylines = bylinesOf(bylineRows);
        Set<Long> authorAccounts = authorAccounts(bylineRows, article.getId());
        List<TagLink> tagLinks = articles.findTags(article.getId()).stream()
                .map(t -> new TagLink(t.slug(), t.name(), "/tags/" + t.slug())).toList();
        List<SectionLink> further = articles.findFurtherSectionIds(article.getId()).stream()
                .map(id -> SectionTree.link(tree.byId(id))).toList();
        List<Views.CorrectionNote> notes = corrections.findByArticle(article.getId()).stream()
                .map(c -> CorrectionService.note(c, datelines)).toList();
        // A draft's preview is dated now, as it would be if it were published now.
        Instant published = article.getPublishedAt() != null ? article.getPublishedAt() : now;
        Instant changed = article.getUpdatedAt() != null && article.getUpdatedAt().isAfter(published)
                ? article.getUpdatedAt() : null;
        return new ArticlePage(article.getId(), article.getSlug(), url(article), article.getHeadline(),
                article.getStandfirst(), article.getType().label(), tree.breadcrumb(article.getPrimarySectionId()),
                further, bylines.getOrDefault(article.getId(), List.of()), datelines.of(published),
                datelines.of(changed), changed != null ? changed : published,
                article.getCommentCount(), article.isCommentsOpen(), lead(article.getLead()), article.getBodyHtml(),
                tagLinks, related.stream().map(r -> card(r, bylines)).toList(),
                article.getSeoTitle() != null ? article.getSeoTitle() : article.getHeadline(),
                article.getSeoDescription() != null ? article.getSeoDescription() : article.getStandfirst(),
                authorAccounts, socialImage(article), notes);
    }

    private static Set<Long> authorAccounts(List<BylineRow> rows, long articleId) {
        return rows.stream().filter(row -> row.articleId() == articleId && row.accountId() != null)
                .map(BylineRow::accountId).collect(Collectors.toUnmodifiableSet());
    }

    /** The visible article with this id as the comments module needs it, or empty. */
    public Optional<Views.CommentTarget> commentTarget(long articleId) {
        return articles.findVisibleByIds(List.of(articleId), clock.instant()).stream().findFirst()
                .map(article -> new Views.CommentTarget(article.getId(), url(article), article.getHeadline(),
                        article.isCommentsOpen(), article.getCommentCount(),
                        authorAccounts(articles.findBylines(List.of(article.getId())), article.getId())));
    }

    /** Headlines and addresses of these visible articles, by id, for lists of comments across articles. */
    public Map<Long, ArticleCard> cardsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return cards(articles.findVisibleByIds(List.copyOf(ids), clock.instant())).stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
    }

    public SectionPage section(String slug, int page) {
        SectionTree tree = tree();
        Section section = tree.bySlug(slug).orElseThrow(() -> new NotFoundException("section " + slug));
        Page<Article> found = articles.findVisibleInSections(tree.subtree(section.getId()), clock.instant(),
                pageRequest(page));
        return new SectionPage(SectionTree.link(section), section.getDescription(),
                tree.breadcrumb(section.getId()),
                tree.children(section.getId()).stream().map(SectionTree::link).toList(), paged(found, page));
    }

    public AuthorPage author(String slug, int page) {
        Author author = authors.findBySlug(slug).orElseThrow(() -> new NotFoundException("author " + slug));
        Page<Article> found = articles.findVisibleByAuthor(author.getId(), clock.instant(), pageRequest(page));
        return new AuthorPage(authorLink(author), author.getBio(), author.getPhotoUrl(), paged(found, page));
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
            case SITE -> articles.findVisible(now, request).getContent();
            case SECTION -> {
                Section section = tree().bySlug(scope.slug())
                        .orElseThrow(() -> new NotFoundException("section " + scope.slug()));
                yield articles.findVisibleInSections(tree().subtree(section.getId()), now, request).getContent();
            }
            case AUTHOR -> {
                Author author = authors.findBySlug(scope.slug())
                        .orElseThrow(() -> new NotFoundException("author " + scope.slug()));
                yield articles.findVisibleByAuthor(author.getId(), now, request).getContent();
            }
        };
        return cards(found);
    }

    static String deskStatus(Article article, Instant now) {
        if (article.getStatus() == ArticleStatus.DRAFT || article.getPublishedAt() == null) {
            return "draft";
        }
        return article.getPublishedAt().isAfter(now) || article.getStatus() == ArticleStatus.SCHEDULED
                ? "scheduled" : "published";
    }

    /** When an editor last saved the article, or else when it was last updated or created. */
    static Instant lastChange(Article article) {
        Instant last = article.getCreatedAt();
        for (Instant at : new Instant[] {article.getUpdatedAt(), article.getSavedAt()}) {
            if (at != null && at.isAfter(last)) {
                last = at;
            }
        }
        return last;
    }

    /** Cards for these article ids, in the given order, skipping any that readers cannot see. */
    public List<ArticleCard> cardsFor(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return cards(orderBy(articles.findVisibleByIds(ids, clock.instant()), ids));
    }

    /**
     * Adds {@code delta} to the article's comment count with one atomic statement; the comments module calls it
     * in the transaction that adds or removes a comment.
     */
    @Transactional
    public void adjustCommentCount(long articleId, int delta) {
        if (delta != 0) {
            articles.adjustCommentCount(articleId, delta);
        }
    }

    // ---------------------------------------------------------------- mapping

    /**
     * How long the section tree is kept before the sections are read again. Instances of the site do not tell
     * each other about changes, so a section saved on another one reaches this one's pages (and its new address
     * their links) within this time; an article in a section the tree does not know yet reads them at once.
     */
    static final Duration SECTION_TREE_LIFETIME = Duration.ofSeconds(10);

    /** Drops the cached section tree, so that the next page reads the sections again (after they changed here). */
    void forgetSections() {
        sectionChanges.incrementAndGet();
        sectionTree = null;
    }

    /** The sections, read again once they are {@link #SECTION_TREE_LIFETIME} old by the site's clock. */
    SectionTree tree() {
        SectionTree tree = sectionTree;
        if (tree == null || tree.olderThan(SECTION_TREE_LIFETIME, clock.instant())) {
            tree = readSections();
        }
        return tree;
    }

    /** Reads the sections and keeps them for the pages that follow. */
    private SectionTree readSections() {
        long changes = sectionChanges.get();
        SectionTree tree = readSectionsUnkept();
        // A tree read while the sections changed is used by this page but not kept for the next ones.
        if (sectionChanges.get() == changes) {
            sectionTree = tree;
        }
        return tree;
    }

    /** The sections as they are now, for this caller only. */
    SectionTree readSectionsUnkept() {
        // The time before the query, so that a tree is never taken for newer than what it was read from.
        Instant readAt = clock.instant();
        return new SectionTree(sections.findAll(), readAt, this::readSections);
    }

    String url(Article article) {
        Section section = tree().byId(article.getPrimarySectionId());
        // A draft has no publication time yet; its preview is shown at the address it would have today.
        Instant published = article.getPublishedAt() != null ? article.getPublishedAt() : clock.instant();
        return ArticleUrls.path(section.getSlug(), published, site.zone(), article.getSlug());
    }

    private List<ArticleCard> cards(List<Article> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AuthorLink>> bylines = bylines(list.stream().map(Article::getId).toList());
        return list.stream().map(a -> card(a, bylines)).toList();
    }

    private ArticleCard card(Article a, Map<Long, List<AuthorLink>> bylines) {
        return new ArticleCard(a.getId(), url(a), a.getHeadline(), a.getStandfirst(), a.getType().label(),
                SectionTree.link(tree().byId(a.getPrimarySectionId())), bylines.getOrDefault(a.getId(), List.of()),
                datelines.of(a.getPublishedAt()), lead(a.getLead()), a.getCommentCount(), a.isCommentsOpen(),
                datelines.onCard(a.getPublishedAt(), clock.instant()));
    }

    Map<Long, List<AuthorLink>> bylines(List<Long> articleIds) {
        return bylinesOf(articles.findBylines(articleIds));
    }

    private static Map<Long, List<AuthorLink>> bylinesOf(List<BylineRow> rows) {
        Map<Long, List<AuthorLink>> result = new HashMap<>();
        rows.stream()
                .sorted(Comparator.comparing(BylineRow::position))
                .forEach(row -> result.computeIfAbsent(row.articleId(), k -> new ArrayList<>())
                        .add(new AuthorLink(row.authorId(), row.slug(), row.name(), row.roleTitle(),
                                "/authors/" + row.slug())));
        return result;
    }

    static AuthorLink authorLink(Author a) {
        return new AuthorLink(a.getId(), a.getSlug(), a.getName(), a.getRoleTitle(), "/authors/" + a.getSlug());
    }

    private static Lead lead(LeadMedia m) {
        if (m == null || m.kind() == null) {
            return null;
        }
        return new Lead(m.kind().name(), m.url(), m.alt(), m.caption(), m.credit(), m.posterUrl(), m.captionsUrl(),
                m.width(), m.height(), m.srcset());
    }

    /** The picture shown when the article is shared: the editor's choice, else the lead picture or poster. */
    private static String socialImage(Article article) {
        if (article.getSeoImage() != null) {
            return article.getSeoImage();
        }
        Lead lead = lead(article.getLead());
        return lead == null ? null : lead.picture();
    }

    private static List<Article> orderBy(List<Article> found, List<Long> ids) {
        Map<Long, Article> byId = found.stream().collect(Collectors.toMap(Article::getId, Function.identity()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static PageRequest pageRequest(int page) {
        return PageRequest.of(Math.max(0, page - 1), PAGE_SIZE);
    }

    private PagedResult<ArticleCard> paged(Page<Article> page, int number) {
        if (number > 1 && page.isEmpty()) {
            throw new NotFoundException("page " + number);
        }
        return new PagedResult<>(cards(page.getContent()), Math.max(1, number), PAGE_SIZE, page.getTotalElements());
    }
}
