package org.broadsheet.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.broadsheet.shared.ContentChangedEvent;

/**
 * An article. Its associations are only walked when it is written; pages read it through projections
 * in {@link ArticleRepository} so that the number of statements per page stays constant.
 */
@Entity
class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String headline;

    private String standfirst;

    private String bodyMarkdown;

    private String bodyHtml;

    private String bodyText;

    @Enumerated(EnumType.STRING)
    @Column(name = "article_type")
    private ArticleType type;

    @Enumerated(EnumType.STRING)
    private ArticleStatus status;

    @Column(name = "primary_section_id")
    private Long primarySectionId;

    @ElementCollection
    @CollectionTable(name = "article_section", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "section_id")
    private Set<Long> furtherSectionIds = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "article_author", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "byline_order")
    private List<Author> authors = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new LinkedHashSet<>();

    private Instant publishedAt;

    private Instant updatedAt;

    private Instant createdAt;

    private boolean commentsOpen;

    // Changed only by one atomic UPDATE per comment (ArticleRepository.adjustCommentCount), never by a save.
    @Column(insertable = false, updatable = false)
    private int commentCount;

    @Embedded
    private LeadMedia lead;

    private String seoTitle;

    private String seoDescription;

    private String seoImage;

    private String updatedBy;

    private Instant savedAt;

    @Version
    private long version;

    protected Article() {
    }

    Article(String slug, Instant createdAt) {
        this.slug = slug;
        this.createdAt = createdAt;
        this.status = ArticleStatus.DRAFT;
        this.commentsOpen = true;
    }

    void write(String headline, String standfirst, ArticleType type, RenderedBody body) {
        this.headline = headline;
        this.standfirst = standfirst;
        this.type = type;
        this.bodyMarkdown = body.markdown();
        this.bodyHtml = body.html();
        this.bodyText = body.text();
    }

    void placeIn(Long primarySectionId, Set<Long> furtherSectionIds) {
        this.primarySectionId = primarySectionId;
        this.furtherSectionIds.clear();
        this.furtherSectionIds.addAll(furtherSectionIds);
        this.furtherSectionIds.remove(primarySectionId);
    }

    void byline(List<Author> authors) {
        this.authors.clear();
        this.authors.addAll(authors);
    }

    void tag(Set<Tag> tags) {
        this.tags.clear();
        this.tags.addAll(tags);
    }

    void lead(LeadMedia lead) {
        this.lead = lead;
    }

    void seo(String title, String description) {
        seo(title, description, null);
    }

    void seo(String title, String description, String image) {
        this.seoTitle = title;
        this.seoDescription = description;
        this.seoImage = image;
    }

    void commentsOpen(boolean open) {
        this.commentsOpen = open;
    }

    void publish(Instant at, Instant now) {
        this.publishedAt = at;
        this.status = at.isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
    }

    /** Takes the article off the site: it becomes a draft again, with no publication time. */
    void unpublish() {
        this.status = ArticleStatus.DRAFT;
        this.publishedAt = null;
    }

    void markUpdated(Instant at) {
        this.updatedAt = at;
    }

    /**
     * Records an editor's save. Readers see "Updated" only when an article that was already on the site changes,
     * not when a draft or a backdated archive article is first published.
     */
    void savedBy(String username, Instant at, boolean wasPublic) {
        this.updatedBy = username;
        this.savedAt = at;
        if (wasPublic && status == ArticleStatus.PUBLISHED) {
            this.updatedAt = at;
        }
    }

    void renameTo(String slug) {
        this.slug = slug;
    }

    Long getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getHeadline() {
        return headline;
    }

    String getStandfirst() {
        return standfirst;
    }

    String getBodyMarkdown() {
        return bodyMarkdown;
    }

    String getBodyHtml() {
        return bodyHtml;
    }

    String getBodyText() {
        return bodyText;
    }

    ArticleType getType() {
        return type;
    }

    ArticleStatus getStatus() {
        return status;
    }

    Long getPrimarySectionId() {
        return primarySectionId;
    }

    Set<Long> getFurtherSectionIds() {
        return furtherSectionIds;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    boolean isCommentsOpen() {
        return commentsOpen;
    }

    int getCommentCount() {
        return commentCount;
    }

    LeadMedia getLead() {
        return lead;
    }

    String getSeoTitle() {
        return seoTitle;
    }

    String getSeoDescription() {
        return seoDescription;
    }

    String getSeoImage() {
        return seoImage;
    }

    Instant getSavedAt() {
        return savedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Set<Tag> getTags() {
        return tags;
    }

    List<Author> getAuthors() {
        return authors;
    }

    /**
     * What decides which lists of articles show this one and where: its state, publication time, sections,
     * authors and topics. An edit that leaves it as it was changes the article's own pages and cards only.
     */
    record Listing(ArticleStatus status, Instant publishedAt, Long primarySectionId, Set<Long> furtherSectionIds,
            List<Long> authorIds, Set<Long> tagIds) {

        /** Where an article in no list stands (a draft, or one not saved yet). */
        static final Listing UNLISTED = new Listing(null, null, null, Set.of(), List.of(), Set.of());

        /**
         * What readers' pages a change of the article from this listing to {@code after} touches: none but its
         * own when it is in no list before or after, its pages and cards when it stays where it was in them, and
         * every list when it joined, left or moved in them.
         */
        ContentChangedEvent changeTo(long articleId, Listing after) {
            if (equals(UNLISTED) && after.equals(UNLISTED)) {
                return ContentChangedEvent.ofUnlistedArticle(articleId);
            }
            return ContentChangedEvent.ofArticle(articleId, !equals(after));
        }
    }

    /**
     * Where the article is in readers' lists, to tell whether a change moved it there. Every draft has the same, so
     * that editing a draft changes no list. A scheduled article keeps its own: the publishing job may publish it
     * while an editor's save of it is under way, and the editor's change must then still refresh the lists.
     */
    Listing listing() {
        if (status == ArticleStatus.DRAFT) {
            return Listing.UNLISTED;
        }
        return new Listing(status, publishedAt, primarySectionId, new LinkedHashSet<>(furtherSectionIds),
                authors.stream().map(Author::getId).toList(),
                tags.stream().map(Tag::getId).collect(Collectors.toSet()));
    }

    long getVersion() {
        return version;
    }
}
