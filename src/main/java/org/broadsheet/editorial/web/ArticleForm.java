package org.broadsheet.editorial.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleType;
import org.broadsheet.article.Publication;
import org.broadsheet.article.Views.Lead;

/**
 * The article form as posted. The lead's stored media (address, scaled copies, size) travel in hidden fields, so
 * that an upload survives a form sent back with an error; {@code publishDate} and {@code publishTime} are read in
 * the site's time zone.
 */
record ArticleForm(
        @NotBlank(message = "{editor.headline.required}")
        @Size(max = 300, message = "{editor.headline.size}") String headline,
        @NotBlank(message = "{editor.standfirst.required}")
        @Size(max = 600, message = "{editor.standfirst.size}") String standfirst,
        @Size(max = 120, message = "{editor.slug.size}")
        @Pattern(regexp = "|[a-z0-9]+(-[a-z0-9]+)*", message = "{editor.slug.pattern}") String slug,
        @NotNull(message = "{editor.type.required}") ArticleType type,
        @NotBlank(message = "{editor.section.required}") String primarySection,
        List<String> furtherSections,
        @NotEmpty(message = "{editor.authors.required}") List<String> authors,
        @Size(max = 1000, message = "{editor.tags.size}") String tags,
        @NotBlank(message = "{editor.body.required}")
        @Size(max = 100_000, message = "{editor.body.size}") String body,
        @NotNull(message = "{editor.lead.kind}") LeadChoice leadKind,
        @Size(max = 500) @Pattern(regexp = SITE_PATH, message = "{editor.lead.stored}") String leadUrl,
        @Size(max = 2000) @Pattern(regexp = SRCSET, message = "{editor.lead.stored}") String leadSrcset,
        @Size(max = 2000) @Pattern(regexp = SRCSET, message = "{editor.lead.stored}") String leadWebpSrcset,
        @Min(value = 1, message = "{editor.lead.stored}") @Max(value = 20_000, message = "{editor.lead.stored}")
        Integer leadWidth,
        @Min(value = 1, message = "{editor.lead.stored}") @Max(value = 20_000, message = "{editor.lead.stored}")
        Integer leadHeight,
        @Size(max = 500) @Pattern(regexp = SITE_PATH, message = "{editor.lead.stored}") String leadPosterUrl,
        @Size(max = 500) @Pattern(regexp = SITE_PATH, message = "{editor.lead.stored}") String leadCaptionsUrl,
        @Size(max = 300, message = "{editor.lead.alt.size}") String leadAlt,
        @Size(max = 500, message = "{editor.lead.caption.size}") String leadCaption,
        @Size(max = 200, message = "{editor.lead.credit.size}") String leadCredit,
        @Size(max = 500, message = "{editor.lead.link.size}") String leadVideoLink,
        @Size(max = 200, message = "{editor.seo.title.size}") String seoTitle,
        @Size(max = 300, message = "{editor.seo.description.size}") String seoDescription,
        @Size(max = 500, message = "{editor.seo.image.size}")
        @Pattern(regexp = "|/(?!/)\\S*|https://\\S+", message = "{editor.seo.image.pattern}") String seoImage,
        Boolean commentsOpen,
        @NotNull(message = "{editor.publish.required}") Publication publication,
        String publishDate,
        String publishTime,
        Long version) {

    /**
     * The stored media travel through the browser in hidden fields: they may only name files on this site, in
     * plain characters, never another site or a script.
     */
    static final String SITE_PATH = "|/(?![/\\\\])[A-Za-z0-9._/-]*";
    static final String SRCSET = "|/(?![/\\\\])[A-Za-z0-9._/-]* [0-9]{1,5}w"
            + "(, /(?![/\\\\])[A-Za-z0-9._/-]* [0-9]{1,5}w){0,9}";

    /** Times as the browser's time field shows them: hours and minutes. */
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    /** What the lead of the article is. */
    enum LeadChoice {
        NONE, IMAGE, VIDEO, EMBED
    }

    static ArticleForm of(ArticleDraft d) {
        Lead lead = d.lead();
        LocalDateTime at = d.publishAt();
        return new ArticleForm(d.headline(), d.standfirst(), d.slug(), d.type(), d.primarySection(),
                d.furtherSections(), d.authors(), String.join(", ", d.tags()), d.bodyMarkdown(),
                lead == null ? LeadChoice.NONE : LeadChoice.valueOf(lead.kind()),
                lead == null || lead.embed() ? null : lead.url(), lead == null ? null : lead.srcset(),
                lead == null ? null : lead.webpSrcset(),
                lead == null ? null : lead.width(), lead == null ? null : lead.height(),
                lead == null ? null : lead.posterUrl(), lead == null ? null : lead.captionsUrl(),
                lead == null ? null : lead.alt(), lead == null ? null : lead.caption(),
                lead == null ? null : lead.credit(), lead != null && lead.embed() ? lead.url() : null,
                d.seoTitle(), d.seoDescription(), d.seoImage(), d.commentsOpen(), d.publication(),
                at == null ? null : at.toLocalDate().toString(), at == null ? null : at.format(MINUTES),
                d.version());
    }

    /** The form with a newly stored picture or video as its lead (and everything else as typed). */
    ArticleForm withLeadMedia(LeadChoice kind, String url, String srcset, String webpSrcset, Integer width,
            Integer height) {
        return new ArticleForm(headline, standfirst, slug, type, primarySection, furtherSections, authors, tags, body,
                kind, url, srcset, webpSrcset, width, height, kind == LeadChoice.IMAGE ? null : leadPosterUrl,
                leadCaptionsUrl, leadAlt, leadCaption, leadCredit, leadVideoLink, seoTitle, seoDescription, seoImage, commentsOpen,
                publication, publishDate, publishTime, version);
    }

    ArticleForm withCaptions(String captionsUrl) {
        return new ArticleForm(headline, standfirst, slug, type, primarySection, furtherSections, authors, tags, body,
                leadKind, leadUrl, leadSrcset, leadWebpSrcset, leadWidth, leadHeight, leadPosterUrl, captionsUrl,
                leadAlt, leadCaption, leadCredit, leadVideoLink, seoTitle, seoDescription, seoImage, commentsOpen,
                publication, publishDate, publishTime, version);
    }

    /** The same input, to be saved over the given version (after the editor has seen a conflict). */
    ArticleForm withVersion(long newVersion) {
        return new ArticleForm(headline, standfirst, slug, type, primarySection, furtherSections, authors, tags, body,
                leadKind, leadUrl, leadSrcset, leadWebpSrcset, leadWidth, leadHeight, leadPosterUrl, leadCaptionsUrl,
                leadAlt, leadCaption, leadCredit, leadVideoLink, seoTitle, seoDescription, seoImage, commentsOpen,
                publication, publishDate, publishTime, newVersion);
    }

    /** The publication time typed, or null when it is missing or not a real date and time. */
    LocalDateTime publishAt() {
        if (publishDate == null || publishDate.isBlank() || publishTime == null || publishTime.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.of(LocalDate.parse(publishDate.strip()), LocalTime.parse(publishTime.strip()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    List<String> tagList() {
        return tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** The draft to save, with the lead built from the choice made; {@code embedUrl} is the provider's player. */
    ArticleDraft toDraft(String embedUrl) {
        Lead lead = switch (leadKind) {
            case NONE -> null;
            case IMAGE -> new Lead("IMAGE", leadUrl, strip(leadAlt), strip(leadCaption), strip(leadCredit), null, null,
                    leadWidth, leadHeight, leadSrcset, leadWebpSrcset);
            case VIDEO -> new Lead("VIDEO", leadUrl, strip(leadAlt), strip(leadCaption), strip(leadCredit),
                    leadPosterUrl, leadCaptionsUrl, leadWidth, leadHeight, null);
            case EMBED -> new Lead("EMBED", embedUrl, strip(leadAlt), strip(leadCaption), strip(leadCredit), null,
                    null, null, null, null);
        };
        return new ArticleDraft(headline, standfirst, slug, type, primarySection, furtherSections, authors, tagList(),
                body, lead, seoTitle, seoDescription, seoImage, commentsOpen != null && commentsOpen, publication,
                publishAt(), version);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
