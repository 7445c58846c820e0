package org.broadsheet.article;

import java.util.List;

import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.PagedResult;

/**
 * The read-only records that article pages are rendered from. No entity ever reaches a template.
 */
public final class Views {

    private Views() {
    }

    /** A link to a section, as printed in breadcrumbs and navigation. */
    public record SectionLink(long id, String slug, String name, String url) {
    }

    /** A link to an author, as printed in bylines. */
    public record AuthorLink(long id, String slug, String name, String roleTitle, String url) {
    }

    /** A link to a tag page. */
    public record TagLink(String slug, String name, String url) {
    }

    /**
     * The lead picture or video of an article. {@code srcset} lists the versions of its still picture (the image,
     * or a video's poster) for the {@code <img>}, {@code webpSrcset} the same as WebP for a {@code <source>}; either
     * is null when there are none, as for a picture stored before they were made.
     */
    public record Lead(String kind, String url, String alt, String caption, String credit, String posterUrl,
            String captionsUrl, Integer width, Integer height, String srcset, String webpSrcset) {

        public Lead(String kind, String url, String alt, String caption, String credit, String posterUrl,
                String captionsUrl, Integer width, Integer height) {
            this(kind, url, alt, caption, credit, posterUrl, captionsUrl, width, height, null, null);
        }

        public Lead(String kind, String url, String alt, String caption, String credit, String posterUrl,
                String captionsUrl, Integer width, Integer height, String srcset) {
            this(kind, url, alt, caption, credit, posterUrl, captionsUrl, width, height, srcset, null);
        }

        public boolean image() {
            return "IMAGE".equals(kind);
        }

        public boolean video() {
            return "VIDEO".equals(kind);
        }

        /** The still picture that stands for the lead in cards and when shared: the image, or a video's poster. */
        public String picture() {
            return image() ? url : video() ? posterUrl : null;
        }

        /** A video from an allowed provider, shown in that provider's player. */
        public boolean embed() {
            return "EMBED".equals(kind);
        }
    }

    /**
     * An article as listed on the front page, section, author, tag and search pages. {@code when} is what the card
     * prints of its publication: the time for a story of today ("17:24"), else the date ("2 Dec 2026");
     * {@code published} keeps the whole moment.
     */
    public record ArticleCard(long id, String url, String headline, String standfirst, String typeLabel,
            SectionLink section, List<AuthorLink> authors, Dateline published, Lead lead, int commentCount,
            boolean commentsOpen, String when) {

        /** A card of an article open to comments, dated as its dateline's short form. */
        public ArticleCard(long id, String url, String headline, String standfirst, String typeLabel,
                SectionLink section, List<AuthorLink> authors, Dateline published, Lead lead, int commentCount) {
            this(id, url, headline, standfirst, typeLabel, section, authors, published, lead, commentCount, true,
                    published == null ? null : published.shortDisplay());
        }

        /** The kind of piece, where it tells the reader something (live, analysis...): not "News" on every card. */
        public String typeKicker() {
            return ArticleType.NEWS.label().equals(typeLabel) ? null : typeLabel;
        }

        /** Whether the card links to the comments: not "No comments" under a story nobody may comment on. */
        public boolean showsComments() {
            return commentsOpen || commentCount > 0;
        }

        /** Whether the card has a picture to show (a lead picture, or a video's poster). */
        public boolean pictured() {
            return lead != null && lead.picture() != null;
        }
    }

    /** Everything printed on an article page. */
    public record ArticlePage(long id, String slug, String url, String headline, String standfirst, String typeLabel,
            List<SectionLink> breadcrumb, List<SectionLink> furtherSections, List<AuthorLink> authors,
            Dateline published, Dateline updated, java.time.Instant lastModified, int commentCount,
            boolean commentsOpen, Lead lead, String bodyHtml, List<TagLink> tags, List<ArticleCard> related,
            String seoTitle, String description, java.util.Set<Long> authorAccountIds, String socialImage,
            List<CorrectionNote> corrections) {

        public SectionLink section() {
            return breadcrumb.get(breadcrumb.size() - 1);
        }
    }

    /** A correction, update or clarification printed under an article, dated when the editor added it. */
    public record CorrectionNote(long id, CorrectionKind kind, Dateline dateline, String note) {
    }

    /**
     * An article as the editors' list shows it: {@code status} is draft, scheduled or published;
     * {@code publicUrl} is null while readers cannot see it.
     */
    public record DeskRow(long id, String headline, String status, SectionLink section, List<AuthorLink> authors,
            Dateline updated, Dateline published, String publicUrl, int commentCount) {
    }

    /** The editors' list: a page of rows, and the sections and authors to filter by. */
    public record DeskPage(PagedResult<DeskRow> rows, List<SectionLink> sections, List<AuthorLink> authors) {
    }

    /** What the comments need to know about the article they are under. */
    public record CommentTarget(long id, String url, String headline, boolean commentsOpen, int commentCount,
            java.util.Set<Long> authorAccountIds) {
    }

    /** A block of the front page given to one main section. */
    public record SectionBlock(SectionLink section, List<ArticleCard> articles) {

        /** The block's stories with a picture, shown as a row of picture cards. */
        public List<ArticleCard> pictured() {
            return articles.stream().filter(ArticleCard::pictured).toList();
        }

        /** The block's stories without one, in a row of their own under the pictures, so rows never mix them. */
        public List<ArticleCard> plain() {
            return articles.stream().filter(card -> !card.pictured()).toList();
        }
    }

    /** The front page: a lead story, top stories, the latest news and a block per main section. */
    public record FrontPage(ArticleCard lead, List<ArticleCard> topStories, List<ArticleCard> latest,
            List<SectionBlock> sections) {

        /** Every card on the page, once. */
        public List<ArticleCard> all() {
            java.util.List<ArticleCard> all = new java.util.ArrayList<>();
            if (lead != null) {
                all.add(lead);
            }
            all.addAll(topStories);
            all.addAll(latest);
            sections.forEach(block -> all.addAll(block.articles()));
            return all;
        }
    }

    /** A section with its place in the hierarchy and a page of its articles. */
    public record SectionPage(SectionLink section, String description, List<SectionLink> breadcrumb,
            List<SectionLink> subsections, PagedResult<ArticleCard> articles) {
    }

    /** An author's profile and a page of their articles. */
    public record AuthorPage(AuthorLink author, String bio, String photoUrl, PagedResult<ArticleCard> articles) {
    }

    /** A tag and a page of the articles that carry it. */
    public record TagPage(TagLink tag, PagedResult<ArticleCard> articles) {
    }
}
