package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.broadsheet.article.EditingViews.EditableArticle;
import org.broadsheet.article.Views.Lead;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * What the article form's use cases share for reading: the article by id, drafts too, and the article as its form
 * shows it. It runs in the caller's transaction; {@link DraftWriter} is the other way, the form onto the article.
 */
@Component
class EditableArticles {

    private final ArticleRepository articles;
    private final ArticleCards cards;
    private final SectionTrees sections;
    private final Datelines datelines;
    private final SiteProperties site;
    private final Clock clock;

    EditableArticles(ArticleRepository articles, ArticleCards cards, SectionTrees sections, Datelines datelines,
            SiteProperties site, Clock clock) {
        this.articles = articles;
        this.cards = cards;
        this.sections = sections;
        this.datelines = datelines;
        this.site = site;
        this.clock = clock;
    }

    /** The article with this id, drafts too, or 404. */
    Article find(long id) {
        return articles.findById(id).orElseThrow(() -> new NotFoundException("article " + id));
    }

    /** The article as its form shows it, with where it stands. */
    EditableArticle editable(Article article) {
        Instant now = clock.instant();
        String status = ArticleService.deskStatus(article, now);
        return new EditableArticle(article.getId(), draftOf(article), status,
                "published".equals(status) ? cards.url(article) : null,
                datelines.of(ArticleService.lastChange(article)),
                article.getUpdatedBy(), article.getPublishedAt() == null ? null : datelines.of(article.getPublishedAt()),
                article.getCommentCount());
    }

    /** The article's content as the form's fields, its publication time in minutes of the site's time zone. */
    ArticleDraft draftOf(Article article) {
        SectionTree tree = sections.tree();
        LeadMedia m = article.getLead();
        Lead lead = m == null || m.kind() == null ? null : new Lead(m.kind().name(), m.url(), m.alt(), m.caption(),
                m.credit(), m.posterUrl(), m.captionsUrl(), m.width(), m.height(), m.srcset(), m.webpSrcset());
        Publication publication = article.getStatus() == ArticleStatus.DRAFT || article.getPublishedAt() == null
                ? Publication.DRAFT : Publication.AT;
        LocalDateTime at = article.getPublishedAt() == null ? null
                : LocalDateTime.ofInstant(article.getPublishedAt(), site.zone()).truncatedTo(ChronoUnit.MINUTES);
        return new ArticleDraft(article.getHeadline(), article.getStandfirst(), article.getSlug(), article.getType(),
                tree.byId(article.getPrimarySectionId()).getSlug(),
                article.getFurtherSectionIds().stream().map(id -> tree.byId(id).getSlug()).toList(),
                article.getAuthors().stream().map(Author::getSlug).toList(),
                article.getTags().stream().map(Tag::getName).toList(), article.getBodyMarkdown(), lead,
                article.getSeoTitle(), article.getSeoDescription(), article.getSeoImage(), article.isCommentsOpen(),
                publication, at, article.getVersion());
    }
}
