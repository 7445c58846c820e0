package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.Lead;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.SiteProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles as cards (headline, address, section, bylines, lead picture, comment count), as every list of the site
 * shows them: a list's cards cost one statement for its articles (the caller's) and one for all their bylines.
 * Also where an article's address is made, from its section, publication date and slug.
 */
@Component
public class ArticleCards {

    private final ArticleRepository articles;
    private final SectionTrees sections;
    private final Datelines datelines;
    private final SiteProperties site;
    private final Clock clock;

    ArticleCards(ArticleRepository articles, SectionTrees sections, Datelines datelines, SiteProperties site,
            Clock clock) {
        this.articles = articles;
        this.sections = sections;
        this.datelines = datelines;
        this.site = site;
        this.clock = clock;
    }

    /** Cards for these article ids, in the given order, skipping any that readers cannot see. */
    @Transactional(readOnly = true)
    public List<ArticleCard> cardsFor(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return cards(orderBy(articles.findVisibleByIds(ids, clock.instant()), ids));
    }

    /** Headlines and addresses of these visible articles, by id, for lists of comments across articles. */
    @Transactional(readOnly = true)
    public Map<Long, ArticleCard> cardsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return cards(articles.findVisibleByIds(List.copyOf(ids), clock.instant())).stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
    }

    /** The article's address; a draft, which has no publication time yet, at the address it would have today. */
    String url(Article article) {
        return url(article.getPrimarySectionId(), article.getPublishedAt(), article.getSlug());
    }

    String url(Long primarySectionId, Instant publishedAt, String slug) {
        Section section = sections.tree().byId(primarySectionId);
        Instant published = publishedAt != null ? publishedAt : clock.instant();
        return ArticleUrls.path(section.getSlug(), published, site.zone(), slug);
    }

    List<ArticleCard> cards(List<Article> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AuthorLink>> bylines = bylines(list.stream().map(Article::getId).toList());
        return list.stream().map(a -> card(a, bylines)).toList();
    }

    ArticleCard card(Article a, Map<Long, List<AuthorLink>> bylines) {
        return new ArticleCard(a.getId(), url(a), a.getHeadline(), a.getStandfirst(), a.getType().label(),
                SectionTree.link(sections.tree().byId(a.getPrimarySectionId())),
                bylines.getOrDefault(a.getId(), List.of()), datelines.of(a.getPublishedAt()), lead(a.getLead()),
                a.getCommentCount(), a.isCommentsOpen(), datelines.onCard(a.getPublishedAt(), clock.instant()));
    }

    Map<Long, List<AuthorLink>> bylines(List<Long> articleIds) {
        return bylinesOf(articles.findBylines(articleIds));
    }

    static Map<Long, List<AuthorLink>> bylinesOf(List<BylineRow> rows) {
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

    static Lead lead(LeadMedia m) {
        if (m == null || m.kind() == null) {
            return null;
        }
        return new Lead(m.kind().name(), m.url(), m.alt(), m.caption(), m.credit(), m.posterUrl(), m.captionsUrl(),
                m.width(), m.height(), m.srcset(), m.webpSrcset());
    }

    /** The articles found, in the order of these ids. */
    static List<Article> orderBy(List<Article> found, List<Long> ids) {
        Map<Long, Article> byId = found.stream().collect(Collectors.toMap(Article::getId, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
