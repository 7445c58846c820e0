package org.broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How the banned and suspect word lists read a comment: case and accents ignored, whole words only, a phrase as
 * its words in a row, in any script. Entries are folded first, as {@link WordLists} stores them.
 */
class WordMatcherTests {

    private static boolean matches(String entry, String text) {
        String stored = WordMatcher.fold(entry);
        return WordMatcher.find(List.of(stored), text).equals(List.of(stored));
    }

    // ---------------------------------------------------------------- case and accents

    @Test
    void shouldMatchWhateverTheCase() {
        assertThat(matches("idiot", "What an IDIOT")).isTrue();
        assertThat(matches("IDIOT", "what an idiot")).isTrue();
        assertThat(matches("Idiot", "what an iDiOt")).isTrue();
    }

    @Test
    void shouldIgnoreAccentsInTheEntryAndInTheText() {
        assertThat(matches("café", "Meet me at the CAFE")).as("accented entry, plain text").isTrue();
        assertThat(matches("cafe", "Meet me at the Café")).as("plain entry, accented text").isTrue();
        assertThat(matches("naïve", "how NAIVE")).isTrue();
        assertThat(matches("crème brûlée", "Creme Brulee for pudding")).isTrue();
    }

    @Test
    void shouldMatchAnAccentTypedAsACombiningMark() {
        // "e" followed by U+0301 COMBINING ACUTE ACCENT, as some keyboards send it.
        assertThat(matches("café", "the cafe\u0301 on the corner")).isTrue();
        assertThat(matches("cafe\u0301", "the café on the corner")).isTrue();
    }

    @Test
    void shouldReadFullWidthLettersAndLigaturesAsPlainOnes() {
        assertThat(matches("idiot", "ＩＤＩＯＴ")).as("full-width").isTrue();
        assertThat(matches("fine", "that is \uFB01ne")).as("fi ligature").isTrue();
    }

    // ---------------------------------------------------------------- whole words

    @Test
    void shouldNotMatchAWordInsideALongerWord() {
        assertThat(matches("cunt", "Scunthorpe United won")).isFalse();
        assertThat(matches("ass", "We need to assess the damage")).isFalse();
        assertThat(matches("ass", "a class act, a bass line, passable")).isFalse();
        assertThat(matches("idiot", "idiotic idiots")).isFalse();
    }

    @Test
    void shouldMatchAWordNextToPunctuation() {
        assertThat(matches("idiot", "idiot!")).isTrue();
        assertThat(matches("idiot", "(idiot)")).isTrue();
        assertThat(matches("idiot", "\u201cidiot\u201d, he said.")).isTrue();
        assertThat(matches("idiot", "you,idiot.")).isTrue();
        assertThat(matches("idiot", "line one\nidiot\tline two")).isTrue();
        assertThat(matches("ass", "Ass.")).isTrue();
    }

    @Test
    void shouldTreatDigitsAsPartOfAWord() {
        assertThat(matches("1488", "the number 1488 again")).isTrue();
        assertThat(matches("1488", "call 01488 123")).as("inside a longer number").isFalse();
        assertThat(matches("idiot", "idiot2 is a username")).as("letters and digits are one word").isFalse();
        assertThat(matches("idiot2", "hello IDIOT2!")).isTrue();
    }

    // ---------------------------------------------------------------- phrases

    @Test
    void shouldMatchAPhraseWhateverTheSpacesAndPunctuationBetweenItsWords() {
        assertThat(matches("buy followers", "Buy   followers, cheap")).isTrue();
        assertThat(matches("buy followers", "buy-followers.com")).isTrue();
        assertThat(matches("buy followers", "why not BUY\nFOLLOWERS")).isTrue();
        assertThat(matches("buy  followers", "buy followers")).as("entry with extra spaces").isTrue();
    }

    @Test
    void shouldNotMatchAPhraseWhoseWordsAreApartOrOutOfOrder() {
        assertThat(matches("buy followers", "buy more followers")).isFalse();
        assertThat(matches("buy followers", "followers buy")).isFalse();
        assertThat(matches("buy followers", "buyfollowers")).isFalse();
        assertThat(matches("buy followers", "buy")).isFalse();
        assertThat(matches("buy followers", "rebuy followers")).as("whole words in a phrase too").isFalse();
    }

    @Test
    void shouldReturnTheEntriesFoundInTheListsOrder() {
        List<String> entries = List.of("buy followers", "idiot", "liar", "scam");
        assertThat(WordMatcher.find(entries, "A SCAM by an idiot: buy followers!"))
                .containsExactly("buy followers", "idiot", "scam");
        assertThat(WordMatcher.find(entries, "idiot idiot idiot")).as("each entry once").containsExactly("idiot");
        assertThat(WordMatcher.find(entries, "Nothing to see here")).isEmpty();
    }

    // ---------------------------------------------------------------- other scripts

    @Test
    void shouldMatchCyrillicWordsWhateverTheCase() {
        assertThat(matches("идиот", "Ты ИДИОТ!")).isTrue();
        assertThat(matches("ИДИОТ", "ты идиот")).isTrue();
        assertThat(matches("идиот", "идиотизм")).as("whole words in Cyrillic").isFalse();
    }

