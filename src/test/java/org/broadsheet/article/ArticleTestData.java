package org.broadsheet.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes sections, authors and articles through {@link ArticleImports} for integration tests. Every name is made
 * unique so that tests sharing a context never clash.
 */
public final class ArticleTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ArticleImports articles;

    public ArticleTestData(ArticleImports articles) {
        this.articles = articles;
    }

    public static String unique(String base) {
        return base + "-" + SEQUENCE.incrementAndGet();
    }

    public String section(String parentSlug) {
        String slug = unique("section");
        articles.createSection(slug, "Section " + slug, "About " + slug, parentSlug, SEQUENCE.get());
        return slug;
    }

    public String author() {
        String slug = unique("author");
        articles.createAuthor(slug, "Author " + slug, "Reporter", "Bio of " + slug, null);
        return slug;
    }

    public List<String> authors(int count) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slugs.add(author());
        }
        return slugs;
    }

    public static List<String> tags(int count) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add(unique("Topic"));
        }
        return tags;
    }

    public Builder article(String section, String author) {
        return new Builder(section, author);
    }

    /** One article to write, published an hour ago unless told otherwise. */
    public final class Builder {
        private final String section;
        private List<String> authors;
        private List<String> further = List.of();
        private List<String> tags = List.of();
        private String headline = unique("Headline");
        private String slug;
        private Instant publishedAt = Instant.now().minusSeconds(3600);
        private Instant updatedAt;
        private Views.Lead lead;
        private String body;

        private Builder(String section, String author) {
            this.section = section;
            this.authors = List.of(author);
        }

        public Builder headline(String headline) {
            this.headline = headline;
            return this;
        }

        public Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        public Builder authors(List<String> authors) {
            this.authors = authors;
            return this;
        }

        public Builder further(List<String> sections) {
            this.further = sections;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder publishedAt(Instant at) {
            this.publishedAt = at;
            return this;
        }

        public Builder updatedAt(Instant at) {
            this.updatedAt = at;
            return this;
        }

        public Builder draft() {
            this.publishedAt = null;
            return this;
        }

        public Builder image() {
            this.lead = new Views.Lead("IMAGE", "/images/test.jpg", "Alt text", "Caption", "Credit", null, null, 1200,
                    675);
            return this;
        }

        /** The body in Markdown, instead of two short paragraphs. */
        public Builder body(String markdown) {
            this.body = markdown;
            return this;
        }

        public long save() {
            String s = slug != null ? slug : org.broadsheet.shared.Slugs.of(headline);
            return articles.createArticle(new NewArticle(s, headline, "Standfirst of " + headline,
                    body != null ? body : "First paragraph of " + headline + ".\n\n## More\n\nSecond paragraph.",
                    ArticleType.NEWS, section,
                    further, authors, tags, lead, publishedAt, updatedAt, true, null, null));
        }
    }
}
