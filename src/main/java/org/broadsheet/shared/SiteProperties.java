package org.broadsheet.shared;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Site-wide settings under {@code broadsheet.site}: name, public base URL and the time zone of datelines.
 *
 * @param name shown in the masthead, titles and feeds
 * @param description default meta description
 * @param baseUrl absolute URL used in canonical links, feeds and sitemaps (no trailing slash)
 * @param zone time zone of datelines and of dates in article URLs
 * @param pageCacheTtl how long an anonymous page may be served from memory before it is rendered again
 */
@ConfigurationProperties("broadsheet.site")
public record SiteProperties(
        @DefaultValue("Broadsheet") String name,
        @DefaultValue("Independent news, analysis and opinion") String description,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("Europe/London") ZoneId zone,
        @DefaultValue("60s") Duration pageCacheTtl) {

    public SiteProperties {
        if (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    /** The address on this site for {@code path}; an address that is already absolute is left as it is. */
    public String absolute(String path) {
        if (path.startsWith("https://") || path.startsWith("http://")) {
            return path;
        }
        return baseUrl + path;
    }
}
