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
 * <li>When a test fails, the page it was on is saved to {@code target/screenshots/<Class>.<method>-failed.png}.</li>
 * </ul>
 *
 * <pre>
 * &#64;SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * &#64;BrowserTest
 * class FrontPageBrowserTests {
 *     &#64;LocalServerPort int port;
 *
 *     &#64;Test
 *     void showsTheFrontPage(Browser browser) {
 *         browser.open("http://127.0.0.1:" + port + "/");
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
}
