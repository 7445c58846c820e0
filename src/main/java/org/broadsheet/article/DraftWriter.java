package org.broadsheet.article;

import static org.broadsheet.article.CatalogueSupport.blankToNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.article.Views.Lead;
import org.broadsheet.shared.Slugs;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * What the article form's use cases share for writing: the form's content onto the article, refusing unknown
 * sections and authors, bodies whose markup the table cannot hold and overlong tags, creating new tags; and the
 * address the form asks for. It runs in the caller's transaction.
 */
@Component
class DraftWriter {

    /** The length of the tag table's name column. */
    private static final int TAG_NAME_MAX = 120;
    /** The lengths of the article table's rendered body columns. */
    private static final int BODY_HTML_MAX = 400_000;
    private static final int BODY_TEXT_MAX = 200_000;

    private final AuthorRepository authors;
    private final TagRepository tags;
    private final SectionTrees reading;
    private final MarkdownRenderer markdown;

    DraftWriter(AuthorRepository authors, TagRepository tags, SectionTrees reading, MarkdownRenderer markdown) {
        this.authors = authors;
        this.tags = tags;
        this.reading = reading;
        this.markdown = markdown;
    }

    /**
     * Writes the form's content onto the article: everything but its address and its publication.
     *
     * @throws EditRefusedException for an unknown section or author, a body too long once rendered, or a tag
     */
    void apply(Article article, ArticleDraft draft) {
        SectionTree tree = reading.tree();
        long primary = tree.bySlug(draft.primarySection())
                .orElseThrow(() -> new EditRefusedException("primarySection", "editor.section.unknown")).getId();
        Set<Long> further = new LinkedHashSet<>();
        for (String slug : draft.furtherSections()) {
            further.add(tree.bySlug(slug)
                    .orElseThrow(() -> new EditRefusedException("furtherSections", "editor.section.unknown"))
                    .getId());
        }
        Map<String, Author> found = authors.findBySlugIn(draft.authors()).stream()
                .collect(Collectors.toMap(Author::getSlug, Function.identity()));
        List<Author> byline = new ArrayList<>();
        for (String slug : new LinkedHashSet<>(draft.authors())) {
            Author author = found.get(slug);
            if (author == null) {
                throw new EditRefusedException("authors", "editor.author.unknown");
            }
            byline.add(author);
        }
        RenderedBody body = markdown.render(draft.bodyMarkdown());
        if (body.html().length() > BODY_HTML_MAX || body.text().length() > BODY_TEXT_MAX) {
            // Markup can be many times longer than what was typed (a page of "&" or of table cells).
            throw new EditRefusedException("body", "editor.body.rendered");
        }
        article.write(draft.headline().strip(), draft.standfirst().strip(), draft.type(), body);
        article.placeIn(primary, further);
        article.byline(byline);
        article.tag(draft.tags().stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(this::tagNamed).collect(Collectors.toCollection(LinkedHashSet::new)));
        Lead lead = draft.lead();
        article.lead(lead == null ? null : new LeadMedia(LeadKind.valueOf(lead.kind()), lead.url(), lead.alt(),
                lead.caption(), lead.credit(), lead.posterUrl(), lead.captionsUrl(), lead.width(), lead.height(),
                lead.srcset(), lead.webpSrcset()));
        article.seo(blankToNull(draft.seoTitle()), blankToNull(draft.seoDescription()),
                blankToNull(draft.seoImage()));
        article.commentsOpen(draft.commentsOpen());
    }

    /**
     * The tag of this name (ignoring case), else the tag at the address made from it, else a new tag. A name with
     * no Latin letter or digit (Москва, 東京) gets an address of its own rather than being dropped.
     */
    private Tag tagNamed(String name) {
        if (name.length() > TAG_NAME_MAX) {
            throw new EditRefusedException("tags", "editor.tags.long");
        }
        String made = Slugs.of(name, Catalogue.SLUG_MAX);
        String slug = made.isEmpty() ? "tag-" + Integer.toHexString(name.toLowerCase(Locale.ROOT).hashCode())
                : made;
        return tags.findFirstByNameIgnoreCase(name).or(() -> tags.findBySlug(slug)).orElseGet(() -> {
            try {
                return tags.saveAndFlush(new Tag(slug, name));
            } catch (DataIntegrityViolationException e) {
                if (!CatalogueSupport.violated(e, "uk_tag_slug")) {
                    throw e;
                }
                // Another editor created the same tag a moment ago.
                throw new EditRefusedException("tags", "editor.tags.busy");
            }
        });
    }

    /** The address the form asks for, else one made from the headline, else (no Latin letters) one of the time. */
    static String slugFor(ArticleDraft draft, Instant now) {
        String wanted = draft.slug() == null || draft.slug().isBlank() ? Slugs.of(draft.headline())
                : Slugs.of(draft.slug());
        // A headline with no Latin letters or digits at all still needs an address.
        return wanted.isEmpty() ? "article-" + Long.toString(now.toEpochMilli(), 36) : wanted;
    }
}
