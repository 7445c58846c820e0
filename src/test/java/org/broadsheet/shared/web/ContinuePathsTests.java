package org.broadsheet.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContinuePathsTests {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/news/2021/05/06/slug#comments", "/sections/world?page=2",
            "/search?q=harbour%20bridge", "/users/ana_b-1",
            "/news/2021/05/06/em-dash-%E2%80%94-and-caf%C3%A9" })
    void shouldAcceptPathsOnThisSite(String path) {
        assertThat(ContinuePaths.safe(path)).isEqualTo(path);
        assertThat(ContinuePaths.safeOr(path, "/fallback")).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://evil.example", "http://evil.example/news", "//evil.example",
            "//evil.example/news", "/\\evil.example", "\\\\evil", "\\/evil.example", "javascript:alert(1)",
            "JavaScript:alert(1)", "http:/x", "news/relative", "?page=2", "#comments", "evil.example" })
    void shouldRejectAnythingThatLeavesTheSiteOrIsNotAPath(String candidate) {
        assertThat(ContinuePaths.safe(candidate)).isNull();
        assertThat(ContinuePaths.safeOr(candidate, "/fallback")).isEqualTo("/fallback");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/\r\nLocation: https://evil.example", "/news\nSet-Cookie: a=b", "/\t/evil.example",
            "/news\u0000", "/news\u007f", "/%0d%0aLocation:%20https://evil.example", "/news%0ASet-Cookie:a=b",
            "/%00" })
    void shouldRejectControlCharactersRawOrPercentEncoded(String candidate) {
        assertThat(ContinuePaths.safe(candidate)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/ /evil.example", " /news", "/news ", "/news\u2028", "/news\u3000x" })
    void shouldRejectWhitespace(String candidate) {
        assertThat(ContinuePaths.safe(candidate)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/news{x}", "/news|x", "/news<script>", "/news\"x", "/%zz" })
    void shouldRejectWhatIsNotAValidUri(String candidate) {
        // "{...}" in particular must never reach a "redirect:" view name, which would expand it as a template.
        assertThat(ContinuePaths.safe(candidate)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/\u3002evil.example", "/caf\u00e9", "/\uff0fevil.example", "/news\u00a0x",
            "/\ud83d\ude00" })
    void shouldRejectWhatIsNotPrintableAsciiAsTyped(String candidate) {
        assertThat(ContinuePaths.safe(candidate)).isNull();
        assertThat(ContinuePaths.safeOr(candidate, "/")).isEqualTo("/");
    }

    @Test
    void shouldRejectOverLongPaths() {
        String longest = "/" + "a".repeat(499);
        assertThat(ContinuePaths.safe(longest)).isEqualTo(longest);
        assertThat(ContinuePaths.safe(longest + "a")).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldRejectNothing(String candidate) {
        assertThat(ContinuePaths.safe(candidate)).isNull();
        assertThat(ContinuePaths.safeOr(candidate, "/")).isEqualTo("/");
    }
}
