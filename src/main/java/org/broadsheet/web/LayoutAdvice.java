package org.broadsheet.web;

import java.time.Clock;
import java.time.Year;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.account.AccountUser;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.pages.SharedPage;
import org.broadsheet.shared.SiteAddress;
import org.broadsheet.shared.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page, error pages included, what the site's layout prints: the site's name and its sections.
 */
@ControllerAdvice
class LayoutAdvice {

    private static final Logger log = LoggerFactory.getLogger(LayoutAdvice.class);

    private final SectionTrees articles;
    private final SiteProperties site;
    private final SiteAddress address;
    private final Clock clock;

    LayoutAdvice(SectionTrees articles, SiteProperties site, SiteAddress address, Clock clock) {
        this.articles = articles;
        this.site = site;
        this.address = address;
        this.clock = clock;
    }

    @ModelAttribute("site")
    SiteProperties site() {
        return site;
    }

    /** Absolute addresses for canonical links and the like: {@code ${address.absolute(path)}}. */
    @ModelAttribute("address")
    SiteAddress address() {
        return address;
    }

    @ModelAttribute("year")
    int year() {
        return Year.now(clock.withZone(site.zone())).getValue();
    }

    /** The reader, on pages of their own; a page the same for everyone shows them only in its parts. */
    @ModelAttribute("currentUser")
    AccountUser currentUser(@AuthenticationPrincipal Object principal, HttpServletRequest request) {
        return principal instanceof AccountUser user && !SharedPage.isShared(request) ? user : null;
    }

    /** The page being shown, for "sign in" and "register" links that come back to it. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    /**
     * Whether the page follows signing out ({@code ?signed-out}). Read from the query string, never from the
     * request's parameters: on a refused request (a form body over the limit) reading those fails, and the error
     * page must still render.
     */
    @ModelAttribute("signedOut")
    boolean signedOut(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && java.util.Arrays.asList(query.split("&")).contains("signed-out");
    }

    @ModelAttribute("navigation")
    List<SectionLink> navigation() {
        try {
            return articles.navigation();
        } catch (RuntimeException e) {
            // An error page must still render when the database is what failed.
            log.warn("Navigation unavailable: {}", e.toString());
            return List.of();
        }
    }
}
