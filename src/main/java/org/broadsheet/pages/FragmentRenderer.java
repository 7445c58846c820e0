package org.broadsheet.pages;

import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Renders a view (usually a template fragment such as {@code "personal/account-links :: links"}) to a string
 * within the current request, for the parts of pages that are put together outside the usual view rendering.
 */
@Component
public class FragmentRenderer {

    private final ObjectProvider<ViewResolver> viewResolver;

    FragmentRenderer(@Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> viewResolver) {
        this.viewResolver = viewResolver;
    }

    public String render(String viewName, Map<String, ?> model, HttpServletRequest request,
            HttpServletResponse response) {
        // A view sets request attributes of its own (Spring's request context, Thymeleaf's evaluation context):
        // rendered inside a page, it must leave the page's as they were, or the page's forms lose their bindings.
        Map<String, Object> before = new HashMap<>();
        for (Enumeration<String> names = request.getAttributeNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            before.put(name, request.getAttribute(name));
        }
        try {
            View view = viewResolver.getObject().resolveViewName(viewName, RequestContextUtils.getLocale(request));
            CharArrayWriter out = new CharArrayWriter(4_096);
            PrintWriter writer = new PrintWriter(out);
            view.render(model, request, new HttpServletResponseWrapper(response) {
                @Override
                public PrintWriter getWriter() {
                    return writer;
                }

                @Override
                public void setContentType(String type) {
                    // The page's own content type is set once, for the whole page.
                }
            });
            writer.flush();
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Could not render " + viewName, e);
        } finally {
            for (String name : Collections.list(request.getAttributeNames())) {
                if (!before.containsKey(name)) {
                    request.removeAttribute(name);
                }
            }
            before.forEach((name, value) -> {
                if (request.getAttribute(name) != value) {
                    request.setAttribute(name, value);
                }
            });
        }
    }
}
