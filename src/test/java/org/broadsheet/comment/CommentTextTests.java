package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentTextTests {

    @Test
    void shouldEscapeEverythingTheReaderTyped() {
        String html = CommentText.toHtml("<script>alert('x')</script> & <b onmouseover=\"x\">bold</b>");
        assertThat(html).isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                + "&lt;b onmouseover=&quot;x&quot;&gt;bold&lt;/b&gt;</p>");
    }

    @Test
    void shouldKeepParagraphsAndLineBreaks() {
        assertThat(CommentText.toHtml("First line\nsecond line\r\n\r\n\n  Next paragraph  "))
                .isEqualTo("<p>First line<br>second line</p><p>Next paragraph</p>");
    }

    @Test
    void shouldLinkWebAddressesForNobodysRanking() {
        assertThat(CommentText.toHtml("See https://example.org/report?a=1&b=2."))
                .isEqualTo("<p>See <a href=\"https://example.org/report?a=1&amp;b=2\" rel=\"nofollow ugc\">"
                        + "https://example.org/report?a=1&amp;b=2</a>.</p>");
    }

    @Test
    void shouldNotLinkOtherSchemesOrBreakOutOfTheAttribute() {
        String html = CommentText.toHtml("javascript:alert(1) and http://x.example/\"onmouseover=\"alert(1)");
        assertThat(html).doesNotContain("href=\"javascript").doesNotContain("\"onmouseover");
        assertThat(html).contains("<a href=\"http://x.example/\" rel=\"nofollow ugc\">");
    }

    @Test
    void shouldCountLinksAndDropControlCharacters() {
        assertThat(CommentText.links("a http://one.example b https://two.example/x, c")).containsExactly(
                "http://one.example", "https://two.example/x");
        assertThat(CommentText.normalise("  a\u0000b\u0007c\td \n")).isEqualTo("ab" + "c\td");
        assertThat(CommentText.toHtml("   \n\n  ")).isEmpty();
        assertThat(CommentText.toHtml(null)).isEmpty();
    }

    @Test
    void shouldKeepCurlyQuotesAndAccentsAsTheyAreWhileEscapingMarkup() {
        assertThat(CommentText.toHtml("Zoë’s “café” <i>"))
                .isEqualTo("<p>Zoë’s “café” &lt;i&gt;</p>");
    }
}
