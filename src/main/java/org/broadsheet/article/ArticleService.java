package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.Lead;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.article.Views.TagLink;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An article as readers read it: its page (found by its slug, or by a slug it once had), what the comments module
 * needs of it, and its comment count. Lists of articles are {@link ArticleLists}, the front page
 * {@link FrontPages}, cards and addresses {@link ArticleCards}, the section tree {@link SectionTrees}; the editors'
 * list is {@link ArticleDesk}, the sitemaps {@link Sitemaps}, and loading content without the desk's form
 * {@link ArticleImports}.
 */
@Service
@Transactional(readOnly = true)
public class ArticleService {

    private static final int RELATED = 4;
    /** How many of the latest articles sharing a tag are weighed for "More on this story". */
    private static final int RELATED_CANDIDATES = 200;

    private final ArticleRepository articles;
    private final SlugHistoryRepository slugHistory;
    private final CorrectionRepository corrections;
    private final ArticleCards cards;
    private final SectionTrees sections;
    private final Datelines datelines;
    private final Clock clock;

    ArticleService(ArticleRepository articles, SlugHistoryRepository slugHistory, CorrectionRepository corrections,
            ArticleCards cards, SectionTrees sections, Datelines datelines, Clock clock) {
        this.articles = articles;
        this.slugHistory = slugHistory;
        this.corrections = corrections;
        this.cards = cards;
        this.sections = sections;
        this.datelines = datelines;
        this.clock = clock;
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
                    .map(current -> (ArticleLookup) new ArticleLookup.Moved(cards.url(current)))
                    .orElseThrow(() -> new NotFoundException("article " + slug));
        }
        return new ArticleLookup.Found(page(found.get(), now));
    }

    ArticlePage page(Article article, Instant now) {
        SectionTree tree = sections.tree();
        List<Long> tagIds = articles.findTagIds(article.getId());
        List<Long> relatedIds = articles.findRelatedIds(article.getId(), tagIds.isEmpty() ? List.of(-1L) : tagIds,
                article.getPrimarySectionId(), now, RELATED, RELATED_CANDIDATES);
        List<Article> related = ArticleCards.orderBy(
                articles.findVisibleByIds(relatedIds.isEmpty() ? List.of(-1L) : relatedIds, now), relatedIds);
        List<Long> bylineIds = new ArrayList<>();
        bylineIds.add(article.getId());
        related.forEach(r -> bylineIds.add(r.getId()));
        List<BylineRow> bylineRows = articles.findBylines(bylineIds);
        Map<Long, List<AuthorLink>> bylines = ArticleCards.bylinesOf(bylineRows);
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
        return new ArticlePage(article.getId(), article.getSlug(), cards.url(article), article.getHeadline(),
                article.getStandfirst(), article.getType().label(), tree.breadcrumb(article.getPrimarySectionId()),
                further, bylines.getOrDefault(article.getId(), List.of()), datelines.of(published),
                datelines.of(changed), changed != null ? changed : published,
                article.getCommentCount(), article.isCommentsOpen(), ArticleCards.lead(article.getLead()),
                article.getBodyHtml(),
                tagLinks, related.stream().map(r -> cards.card(r, bylines)).toList(),
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
                .map(article -> new Views.CommentTarget(article.getId(), cards.url(article), article.getHeadline(),
                        article.isCommentsOpen(), article.getCommentCount(),
                        authorAccounts(articles.findBylines(List.of(article.getId())), article.getId())));
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

    /** The picture shown when the article is shared: the editor's choice, else the lead picture or poster. */
    private static String socialImage(Article article) {
        if (article.getSeoImage() != null) {
            return article.getSeoImage();
        }
        Lead lead = ArticleCards.lead(article.getLead());
        return lead == null ? null : lead.picture();
    }
}
