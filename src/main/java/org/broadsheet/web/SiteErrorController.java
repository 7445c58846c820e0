package org.broadsheet.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error as the site's own page ({@code templates/error}), whatever the client accepts: crawlers, feed
 * readers and link checkers that send no {@code Accept: text/html} get it too. Only a client that asks for JSON
 * and not for HTML gets the status as JSON. Never an exception message or a stack trace: a server error shows the
 * request's id only ({@link RequestIds}), for the reader to quote. The error path itself, asked for directly, is a
 * page that does not exist.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
class SiteErrorController extends AbstractErrorController {

    static final String FALLBACK_VIEW = "error/5xx";

    SiteErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> resolvers) {
        super(errorAttributes, resolvers);
    }

    @RequestMapping
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null ? HttpStatus.NOT_FOUND
                : getStatus(request);
        if (asksForJson(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("status", status.value(), "error", status.getReasonPhrase()));
        }
        response.setStatus(status.value());
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        String requestId = RequestIds.of(request);
        if (status.is5xxServerError() && requestId != null) {
            // What a reader can quote to the site's staff, and nothing else about the error.
            model.put("requestId", requestId);
        }
        ModelAndView view = resolveErrorView(request, response, status, model);
        return view != null ? view : new ModelAndView(FALLBACK_VIEW, model, status);
    }

    /** JSON is wanted when the best-liked type the client names is JSON and HTML is not liked as much. */
    static boolean asksForJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return false;
        }
        types = new java.util.ArrayList<>(types);
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0 || type.isWildcardType()) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.getSubtype().endsWith("+json")) {
                return true;
            }
        }
        return false;
    }
}
