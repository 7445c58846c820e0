package org.broadsheet.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.broadsheet.support.BrowserTest;
import org.broadsheet.support.SiteBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The article form in headless Chromium, as the demo editor sees it on a laptop and on a phone: Save and Preview in
 * view wherever the form is scrolled to, a focused field never under them, and only the chosen kind of lead's
 * inputs shown. Screenshots go to {@code target/screenshots/article-form-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@BrowserTest(cleanConsole = true)
class ArticleFormBrowserTests {

    private static final Dimension LAPTOP = new Dimension(1366, 900);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension SMALL_PHONE = new Dimension(320, 640);

    /** The lead's inputs, by the kinds they belong to. */
    private static final List<String> IMAGE_ONLY = List.of("leadImageFile");
    private static final List<String> VIDEO_ONLY = List.of("leadVideoFile", "leadCaptionsFile");
    private static final List<String> EMBED_ONLY = List.of("leadVideoLink");
    private static final List<String> ANY_LEAD = List.of("leadAlt", "leadCaption", "leadCredit");

    private SiteBrowser site;

    @BeforeEach
    void setUp(SiteBrowser site) {
        this.site = site;
        signIn();
    }

    @Test
    void keepsSaveAndPreviewInViewOnALaptopAndOnPhones() {
        for (Dimension size : List.of(LAPTOP, PHONE, SMALL_PHONE)) {
            site.driver().manage().window().setSize(size);
            site.open("/admin/articles/new");
            String where = size.getWidth() + " px wide";
            assertThat(number(site.js("return window.innerWidth"))).as(where).isEqualTo(size.getWidth());
            assertThat(number(site.js("return document.documentElement.scrollWidth")))
                    .as(where + ": no sideways scroll; too wide: " + site.js("return Array.from("
                            + "document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                            + ".map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 5).join(', ')"))
                    .isLessThanOrEqualTo(size.getWidth());
            long formHeight = number(site.js("return document.querySelector('form.editor-form').offsetHeight"));
            assertThat(formHeight).as(where + ": the form is longer than the screen")
                    .isGreaterThan(number(site.js("return window.innerHeight")));

            assertActionsInView(where + ", as the form opens");
            site.screenshot("article-form-" + size.getWidth() + "-top");

            site.js("window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2)");
            assertThat(number(site.js("return window.scrollY"))).as(where + ": scrolled").isPositive();
            assertActionsInView(where + ", half way down");
            site.screenshot("article-form-" + size.getWidth() + "-middle");

            // A field given the focus while it is behind the bar is scrolled clear of it.
            for (String id : List.of("tags", "seoTitle", "seoImage", "publishDate")) {
                WebElement field = site.find(By.id(id));
                hideBehindTheBar(field);
                site.js("arguments[0].focus()", field);
                assertClearOfTheBar(where + ": the focused " + id, field);
            }

            // Save reached by the keyboard (Shift+Tab from Preview), with its focus ring in view.
            WebElement save = save();
            site.js("window.scrollTo(0, 0); arguments[0].focus({preventScroll: true})",
                    site.find(By.cssSelector("form.editor-form .editor-actions .button-secondary")));
            new Actions(site.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            assertThat(site.js("return document.activeElement === arguments[0]", save)).as(where + ": Tab to Save")
                    .isEqualTo(true);
            assertThat(site.js("return arguments[0].matches(':focus-visible')"
                    + " && getComputedStyle(arguments[0]).outlineStyle === 'solid'", save))
                    .as(where + ": Save's focus ring").isEqualTo(true);
            assertActionsInView(where + ", Save focused");
        }
    }

    @Test
    void showsOnlyTheInputsOfTheChosenKindOfLead() {
        site.driver().manage().window().setSize(LAPTOP);
        site.open("/admin/articles/new");
        assertThat(site.find(By.cssSelector("input[name=leadKind]:checked")).getDomAttribute("value"))
                .isEqualTo("NONE");
        assertShown("nothing leads", List.of());

        chooseLead("IMAGE");
        assertShown("a picture", concat(IMAGE_ONLY, ANY_LEAD));
        site.find(By.id("leadAlt")).sendKeys("Lamps along a pier");
        site.screenshot("article-form-lead-image");

        chooseLead("EMBED");
        assertShown("a YouTube or Vimeo video", concat(EMBED_ONLY, ANY_LEAD));
        assertThat(site.find(By.id("leadAlt")).getDomProperty("value")).as("kept across kinds")
                .isEqualTo("Lamps along a pier");
        // A hidden file input is kept but not sent: its kind was not chosen.
        assertThat(site.find(By.id("leadImageFile")).isEnabled()).isFalse();

        chooseLead("VIDEO");
        assertShown("an uploaded video", concat(VIDEO_ONLY, ANY_LEAD));
        assertThat(site.find(By.id("leadVideoFile")).isEnabled()).isTrue();

        chooseLead("NONE");
        assertShown("nothing leads again", List.of());
        assertThat(site.js("return document.getElementById('leadAlt').value")).isEqualTo("Lamps along a pier");
    }

    @Test
    void showsAMessageOfAKindNotChosenRatherThanHidingIt() {
        site.driver().manage().window().setSize(LAPTOP);
        site.open("/admin/articles/new");
        chooseLead("IMAGE");
        // A picture chosen without uploading one: the form comes back with the message next to the upload field.
        site.clickAndWaitForNewPage(save());
        assertThat(site.visible(By.id("leadImageFile-error")).getText()).isEqualTo("Please upload the picture.");
        assertShown("a picture, refused", concat(IMAGE_ONLY, ANY_LEAD));

        // Switching to a video link still shows the picture's message, and the link's field.
        chooseLead("EMBED");
        assertThat(site.find(By.id("leadImageFile-error")).isDisplayed()).isTrue();
        assertThat(site.find(By.id("leadVideoLink")).isDisplayed()).isTrue();
        assertThat(site.find(By.id("leadVideoFile")).isDisplayed()).isFalse();
    }

    private void signIn() {
        site.driver().manage().window().setSize(LAPTOP);
        site.open("/login?continue=/admin/articles");
        site.submitSignIn("editor", "broadsheet-demo");
        assertThat(site.driver().getCurrentUrl()).endsWith("/admin/articles");
    }

    private WebElement save() {
        return site.find(By.cssSelector("form.editor-form .editor-actions .button-primary"));
    }

    /** Save and Preview are on the screen, in full, and nothing covers them. */
    private void assertActionsInView(String when) {
        for (WebElement button : site.findAll(By.cssSelector("form.editor-form .editor-actions button"))) {
            Map<String, Number> box = rect(button);
            long height = number(site.js("return window.innerHeight"));
            long width = number(site.js("return document.documentElement.clientWidth"));
            assertThat(box.get("top").doubleValue()).as(when + ": top of " + button.getText())
                    .isGreaterThanOrEqualTo(0);
            assertThat(box.get("bottom").doubleValue()).as(when + ": foot of " + button.getText())
                    .isLessThanOrEqualTo(height);
            assertThat(box.get("left").doubleValue()).as(when + ": left of " + button.getText())
                    .isGreaterThanOrEqualTo(0);
            assertThat(box.get("right").doubleValue()).as(when + ": right of " + button.getText())
                    .isLessThanOrEqualTo(width);
            assertThat(site.js("var r = arguments[0].getBoundingClientRect();"
                    + " var at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                    + " return at === arguments[0] || arguments[0].contains(at);", button))
                    .as(when + ": " + button.getText() + " is not covered").isEqualTo(true);
        }
    }

    /** Scrolls the page so that the field's top is just under the top of the action bar. */
    private void hideBehindTheBar(WebElement field) {
        site.js("var bar = document.querySelector('.editor-actions').getBoundingClientRect();"
                + " window.scrollBy(0, arguments[0].getBoundingClientRect().top - bar.top - 4);", field);
        double barTop = rect(site.find(By.cssSelector(".editor-actions"))).get("top").doubleValue();
        assertThat(rect(field).get("top").doubleValue()).as("hidden behind the bar").isGreaterThan(barTop);
    }

    /** The focused field is on the screen and above the action bar. */
    private void assertClearOfTheBar(String what, WebElement field) {
        assertThat(site.js("return document.activeElement === arguments[0]", field)).as(what + " has the focus")
                .isEqualTo(true);
        Map<String, Number> box = rect(field);
        double barTop = rect(site.find(By.cssSelector(".editor-actions"))).get("top").doubleValue();
        assertThat(box.get("top").doubleValue()).as(what + ": top").isGreaterThanOrEqualTo(0);
        assertThat(box.get("bottom").doubleValue()).as(what + ": above the bar").isLessThanOrEqualTo(barTop);
    }

    private void chooseLead(String kind) {
        String id = site.find(By.cssSelector("input[name=leadKind][value=" + kind + "]"))
                .getDomAttribute("id");
        WebElement label = site.find(By.cssSelector("label[for=" + id + "]"));
        site.click(label);
    }

    /** Exactly these of the lead's inputs are displayed. */
    private void assertShown(String when, List<String> shown) {
        for (String id : concat(concat(IMAGE_ONLY, VIDEO_ONLY), concat(EMBED_ONLY, ANY_LEAD))) {
            assertThat(site.find(By.id(id)).isDisplayed()).as(when + ": " + id + " shown")
                    .isEqualTo(shown.contains(id));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Number> rect(WebElement element) {
        return (Map<String, Number>) site.js("var r = arguments[0].getBoundingClientRect();"
                + " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};", element);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
