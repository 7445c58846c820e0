package org.broadsheet.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.broadsheet.support.Browser;
import org.broadsheet.support.BrowserConsole;
import org.broadsheet.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo editor's day, in headless Chromium on the demo site: sign in, write an article with an uploaded
 * picture and its caption, preview the draft, publish it, find it on the front page, edit it, and add a
 * correction that readers then see under it. Screenshots go to {@code target/screenshots/editorial-journey-*.png};
 * the console must stay free of errors throughout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest
class EditorialJourneyBrowserTests {

    @LocalServerPort
    int port;

    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private BrowserConsole console;

    @BeforeEach
    void setUp(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        this.console = BrowserConsole.watch(driver, url("/"));
    }

    @AfterEach
    void noErrorsInTheConsole() throws InterruptedException {
        console.assertClean();
    }

    @Test
    void writesPreviewsPublishesEditsAndCorrectsAnArticle() throws IOException {
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        String headline = "Harbour lights return to the old pier " + stamp;
        Path picture = picture();

        // 1. Sign in as the demo editor and open a new article from the desk.
        open("/login?continue=/admin/articles");
        type("username", "editor");
        type("password", "broadsheet-demo");
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(path()).isEqualTo("/admin/articles");
        clickAndWaitForNewPage(visible(By.cssSelector("main a[href='/admin/articles/new']")));

        // 2. Write it, with a picture, its description, caption and credit; save it as a draft.
        type("headline", headline);
        type("standfirst", "The lamps that guided ferries for a century are lit again, after a town’s appeal.");
        new Select(driver.findElement(By.id("primarySection"))).selectByIndex(1);
        String firstAuthor = driver.findElement(By.cssSelector("input[type=checkbox][name=authors]"))
                .getDomAttribute("id");
        click(driver.findElement(By.cssSelector("label[for=" + firstAuthor + "]")));
        type("tags", "Harbours, Lighting " + stamp);
        type("body", "The lamps came on at dusk on Friday.\n\n## A century of light\n\n"
                + "> “We never thought we’d see them again,” said a ferryman.\n\nThe council paid half the cost.");
        click(driver.findElement(By.cssSelector("label[for=" + radio("leadKind", "IMAGE") + "]")));
        driver.findElement(By.id("leadImageFile")).sendKeys(picture.toAbsolutePath().toString());
        type("leadAlt", "Lamps glowing along a stone pier at dusk");
        type("leadCaption", "The pier lamps lit again on Friday");
        type("leadCredit", "Photograph: Broadsheet");
        screenshot("editorial-journey-1-written");
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("form.editor-form button[type=submit]")));
        assertThat(driver.findElements(By.cssSelector(".error"))).as("form errors").isEmpty();
        assertThat(visible(By.cssSelector(".site-notice")).getText()).isEqualTo("Saved as a draft.");
        String editPath = path();
        assertThat(editPath).matches("/admin/articles/\\d+/edit");
        assertThat(driver.findElement(By.cssSelector(".editor-lead img")).getDomAttribute("src")).startsWith("/media/");

        // 3. Preview: the article as readers will see it, picture and caption included, before it is published.
        clickAndWaitForNewPage(driver.findElement(By.cssSelector(".editor-links a[href$='/preview']")));
        assertThat(visible(By.cssSelector("h1.headline")).getText()).isEqualTo(headline);
        WebElement lead = driver.findElement(By.cssSelector("figure.lead-media img"));
        assertThat(lead.getDomAttribute("src")).startsWith("/media/");
        assertThat(lead.getDomAttribute("srcset")).contains(" 480w");
        assertThat(lead.getDomAttribute("alt")).isEqualTo("Lamps glowing along a stone pier at dusk");
        assertThat((Boolean) js("return arguments[0].complete && arguments[0].naturalWidth > 0", lead)).isTrue();
        assertThat(driver.findElement(By.cssSelector("figure.lead-media figcaption")).getText())
                .contains("The pier lamps lit again on Friday", "Photograph: Broadsheet");
        assertThat(driver.findElement(By.cssSelector(".article-body blockquote")).getText())
                .isEqualTo("“We never thought we’d see them again,” said a ferryman.");
        screenshot("editorial-journey-2-preview");

        // 4. Publish it now; it leads the front page, the newest story.
        open(editPath);
        click(visible(By.cssSelector("label[for=" + radio("publication", "NOW") + "]")));
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("form.editor-form button[type=submit]")));
        assertThat(visible(By.cssSelector(".site-notice")).getText()).isEqualTo("Saved and published.");
        String publicPath = driver.findElement(By.cssSelector(".editor-links a[href^='/'][href*='/20']"))
                .getDomAttribute("href");
        open("/");
        WebElement onFront = visible(By.linkText(headline));
        assertThat(onFront.getDomAttribute("href")).isEqualTo(publicPath);
        screenshot("editorial-journey-3-front-page");

        // 5. Edit it: a sharper headline, seen by readers at the same address.
        open(editPath);
        String edited = "Harbour lights shine again on the old pier " + stamp;
        type("headline", edited);
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("form.editor-form button[type=submit]")));
        assertThat(visible(By.cssSelector(".site-notice")).getText()).isEqualTo("Saved and published.");
        open(publicPath);
        assertThat(visible(By.cssSelector("h1.headline")).getText()).isEqualTo(edited);
        screenshot("editorial-journey-4-edited");

        // 6. A correction: listed under the article, with the "Updated" time.
        open(editPath);
        clickAndWaitForNewPage(driver.findElement(By.cssSelector(".editor-links a[href$='/corrections']")));
        click(visible(By.cssSelector("label[for=" + radio("kind", "CORRECTION") + "]")));
        type("note", "An earlier version of this article said the lamps were lit on Thursday. It was Friday.");
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("form.correction-form button[type=submit]")));
        open(publicPath);
        WebElement correction = visible(By.cssSelector("section.corrections li.correction"));
        assertThat(correction.getText()).contains("It was Friday.");
        assertThat(driver.findElement(By.cssSelector(".dateline .updated")).getText()).startsWith("Updated");
        screenshot("editorial-journey-5-corrected");
    }

    /** A small photograph-like PNG to upload. */
    private static Path picture() throws IOException {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 40, 90), 1200, 800, new Color(240, 180, 60)));
        g.fillRect(0, 0, 1200, 800);
        g.dispose();
        Path file = Files.createTempFile("harbour-lights", ".png");
        ImageIO.write(image, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    /** The id Thymeleaf gave the radio button with this value. */
    private String radio(String name, String value) {
        return driver.findElement(By.cssSelector("input[name=" + name + "][value=" + value + "]")).getDomAttribute("id");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private void open(String path) {
        browser.open(url(path));
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        js("arguments[0].scrollIntoView({block: 'center'})", field);
        field.clear();
        field.sendKeys(text);
    }

    private void clickAndWaitForNewPage(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        browser.clickAndWaitForNewPage(element, wait);
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }
}
