package org.broadsheet.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (Deque's accessibility engine, the npm registry's {@code axe.min.js}, on the test classpath) on
 * the page a browser shows, with the WCAG 2.0, 2.1 and 2.2 A and AA rules, and reports what it finds.
 * <p>
 * The script is injected with {@code executeScript}, which the page's Content-Security-Policy does not govern, so
 * the site's own CSP stays as strict as it is.
 *
 * <pre>
 * Axe.Result result = Axe.run(browser.driver());
 * assertThat(result.violations()).as(result.describe()).isEmpty();
 * </pre>
 */
public final class Axe {

    /** The tags of WCAG 2.2 level AA and everything below it. */
    public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String SOURCE = load("axe.min.js");

    /** Violations as plain lists and maps, so that Selenium hands them over without JSON in between. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                .then(r => done({
                    version: r.testEngine.version,
                    rules: r.violations.length + r.passes.length + r.incomplete.length + r.inapplicable.length,
                    violations: r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
                        nodes: v.nodes.map(n => ({target: n.target.map(t => [].concat(t).join(' >> ')).join(', '),
                            html: n.html, summary: n.failureSummary || ''}))}))
                }))
                .catch(e => done({error: String(e && e.stack || e)}));""";

    private Axe() {
    }

    /** One rule that failed, with each element it failed on. */
    public record Violation(String rule, String impact, String help, List<Node> nodes) {
    }

    /** An element a rule failed on: its CSS selector (axe's "target"), its markup and what to fix. */
    public record Node(String target, String html, String summary) {
    }

    /** What axe found on one page: its version, how many rules it ran and the violations. */
    public record Result(String engineVersion, int rules, List<Violation> violations) {

        /** The violations, one rule a paragraph: id, impact, help, then each target with its failure summary. */
        public String describe() {
            return violations.stream().map(v -> "%s (%s): %s%n%s".formatted(v.rule(), v.impact(), v.help(),
                    v.nodes().stream().map(n -> "    " + n.target() + "  " + abbreviate(n.html()) + "\n      "
                            + n.summary().replace("\n", "\n      ")).collect(Collectors.joining("\n"))))
                    .collect(Collectors.joining("\n"));
        }
    }

    /** Runs the {@link #WCAG_22_AA} rules on the whole document, injecting axe first if the page lacks it. */
    @SuppressWarnings("unchecked")
    public static Result run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        Duration before = driver.manage().timeouts().getScriptTimeout();
        // A page with hundreds of comments takes axe a few seconds on a busy machine.
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        Map<String, Object> raw;
        try {
            raw = (Map<String, Object>) js.executeAsyncScript(RUN, WCAG_22_AA);
        }
        finally {
            driver.manage().timeouts().scriptTimeout(before);
        }
        if (raw.containsKey("error")) {
            throw new IllegalStateException("axe failed on " + driver.getCurrentUrl() + ": " + raw.get("error"));
        }
        List<Violation> violations = ((List<Map<String, Object>>) raw.get("violations")).stream()
                .map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                        ((List<Map<String, Object>>) v.get("nodes")).stream()
                                .map(n -> new Node((String) n.get("target"), (String) n.get("html"),
                                        (String) n.get("summary")))
                                .toList()))
                .toList();
        return new Result((String) raw.get("version"), ((Number) raw.get("rules")).intValue(), violations);
    }

    private static String abbreviate(String html) {
        String line = html.replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    private static String load(String resource) {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath (com.deque.html.axe-core"
                        + ":selenium, see pom.xml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
