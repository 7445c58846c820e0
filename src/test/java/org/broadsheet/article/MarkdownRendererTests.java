package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void shouldRenderParagraphsEmphasisListsAndQuotes() {
        RenderedBody body = renderer.render("First *para*.\n\n> A quote\n\n- one\n- two\n\n[link](https://example.org)");
        assertThat(body.html()).contains("<p>First <em>para</em>.</p>", "<blockquote>", "<li>one</li>",
                "href=\"https://example.org\"");
        assertThat(body.text()).contains("First para.").doesNotContain("*");
    }

    @Test
    void shouldStartHeadingsBelowTheHeadline() {
        assertThat(renderer.render("# Top\n\n## Sub").html()).contains("<h2>Top</h2>", "<h3>Sub</h3>")
                .doesNotContain("<h1>");
    }

    @Test
    void shouldNeverSkipAHeadingLevelAfterTheHeadline() {
        assertThat(renderer.render("## Sub\n\ntext\n\n### Subsub").html()).contains("<h2>Sub</h2>", "<h3>Subsub</h3>");
        assertThat(renderer.render("#### Deep").html()).contains("<h2>Deep</h2>");
    }

    @Test
    void shouldWrapTablesSoTheyScrollInsideTheArticle() {
        String html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |").html();
        assertThat(html).startsWith("<div class=\"table-scroll\"><table>").endsWith("</table></div>");
    }

    @Test
    void shouldDropScriptsHandlersAndDangerousLinks() {
        RenderedBody body = renderer.render("""
                <script>alert(1)</script>

                <img src="x" onerror="alert(2)">

                [click](javascript:alert(3))

                <iframe src="https://evil.example"></iframe>""");
        // Raw HTML in Markdown is printed as text, never as markup; dangerous link targets are removed.
        assertThat(body.html()).doesNotContain("<script", "<img", "javascript:", "<iframe")
                .contains("&lt;script&gt;", "<p>click</p>");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "[x](/\\evil.example/)", "[x](//evil.example/)",
            "![x](/\\evil.example/a.png)", "<a href=\"/\\evil.example\">x</a>" })
    void shouldDropLinksThatBrowsersWouldTakeToAnotherSite(String markdown) {
        RenderedBody body = renderer.render(markdown);

        assertThat(org.jsoup.Jsoup.parseBodyFragment(body.html()).select("a[href], img[src]")).isEmpty();
    }

    @Test
    void shouldKeepLinksOnThisSiteAndElsewhere() {
        RenderedBody body = renderer.render("[here](/news/2021/05/06/a?b=c#d) and [there](https://example.org/x)");

        assertThat(org.jsoup.Jsoup.parseBodyFragment(body.html()).select("a").eachAttr("href"))
                .containsExactly("/news/2021/05/06/a?b=c#d", "https://example.org/x");
    }

    @Test
    void shouldKeepCurlyQuotesDashesAndAccents() {
        RenderedBody body = renderer.render("“Zoë’s” café — São Paulo");
        assertThat(body.html()).contains("Zoë’s", "—", "São Paulo", "“", "”");
        assertThat(body.markdown()).isEqualTo("“Zoë’s” café — São Paulo");
    }
}
