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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders parts for the reader of the request being answered, and renders what must be the same for everyone as
 * nobody in particular: while the shared part of a page (or an anonymous reader's view of it) is rendered, no
 * reader is signed in and no form token exists, so nothing of the current reader can get into what is kept.
 */
@Component
class PartRendering {

    private final FragmentRenderer fragments;
    private final ObjectProvider<RoleHierarchy> roles;
    private final TransactionOperations reads;

    PartRendering(FragmentRenderer fragments, ObjectProvider<RoleHierarchy> roles,
            ObjectProvider<PlatformTransactionManager> transactions) {
        this.fragments = fragments;
        this.roles = roles;
        PlatformTransactionManager manager = transactions.getIfUnique();
        if (manager == null) {
            this.reads = TransactionOperations.withoutTransaction();
        } else {
            TransactionTemplate template = new TransactionTemplate(manager);
            template.setReadOnly(true);
            this.reads = template;
        }
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

    /**
     * A renderer of fragments within this request. The parts of a page read what they need for the reader in one
     * read-only transaction: one connection and one persistence context for the page, not one per part.
     */
    PageTemplate.Renderer renderer(HttpServletRequest request, HttpServletResponse response) {
        return new PageTemplate.Renderer() {
            @Override
            public String render(String fragment, Map<String, Object> model) {
                return fragments.render(fragment, model, request, response);
            }

            @Override
            public <T> T reading(Supplier<T> work) {
                return reads.execute(status -> work.get());
            }
        };
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
