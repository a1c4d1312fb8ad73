package casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextExtractorTest {
    static final String PAGE = """
            <html><body><header><p>サイト名</p><form><input name=q></form></header>
            <main id="main"><article class="article"><header class="article__header"><p class="article__label">取組事例②</p>
            <h1 class="article__title">埼玉県川口市</h1></header>
            <nav class="page-toc"><a href="#keypoint">取組のポイント</a></nav>
            <div class="article__body">
            <p>前書きの文。</p>
            <section class="keypoint" aria-labelledby="keypoint"><h2 class="keypoint__title" id="keypoint">取組のポイント</h2>
            <ul class="keypoint__categories"><li>都道府県</li><li>中核市</li></ul>
            <p class="keypoint__headline">民間と連携して相談支援を行う</p></section>
            <h2 id="staff">2. 体制</h2>
            <ul><li><a class="term" href="../glossary/index.html#phn">保健師</a>5名が<b>配置</b>されている。</li></ul>
            <p class="figure__omitted">図そのものは収録していません。</p><span aria-hidden="true">✓</span>
            <h3 id="sub">小見出し</h3><p>本文<br>次の行</p>
            </div></article><nav class="pager"><a href="x">次へ</a></nav></main>
            <footer>フッター</footer></body></html>
            """;

    @Test
    void sectionsFollowHeadingsWithIds() {
        PageText p = TextExtractor.extract(PAGE, "kawaguchi/index.html");
        assertEquals("埼玉県川口市", p.title());
        assertEquals("kawaguchi/index.html", p.url());
        List<PageText.Section> s = p.sections();
        assertEquals(
                List.of("", "keypoint", "staff", "sub"),
                s.stream().map(PageText.Section::id).toList());
        assertEquals("埼玉県川口市", s.get(0).heading(), "the page's top is headed by its title");
        assertEquals("前書きの文。", s.get(0).text());
        assertTrue(s.get(0).strong().contains("取組事例②"), "the label weighs as much as key points");
        assertEquals("民間と連携して相談支援を行う", s.get(1).text(), "the list of categories is left out");
        assertEquals("民間と連携して相談支援を行う", s.get(1).strong(), "key-point text weighs more");
        assertEquals("2. 体制", s.get(2).heading());
        assertEquals("保健師5名が配置されている。", s.get(2).text(), "inline elements join without a space; boilerplate goes");
        assertEquals("保健師", s.get(2).strong(), "glossary terms weigh more");
        assertEquals("本文 次の行", s.get(3).text());
    }

    @Test
    void headerFooterAndNavigationAreNotRead() {
        PageText p = TextExtractor.extract(PAGE, "x/index.html");
        String all = p.sections().toString();
        for (String s : List.of("サイト名", "フッター", "次へ", "✓", "収録していません")) {
            assertFalse(all.contains(s), s);
        }
    }

    @Test
    void glossaryEntriesAreSections() {
        PageText p = TextExtractor.extract("""
                <main><article><h1>用語集</h1><p>説明。</p><dl class="glossary"><div><dt id="phn"><dfn>保健師</dfn>
                <span lang="en">public health nurse</span></dt><dd>地域の健康を支える専門職。</dd></div></dl></article></main>""", "glossary/index.html");
        assertEquals(2, p.sections().size());
        assertEquals("phn", p.sections().get(1).id());
        assertEquals("保健師 public health nurse", p.sections().get(1).heading());
        assertEquals("地域の健康を支える専門職。", p.sections().get(1).text());
    }

    @Test
    void aPageWithoutMainHasNoText() {
        assertNull(TextExtractor.extract("<html><body><p>x</p></body></html>", "x"));
    }
}
