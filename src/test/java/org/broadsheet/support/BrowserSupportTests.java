package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Proves {@link Browser} and {@link BrowserTest} without a Spring context: a tiny JDK HTTP server on a
 * random port ({@link PageServer}) serves one page, which headless Chromium loads and runs the script of.
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

    @RegisterExtension
    static final PageServer SERVER = new PageServer(Map.of("/", PAGE));

    @Test
    void opensAPageRunsItsScriptAndTakesAScreenshot(Browser browser) throws IOException {
        browser.open(SERVER.url("/"));

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
        browser.open(SERVER.url("/"));

        Object width = browser.driver().manage().window().getSize().getWidth();
        assertThat(width).isEqualTo(1280);
    }
}
