package casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebook.diag.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The HTML {@link AstRenderer} writes for each construct of CommonMark plus tables and definition lists:
 * the bytes Flexmark's own renderer wrote for them when casebook still had both (recorded from it), so the
 * published HTML stays the same. Rendered outside a page: headings get no ids, text no glossary links.
 */
class AstRendererTest {
    static final MarkdownRenderer MD = new MarkdownRenderer();

    /** Markdown, then its HTML, pair by pair. */
    static final List<String> CASES = List.of(
            "plain paragraph\nwith a soft break", "<p>plain paragraph\nwith a soft break</p>\n",
            "日本語の段落\n改行は詰める", "<p>日本語の段落改行は詰める</p>\n",
            "Mixed 日本語\nand English", "<p>Mixed 日本語and English</p>\n",
            "# H1\n\n## H2 {#custom}\n\n### H3 with *em* and `code`\n\nSetext\n======\n\nSetext 2\n--------",
                    "<h1>H1</h1>\n<h2>H2</h2>\n<h3>H3 with <em>em</em> and <code>code</code></h3>\n<h1>Setext</h1>\n<h2>Setext 2</h2>\n",
            "*em* _em_ **strong** __strong__ ***both*** `code  with   spaces` ``a ` b``",
                    "<p><em>em</em> <em>em</em> <strong>strong</strong> <strong>strong</strong> <em><strong>both</strong></em> <code>code with spaces</code> <code>a ` b</code></p>\n",
            "- a\n- b\n  - nested\n  - nested 2\n- c",
                    "<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>nested</li>\n<li>nested 2</li>\n</ul>\n</li>\n<li>c</li>\n</ul>\n",
            "- loose\n\n- items\n\n  second paragraph",
                    "<ul>\n<li>\n<p>loose</p>\n</li>\n<li>\n<p>items</p>\n<p>second paragraph</p>\n</li>\n</ul>\n",
            "1. one\n2. two\n\n3) other list",
                    "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n<ol start=\"3\">\n<li>other list</li>\n</ol>\n",
            "5. starts at five\n6. six", "<ol start=\"5\">\n<li>starts at five</li>\n<li>six</li>\n</ol>\n",
            "- [link](http://example.com \"title\") and ![image](img.png \"t\") and ![alt *em*](a.png)",
                    "<ul>\n<li><a href=\"http://example.com\" title=\"title\">link</a> and <img src=\"img.png\" alt=\"image\" title=\"t\" /> and <img src=\"a.png\" alt=\"alt em\" /></li>\n</ul>\n",
            "<https://example.com/a?b=1&c=2> and <mail@example.com> and www.example.com",
                    "<p><a href=\"https://example.com/a?b=1&amp;c=2\">https://example.com/a?b=1&amp;c=2</a> and <a href=\"mailto:mail@example.com\">mail@example.com</a> and www.example.com</p>\n",
            "[ref link][r] and [r] and ![img ref][r]\n\n[r]: ../other/ \"Ref title\"",
                    "<p><a href=\"../other/index.html\" title=\"Ref title\">ref link</a> and <a href=\"../other/index.html\" title=\"Ref title\">r</a> and <img src=\"../other/\" alt=\"img ref\" title=\"Ref title\" /></p>\n",
            "> quote\n> more\n>\n> - list in quote",
                    "<blockquote>\n<p>quote\nmore</p>\n<ul>\n<li>list in quote</li>\n</ul>\n</blockquote>\n",
            "    indented code\n    <b>\n\n```java\nfenced & <code>\n```\n\n```\nno info\n```",
                    "<pre><code>indented code\n&lt;b&gt;\n</code></pre>\n<pre><code class=\"language-java\">fenced &amp; &lt;code&gt;\n</code></pre>\n<pre><code>no info\n</code></pre>\n",
            "***\n\n---\n\n___", "<hr />\n<hr />\n<hr />\n",
            "line with hard break  \nnext line\\\nthird", "<p>line with hard break<br />\nnext line<br />\nthird</p>\n",
            "<div class=\"x\">\nraw block\n</div>\n\ntext <span>inline</span> &amp; &copy; &#123; \\* escaped",
                    "<div class=\"x\">\nraw block\n</div>\n<p>text <span>inline</span> &amp; © { * escaped</p>\n",
            "<!-- comment -->\n\nafter comment", "<!-- comment -->\n<p>after comment</p>\n",
            "| a | b | c |\n|:--|:-:|--:|\n| 1 | **2** | 3 |\n| x |",
                    "<table class=\"table\">\n<thead>\n<tr><th align=\"left\">a</th><th align=\"center\">b</th><th align=\"right\">c</th></tr>\n</thead>\n<tbody>\n<tr><td align=\"left\">1</td><td align=\"center\"><strong>2</strong></td><td align=\"right\">3</td></tr>\n<tr><td align=\"left\">x</td></tr>\n</tbody>\n</table>\n",
            "| h1 | h2 |\n|----|----|\n| c1 | c2 |\n\ntext after",
                    "<table class=\"table\">\n<thead>\n<tr><th>h1</th><th>h2</th></tr>\n</thead>\n<tbody>\n<tr><td>c1</td><td>c2</td></tr>\n</tbody>\n</table>\n<p>text after</p>\n",
            "Term\n: Definition\n: Second\n\nTerm 2\n: Def 2\n\n### After",
                    "<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n<dd>Second</dd>\n<dt>Term 2</dt>\n<dd>Def 2</dd>\n</dl><h3>After</h3>\n",
            "- item\n\n```\ncode in list\n```\n\n1. a\n   > quote in item",
                    "<ul>\n<li>item</li>\n</ul>\n<pre><code>code in list\n</code></pre>\n<ol>\n<li>a\n<blockquote>\n<p>quote in item</p>\n</blockquote>\n</li>\n</ol>\n",
            "A & B < C > D \"quoted\"", "<p>A &amp; B &lt; C &gt; D &quot;quoted&quot;</p>\n",
            "Text with trailing spaces   \n\n\n\nmany blank lines",
                    "<p>Text with trailing spaces</p>\n<p>many blank lines</p>\n",
            "- a\n- b\n\n\n- c after blanks",
                    "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n<li>\n<p>c after blanks</p>\n</li>\n</ul>\n",
            "* [ ] not a task list\n* [x] nor this",
                    "<ul>\n<li>[ ] not a task list</li>\n<li>[x] nor this</li>\n</ul>\n",
            "Line one\n\n---\nnot a heading", "<p>Line one</p>\n<hr />\n<p>not a heading</p>\n",
            "[entity &amp; url](a?b=1&amp;c=2 \"say \\\"hi\\\" & <go>\") and [*em* in link](x.html)",
                    "<p><a href=\"a?b=1&amp;c=2\" title=\"say &quot;hi&quot; &amp; &lt;go&gt;\">entity &amp; url</a> and <a href=\"x.html\"><em>em</em> in link</a></p>\n",
            "[![image in link](i.png)](target.html) and ![](empty-alt.png)",
                    "<p><a href=\"target.html\"><img src=\"i.png\" alt=\"image in link\" /></a> and <img src=\"empty-alt.png\" alt=\"\" /></p>\n",
            "## Closing hashes ##\n\n#### Level four\n\n##### Five\n\n###### Six",
                    "<h2>Closing hashes</h2>\n<h4>Level four</h4>\n<h5>Five</h5>\n<h6>Six</h6>\n",
            "-\n- after an empty item\n\n1.\n2. two",
                    "<ul>\n<li></li>\n<li>after an empty item</li>\n</ul>\n<ol>\n<li></li>\n<li>two</li>\n</ol>\n",
            "> outer\n>\n> > inner\n> > - list",
                    "<blockquote>\n<p>outer</p>\n<blockquote>\n<p>inner</p>\n<ul>\n<li>list</li>\n</ul>\n</blockquote>\n</blockquote>\n",
            "| code | pipe |\n|---|---|\n| `a \\| b` | x |",
                    "<table class=\"table\">\n<thead>\n<tr><th>code</th><th>pipe</th></tr>\n</thead>\n<tbody>\n<tr><td><code>a \\| b</code></td><td>x</td></tr>\n</tbody>\n</table>\n",
            "- line one  \n  line two\n- next", "<ul>\n<li>line one<br />\nline two</li>\n<li>next</li>\n</ul>\n",
            "<p>raw paragraph</p>\n\ntext with <br> inline", "<p>raw paragraph</p>\n<p>text with <br> inline</p>\n",
            "1. first\n\n   continued paragraph\n2. second",
                    "<ol>\n<li>\n<p>first</p>\n<p>continued paragraph</p>\n</li>\n<li>\n<p>second</p>\n</li>\n</ol>\n",
            "<https://example.com/a?b=1&c=2> and www.example.com",
                    "<p><a href=\"https://example.com/a?b=1&amp;c=2\">https://example.com/a?b=1&amp;c=2</a> and www.example.com</p>\n",
            "after comment\n\n<div>raw</div>", "<p>after comment</p>\n<div>raw</div>\n",
            "- item\n\n1. a\n   > quote in item",
                    "<ul>\n<li>item</li>\n</ul>\n<ol>\n<li>a\n<blockquote>\n<p>quote in item</p>\n</blockquote>\n</li>\n</ol>\n",
            "* \\[ ] an escaped bracket\n* \\[x] and another",
                    "<ul>\n<li>[ ] an escaped bracket</li>\n<li>[x] and another</li>\n</ul>\n",
            "", "",
            "<mailto:x@y.z> and <a.b@example.com>",
                    "<p><a href=\"mailto:x@y.z\">mailto:x@y.z</a> and <a href=\"mailto:a.b@example.com\">a.b@example.com</a></p>\n",
            "``` java  extra info\nx & y\n```\n\n~~~\ntilde\n~~~\n\n```\n```",
                    "<pre><code class=\"language-java\">x &amp; y\n</code></pre>\n<pre><code>tilde\n</code></pre>\n<pre><code></code></pre>\n",
            "text <!-- inline comment --> more", "<p>text <!-- inline comment --> more</p>\n",
            "- a\n\n  ```\n  code in item\n  ```\n- b",
                    "<ul>\n<li>\n<p>a</p>\n<pre><code>code in item\n</code></pre>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n",
            "[undefined *ref*][nope] and [nope] and ![img][nope] and [x][] and [a&b][c\\*d]",
                    "<p>[undefined <em>ref</em>][nope] and [nope] and ![img][nope] and [x][] and [a&amp;b][c*d]</p>\n",
            "| a |\n|---|\n| 1 |\n[caption *em*]",
                    "<table class=\"table\">\n<thead>\n<tr><th>a</th></tr>\n</thead>\n<tbody>\n<tr><td>1</td></tr>\n</tbody>\n<caption>caption <em>em</em></caption>\n</table>\n",
            "  <!-- indented comment -->\nx", "  <!-- indented comment -->\n<p>x</p>\n",
            "    code\n\n\n    after blank lines\n\n\n", "<pre><code>code\n\n\nafter blank lines\n</code></pre>\n");

