package casebook.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Break opportunities between Japanese phrases: where the script changes, never inside a word of one script. */
class PhrasesTest {
    private static String shown(String s) {
        return s.replace("<wbr>", "|");
    }

    @Test
    void breaksFallBetweenPhrasesNeverInsideAKatakanaWord() {
        assertEquals("精神障害にも|対応した|地域包括|ケアシステムの|構築支援事業", shown(Phrases.text("精神障害にも対応した地域包括ケアシステムの構築支援事業")));
        assertEquals("埼玉県・|埼玉県立精神保健福祉|センター", shown(Phrases.text("埼玉県・埼玉県立精神保健福祉センター")));
        assertEquals("広域|アドバイザー", shown(Phrases.text("広域アドバイザー")));
    }

    @Test
    void aNameAlsoBreaksAfterItsPrefectureRunningTextDoesNot() {
        assertEquals("埼玉県・|埼玉県立|精神保健福祉|センター", shown(Phrases.name("埼玉県・埼玉県立精神保健福祉センター")));
        assertEquals("埼玉県|川口市", shown(Phrases.name("埼玉県川口市")));
        assertEquals("京都府|京都市", shown(Phrases.name("京都府京都市")));
        assertEquals("神奈川県|横浜市", shown(Phrases.name("神奈川県横浜市")));
        assertEquals("埼玉県の|取組", shown(Phrases.name("埼玉県の取組")), "no break where a particle follows");
        assertEquals("埼玉県内", Phrases.text("埼玉県内"), "running text: 「県内」 is one word");
        assertEquals("Kawaguchi City", Phrases.name("Kawaguchi City"));
    }

    @Test
    void punctuationDigitsAndLatinLettersStayWithTheirWords() {
        assertEquals("「にも|包括」の|取組", shown(Phrases.text("「にも包括」の取組")));
        assertEquals("令和6年度", Phrases.text("令和6年度"));
        assertEquals("8050問題", Phrases.text("8050問題"));
        assertEquals("委託先：|一般社団法人SODA", shown(Phrases.text("委託先：一般社団法人SODA")));
        assertEquals(
                "（令和7年）",
                Phrases.text("（令和7年）"),
                "no break at the start, after an opening bracket or before a closing one");
        assertEquals("Saitama Prefecture &amp; Kawaguchi", Phrases.text("Saitama Prefecture &amp; Kawaguchi"));
    }

    @Test
    void onlyTheTextOfHeadingsAndTableHeadersChangesNeverATagOrAParagraph() {
        String html =
                "<h2 id=\"x\">参加者と凡例</h2>\n<p>参加者と凡例</p>\n<table><tr><th scope=\"row\">地域包括ケア</th><td>地域包括ケア</td></tr></table>\n"
                        + "<h3 id=\"y\"><a class=\"term\" href=\"../glossary/index.html#a\" title=\"地域包括ケア\">地域包括ケア</a>の会議</h3>";
        assertEquals(
                "<h2 id=\"x\">参加者と|凡例</h2>\n<p>参加者と凡例</p>\n<table><tr><th scope=\"row\">地域包括|ケア</th><td>地域包括ケア</td></tr></table>\n"
                        + "<h3 id=\"y\"><a class=\"term\" href=\"../glossary/index.html#a\" title=\"地域包括ケア\">地域包括|ケア</a>の|会議</h3>",
                shown(Phrases.headings(html)));
    }
}