    @Test
    void shouldMatchGreekWordsWhateverTheCaseAndAccents() {
        assertThat(matches("βλάκας", "Είσαι ΒΛΑΚΑΣ.")).isTrue();
        assertThat(matches("ΒΛΑΚΑΣ", "είσαι βλάκας")).isTrue();
        assertThat(matches("βλάκας", "βλακεία")).isFalse();
    }

    @Test
    void shouldReadGreekFinalSigmaAsSigmaWhereverTheWordEnds() {
        // Final and medial sigma are one letter in two forms (Unicode case folding maps both to σ). Which form
        // lower-casing picks depends on what follows, so a capitalised word followed by a hyphen or a full stop
        // must match the same entry as the word on its own.
        assertThat(matches("βλάκας", "ΒΛΑΚΑΣ-ναι")).as("followed by a hyphen").isTrue();
        assertThat(matches("βλάκας", "ΒΛΑΚΑΣ.Ναι")).as("followed by a full stop").isTrue();
        assertThat(matches("βλάκας", "βλακασ")).as("typed with a medial sigma").isTrue();
        assertThat(WordMatcher.fold("ΒΛΑΚΑΣ")).isEqualTo(WordMatcher.fold("βλακασ"));
    }

    @Test
    void shouldReadSharpSAsDoubleS() {
        assertThat(matches("Straße", "STRASSE")).isTrue();
        assertThat(matches("strasse", "Die Straße ist gesperrt")).isTrue();
        assertThat(matches("strasse", "STRA\u1E9EE")).as("capital sharp s").isTrue();
        assertThat(WordMatcher.fold("Straße")).isEqualTo("strasse");
    }

    @Test
    void shouldReadTurkishDottedAndDotlessIAsI() {
        assertThat(matches("kız", "KIZ")).isTrue();
        assertThat(matches("kız", "kiz")).isTrue();
        assertThat(matches("kiz", "kız")).isTrue();
        assertThat(matches("istanbul", "\u0130STANBUL")).as("capital dotted I").isTrue();
        assertThat(WordMatcher.fold("ıİI")).isEqualTo("iii");
    }

    @Test
    void shouldKeepTheVowelSignsThatMakeDifferentWordsInOtherScripts() {
        // Devanagari vowel signs and the Japanese voicing mark are combining marks, but not accents: without
        // them "काम" (work) reads as "कम" (less) and "ガン" (cancer) as "カン" (intuition).
        assertThat(matches("कम", "यह काम है")).as("Hindi: a different word").isFalse();
        assertThat(matches("काम", "यह काम है")).as("Hindi: the word itself").isTrue();
        assertThat(matches("カン", "ガン")).as("Japanese: a different word").isFalse();
        assertThat(matches("ガン", "ガン")).as("Japanese: the word itself").isTrue();
        assertThat(WordMatcher.words("यह काम है")).hasSize(3);
    }

    // ---------------------------------------------------------------- nothing to find

    @Test
    void shouldFindNothingInEmptyOrBlankText() {
        List<String> entries = List.of("idiot", "buy followers");
        assertThat(WordMatcher.find(entries, null)).isEmpty();
        assertThat(WordMatcher.find(entries, "")).isEmpty();
        assertThat(WordMatcher.find(entries, "   \n\t ")).isEmpty();
        assertThat(WordMatcher.find(entries, "!!! ... ???")).isEmpty();
        assertThat(WordMatcher.find(List.of(), "idiot")).isEmpty();
    }

    @Test
    void shouldIgnoreAnEntryWithoutWords() {
        assertThat(WordMatcher.find(List.of("", "   ", "!!!", "idiot"), "!!! idiot")).containsExactly("idiot");
    }

    // ---------------------------------------------------------------- folding

    @Test
    void shouldFoldAnEntryToItsWordsInLowerCaseWithoutAccentsJoinedByOneSpace() {
        assertThat(WordMatcher.fold("  Buy   FOLLOWERS! ")).isEqualTo("buy followers");
        assertThat(WordMatcher.fold("Café")).isEqualTo("cafe");
        assertThat(WordMatcher.fold("buy-followers")).isEqualTo("buy followers");
        assertThat(WordMatcher.fold("Crème\tBrûlée")).isEqualTo("creme brulee");
        assertThat(WordMatcher.fold("ИДИОТ")).isEqualTo("идиот");
        assertThat(WordMatcher.fold("Idiot2")).isEqualTo("idiot2");
    }

    @Test
    void shouldFoldNothingToAnEmptyString() {
        assertThat(WordMatcher.fold(null)).isEmpty();
        assertThat(WordMatcher.fold("")).isEmpty();
        assertThat(WordMatcher.fold("  \n ")).isEmpty();
        assertThat(WordMatcher.fold("?!-")).isEmpty();
    }

    @Test
    void shouldFoldWhatIsAlreadyFoldedToItself() {
        for (String entry : new String[] { "Café", "Buy  Followers", "Straße", "KIZ", "ΒΛΑΚΑΣ", "ИДИОТ", "काम" }) {
            String once = WordMatcher.fold(entry);
            assertThat(WordMatcher.fold(once)).as(entry).isEqualTo(once);
        }
    }

    @Test
    void shouldSplitTextIntoFoldedWordsInOrder() {
        assertThat(WordMatcher.words("Don't BUY-followers, café!")).containsExactly("don", "t", "buy", "followers",
                "cafe");
        assertThat(WordMatcher.words(null)).isEmpty();
    }
}
