package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Proves {@link Browser} and {@link BrowserTest} without a Spring context: a tiny JDK HTTP server on a
 * random port serves one page, which headless Chromium loads and runs the script of.
 */
@BrowserTest
class BrowserSupportTests {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Broadsheet browser check</title></head>
            <body>
              <h1 id="headline">Headless Chromium reads the news</h1>
              <p id="script">JavaScript did not run</p>
              <script>document.getElementById('script').textContent = 'JavaScript ran';</script>
            </body>
            </html>
            """;

    private static HttpServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void opensAPageRunsItsScriptAndTakesAScreenshot(Browser browser) throws IOException {
        browser.open(url());

        assertThat(browser.title()).isEqualTo("Broadsheet browser check");
        assertThat(browser.driver().findElement(By.id("headline")).getText())
                .isEqualTo("Headless Chromium reads the news");
        assertThat(browser.driver().findElement(By.id("script")).getText()).isEqualTo("JavaScript ran");

        Path screenshot = browser.screenshot("browser-support-check");
        assertThat(screenshot).isEqualTo(Browser.screenshotDirectory().resolve("browser-support-check.png"));
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void usesTheConfiguredWindowSize(Browser browser) {
        browser.open(url());

        Object width = browser.driver().manage().window().getSize().getWidth();
        assertThat(width).isEqualTo(1280);
    }
}
