package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.devtools.v156.log.Log;
import org.openqa.selenium.devtools.v156.log.model.LogEntry;
import org.openqa.selenium.devtools.v156.runtime.Runtime;
import org.openqa.selenium.devtools.v156.runtime.model.ConsoleAPICalled;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Collects what a journey must never cause in the browser's console: errors, uncaught exceptions, failed
 * requests and Content-Security-Policy violations, through Chromium's DevTools.
 */
public final class BrowserConsole {

    private final List<String> problems = new ArrayList<>();

    private BrowserConsole() {
    }

    /**
     * Starts listening, then proves the listening works on {@code anyPageUrl}: an inline script, which the CSP
     * blocks, has to be reported (and is then forgotten), so that an empty console never passes vacuously.
     */
    public static BrowserConsole watch(WebDriver driver, String anyPageUrl) {
        BrowserConsole console = listen(driver);
        driver.get(anyPageUrl);
        ((JavascriptExecutor) driver).executeScript(
                "const s = document.createElement('script'); s.textContent = 'void 0'; document.body.append(s);");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> console.problems().stream().anyMatch(p -> p.contains("Content Security Policy")));
        console.clear();
        return console;
    }

    /**
     * Starts listening, without a proof: for a caller that proves the listening its own way (once for a browser
     * that a whole class shares).
     */
    public static BrowserConsole listen(WebDriver driver) {
        BrowserConsole console = new BrowserConsole();
        DevTools devTools = ((HasDevTools) driver).getDevTools();
        devTools.createSession();
        devTools.send(Log.enable());
        devTools.send(Runtime.enable());
        devTools.addListener(Log.entryAdded(), entry -> {
            if (entry.getLevel() == LogEntry.Level.ERROR) {
                console.record("console " + entry.getSource() + ": " + entry.getText()
                        + entry.getUrl().map(url -> " (" + url + ")").orElse(""));
            }
        });
        devTools.addListener(Runtime.exceptionThrown(), thrown -> console.record("uncaught exception: "
                + thrown.getExceptionDetails().getText() + " "
                + thrown.getExceptionDetails().getException().flatMap(e -> e.getDescription()).orElse("")));
        devTools.addListener(Runtime.consoleAPICalled(), call -> {
            if (call.getType() == ConsoleAPICalled.Type.ERROR || call.getType() == ConsoleAPICalled.Type.ASSERT) {
                console.record("console." + call.getType() + ": " + call.getArgs());
            }
        });
        return console;
    }

    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /**
     * Forgets what was reported about a response the journey expected to fail, e.g. a form answered with 422
     * (Chromium reports every 4xx page load as a console error).
     */
    public void expectFailedLoad(int status, String path) throws InterruptedException {
        Thread.sleep(200);
        synchronized (problems) {
            boolean found = problems.removeIf(p -> p.contains("status of " + status) && p.contains(path));
            assertThat(found).as("a %d for %s in the console", status, path).isTrue();
        }
    }

    /** Forgets everything reported so far, e.g. before the next test in a browser that a class shares. */
    public void clear() {
        synchronized (problems) {
            problems.clear();
        }
    }

    /** Fails when anything was reported; DevTools events arrive asynchronously, so it waits a moment first. */
    public void assertClean() throws InterruptedException {
        Thread.sleep(200);
        assertThat(problems()).as("errors in the browser console").isEmpty();
    }

    private void record(String problem) {
        synchronized (problems) {
            problems.add(problem);
        }
    }
}
