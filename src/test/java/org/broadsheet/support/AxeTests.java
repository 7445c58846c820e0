package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves {@link Axe} without a Spring context: a page with planted faults is reported rule by rule, one of them
 * from the WCAG 2.2 rules, and the same page without them is clean.
 */
@BrowserTest
class AxeTests {

    private static final String CLEAN = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Axe check</title></head>
            <body>
              <main>
                <h1>A page to check</h1>
                <p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot"></p>
                <p><label for="name">Name</label> <input id="name" name="name"></p>
              </main>
            </body>
            </html>
            """;

    private static final String PLANTED = CLEAN
            .replace(" alt=\"A dot\"", "")
            .replace("<label for=\"name\">Name</label> ", "")
            // Two 10 px buttons side by side: under 24 px with a neighbour within reach (WCAG 2.5.8).
            .replace("</main>", "<p><button style=\"width:10px;height:10px;padding:0;border:0\" aria-label=\"Up\">"
                    + "</button><button style=\"width:10px;height:10px;padding:0;border:0\" aria-label=\"Down\">"
                    + "</button></p></main>");

    @RegisterExtension
    static final PageServer SERVER = new PageServer(Map.of("/clean", CLEAN, "/planted", PLANTED));

    @Test
    void shouldReportEachPlantedViolationWithItsTargetAndSummary(Browser browser) {
        browser.open(SERVER.url("/planted"));

        Axe.Result result = Axe.run(browser.driver());

        assertThat(result.violations()).extracting(Axe.Violation::rule)
                .contains("image-alt", "label", "target-size");
        Axe.Violation image = result.violations().stream().filter(v -> v.rule().equals("image-alt")).findFirst()
                .orElseThrow();
        assertThat(image.impact()).isEqualTo("critical");
        assertThat(image.nodes()).singleElement().satisfies(node -> {
            assertThat(node.target()).isEqualTo("img");
            assertThat(node.summary()).contains("alt");
        });
        assertThat(result.describe()).contains("image-alt (critical)", "label (critical)", "target-size (serious)",
                "#name");
    }

    @Test
    void shouldFindNothingOnTheSamePageWithoutTheFaults(Browser browser) {
        browser.open(SERVER.url("/clean"));

        Axe.Result result = Axe.run(browser.driver());

        assertThat(result.violations()).as(result::describe).isEmpty();
        assertThat(result.engineVersion()).startsWith("4.");
        assertThat(result.rules()).as("rules run").isGreaterThan(50);
    }
}
