package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Video links in article bodies: a paragraph that is only an allowed link becomes the provider's player. */
class MarkdownEmbedTests {

    private static final String PLAYER = "<figure class=\"embed\"><iframe src=\"https://www.youtube-nocookie.com/embed/"
            + "dQw4w9WgXcQ\" title=\"Video\" loading=\"lazy\" allowfullscreen"
            + " referrerpolicy=\"strict-origin-when-cross-origin\"></iframe></figure>";

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void shouldEmbedABareVideoLinkOnItsOwnLine() {
        String html = renderer.render("Before.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nAfter.").html();

        assertThat(html).isEqualTo("<p>Before.</p>\n" + PLAYER + "\n<p>After.</p>");
    }

    @Test
    void shouldEmbedAnAutolinkAndEveryProvider() {
        Document html = Jsoup.parse(renderer.render("""
                <https://youtu.be/dQw4w9WgXcQ>

                https://www.youtube.com/shorts/dQw4w9WgXcQ

                https://vimeo.com/76979871""").html());

        assertThat(html.select("figure.embed > iframe").eachAttr("src")).containsExactly(
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://player.vimeo.com/video/76979871");
        assertThat(html.select("p")).isEmpty();
    }

    @Test
    void shouldLeaveLinksInsideTextAndTitledLinksAsLinks() {
        Document html = Jsoup.parse(renderer.render("""
                Watch https://youtu.be/dQw4w9WgXcQ today.

                [The interview](https://youtu.be/dQw4w9WgXcQ)

                > https://youtu.be/dQw4w9WgXcQ

                - https://youtu.be/dQw4w9WgXcQ""").html());

        assertThat(html.select("iframe")).isEmpty();
        assertThat(html.select("a[href=https://youtu.be/dQw4w9WgXcQ]").text()).isEqualTo("The interview");
    }

    @Test
    void shouldNeverEmbedOtherFramesOrLookalikeHosts() {
        Document html = Jsoup.parse(renderer.render("""
                https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ

                <https://evil.example/embed/dQw4w9WgXcQ>

                <iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>

                javascript:alert(1)

                <figure class="embed"><iframe src="https://evil.example"></iframe></figure>""").html());

        assertThat(html.select("iframe")).isEmpty();
        assertThat(html.select("figure")).isEmpty();
    }

    @Test
    void shouldNotLetAnEditorForgeThePlaceholder() {
        String html = renderer.render("video-0\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nvideo-1").html();

        Document document = Jsoup.parse(html);
        assertThat(document.select("iframe")).hasSize(1);
        assertThat(document.select("p").eachText()).containsExactly("video-0", "video-1");
    }

    @Test
    void shouldKeepTheLinkInThePlainText() {
        RenderedBody body = renderer.render("Intro.\n\nhttps://vimeo.com/76979871");

        assertThat(body.text()).contains("Intro.", "https://vimeo.com/76979871").doesNotContain("video-");
        assertThat(body.markdown()).isEqualTo("Intro.\n\nhttps://vimeo.com/76979871");
    }

    @Test
    void shouldGiveThePlayerAnAccessibleName() {
        Element frame = Jsoup.parse(renderer.render("https://vimeo.com/1").html()).selectFirst("iframe");

        assertThat(frame).isNotNull();
        assertThat(frame.attr("title")).isEqualTo("Video");
        assertThat(frame.hasAttr("allowfullscreen")).isTrue();
    }
}
