package casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> runs(String s) {
        List<String> out = new ArrayList<>();
        for (Tokenizer.Run r : Tokenizer.runs(SearchNormalizer.normalize(s))) {
            out.add((r.cjk() ? "c:" : "w:") + r.text());
        }
        return out;
    }

    private static List<String> terms(String s) {
        List<String> out = new ArrayList<>();
        for (Tokenizer.Run r : Tokenizer.runs(SearchNormalizer.normalize(s))) {
            Tokenizer.terms(r, out);
        }
        return out;
    }

    @Test
    void mixedScriptsSplitIntoCjkRunsAndWords() {
        assertEquals(List.of("w:soda", "c:かわぐち", "w:8050", "c:問題"), runs("SODAかわぐち、8050問題"));
        assertEquals(List.of("c:ぴあさぽーと", "c:事業"), runs("ピアサポート・事業"), "the middle dot separates");
        assertEquals(List.of("w:607651", "c:人"), runs("607,651人"), "digit groups join, the comma goes");
        assertEquals(List.of("w:1.5", "w:x"), runs("1.5 x"));
        assertEquals(List.of("w:public", "w:health", "w:nurse"), runs("Public health nurses."));
    }

    @Test
    void cjkRunsGiveBigramsAndTheirLastCharacter() {
        assertEquals(List.of("保健", "健師", "師"), terms("保健師"));
        assertEquals(List.of("県"), terms("県"));
        assertEquals(List.of("𠮷野", "野家", "家"), terms("𠮷野家"), "a character outside the BMP is one character");
    }

    @Test
    void queriesLookUpBigramsOrOneCharacter() {
        assertEquals(
                List.of("保健", "健師"), Tokenizer.queryTerms(Tokenizer.runs("保健師").get(0)));
        assertEquals(List.of("県"), Tokenizer.queryTerms(Tokenizer.runs("県").get(0)));
    }

    @Test
    void lightPluralStem() {
        assertEquals("nurse", Tokenizer.stem("nurses"));
        assertEquals("policy", Tokenizer.stem("policies"));
        assertEquals("process", Tokenizer.stem("process"));
        assertEquals("status", Tokenizer.stem("status"));
        assertEquals("analysis", Tokenizer.stem("analysis"));
        assertEquals("its", Tokenizer.stem("its"));
    }

    @Test
    void scriptClasses() {
        assertTrue(Tokenizer.isCjk('ー'));
        assertTrue(Tokenizer.isCjk('한'));
        assertFalse(Tokenizer.isCjk('・'));
        assertFalse(Tokenizer.isCjk('a'));
    }
}
