package casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ranking, on indexes built from hand-made pages. */
class SearcherTest {

    private static PageText page(String url, String title, String... sections) {
        List<PageText.Section> s = new ArrayList<>();
        s.add(new PageText.Section("", title, "", ""));
        for (int i = 0; i < sections.length; i += 2) {
            s.add(new PageText.Section("s" + i, sections[i], sections[i + 1], ""));
        }
        return new PageText(url, title, s);
    }

    private static Searcher searcher(List<PageText> pages, List<IndexBuilder.Bridge> bridges) {
        Map<String, byte[]> files = IndexBuilder.build(pages, bridges);
        return new Searcher(files::get);
    }

    private static List<String> urls(Searcher s, String q) {
        return s.search(q).stream().map(Searcher.Result::url).toList();
    }

    @Test
    void aPhraseBeatsScatteredBigrams() {
        // b has every bigram of 退院支援 (退院, 院支, 支援) but never the phrase; a has the phrase once
        Searcher s = searcher(
                List.of(page("b/", "B", "見出し", "退院した。病院支部がある。支援する。退院の話。支援の話。"), page("a/", "A", "見出し", "退院支援を進めた。")),
                List.of());
        assertEquals(List.of("a/", "b/"), urls(s, "退院支援"));
    }

    @Test
    void headingsWeighMoreThanBodyText() {
        Searcher s = searcher(
                List.of(page("body/", "本文", "概要", "協議の場を設けた。"), page("head/", "見出し", "協議の場の運営", "毎月開いている。")),
                List.of());
        assertEquals(List.of("head/", "body/"), urls(s, "協議の場"));
    }

    @Test
    void keyPointsAndGlossaryTermsWeighMoreThanBodyText() {
        List<PageText.Section> strong =
                List.of(new PageText.Section("", "X", "", ""), new PageText.Section("k", "ポイント", "地域移行を進めた。", "地域移行"));
        Searcher s = searcher(
                List.of(page("body/", "本文", "概要", "地域移行を進めた。"), new PageText("strong/", "X", strong)), List.of());
        assertEquals(List.of("strong/", "body/"), urls(s, "地域移行"));
    }

    @Test
    void sectionsAndSnippetSectionsComeBackGroupedByPage() {
        Searcher s = searcher(List.of(page("p/", "ページ", "一", "保健師が訪問する。", "二", "保健師と相談する。", "三", "別の話。")), List.of());
        List<Searcher.Result> r = s.search("保健師");
        assertEquals(1, r.size());
        assertEquals(
                List.of("s0", "s2"),
                r.get(0).sections().stream().map(Searcher.Hit::id).toList());
    }

    @Test
    void katakanaHiraganaAndWidthDoNotMatter() {
        Searcher s = searcher(List.of(page("a/", "A", "見出し", "ピアサポーターが活動する。SODAかわぐち。8050問題。")), List.of());
        for (String q : List.of("ぴあさぽーたー", "ﾋﾟｱｻﾎﾟｰﾀｰ", "ピアサポータ", "ＳＯＤＡ", "soda", "８０５０", "カワグチ")) {
            assertEquals(List.of("a/"), urls(s, q), q);
        }
    }

    @Test
    void oneCharacterFindsEveryOccurrence() {
        Searcher s = searcher(
                List.of(
                        page("mid/", "M", "見出し", "県内の取組。"),
                        page("end/", "E", "見出し", "埼玉県。"),
                        page("none/", "N", "見出し", "市の取組。")),
                List.of());
        List<String> u = urls(s, "県");
        assertEquals(2, u.size(), u.toString());
        assertTrue(u.containsAll(List.of("mid/", "end/")));
    }

    @Test
    void theWordBeingTypedMatchesAsAPrefix() {
        Searcher s = searcher(
                List.of(
                        page("a/", "A", "Staff", "Public health nurses visit."),
                        page("b/", "B", "Other", "Nothing here.")),
                List.of());
        assertEquals(List.of("a/"), urls(s, "nur"));
        assertEquals(List.of(), urls(s, "nur "), "a finished word is matched whole");
        assertEquals(List.of("a/"), urls(s, "nurse "), "plurals are stemmed");
    }

