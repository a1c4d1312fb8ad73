package casebook.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ＡＢＣ１２３|abc123", // full-width Latin and digits
                "ＳＯＤＡかわぐち|sodaかわぐち",
                "ﾋﾟｱｻﾎﾟｰﾄ|ぴあさぽーと", // half-width katakana with its voiced marks
                "ピアサポート|ぴあさぽーと", // katakana folds to hiragana
                "ぴあさぽーと|ぴあさぽーと",
                "ピアサポ-ト|ぴあさぽーと", // a hyphen after kana is the long-vowel mark
                "ピアサポ－ト|ぴあさぽーと", // so is a full-width hyphen
                "サーバー|さーば", // a long-vowel mark that ends a kana word goes
                "サーバ|さーば",
                "コーディネーター会議|こーでぃねーた会議",
                "人々|人人", // iteration marks repeat the character before
                "時々刻々|時時刻刻",
                "こゝろ|こころ",
                "いすゞ|いすず", // voiced iteration mark
                "①②|12",
                "㍻|平成",
                "Public Health NURSE|public health nurse",
                "ガ|が", // decomposed voiced mark composed
                "8050問題|8050問題",
            })
    void normalises(String in, String out) {
        assertEquals(out, SearchNormalizer.normalize(in));
    }

    @Test
    void aDashAfterLatinStaysAHyphen() {
        assertEquals("co-op", SearchNormalizer.normalize("co-op"));
        assertEquals("々", SearchNormalizer.normalize("々"), "an iteration mark with nothing before it stays");
    }

    @Test
    void eachOutputCharacterKnowsWhereItCameFrom() {
        SearchNormalizer.Result r = SearchNormalizer.normalizeWithOffsets("ＳＯ ﾋﾟｱ");
        assertEquals("so ぴあ", r.text());
        assertArrayEquals(new int[] {0, 1, 2, 3, 5}, r.start());
        assertArrayEquals(new int[] {1, 2, 3, 5, 6}, r.end());
        SearchNormalizer.Result v = SearchNormalizer.normalizeWithOffsets("サーバー室");
        assertEquals("さーば室", v.text());
        assertArrayEquals(
                new int[] {0, 1, 2, 4}, v.start(), "the dropped mark leaves a gap, the kanji keeps its place");
        SearchNormalizer.Result e = SearchNormalizer.normalizeWithOffsets("㍻");
        assertArrayEquals(
                new int[] {0, 0}, e.start(), "both characters of an expansion come from the one input character");
        assertArrayEquals(new int[] {1, 1}, e.end());
    }

    /**
     * The fast path's tables say what the rules they replace say: a unit may join the one before it as
     * {@link SearchNormalizer#mayCombine} says, and a unit the fast path folds alone folds to what the general steps
     * make of it, alone and after a hiragana letter (where a dash would become the long-vowel mark).
     */
    @Test
    void theFastPathsTablesAgreeWithTheRules() {
        int fast = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            char u = (char) c;
            String name = "U+" + Integer.toHexString(c);
            assertEquals(c >= 0x300 && SearchNormalizer.mayCombine(u), SearchNormalizer.joins(u), name);
            char f = SearchNormalizer.fast(u);
            if (f != 0) {
                fast++;
                assertEquals(SearchNormalizer.normalizeWithOffsets("x" + u).text(), "x" + f, name);
                assertEquals(
                        SearchNormalizer.normalizeWithOffsets("か" + u + "か").text(), "か" + f + "か", name);
            }
        }
        assertEquals(128 - 2 + 0x9FFF - 0x4E00 + 1 + 0x3096 - 0x3041 + 1 + 0x30F6 - 0x30A1 + 1 + 3, fast);
    }

    /**
     * Every character alone (outside kana, dashes and iteration marks, which the later steps fold) normalises to
     * its NFKC lower case, the same on a second call as on the first: the table of characters already worked out
     * gives what {@link Normalizer} gives.
     */
    @Test
    void everyCharacterAloneIsItsNfkcLowerCase() {
        int checked = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c) || SearchNormalizer.isCombining(c)) {
                continue;
            }
            String one = String.valueOf((char) c);
            String expected = Normalizer.normalize(one, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            if (expected.chars()
                    .anyMatch(x -> x >= 0x3000 && x <= 0x30FF
                            || x == '-'
                            || x >= 0x2010 && x <= 0x2015
                            || x == 0x2212
                            || x == 0xFF70)) {
                continue;
            }
            int cp = c;
            assertEquals(expected, SearchNormalizer.normalize(one), () -> "U+" + Integer.toHexString(cp));
            assertEquals(expected, SearchNormalizer.normalize(one), () -> "again U+" + Integer.toHexString(cp));
            checked++;
        }
        assertEquals(true, checked > 60_000, "checked " + checked);
    }
}
