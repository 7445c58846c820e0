package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HighlighterTests {

    private static String words(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            text.append(i == from ? "" : " ").append("word").append(i);
        }
        return text.toString();
    }

    @Test
    void marksEveryOccurrenceOfEachWordIgnoringCase() {
        Highlighter highlighter = new Highlighter(List.of("budget", "tax"));

        assertThat(highlighter.highlight("Budget day: TAX rises in the budget"))
                .isEqualTo("<mark>Budget</mark> day: <mark>TAX</mark> rises in the <mark>budget</mark>");
    }

    @Test
    void marksWholeWordsOnly() {
        Highlighter highlighter = new Highlighter(List.of("art", "the"));

        assertThat(highlighter.highlight("Start of an art-house artwork, then The end")).isEqualTo(
                "Start of an <mark>art</mark>-house artwork, then <mark>The</mark> end");
    }

    @Test
    void marksOtherFormsOfTheSameWord() {
        assertThat(new Highlighter(List.of("elections")).highlight("Election's elections; electioneering"))
                .isEqualTo("<mark>Election</mark>&#39;s <mark>elections</mark>; electioneering");
        assertThat(new Highlighter(List.of("vote")).highlight("Vote, votes, voted, voters"))
                .isEqualTo("<mark>Vote</mark>, <mark>votes</mark>, <mark>voted</mark>, <mark>voters</mark>");
        assertThat(new Highlighter(List.of("taxes")).highlight("Tax and taxes"))
                .isEqualTo("<mark>Tax</mark> and <mark>taxes</mark>");
    }

    @Test
    void takesNoEndingOffAShortWord() {
        assertThat(Highlighter.base("bus")).isEqualTo("bus");
        assertThat(Highlighter.base("buses")).isEqualTo("bus");
        assertThat(Highlighter.base("king")).isEqualTo("king");
        assertThat(Highlighter.base("councillors")).isEqualTo("councillor");
    }

    @Test
    void marksTheLongestWordWhenOneWordStartsAnother() {
        Highlighter highlighter = new Highlighter(List.of("election", "elections"));

        assertThat(highlighter.highlight("Elections")).isEqualTo("<mark>Elections</mark>");
    }

    @Test
    void escapesMarkupInTheTextSoThatScriptStaysText() {
        Highlighter highlighter = new Highlighter(List.of("alert"));

        String html = highlighter.highlight("<script>alert('x')</script> & \"quotes\"");

        assertThat(html).isEqualTo(
                "&lt;script&gt;<mark>alert</mark>(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(html).doesNotContain("<script").doesNotContain("</script");
    }

    @Test
    void escapesTheMarkedWordsToo() {
        Highlighter highlighter = new Highlighter(List.of("script"));

        assertThat(highlighter.highlight("<script>")).isEqualTo("&lt;<mark>script</mark>&gt;");
    }

    @Test
    void neverMarksInsideAnEntityOfTheEscapedText() {
        Highlighter highlighter = new Highlighter(List.of("amp", "lt", "quot"));

        assertThat(highlighter.highlight("Fish & chips < \"lt\" amp"))
                .isEqualTo("Fish &amp; chips &lt; &quot;<mark>lt</mark>&quot; <mark>amp</mark>");
    }

    @Test
    void treatsRegularExpressionCharactersInWordsLiterally() {
        Highlighter highlighter = new Highlighter(List.of("a.c"));

        assertThat(highlighter.highlight("abc a.c")).isEqualTo("abc <mark>a.c</mark>");
    }

    @Test
    void escapesWithoutMarkingWhenThereAreNoWords() {
        Highlighter highlighter = new Highlighter(List.of());

        assertThat(highlighter.highlight("a <b>")).isEqualTo("a &lt;b&gt;");
        assertThat(highlighter.snippet(null, "Standfirst <i>")).isEqualTo("Standfirst &lt;i&gt;");
        assertThat(highlighter.highlight(null)).isEmpty();
    }

    @Test
    void showsAShortBodyWhole() {
        Highlighter highlighter = new Highlighter(List.of("rain"));

        assertThat(highlighter.snippet("Heavy\n\nrain  tonight.", "Standfirst"))
                .isEqualTo("Heavy <mark>rain</mark> tonight.");
    }

    @Test
    void cutsAWindowAroundTheFirstMatchInALongBody() {
        String body = words(1, 100) + " needle " + words(101, 200);
        Highlighter highlighter = new Highlighter(List.of("needle"));

        String snippet = highlighter.snippet(body, "Standfirst");

        assertThat(snippet).startsWith(Highlighter.ELLIPSIS + " word").endsWith(" " + Highlighter.ELLIPSIS)
                .contains("<mark>needle</mark>");
        String text = snippet.replace("<mark>", "").replace("</mark>", "");
        assertThat(text.length()).isBetween(150, Highlighter.SNIPPET_LENGTH + 4);
        // Some context before the match, cut between words.
        int before = text.indexOf("needle") - 2;
        assertThat(before).isBetween(Highlighter.LEAD_IN - 10, Highlighter.LEAD_IN);
        assertThat(text).matches("\u2026 word\\d+ .* word\\d+ \u2026");
    }

    @Test
    void startsTheSnippetAtTheBeginningWhenTheMatchIsEarly() {
        String body = "needle " + words(1, 200);
        Highlighter highlighter = new Highlighter(List.of("needle"));

        String snippet = highlighter.snippet(body, "Standfirst");

        assertThat(snippet).startsWith("<mark>needle</mark> word1 ").endsWith(" " + Highlighter.ELLIPSIS);
    }

    @Test
    void showsTheEndOfTheBodyWhenTheMatchIsLate() {
        String body = words(1, 200) + " needle";
        Highlighter highlighter = new Highlighter(List.of("needle"));

        String snippet = highlighter.snippet(body, "Standfirst");

        assertThat(snippet).startsWith(Highlighter.ELLIPSIS + " ").endsWith("word200 <mark>needle</mark>");
        assertThat(snippet.length()).isGreaterThan(Highlighter.SNIPPET_LENGTH - 20);
    }

    @Test
    void fallsBackToTheStandfirstWhenOnlyItMatches() {
        Highlighter highlighter = new Highlighter(List.of("needle"));

        assertThat(highlighter.snippet(words(1, 100), "A needle in the standfirst"))
                .isEqualTo("A <mark>needle</mark> in the standfirst");
    }

    @Test
    void fallsBackToTheStartOfTheStandfirstWhenNothingMatchesInTheText() {
        Highlighter highlighter = new Highlighter(List.of("needle"));

        assertThat(highlighter.snippet(words(1, 100), "Plain standfirst")).isEqualTo("Plain standfirst");
        assertThat(highlighter.snippet(words(1, 100), "")).startsWith("word1 word2").endsWith(Highlighter.ELLIPSIS);
    }

    @Test
    void escapesTheSnippet() {
        Highlighter highlighter = new Highlighter(List.of("needle"));

        assertThat(highlighter.snippet("<img src=x onerror=alert(1)> needle", null))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt; <mark>needle</mark>");
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String emoji = "\uD83D\uDE00";
        String body = emoji.repeat(300) + " needle " + emoji.repeat(300);
        Highlighter highlighter = new Highlighter(List.of("needle"));

        String snippet = highlighter.snippet(body, null);

        String text = snippet.replace(Highlighter.ELLIPSIS, "");
        assertThat(Character.isLowSurrogate(text.strip().charAt(0))).isFalse();
        assertThat(Character.isHighSurrogate(text.strip().charAt(text.strip().length() - 1))).isFalse();
        assertThat(snippet).contains("<mark>needle</mark>");
    }
}
