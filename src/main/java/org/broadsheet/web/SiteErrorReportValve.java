package org.broadsheet.web;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.broadsheet.shared.web.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;

/**
 * Tomcat's last word on a response that is an error with nothing written, above all on requests it refuses
 * before the application sees them (an encoded slash, a NUL byte or invalid UTF-8 in the address, {@code ..;},
 * a header over 8 KB): the site's own error page with the site's security headers, instead of Tomcat's "HTTP
 * Status 400" page. Installed on the host in place of Tomcat's own valve (see {@link WebConfig}).
 */
public class SiteErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(SiteErrorReportValve.class);

    private final ObjectProvider<ErrorPageRenderer> pages;

    SiteErrorReportValve(ObjectProvider<ErrorPageRenderer> pages) {
        this.pages = pages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        byte[] page;
        try {
            ErrorPageRenderer renderer = pages.getIfAvailable();
            page = renderer == null ? null : renderer.page(status, request.getRequest(), response.getResponse());
        } catch (RuntimeException e) {
            log.warn("Could not render the error page for {}", status, e);
            page = null;
        }
        try {
            response.resetBuffer();
            SecurityHeaders.all().forEach(header -> response.setHeader(header.getKey(), header.getValue()));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            if (page == null) {
                response.setContentType("text/plain;charset=UTF-8");
                page = ("Error " + status + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } else {
                response.setContentType("text/html;charset=UTF-8");
            }
            response.setContentLength(page.length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(page);
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already on its way: nothing more to say.
        }
    }
}
