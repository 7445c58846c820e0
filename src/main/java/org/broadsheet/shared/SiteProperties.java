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
 * @param baseUrl absolute URL used in canonical links, feeds, sitemaps and mails (no trailing slash); empty (the
 *        default): the address each request came to ({@link SiteAddress})
 * @param zone time zone of datelines and of dates in article URLs
 * @param pageCacheTtl how long an anonymous page may be served from memory before it is rendered again
 * @param pageCacheSize the most memory the page cache takes (its large pages are also on disk, as much again)
 * @param sharedCacheTtl how long a shared cache in front of the site (nginx, a CDN) may serve an anonymous page
 *        without asking again ({@code s-maxage}); zero (the default): {@code no-cache}, it must ask every time,
 *        and nginx does not keep pages at all
 */
@ConfigurationProperties("broadsheet.site")
public record SiteProperties(
        @DefaultValue("Broadsheet") String name,
        @DefaultValue("Independent news, analysis and opinion") String description,
        @DefaultValue("") String baseUrl,
        @DefaultValue("Europe/London") ZoneId zone,
        @DefaultValue("60s") Duration pageCacheTtl,
        @DefaultValue("64MB") DataSize pageCacheSize,
        @DefaultValue("0s") Duration sharedCacheTtl) {

    public SiteProperties(String name, String description, String baseUrl, ZoneId zone, Duration pageCacheTtl) {
        this(name, description, baseUrl, zone, pageCacheTtl, DataSize.ofMegabytes(64), Duration.ZERO);
    }

    @ConstructorBinding
    public SiteProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        if (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        sharedCacheTtl = sharedCacheTtl == null || sharedCacheTtl.isNegative() ? Duration.ZERO : sharedCacheTtl;
    }

    /** Whether a base URL is set; without one, {@link SiteAddress} takes each request's own. */
    public boolean baseUrlConfigured() {
        return !baseUrl.isBlank();
    }
}
