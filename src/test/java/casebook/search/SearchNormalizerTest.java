package casebook.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
