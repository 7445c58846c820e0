package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VideoEmbedsTests {

    @ParameterizedTest
    @CsvSource({
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://m.youtube.com/watch?feature=share&v=a-B_c9D8e7F,"
                    + " https://www.youtube-nocookie.com/embed/a-B_c9D8e7F",
            "http://www.youtube.com/watch?v=dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=tracking123, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://WWW.YouTube.com/shorts/dQw4w9WgXcQ/, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://vimeo.com/76979871, https://player.vimeo.com/video/76979871",
            "https://www.vimeo.com/76979871/, https://player.vimeo.com/video/76979871",
            "https://player.vimeo.com/video/76979871, https://player.vimeo.com/video/76979871",
            "'  https://vimeo.com/123  ', https://player.vimeo.com/video/123" })
    void shouldTurnAllowedVideoLinksIntoTheProvidersPrivacyFriendlyPlayer(String link, String player) {
        assertThat(VideoEmbeds.embedUrl(link)).hasValue(player);
        assertThat(VideoEmbeds.isAllowed(link)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)",
            "javascript://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "data:text/html,<script>alert(1)</script>",
            "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
            "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
            "https://evilyoutube.com/watch?v=dQw4w9WgXcQ",
            "https://youtu.be.evil.example/dQw4w9WgXcQ",
            "https://vimeo.com.evil.example/76979871",
            "https://notvimeo.com/76979871",
            "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
            "ftp://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "//www.youtube.com/watch?v=dQw4w9WgXcQ",
            "www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload%3D",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>",
            "https://www.youtube.com/watch?vv=dQw4w9WgXcQ",
            "https://www.youtube.com/channel/UCdQw4w9WgXcQ",
            "https://www.youtube.com/",
            "https://youtu.be/dQw4w9WgXcQ/extra",
            "https://vimeo.com/channels/staffpicks",
            "https://vimeo.com/76979871abc",
            "https://player.vimeo.com/video/../../evil",
            "",
            "   " })
    void shouldRefuseEverythingElse(String link) {
        assertThat(VideoEmbeds.embedUrl(link)).isEmpty();
    }

    @Test
    void shouldRefuseNoLinkAtAll() {
        assertThat(VideoEmbeds.embedUrl(null)).isEmpty();
        assertThat(VideoEmbeds.embedUrl("https://www.youtube.com/watch?v=" + "x".repeat(600))).isEmpty();
    }
}
