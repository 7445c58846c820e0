package org.broadsheet.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.broadsheet.support.BrowserTest;
import org.broadsheet.support.SiteBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The demo editor's day, in headless Chromium on the demo site: sign in, write an article with an uploaded
 * picture and its caption, preview the draft, publish it, find it on the front page, edit it, and add a
 * correction that readers then see under it. Screenshots go to {@code target/screenshots/editorial-journey-*.png};
 * the console must stay free of errors throughout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest(cleanConsole = true)
class EditorialJourneyBrowserTests {

    private SiteBrowser site;

    @BeforeEach
    void setUp(SiteBrowser site) {
        this.site = site;
    }

    @Test
    void writesPreviewsPublishesEditsAndCorrectsAnArticle() throws IOException {
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        String headline = "Harbour lights return to the old pier " + stamp;
        Path picture = picture();

        // 1. Sign in as the demo editor and open a new article from the desk.
        site.open("/login?continue=/admin/articles");
        site.submitSignIn("editor", "broadsheet-demo");
        assertThat(site.path()).isEqualTo("/admin/articles");
        site.clickAndWaitForNewPage(site.visible(By.cssSelector("main a[href='/admin/articles/new']")));

        // 2. Write it, with a picture, its description, caption and credit; save it as a draft.
        site.type("headline", headline);
        site.type("standfirst", "The lamps that guided ferries for a century are lit again, after a town’s appeal.");
        new Select(site.find(By.id("primarySection"))).selectByIndex(1);
        String firstAuthor = site.find(By.cssSelector("input[type=checkbox][name=authors]"))
                .getDomAttribute("id");
        site.click(site.find(By.cssSelector("label[for=" + firstAuthor + "]")));
        site.type("tags", "Harbours, Lighting " + stamp);
        site.type("body", "The lamps came on at dusk on Friday.\n\n## A century of light\n\n"
                + "> “We never thought we’d see them again,” said a ferryman.\n\nThe council paid half the cost.");
        site.click(site.find(By.cssSelector("label[for=" + radio("leadKind", "IMAGE") + "]")));
        site.find(By.id("leadImageFile")).sendKeys(picture.toAbsolutePath().toString());
        site.type("leadAlt", "Lamps glowing along a stone pier at dusk");
        site.type("leadCaption", "The pier lamps lit again on Friday");
        site.type("leadCredit", "Photograph: Broadsheet");
        site.screenshot("editorial-journey-1-written");
        site.clickAndWaitForNewPage(site.find(By.cssSelector("form.editor-form button[type=submit]")));
        assertThat(site.findAll(By.cssSelector(".error"))).as("form errors").isEmpty();
        assertThat(site.visible(By.cssSelector(".site-notice")).getText()).isEqualTo("Saved as a draft.");
        String editPath = site.path();
        assertThat(editPath).matches("/admin/articles/\\d+/edit");
        assertThat(site.find(By.cssSelector(".editor-lead img")).getDomAttribute("src")).startsWith("/media/");

        // 3. Preview: the article as readers will see it, picture and caption included, before it is published.
        site.clickAndWaitForNewPage(site.find(By.cssSelector(".editor-links a[href$='/preview']")));
        assertThat(site.visible(By.cssSelector("h1.headline")).getText()).isEqualTo(headline);
        WebElement lead = site.find(By.cssSelector("figure.lead-media img"));
        assertThat(lead.getDomAttribute("src")).startsWith("/media/");
        assertThat(lead.getDomAttribute("srcset")).contains(" 480w");
        assertThat(lead.getDomAttribute("alt")).isEqualTo("Lamps glowing along a stone pier at dusk");
        assertThat((Boolean) site.js("return arguments[0].complete && arguments[0].naturalWidth > 0", lead)).isTrue();
        assertThat(site.find(By.cssSelector("figure.lead-media figcaption")).getText())
                .contains("The pier lamps lit again on Friday", "Photograph: Broadsheet");
        assertThat(site.find(By.cssSelector(".article-body blockquote")).getText())
                .isEqualTo("“We never thought we’d see them again,” said a ferryman.");
        site.screenshot("editorial-journey-2-preview");

        // 4. Publish it now; it leads the front page, the newest story.
        site.open(editPath);
        site.click(site.visible(By.cssSelector("label[for=" + radio("publication", "NOW") + "]")));
        site.clickAndWaitForNewPage(site.find(By.cssSelector("form.editor-form button[type=submit]")));
        assertThat(site.visible(By.cssSelector(".site-notice")).getText()).isEqualTo("Saved and published.");
        String publicPath = site.find(By.cssSelector(".editor-links a[href^='/'][href*='/20']"))
                .getDomAttribute("href");
        site.open("/");
        WebElement onFront = site.visible(By.linkText(headline));
        assertThat(onFront.getDomAttribute("href")).isEqualTo(publicPath);
        site.screenshot("editorial-journey-3-front-page");

        // 5. Edit it: a sharper headline, seen by readers at the same address.
        site.open(editPath);
        String edited = "Harbour lights shine again on the old pier " + stamp;
        site.type("headline", edited);
        site.clickAndWaitForNewPage(site.find(By.cssSelector("form.editor-form button[type=submit]")));
        assertThat(site.visible(By.cssSelector(".site-notice")).getText()).isEqualTo("Saved and published.");
        site.open(publicPath);
        assertThat(site.visible(By.cssSelector("h1.headline")).getText()).isEqualTo(edited);
        site.screenshot("editorial-journey-4-edited");

        // 6. A correction: listed under the article, with the "Updated" time.
        site.open(editPath);
        site.clickAndWaitForNewPage(site.find(By.cssSelector(".editor-links a[href$='/corrections']")));
        site.click(site.visible(By.cssSelector("label[for=" + radio("kind", "CORRECTION") + "]")));
        site.type("note", "An earlier version of this article said the lamps were lit on Thursday. It was Friday.");
        site.clickAndWaitForNewPage(site.find(By.cssSelector("form.correction-form button[type=submit]")));
        site.open(publicPath);
        WebElement correction = site.visible(By.cssSelector("section.corrections li.correction"));
        assertThat(correction.getText()).contains("It was Friday.");
        assertThat(site.find(By.cssSelector(".dateline .updated")).getText()).startsWith("Updated");
        site.screenshot("editorial-journey-5-corrected");
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
        return site.find(By.cssSelector("input[name=" + name + "][value=" + value + "]")).getDomAttribute("id");
    }
}
