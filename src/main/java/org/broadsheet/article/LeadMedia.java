package org.broadsheet.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The picture or video at the top of an article, with what readers and screen readers are told about it.
 */
@Embeddable
record LeadMedia(
        @Enumerated(EnumType.STRING) @Column(name = "lead_kind") LeadKind kind,
        @Column(name = "lead_url") String url,
        @Column(name = "lead_alt") String alt,
        @Column(name = "lead_caption") String caption,
        @Column(name = "lead_credit") String credit,
        @Column(name = "lead_poster_url") String posterUrl,
        @Column(name = "lead_captions_url") String captionsUrl,
        @Column(name = "lead_width") Integer width,
        @Column(name = "lead_height") Integer height,
        @Column(name = "lead_srcset") String srcset,
        @Column(name = "lead_webp_srcset") String webpSrcset) {
}
