package org.broadsheet.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.broadsheet.account.AccountUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The staff home page ({@code /admin}): greets a member of staff and lists the desks their roles open. Only
 * signed-in staff reach it (see {@link SecurityConfig}), and it is never put in the anonymous page cache.
 */
@Controller
class StaffDeskController {

    static final String VIEW = "staff/home";

    /** The desks, in the order they are listed, each with the role that opens it (ADMIN holds every role). */
    private static final List<Desk> DESKS = List.of(
            new Desk("editorial", "ROLE_EDITOR", "/admin/articles"),
            new Desk("moderation", "ROLE_MODERATOR", "/admin/moderation"),
            new Desk("users", "ROLE_ADMIN", "/admin/users"),
            new Desk("audit", "ROLE_ADMIN", "/admin/audit"));

    private final RoleHierarchy roles;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    StaffDeskController(RoleHierarchy roles,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.roles = roles;
        this.mappings = mappings;
    }

    @GetMapping("/admin")
    String home(Authentication authentication, Model model) {
        Set<String> held = AuthorityUtils.authorityListToSet(
                roles.getReachableGrantedAuthorities(authentication.getAuthorities()));
        Set<String> built = mappedPaths();
        model.addAttribute("staffName", authentication.getPrincipal() instanceof AccountUser user
                ? user.displayName() : authentication.getName());
        model.addAttribute("desks", DESKS.stream().filter(desk -> held.contains(desk.authority()))
                .map(desk -> new DeskLink(desk.key(), desk.path(), built.contains(desk.path()))).toList());
        return VIEW;
    }

    /** Paths that have a handler, so that a desk is linked as soon as the issue that builds it is merged. */
    private Set<String> mappedPaths() {
        RequestMappingHandlerMapping handlers = mappings.getIfAvailable();
        if (handlers == null) {
            return Set.of();
        }
        return handlers.getHandlerMethods().keySet().stream().map(RequestMappingInfo::getPatternValues)
                .flatMap(Set::stream).collect(Collectors.toSet());
    }

    private record Desk(String key, String authority, String path) {
    }

    /** A desk as the page lists it: {@code open} is false while the desk is still being built. */
    record DeskLink(String key, String path, boolean open) {
    }
}
