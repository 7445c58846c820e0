package org.broadsheet.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.shared.SiteProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The site's error pages for requests the container refuses before the application sees them (a malformed
 * address, a header over 8 KB): the same templates the application's own errors use, rendered outside Spring MVC
 * for an anonymous reader and kept for a minute, so that a flood of bad requests costs no rendering.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ErrorPageRenderer {

    private static final Duration KEPT = Duration.ofMinutes(1);

    private final ITemplateEngine templates;
    private final SiteProperties site;
    private final SectionTrees articles;
    private final ServletContext servletContext;
    private final Clock clock;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    ErrorPageRenderer(ITemplateEngine templates, SiteProperties site, SectionTrees articles,
            ServletContext servletContext, Clock clock) {
        this.templates = templates;
        this.site = site;
        this.articles = articles;
        this.servletContext = servletContext;
        this.clock = clock;
    }

    private record Rendered(byte[] page, long until) {
    }

    /** The page for this status: its own template where there is one (400, 404, 413...), else 4xx or 5xx. */
    byte[] page(int status, HttpServletRequest request, HttpServletResponse response) {
        String view = view(status);
        long now = clock.millis();
        Rendered kept = rendered.get(view);
        if (kept != null && kept.until() > now) {
            return kept.page();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("site", site);
        model.put("year", Year.now(clock.withZone(site.zone())).getValue());
        model.put("navigation", navigation());
        model.put("currentPath", "/");
        model.put("signedOut", false);
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(new Refused(request, servletContext), response), Locale.UK, model);
        byte[] page = templates.process(view, context).getBytes(StandardCharsets.UTF_8);
        rendered.put(view, new Rendered(page, now + KEPT.toMillis()));
        return page;
    }

    private static String view(int status) {
        return switch (status) {
            case 400, 403, 404, 413, 500 -> "error/" + status;
            default -> status < 500 ? "error/4xx" : "error/5xx";
        };
    }

    /**
     * The refused request as the page sees it: on this site's context, with no parameters, session or query, as
     * the container could not read them (and the page is the same for every refused request), and with
     * attributes of its own.
     */
    private static final class Refused extends UnreadRequest {

        private final ServletContext servletContext;
        /** Its own attributes: the container's request has no context to tell of changes to them. */
        private final Map<String, Object> attributes = new HashMap<>();

        Refused(HttpServletRequest request, ServletContext servletContext) {
            super(request);
            this.servletContext = servletContext;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public ServletContext getServletContext() {
            return servletContext;
        }

        @Override
        public String getContextPath() {
            return servletContext.getContextPath();
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public HttpSession getSession(boolean create) {
            return null;
        }

        @Override
        public HttpSession getSession() {
            return null;
        }
    }

    private List<SectionLink> navigation() {
        try {
            return articles.navigation();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
