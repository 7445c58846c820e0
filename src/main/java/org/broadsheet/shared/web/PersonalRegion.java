package org.broadsheet.shared.web;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A part of a cached page that differs for each signed-in reader, written between
 * {@code <!--personal:NAME key=value ...-->} and {@code <!--/personal:NAME-->}. When a signed-in reader is served
 * the anonymous copy of a page, the part is rendered again for them from the view and model this gives.
 */
public interface PersonalRegion {

    /** The NAME in the markers. */
    String name();

    /**
     * The view (a template fragment) and model that render the region for {@code viewer}, from the key=value
     * parameters written in the opening marker; null when the page must be rendered in full instead.
     */
    Content render(Map<String, String> parameters, Principal viewer, HttpServletRequest request);

    /** A view name and the model to render it with. */
    record Content(String view, Map<String, Object> model) {
    }

    /** The opening marker of a region, for templates. */
    static String opening(String name, Map<String, ?> parameters) {
        StringBuilder marker = new StringBuilder("<!--personal:").append(name);
        parameters.forEach((key, value) -> marker.append(' ').append(key).append('=').append(value));
        return marker.append("-->").toString();
    }
}
