package org.broadsheet.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives the headless Chromium (see {@link Browser}).
 * <ul>
 * <li>Skipped when /usr/bin/chromium or /usr/bin/chromedriver is missing; fails instead when {@code CI=true}.</li>
 * <li>A {@link Browser} parameter of a test method (or {@code @BeforeEach} method) gets a fresh browser,
 * closed after the test; of a constructor or {@code @BeforeAll} method, one browser for the class.</li>
 * <li>A {@link SiteBrowser} parameter gets that same browser on the site of the class's
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}; with {@link #cleanConsole()}, its console watched.</li>
 * <li>When a test fails, the page it was on is saved to {@code target/screenshots/<Class>.<method>-failed.png}.</li>
 * </ul>
 *
 * <pre>
 * &#64;SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * &#64;BrowserTest
 * class FrontPageBrowserTests {
 *
 *     &#64;Test
 *     void showsTheFrontPage(SiteBrowser site) {
 *         site.open("/");
 *         ...
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {

    /**
     * Whether the {@link SiteBrowser} of each test watches the browser's console from the start and fails the test
     * when anything was reported there: errors, failed requests, Content-Security-Policy violations (see
     * {@link BrowserConsole}). Not for a browser shared by the class, whose console outlives each test.
     */
    boolean cleanConsole() default false;
}
