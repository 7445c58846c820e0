package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;

import org.broadsheet.article.Views.Lead;
import org.broadsheet.shared.AfterCommit;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content loaded without the desk's form: sections, authors and articles as the demo (and tests) bring them in,
 * an author profile linked to the reader account they comment with, and a new slug for an article (the old one
 * keeps answering with a redirect).
 */
@Service
@Transactional
public class ArticleImports {

    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final TagRepository tags;
    private final SlugHistoryRepository slugHistory;
    private final MarkdownRenderer markdown;
    private final ArticleMedia media;
    private final SectionTrees service;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleImports(ArticleRepository articles, SectionRepository sections, AuthorRepository authors,
            TagRepository tags, SlugHistoryRepository slugHistory, MarkdownRenderer markdown, ArticleMedia media,
            SectionTrees service, ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.slugHistory = slugHistory;
        this.markdown = markdown;
        this.media = media;
        this.service = service;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long createSection(String slug, String name, String description, String parentSlug, int sortOrder) {
        Long parentId = parentSlug == null ? null
                : sections.findBySlug(parentSlug).orElseThrow(() -> new NotFoundException("section " + parentSlug))
                        .getId();
        Section saved = sections.save(new Section(slug, name, description, parentId, sortOrder));
        // Once committed: a tree read by another request before then does not have this section.
        AfterCommit.run(service::forgetSections);
        return saved.getId();
    }

    @Transactional
    public long createAuthor(String slug, String name, String roleTitle, String bio, String photoUrl) {
        return authors.save(new Author(slug, name, roleTitle, bio, photoUrl)).getId();
    }

    @Transactional
    public long createArticle(NewArticle command) {
        Instant now = clock.instant();
        String slug = command.slug() != null ? command.slug() : Slugs.of(command.headline());
        Article article = new Article(slug, now);
        article.write(command.headline(), command.standfirst(), command.type(),
                markdown.render(command.bodyMarkdown()));
        article.placeIn(sectionId(command.primarySection()),
                command.furtherSections().stream().map(this::sectionId).collect(Collectors.toCollection(
                        LinkedHashSet::new)));
        article.byline(command.authors().stream()
                .map(s -> authors.findBySlug(s).orElseThrow(() -> new NotFoundException("author " + s))).toList());
        article.tag(command.tags().stream().map(this::tagNamed).collect(Collectors.toCollection(LinkedHashSet::new)));
        Lead lead = command.lead();
        if (lead != null) {
            article.lead(new LeadMedia(LeadKind.valueOf(lead.kind()), lead.url(), lead.alt(), lead.caption(),
                    lead.credit(), lead.posterUrl(), lead.captionsUrl(), lead.width(), lead.height(), lead.srcset(),
                    lead.webpSrcset()));
        }
        article.seo(command.seoTitle(), command.seoDescription());
        article.commentsOpen(command.commentsOpen());
        if (command.publishedAt() != null) {
            article.publish(command.publishedAt(), now);
        }
        if (command.updatedAt() != null) {
            article.markUpdated(command.updatedAt());
        }
        Article saved = articles.save(article);
        media.record(saved);
        long id = saved.getId();
        events.publishEvent(ContentChangedEvent.ofArticle(id, true));
        return id;
    }

    /** Links an author's profile to the reader account they comment with. */
    @Transactional
    public void linkAuthorAccount(String authorSlug, long accountId) {
        authors.findBySlug(authorSlug).orElseThrow(() -> new NotFoundException("author " + authorSlug))
                .linkAccount(accountId);
    }

    /** Gives an article a new slug; the old one keeps answering with a redirect. */
    @Transactional
    public void changeSlug(long articleId, String newSlug) {
        Article article = articles.findById(articleId).orElseThrow(() -> new NotFoundException("article"));
        if (article.getSlug().equals(newSlug)) {
            return;
        }
        slugHistory.deleteById(newSlug);
        slugHistory.save(new SlugHistory(article.getSlug(), articleId));
        article.renameTo(newSlug);
        // Its cards link to the new address; the lists it is in stay as they are.
        events.publishEvent(ContentChangedEvent.ofArticle(articleId, false));
    }

    private long sectionId(String slug) {
        // A section the kept tree does not know may be new, even in this very transaction: read them again,
        // for this write only (a tree with an uncommitted section is never kept for readers).
        return service.tree().bySlug(slug)
                .or(() -> service.readSectionsUnkept().bySlug(slug))
                .orElseThrow(() -> new NotFoundException("section " + slug)).getId();
    }

    private Tag tagNamed(String name) {
        String slug = Slugs.of(name);
        return tags.findBySlug(slug).orElseGet(() -> tags.save(new Tag(slug, name)));
    }
}
