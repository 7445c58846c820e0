package org.broadsheet.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A tiny JDK HTTP server on a random loopback port that serves fixed HTML pages, to check the browser support
 * without a Spring context. Registered on a static field, it runs from before the class's first test to after its
 * last:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final PageServer SERVER = new PageServer(Map.of("/", PAGE));
 * </pre>
 */
final class PageServer implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> pages;
    private HttpServer server;

    /** Pages by path; a path also answers for the paths below it, as {@link HttpServer#createContext} does. */
    PageServer(Map<String, String> pages) {
        this.pages = Map.copyOf(pages);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            server.createContext(page.getKey(), exchange -> {
                byte[] body = page.getValue().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
        }
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop(0);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
