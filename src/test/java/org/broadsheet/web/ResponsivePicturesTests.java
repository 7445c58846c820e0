package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pictures of the demo site's pages as a phone or a wide screen chooses among them: every card picture and
 * article lead offers its versions in a {@code srcset} with the {@code sizes} its place on the page has in
 * site.css, and the same versions as WebP in a {@code <source>}; the files named are really there, of the width
 * their descriptor says, the WebP ones really WebP, at content-hashed addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ResponsivePicturesTests {

    // How wide site.css lays each place out, at each width of the window (see the card fragment).
    static final String LEAD = "(min-width: 72rem) 41.25rem, (min-width: 48rem) calc(60vw - 1.95rem), "
            + "calc(100vw - 2rem)";
    /** Top stories: a small picture beside the headline at every width. */
    static final String TOP = "6.5rem";

    /** A row of n picture cards: n columns from 40rem (two for four until 64rem); below, a row's later cards are
     * compact rows with a small picture; one card alone is a list row from 48rem. */
    static String grid(int n, boolean first) {
        String phone = first ? "calc(100vw - 2rem)" : "6.5rem";
        return switch (n) {
            case 1 -> "(min-width: 48rem) 14rem, calc(100vw - 2rem)";
            case 2 -> "(min-width: 72rem) 34.375rem, (min-width: 40rem) calc(50vw - 1.625rem), " + phone;
            case 3 -> "(min-width: 72rem) 22.5rem, (min-width: 40rem) calc(33.33vw - 1.5rem), " + phone;
            default -> "(min-width: 72rem) 16.5625rem, (min-width: 64rem) calc(25vw - 1.4375rem), "
                    + "(min-width: 40rem) calc(50vw - 1.625rem), " + phone;
        };
    }

    static final String RELATED = "(min-width: 44rem) 20.375rem, (min-width: 33.25rem) calc(50vw - 1.625rem), "
            + "calc(100vw - 2rem)";
    static final String LIST = "(min-width: 48rem) 14rem, 6.5rem";
    static final String ARTICLE = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

    @Autowired
    MockMvc mvc;

    @Test
    void shouldOfferEveryFrontPageCardPictureInVersionsSizedToItsPlaceAndAsWebp() throws Exception {
        Document front = page("/");
        Elements pictures = front.select(".card-image img");

        assertThat(pictures).hasSizeGreaterThanOrEqualTo(8);
        SoftAssertions soft = new SoftAssertions();
        for (Element img : pictures) {
            Element row = img.closest(".card-grid");
            String expected = img.closest(".lead-story") != null ? LEAD
                    : img.closest(".top-stories") != null ? TOP
                    : grid(row.select("> .card").size(), row.child(0) == img.closest(".card"));
            checkPicture(soft, img, expected);
            soft.assertThat(img.hasAttr("alt") && img.attr("alt").isEmpty()).as("alt=\"\" on %s", img).isTrue();
            soft.assertThat(img.attr("loading")).as("loading of %s", img.attr("src"))
                    .isEqualTo(img.closest(".lead-story") != null ? "eager" : "lazy");
        }
        soft.assertThat(front.select(".lead-story .card-image img")).hasSize(1);
        soft.assertThat(front.select(".top-stories .card-image img")).isNotEmpty();
        soft.assertThat(front.select(".section-block .card-image img")).isNotEmpty();
        soft.assertAll();
    }

    @Test
    void shouldSizeAnArticlesLeadAndRelatedPicturesToTheArticleColumn() throws Exception {
        String leadStory = page("/").select(".lead-story .card-headline a").attr("href");
        Document article = page(leadStory);
        Element lead = article.selectFirst("figure.lead-media > picture > img");

        assertThat(lead).as("the lead story's picture").isNotNull();
        SoftAssertions soft = new SoftAssertions();
        checkPicture(soft, lead, ARTICLE);
        soft.assertThat(lead.attr("fetchpriority")).isEqualTo("high");
        for (Element img : article.select(".related .card-image img")) {
            checkPicture(soft, img, RELATED);
        }
        soft.assertAll();
    }

    @Test
    void shouldSizeTheCardPicturesOfASectionToItsList() throws Exception {
        String section = page("/").select("body > header nav a[href^=/sections/]").attr("href");
        Elements pictures = page(section).select(".card-list .card-image img");

        assertThat(pictures).isNotEmpty();
        SoftAssertions soft = new SoftAssertions();
        for (Element img : pictures) {
            checkPicture(soft, img, LIST);
        }
        soft.assertAll();
    }

    /**
     * The picture offers its versions with these sizes, and the same widths as WebP in a source before it; every
     * file is served, of its descriptor's width, WebP where it says so.
     */
    private void checkPicture(SoftAssertions soft, Element img, String sizes) throws Exception {
        String what = img.attr("src");
        soft.assertThat(img.attr("sizes")).as("sizes of %s", what).isEqualTo(sizes);
        soft.assertThat(img.attr("width")).as("width of %s", what).matches("[0-9]+");
        soft.assertThat(img.attr("height")).as("height of %s", what).matches("[0-9]+");
        Element picture = img.parent();
        soft.assertThat(picture.tagName()).as("parent of %s", what).isEqualTo("picture");
        Element source = picture.selectFirst("source[type=image/webp]");
        soft.assertThat(source).as("WebP source of %s", what).isNotNull();
        if (source == null) {
            return;
        }
        soft.assertThat(source.attr("sizes")).as("sizes of the WebP source of %s", what).isEqualTo(sizes);
        Map<Integer, String> jpegs = candidates(img.attr("srcset"));
        Map<Integer, String> webps = candidates(source.attr("srcset"));
        soft.assertThat(jpegs.size()).as("versions of %s", what).isGreaterThanOrEqualTo(2);
        soft.assertThat(webps.keySet()).as("WebP widths of %s", what).containsExactlyElementsOf(jpegs.keySet());
        for (Map.Entry<Integer, String> jpeg : jpegs.entrySet()) {
            checkFile(soft, jpeg.getValue(), jpeg.getKey(), "image/jpeg");
        }
        for (Map.Entry<Integer, String> webp : webps.entrySet()) {
            checkFile(soft, webp.getValue(), webp.getKey(), "image/webp");
        }
    }

    private void checkFile(SoftAssertions soft, String url, int width, String type) throws Exception {
        soft.assertThat(url).as("a content-hashed address").matches("/(images|media)/demo/[a-z-]+(-[0-9]+)?"
                + "-[0-9a-f]{32}\\.(jpg|webp)");
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        soft.assertThat(response.getStatus()).as(url).isEqualTo(200);
        soft.assertThat(response.getContentType()).as(url).isEqualTo(type);
        byte[] bytes = response.getContentAsByteArray();
        if ("image/webp".equals(type)) {
            soft.assertThat(bytes.length >= 12 ? new String(bytes, 0, 4, StandardCharsets.ISO_8859_1)
                    + new String(bytes, 8, 4, StandardCharsets.ISO_8859_1) : "").as(url).isEqualTo("RIFFWEBP");
        }
        soft.assertThat(widthOf(bytes)).as("width of %s", url).isEqualTo(width);
    }

    private static int widthOf(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        return image == null ? -1 : image.getWidth();
    }

    /** A srcset's addresses by their width descriptors, in order. */
    private static Map<Integer, String> candidates(String srcset) {
        Map<Integer, String> candidates = new LinkedHashMap<>();
        if (srcset.isBlank()) {
            return candidates;
        }
        for (String candidate : srcset.split(",\\s*")) {
            String[] parts = candidate.strip().split(" ");
            if (parts.length == 2 && parts[1].matches("[0-9]+w")) {
                candidates.put(Integer.parseInt(parts[1].substring(0, parts[1].length() - 1)), parts[0]);
            }
        }
        return candidates;
    }

    private Document page(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8), "http://localhost" + url);
    }
}
