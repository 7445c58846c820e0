package org.broadsheet.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the words and phrases of a list in a text as readers would read them: case and accents ignored
 * ("CAFÉ" is "cafe"), whole words only ("Scunthorpe" holds no short banned word), a phrase as its words in a
 * row whatever the spaces and punctuation between them, in any script (letters and digits of Unicode).
 */
final class WordMatcher {

    /**
     * The accents of Latin, Greek and Cyrillic letters and the vowel points of Hebrew and Arabic: what readers
     * leave out or add without changing the word. Other marks are kept, because in other scripts they make
     * another word (Hindi "काम", work, is not "कम", less).
     */
    private static final Pattern ACCENTS =
            Pattern.compile("[\\p{M}&&[\\u0300-\\u036F\\u0591-\\u05C7\\u064B-\\u065F\\u0670]]+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    private WordMatcher() {
    }

    /** A word or phrase as it is stored and compared: its words folded, joined by one space. */
    static String fold(String text) {
        return String.join(" ", words(text));
    }

    /** The folded words of a text, in order. */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        // Compatibility decomposition also turns ligatures and full-width letters into plain ones.
        String plain = ACCENTS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String lower = plain.toLowerCase(Locale.ROOT).replace('ı', 'i').replace('ς', 'σ').replace("ß", "ss");
        return Arrays.stream(SEPARATORS.split(lower)).filter(w -> !w.isEmpty()).toList();
    }

    /** Those of the (folded) entries the text holds, in the list's order. */
    static List<String> find(List<String> entries, String text) {
        List<String> words = words(text);
        if (words.isEmpty() || entries.isEmpty()) {
            return List.of();
        }
        Set<String> single = new LinkedHashSet<>(words);
        List<String> found = new ArrayList<>();
        for (String entry : entries) {
            List<String> phrase = words(entry);
            if (phrase.isEmpty()) {
                continue;
            }
            if (phrase.size() == 1 ? single.contains(phrase.get(0)) : contains(words, phrase)) {
                found.add(entry);
            }
        }
        return found;
    }

    private static boolean contains(List<String> words, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}
