package casebook.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Break opportunities between Japanese phrases: where the script changes, never inside a word. */
class PhrasesTest {
    /** The text with each {@code <wbr>} shown as |, and two characters held together as [xy]. */
    private static String shown(String s) {
        return s.replace("<wbr>", "|").replaceAll("<span class=\"nobr\">(.)(.)</span>", "[$1$2]");
    }

    @Test
    void breaksFallBetweenPhrasesNeverInsideAKatakanaWord() {
        assertEquals("精神障害にも|対応した|地域包括|ケアシステムの|構築支援事業", shown(Phrases.text("精神障害にも対応した地域包括ケアシステムの構築支援事業")));
        assertEquals("埼玉県・|埼玉県立|精神保健福祉|センター", shown(Phrases.text("埼玉県・埼玉県立精神保健福祉センター")));
        assertEquals("広域|アドバイザー", shown(Phrases.text("広域アドバイザー")));
        assertEquals("センター", Phrases.text("センター"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // okurigana: one hiragana between kanji that is not a particle belongs to the verb or noun
        "にも包括の概念整理と取り組むべき課題の明確化, にも|包括の|概念整理と|取り組むべき|課題の|明確化",
        "3. にも包括構築に取り組む必要性, 3. にも|包括構築に|取り組む|必要性",
        "受け入れ体制, 受け入れ体制",
        "話し合いの場, 話し合いの|場",
        "切れ目ない支援, 切れ目ない|支援",
        "申し込み, 申し込み",
        "引き続き支援, 引き続き支援",
        // a verb's u-row ending ends its phrase
        "担う役割, 担う|役割",
        // a particle between kanji still ends its phrase
        "地域の支援, 地域の|支援",
        "地域が支援, 地域が|支援",
        "地域を支援, 地域を|支援",
        "地域に根ざした, 地域に|根ざした",
        "市へ報告, 市へ|報告",
        "県と市, 県と|市",
        "市で検討, 市で|検討",
        "県や市, 県や|市",
        "県は市, 県は|市",
        "県も市, 県も|市",
        "必要な支援, 必要な|支援",
    })
    void okuriganaStaysWithItsKanjiAParticleEndsAPhrase(String in, String expected) {
        assertEquals(expected, shown(Phrases.text(in)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "こころのサポートステーションSODAかわぐちによる早期の相談支援, こころの|サポートステーション|SODAかわぐちによる|早期の|相談支援",
        "委託先：一般社団法人SODA, 委託先：|一般社団法人|SODA",
        "SODAが担う役割, SODAが|担う|役割",
        "NPO法人, NPO|法人",
        // a lone letter is a label's
        "事例A, 事例A",
        "A型事業所, A型事業所",
        // digits never start or end a break
        "令和6年度, 令和6年度",
        "8050問題, 8050問題",
        "第3部, 第3部",
    })
    void latinLettersBreakFromJapaneseDigitsDoNot(String in, String expected) {
        assertEquals(expected, shown(Phrases.text(in)));
    }

    @Test
    void characterReferencesAreNotLatinWords() {
        assertEquals("Saitama Prefecture &amp; Kawaguchi", Phrases.text("Saitama Prefecture &amp; Kawaguchi"));
        assertEquals("県&amp;市", Phrases.text("県&amp;市"));
        assertEquals("ケア&quot;会議&quot;", Phrases.text("ケア&quot;会議&quot;"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "埼玉県福祉部障害者福祉推進課・埼玉県立精神保健福祉センター, 埼玉県|福祉部|障害者福祉推進課・|埼玉県立|精神保健福祉|センター",
        "蓮田市健康福祉部健康増進課, 蓮田市|健康福祉部|健康増進課",
        "社会・援護局障害保健福祉部, 社会・|援護局|障害保健福祉部",
        // no break that splits an ordinary word
        "埼玉県内, 埼玉県内",
        "埼玉県内市町村の取組, 埼玉県内市町村の|取組",
        "内部調整, 内部調整",
        "課題の整理, 課題の|整理",
        "推進課長, 推進課長",
        "保健所の課題, 保健所の|課題",
    })
    void anOrganisationBreaksAfterItsPrefectureAndItsDepartment(String in, String expected) {
        assertEquals(expected, shown(Phrases.text(in)));
    }

    @Test
    void aNameAlsoBreaksAfterItsPrefectureAHeadingDoesNot() {
        assertEquals("埼玉県・|埼玉県立|精神保健福祉|センター", shown(Phrases.name("埼玉県・埼玉県立精神保健福祉センター")));
        assertEquals("埼玉県|川口市", shown(Phrases.name("埼玉県川口市")));
        assertEquals("京都府|京都市", shown(Phrases.name("京都府京都市")));
        assertEquals("神奈川県|横浜市", shown(Phrases.name("神奈川県横浜市")));
        assertEquals("埼玉県|福祉部|障害者福祉推進課", shown(Phrases.name("埼玉県福祉部障害者福祉推進課")), "one break, not two");
        assertEquals("埼玉県の|取組", shown(Phrases.name("埼玉県の取組")), "no break where a particle follows");
        assertEquals("埼玉県川口市", Phrases.text("埼玉県川口市"), "a heading keeps a place name whole");
        assertEquals("Kawaguchi City", Phrases.name("Kawaguchi City"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "「にも包括」の取組, 「にも包括[」の]|取組",
        "「にも包括」のとらえ方の共通認識, 「にも包括[」の]とらえ方の|共通認識",
        "4. 保健を基軸とした「にも包括」構築体制, 4. 保健を|基軸とした|「にも包括」|構築体制",
        "「にも包括」構築支援事業の活用, 「にも包括」|構築支援事業の|活用",
        "（令和7年）, （令和7年）",
        // a term longer than ten characters may still break between its phrases
        "「精神障害にも対応した地域包括ケアシステム」, 「精神障害にも|対応した|地域包括|ケアシステム」",
    })
    void aShortBracketedTermStaysWhole(String in, String expected) {
        assertEquals(expected, shown(Phrases.text(in)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "事例集に寄せて ～官民でつくる上昇気流～, 事例集に|寄せて [～官]民でつくる|上昇気[流～]",
        "庁内で連携した支援体制 〜物理的・心理的距離の近さを生かした連携〜, 庁内で|連携した|支援体制 [〜物]理的・|心理的距離の|近さを|生かした|連[携〜]",
        "令和4～6年度, 令和4～6年度",
    })
    void aWaveDashIsHeldToItsPhrase(String in, String expected) {
        assertEquals(expected, shown(Phrases.text(in)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "とらえ方, とらえ方",
        "課題のとらえ方, 課題のとらえ方", // no dictionary: の inside a run of hiragana is not seen
        "支援の進め方を考える, 支援の|進め方を|考える",
        "センター長, センター長",
        "ケアシステム等の構築, ケアシステム等の|構築",
        "PDF版, PDF版",
        // after a particle a lone kanji starts a phrase
        "ページが見つかりません, ページが|見つかりません",
        "地域を見る, 地域を|見る",
        // a lone kanji before other kana starts a word
        "庁内連携による切れ目ない支援, 庁内連携による|切れ目ない|支援",
    })
    void aSingleKanjiSuffixStaysWithItsWord(String in, String expected) {
        assertEquals(expected, shown(Phrases.text(in)));
    }

    @Test
    void punctuationStaysWithItsWord() {
        assertEquals("委託先：|川口市", shown(Phrases.text("委託先：川口市")));
        assertEquals("はじめに、|取組を", shown(Phrases.text("はじめに、取組を")));
        assertEquals("「にも包括」", Phrases.text("「にも包括」"));
        assertEquals(null, Phrases.text(null));
    }

    @Test
    void japaneseRunsOnAnEnglishPageBreakBetweenTheirPhrasesNamesStayWhole() {
        assertEquals(
                "<p>Kokoro Support Station (<span lang=\"ja\">こころ|サポートステーション</span>SODA), Nonaka Takeshi"
                        + " (<span class=\"nobr\"><span lang=\"ja\">野中猛</span>)</span></p>",
                shown(Phrases.japaneseRuns("<p>Kokoro Support Station (<span lang=\"ja\">こころサポートステーション</span>SODA),"
                        + " Nonaka Takeshi (<span lang=\"ja\">野中猛</span>)</p>")));
        // a long run keeps only its last character with the bracket and full stop after it
        assertEquals(
                "<p>Meeting (<span lang=\"ja\">精神保健福祉個別事例検討</span><span class=\"nobr\"><span lang=\"ja\">会</span>).</span>"
                        + " Through</p>",
                Phrases.japaneseRuns("<p>Meeting (<span lang=\"ja\">精神保健福祉個別事例検討会</span>). Through</p>"));
        assertEquals("<p>English only</p>", Phrases.japaneseRuns("<p>English only</p>"));
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

    /**
     * Table and figure captions and the terms of a description list are title-like too; an element whose text has
     * break opportunities already (a template made it with phrases()) is left as it is, never broken twice.
     */
    @Test
    void captionsFigureCaptionsAndTermsGetBreaksOnceWhileOtherElementsKeepTheirText() {
        String html =
                "<table><caption id=\"c\">各事例の基本情報</caption></table>\n<figure><figcaption>人材育成の取組</figcaption></figure>\n"
                        + "<dl><dt>事例集に寄せて</dt><dd>事例集に寄せて</dd></dl>\n<thead><tr><td>地域包括ケア</td></tr></thead>\n"
                        + "<dt>取組<wbr>事例集</dt>";
        assertEquals(
                "<table><caption id=\"c\">各事例の|基本情報</caption></table>\n<figure><figcaption>人材育成の|取組</figcaption></figure>\n"
                        + "<dl><dt>事例集に|寄せて</dt><dd>事例集に寄せて</dd></dl>\n<thead><tr><td>地域包括ケア</td></tr></thead>\n"
                        + "<dt>取組|事例集</dt>",
                shown(Phrases.headings(html)));
    }
}
