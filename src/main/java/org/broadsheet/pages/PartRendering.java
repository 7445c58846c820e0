package org.broadsheet.pages;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Renders parts for the reader of the request being answered, and renders what must be the same for everyone as
 * nobody in particular: while the shared part of a page (or an anonymous reader's view of it) is rendered, no
 * reader is signed in and no form token exists, so nothing of the current reader can get into what is kept.
 */
@Component
class PartRendering {

    private final FragmentRenderer fragments;
    private final ObjectProvider<RoleHierarchy> roles;

    PartRendering(FragmentRenderer fragments, ObjectProvider<RoleHierarchy> roles) {
        this.fragments = fragments;
        this.roles = roles;
    }

    /** The reader of this request, as signed in now. */
    PageReader reader(HttpServletRequest request) {
        return PageReader.of(SecurityContextHolder.getContext().getAuthentication(), request, this::roles);
    }

    private Set<String> roles(Authentication authentication) {
        RoleHierarchy hierarchy = roles.getIfAvailable();
        return PageReader.names(hierarchy == null ? authentication.getAuthorities()
                : hierarchy.getReachableGrantedAuthorities(authentication.getAuthorities()));
    }

    /** A renderer of fragments within this request. */
    PageTemplate.Renderer renderer(HttpServletRequest request, HttpServletResponse response) {
        return (fragment, model) -> fragments.render(fragment, model, request, response);
    }

    /** The model of one part in one place, for the reader of this request: where a page is not kept, parts render in place. */
    @SuppressWarnings("unchecked")
    Map<String, Object> modelNow(PagePart<?, ?> part, Object args, HttpServletRequest request) {
        PagePart<Object, Object> typed = (PagePart<Object, Object>) part;
        PageReader reader = reader(request);
        Object state = typed.prepare(reader, java.util.Collections.singletonList(args));
        return typed.model(args, state, reader);
    }

    /** Runs the work as if nobody were signed in and the request had no form token. */
    <T> T asNobody(Supplier<T> work) {
        SecurityContext reader = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(reader);
        }
    }

    /** The request as the shared part of a page sees it: no form token to write into a form. */
    static HttpServletRequest withoutFormToken(HttpServletRequest request) {
        return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                if (CsrfToken.class.getName().equals(name) || "_csrf".equals(name)) {
                    return null;
                }
                return super.getAttribute(name);
            }
        };
    }
}
