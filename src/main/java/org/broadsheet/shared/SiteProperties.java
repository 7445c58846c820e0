package org.broadsheet.shared;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Site-wide settings under {@code broadsheet.site}: name, public base URL and the time zone of datelines.
 *
 * @param name shown in the masthead, titles and feeds
 * @param description default meta description
 * @param baseUrl absolute URL used in canonical links, feeds and sitemaps (no trailing slash)
 * @param zone time zone of datelines and of dates in article URLs
 * @param pageCacheTtl how long an anonymous page may be served from memory before it is rendered again
 * @param pageCacheSize the most memory the page cache takes (its large pages are also on disk, as much again)
 */
@ConfigurationProperties("broadsheet.site")
public record SiteProperties(
        @DefaultValue("Broadsheet") String name,
        @DefaultValue("Independent news, analysis and opinion") String description,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("Europe/London") ZoneId zone,
        @DefaultValue("60s") Duration pageCacheTtl,
        @DefaultValue("64MB") DataSize pageCacheSize) {

    public SiteProperties(String name, String description, String baseUrl, ZoneId zone, Duration pageCacheTtl) {
        this(name, description, baseUrl, zone, pageCacheTtl, DataSize.ofMegabytes(64));
    }

    @ConstructorBinding
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
