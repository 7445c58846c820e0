package org.broadsheet.shared.web;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A part of a cached page that differs for each signed-in reader, written between
 * {@code <!--personal:NAME key=value ...-->} and {@code <!--/personal:NAME-->}. When a signed-in reader is served
 * the anonymous copy of a page, the part is rendered again for them.
 */
public interface PersonalRegion {

    /** The NAME in the markers. */
    String name();

    /**
     * The region's HTML for {@code viewer}, from the key=value parameters written in the opening marker; null when
     * the page must be rendered in full instead.
     */
    String render(Map<String, String> parameters, Principal viewer, HttpServletRequest request,
            HttpServletResponse response);

    /** The opening marker of a region, for templates. */
    static String opening(String name, Map<String, ?> parameters) {
        StringBuilder marker = new StringBuilder("<!--personal:").append(name);
        parameters.forEach((key, value) -> marker.append(' ').append(key).append('=').append(value));
        return marker.append("-->").toString();
    }
}
