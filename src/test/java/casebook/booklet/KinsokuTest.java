package casebook.booklet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The booklet's line breaker keeps Japanese line-breaking rules (禁則) on top of the JDK's break opportunities. */
class KinsokuTest {

    /** Every position where the breaker lets a line end, in order. */
    private static List<Integer> breaks(String s) {
        Kinsoku k = new Kinsoku();
        k.setText(s);
        List<Integer> out = new ArrayList<>();
        for (int b = k.next(); b != BreakIterator.DONE; b = k.next()) {
            out.add(b);
        }
        return out;
    }

    @Test
    void noLineStartsWithClosingPunctuationSmallKanaOrTheLongVowelMark() {
        String s = "保健所は「地域づくり」を進めた。センターが、ショートステイを支えている。";
        List<Integer> b = breaks(s);
        assertFalse(b.isEmpty(), "Japanese text has break opportunities");
        for (int i : b) {
            if (i >= s.length()) {
                continue;
            }
            char next = s.charAt(i);
            char prev = s.charAt(i - 1);
            assertTrue(Kinsoku.NO_START.indexOf(next) < 0, "a line would start with " + next + " at " + i + " in " + s);
            assertTrue(Kinsoku.NO_END.indexOf(prev) < 0, "a line would end with " + prev + " at " + i + " in " + s);
        }
        // the rule is what forbids these: a break between 進めた and 。 or after 「 is never offered
        assertFalse(b.contains(s.indexOf('。')), "no break before 。");
        assertFalse(b.contains(s.indexOf('「') + 1), "no break after 「");
        assertFalse(b.contains(s.indexOf('ョ')), "no break before a small kana");
        assertFalse(b.contains(s.indexOf('ー')), "no break before ー");
    }

    @Test
    void breaksBetweenOrdinaryJapaneseCharactersAndEnglishWordsRemain() {
        assertTrue(breaks("保健所").contains(1), "a line may break between two kanji");
        assertEquals(List.of(5, 12, 16), breaks("head office team"), "English breaks after each space");
        assertTrue(Kinsoku.allowed("あい", 1));
        assertFalse(Kinsoku.allowed("あ。", 1));
        assertFalse(Kinsoku.allowed("（あ", 1));
    }
}
