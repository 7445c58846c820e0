package org.broadsheet.article.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.shared.SiteAddress;
import org.broadsheet.shared.SiteProperties;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the schema.org {@code NewsArticle} JSON-LD of an article page, safe to print inside a script element.
 */
@Component
class StructuredData {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SiteProperties site;
    private final SiteAddress address;

    StructuredData(SiteProperties site, SiteAddress address) {
        this.site = site;
        this.address = address;
    }

    String newsArticle(ArticlePage article) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("mainEntityOfPage", address.absolute(article.url()));
        ld.put("headline", article.headline());
        ld.put("description", article.description());
        if (article.lead() != null) {
            String image = article.lead().picture();
            if (image != null) {
                ld.put("image", List.of(address.absolute(image)));
            }
        }
        ld.put("datePublished", article.published().iso());
        ld.put("dateModified", article.updated() != null ? article.updated().iso() : article.published().iso());
        ld.put("articleSection", article.section().name());
        ld.put("author", article.authors().stream().map(a -> Map.of(
                "@type", "Person", "name", a.name(), "url", address.absolute(a.url()))).toList());
        ld.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", site.name(), "url", address.absolute("/"),
                "logo", Map.of("@type", "ImageObject", "url", address.absolute("/images/logo.png"))));
        if (!article.corrections().isEmpty()) {
            // schema.org CreativeWork.correction: each note printed under the article, with its date.
            ld.put("correction", article.corrections().stream().map(c -> Map.of("@type", "CorrectionComment",
                    "text", c.note(), "datePublished", c.dateline().iso())).toList());
        }
        // "</script>" inside a headline must not end the element: escape the characters HTML cares about.
        return json.writeValueAsString(ld).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
