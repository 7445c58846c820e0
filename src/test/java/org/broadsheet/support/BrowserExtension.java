package org.broadsheet.support;

import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The JUnit side of {@link BrowserTest}: availability condition, {@link Browser} and {@link SiteBrowser}
 * parameters, the console of each test when it must stay clean, and screenshots of failed tests.
 */
public class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterTestExecutionCallback,
        AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final String KEY = "browser";
    private static final String SITE = "site";
    private static final String CONSOLE = "console";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> problem = Browser.unavailableReason();
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        if (CiMode.isCi()) {
            // An exception from a condition fails the test class instead of skipping it.
            throw new IllegalStateException(problem.get() + " and CI=true: failing instead of skipping browser tests");
        }
        return ConditionEvaluationResult.disabled(problem.get() + ": skipping browser tests");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Browser.class || type == SiteBrowser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // Method-level context for test and @BeforeEach methods, class-level for constructors and @BeforeAll.
        ExtensionContext.Store store = extensionContext.getStore(NAMESPACE);
        Browser browser = store.get(KEY, Browser.class);
        if (browser == null) {
            browser = Browser.start();
            store.put(KEY, browser);
        }
        if (parameterContext.getParameter().getType() == Browser.class) {
            return browser;
        }
        SiteBrowser site = store.get(SITE, SiteBrowser.class);
        if (site == null) {
            site = new SiteBrowser(browser, serverPort(extensionContext));
            store.put(SITE, site);
            if (cleanConsole(extensionContext)) {
                store.put(CONSOLE, site.watchConsole());
            }
        }
        return site;
    }

    /** The random port of the test's {@code @SpringBootTest}, which {@code @LocalServerPort} would inject. */
    private static int serverPort(ExtensionContext context) {
        Integer port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getProperty("local.server.port", Integer.class);
        if (port == null) {
            throw new IllegalStateException("A SiteBrowser needs a running site, @SpringBootTest(webEnvironment = "
                    + "WebEnvironment.RANDOM_PORT), on " + context.getRequiredTestClass().getName());
        }
        return port;
    }

    private static boolean cleanConsole(ExtensionContext context) {
        boolean clean = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), BrowserTest.class)
                .map(BrowserTest::cleanConsole).orElse(false);
        if (clean && context.getTestMethod().isEmpty()) {
            throw new IllegalStateException("@BrowserTest(cleanConsole = true) needs a SiteBrowser for each test, "
                    + "not one for the class");
        }
        return clean;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        findBrowser(context).ifPresent(browser -> {
            try {
                var file = browser.screenshot(context.getRequiredTestClass().getSimpleName() + "."
                        + context.getRequiredTestMethod().getName() + "-failed");
                System.err.println("[BrowserTest] screenshot of the failed test: " + file.toAbsolutePath());
            }
            catch (RuntimeException ex) {
                System.err.println("[BrowserTest] could not take a screenshot of the failed test: " + ex);
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        BrowserConsole console = context.getStore(NAMESPACE).remove(CONSOLE, BrowserConsole.class);
        try {
            if (console != null) {
                console.assertClean();
            }
        }
        finally {
            closeOwnBrowser(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeOwnBrowser(context);
    }

    private static Optional<Browser> findBrowser(ExtensionContext context) {
        for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
            Browser browser = current.getStore(NAMESPACE).get(KEY, Browser.class);
            if (browser != null) {
                return Optional.of(browser);
            }
        }
        return Optional.empty();
    }

    private static void closeOwnBrowser(ExtensionContext context) {
        // remove() only looks at this context's own store, so a class-level browser survives afterEach.
        context.getStore(NAMESPACE).remove(SITE, SiteBrowser.class);
        Browser browser = context.getStore(NAMESPACE).remove(KEY, Browser.class);
        if (browser != null) {
            browser.close();
        }
    }
}