    @Test
    void sectionsWithLessThanHalfOfTheQueryAreLeftOut() {
        Searcher s = searcher(List.of(page("a/", "A", "見出し", "精神科病院の話。"), page("b/", "B", "見出し", "精神の話。")), List.of());
        assertEquals(List.of("a/"), urls(s, "精神科病院"));
    }

    @Test
    void aGlossaryTermOfTheOtherLanguageAlsoSearchesThisLanguagesTerm() {
        Searcher s = searcher(
                List.of(page("a/", "A", "体制", "保健師5名が配置されている。"), page("b/", "B", "他", "医師がいる。")),
                List.of(new IndexBuilder.Bridge("public health nurse", "保健師")));
        Searcher.Answer a = s.answer("Public Health Nurse", 10);
        assertEquals(
                List.of("a/"), a.results().stream().map(Searcher.Result::url).toList());
        assertEquals(1, a.notes().size());
        assertEquals("保健師", a.notes().get(0)[1]);
        assertEquals(0, s.answer("public healthy", 10).notes().size(), "only a whole term bridges");
    }

    @Test
    void aLargeIndexIsShardedAndAQueryLoadsOnlyWhatItNeeds() {
        List<PageText> pages = new ArrayList<>();
        String[] words = "精神 保健 福祉 地域 包括 支援 相談 連携 協議 医療 障害 家族 生活 就労 住まい 退院 病院 訪問 当事者 研修".split(" ");
        for (int i = 0; i < 3000; i++) {
            StringBuilder t = new StringBuilder();
            for (int k = 0; k < 40; k++) {
                t.append(words[(i * 7 + k * 13) % words.length])
                        .append(words[(i + k * 3) % words.length])
                        .append("。");
            }
            t.append("固有語").append(Integer.toString(i, 36)).append("番。");
            pages.add(page("p" + i + "/", "ページ" + i, "見出し" + i, t.toString()));
        }
        Map<String, byte[]> files = IndexBuilder.build(pages, List.of());
        assertTrue(
                files.containsKey("t/0.js") && files.containsKey("p/2999.js"),
                files.keySet().size() + " files");
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        Searcher s = new Searcher(files::get);
        List<Searcher.Result> r = s.search("固有語" + Integer.toString(1234, 36));
        assertEquals("p1234/", r.get(0).url());
        assertTrue(s.bytesLoaded() < total / 10, s.bytesLoaded() + " of " + total + " bytes: " + s.filesLoaded());
        assertFalse(s.filesLoaded().contains("p/0.js") && r.size() < 10, "page files only of the pages shown");
    }

    @Test
    void theIndexIsSafeInsideAScript() {
        Map<String, byte[]> files = IndexBuilder.build(
                List.of(page("a/", "</script><b>", "見出し", "\"quote\" \\ back\u2028 & <tag>")), List.of());
        String js = new String(files.get("index.js"), StandardCharsets.UTF_8);
        for (String bad : List.of("</script", "<b>", "<tag>", "\u2028")) {
            assertFalse(js.contains(bad), bad);
        }
        Searcher s = new Searcher(files::get);
        assertEquals("</script><b>", s.search("quote").get(0).title(), "and reads back as written");
    }

    @Test
    void theOutputDependsOnlyOnThePages() {
        List<PageText> pages = List.of(page("a/", "A", "一", "保健師"), page("b/", "B", "二", "保健所"));
        Map<String, byte[]> one = IndexBuilder.build(pages, List.of());
        Map<String, byte[]> two = IndexBuilder.build(pages, List.of());
        assertEquals(one.keySet(), two.keySet());
        for (String k : one.keySet()) {
            assertTrue(Arrays.equals(one.get(k), two.get(k)), k);
        }
    }
}
