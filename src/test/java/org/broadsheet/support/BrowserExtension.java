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

/**
 * The JUnit side of {@link BrowserTest}: availability condition, {@link Browser} parameters and screenshots
 * of failed tests.
 */
public class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterTestExecutionCallback,
        AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final String KEY = "browser";

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
        return parameterContext.getParameter().getType() == Browser.class;
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
        return browser;
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
    public void afterEach(ExtensionContext context) {
        closeOwnBrowser(context);
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
        Browser browser = context.getStore(NAMESPACE).remove(KEY, Browser.class);
        if (browser != null) {
            browser.close();
        }
    }
}