    @TestFactory
    Stream<DynamicTest> eachConstructRendersAsExpected() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i += 2) {
            String markdown = CASES.get(i);
            String expected = CASES.get(i + 1);
            tests.add(DynamicTest.dynamicTest(
                    markdown.isEmpty()
                            ? "(empty)"
                            : markdown.lines().findFirst().orElse(""),
                    () -> assertEquals(expected, html(markdown), markdown)));
        }
        return tests.stream();
    }

    @Test
    void aSubtreeKeepsItsLinks() {
        String markdown = "- see [the glossary](../glossary/) and ![a chart](chart.png)";
        ParsedSegment seg = parse(markdown);
        assertEquals(
                "<ul>\n<li>see <a href=\"../glossary/index.html\">the glossary</a> and <img src=\"chart.png\" alt=\"a chart\" /></li>\n</ul>\n",
                MD.html().render(seg.doc.getFirstChild()));
    }

    @Test
    void childrenAreWrittenWithoutTheTagsOfTheirParent() {
        ParsedSegment seg = parse("A *headline*\n\n- one\n- two");
        assertEquals("A <em>headline</em>", MD.html().renderChildren(seg.doc.getFirstChild()));
        assertEquals("<li>one</li>\n<li>two</li>\n", MD.html().renderChildren(seg.doc.getLastChild()));
    }

    @Test
    void headingsTakeTheirIdsFromThePage() {
        PageState state = state("## Title {#custom}\n\n## Title");
        ParsedSegment seg = MD.parser().parse(new Segment.Markdown(state.request.body(), 1), state);
        assertEquals(
                "<h2 id=\"custom\">Title</h2>\n<h2 id=\"title\">Title</h2>\n",
                MD.html().forPage(state).render(seg.doc));
    }

    static String html(String markdown) {
        return MD.html().render(parse(markdown).doc);
    }

    private static ParsedSegment parse(String markdown) {
        return MD.parser().parse(new Segment.Markdown(markdown, 1), state(markdown));
    }

    private static PageState state(String markdown) {
        return new PageState(
                new RenderRequest(
                        Path.of("t.md"), "en", markdown, 1, null, null, Map.of(), GlossaryTerms.NONE, "g/", false),
                new Diagnostics());
    }
}
