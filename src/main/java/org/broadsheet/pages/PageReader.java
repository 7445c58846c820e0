package org.broadsheet.pages;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who a page is rendered for: a signed-in reader (their principal and roles) or anyone at all, and the request
 * they sent, for what is theirs only (the form token, a message after their last action).
 */
public record PageReader(Object principal, Set<String> authorities, HttpServletRequest request) {

    /** Anyone: what an anonymous reader, and the page cache, sees. */
    public static PageReader anonymous(HttpServletRequest request) {
        return new PageReader(null, Set.of(), request);
    }

    static PageReader of(Authentication authentication, HttpServletRequest request,
            java.util.function.Function<Authentication, Set<String>> roles) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return anonymous(request);
        }
        return new PageReader(authentication.getPrincipal(), roles.apply(authentication), request);
    }

    public boolean signedIn() {
        return principal != null;
    }

    /** Whether the reader holds the role, directly or through the role hierarchy ({@code "EDITOR"}). */
    public boolean hasRole(String role) {
        return authorities.contains("ROLE_" + role);
    }

    static Set<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
    }
}
