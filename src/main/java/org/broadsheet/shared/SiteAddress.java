package org.broadsheet.shared;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's public address, for canonical links, {@code og:url}, JSON-LD, feeds, sitemaps, {@code robots.txt}
 * and mails: {@code broadsheet.site.base-url} when it is set (production sets it); left unset, the address the
 * reader used, its scheme, host and port (behind a proxy, what the proxy headers say, in {@code prod} through
 * Tomcat's own handling), so that a site started with {@code --server.port=18080} links to itself. Outside a
 * request (a mail sent in the background) an unset base URL is {@code http://localhost:<the port listened on>}.
 * Pages kept in the page cache are kept per scheme, host and port for that reason.
 */
@Component
public class SiteAddress {

    private final SiteProperties site;
    private final Environment environment;

    public SiteAddress(SiteProperties site, Environment environment) {
        this.site = site;
        this.environment = environment;
    }

    /** The base URL, without a trailing slash. */
    public String baseUrl() {
        if (site.baseUrlConfigured()) {
            return site.baseUrl();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return ofRequest(attributes.getRequest());
        }
        return baseUrlOutsideRequests();
    }

    /** The base URL of what is made outside a request, such as mails sent in the background. */
    public String baseUrlOutsideRequests() {
        if (site.baseUrlConfigured()) {
            return site.baseUrl();
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    /** The address on this site for {@code path}; an address that is already absolute is left as it is. */
    public String absolute(String path) {
        if (path.startsWith("https://") || path.startsWith("http://")) {
            return path;
        }
        return baseUrl() + path;
    }

    private static String ofRequest(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
