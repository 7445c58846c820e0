package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.broadsheet.article.MarkdownRenderer;
import org.junit.jupiter.api.Test;

/**
 * The player that an article body gets for a video link is valid HTML, checked with the Nu HTML Checker of
 * {@link HtmlValidityTests} (the demo articles have no video links, so the page checks never meet one).
 */
class VideoEmbedMarkupTests {

    @Test
    void shouldRenderVideoPlayersAsValidHtml() throws Exception {
        String body = new MarkdownRenderer().render("""
                A paragraph before the players.

                https://www.youtube.com/watch?v=dQw4w9WgXcQ

                <https://vimeo.com/76979871>""").html();
        String page = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Players</title>"
                + "</head><body><main id=\"main\"><h1>Players</h1>" + body + "</main></body></html>";

        List<HtmlValidityTests.NuChecker.Message> messages = HtmlValidityTests.NuChecker.check(page);

        assertThat(body).contains("<iframe");
        assertThat(messages).as("Nu HTML Checker on %s", body).isEmpty();
    }
}
