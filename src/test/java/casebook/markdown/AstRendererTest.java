package casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link AstRenderer} writes the HTML Flexmark's renderer would write, byte for byte: every construct
 * of CommonMark plus tables and definition lists, and every Markdown page of the real content.
 */
class AstRendererTest {
    static final MarkdownRenderer MD = new MarkdownRenderer();

    static final List<String> CASES = List.of(
            "plain paragraph\nwith a soft break",
            "日本語の段落\n改行は詰める",
            "Mixed 日本語\nand English",
            "# H1\n\n## H2 {#custom}\n\n### H3 with *em* and `code`\n\nSetext\n======\n\nSetext 2\n--------",
            "*em* _em_ **strong** __strong__ ***both*** `code  with   spaces` ``a ` b``",
            "- a\n- b\n  - nested\n  - nested 2\n- c",
            "- loose\n\n- items\n\n  second paragraph",
            "1. one\n2. two\n\n3) other list",
            "5. starts at five\n6. six",
            "- [link](http://example.com \"title\") and ![image](img.png \"t\") and ![alt *em*](a.png)",
            "<https://example.com/a?b=1&c=2> and <mail@example.com> and www.example.com",
            // defined reference links become plain links when parsed (MarkdownRenderer), so AstRenderer writes them
            "[ref link][r] and [r] and ![img ref][r]\n\n[r]: ../other/ \"Ref title\"",
            "> quote\n> more\n>\n> - list in quote",
            "    indented code\n    <b>\n\n```java\nfenced & <code>\n```\n\n```\nno info\n```",
            "***\n\n---\n\n___",
            "line with hard break  \nnext line\\\nthird",
            "<div class=\"x\">\nraw block\n</div>\n\ntext <span>inline</span> &amp; &copy; &#123; \\* escaped",
            "<!-- comment -->\n\nafter comment",
            "| a | b | c |\n|:--|:-:|--:|\n| 1 | **2** | 3 |\n| x |",
            "| h1 | h2 |\n|----|----|\n| c1 | c2 |\n\ntext after",
            "Term\n: Definition\n: Second\n\nTerm 2\n: Def 2\n\n### After",
            "- item\n\n```\ncode in list\n```\n\n1. a\n   > quote in item",
            "A & B < C > D \"quoted\"",
            "Text with trailing spaces   \n\n\n\nmany blank lines",
            "- a\n- b\n\n\n- c after blanks",
            "* [ ] not a task list\n* [x] nor this",
            "Line one\n\n---\nnot a heading",
            "[entity &amp; url](a?b=1&amp;c=2 \"say \\\"hi\\\" & <go>\") and [*em* in link](x.html)",
            "[![image in link](i.png)](target.html) and ![](empty-alt.png)",
            "## Closing hashes ##\n\n#### Level four\n\n##### Five\n\n###### Six",
            "-\n- after an empty item\n\n1.\n2. two",
            "> outer\n>\n> > inner\n> > - list",
            "| code | pipe |\n|---|---|\n| `a \\| b` | x |",
            "- line one  \n  line two\n- next",
            "<p>raw paragraph</p>\n\ntext with <br> inline",
            "1. first\n\n   continued paragraph\n2. second",
            // the delegated cases above without the node that delegates them, so AstRenderer writes them
            "<https://example.com/a?b=1&c=2> and www.example.com",
            "after comment\n\n<div>raw</div>",
            "- item\n\n1. a\n   > quote in item",
            "* \\[ ] an escaped bracket\n* \\[x] and another",
            "");

    /**
     * The cases whose tree holds a node {@link AstRenderer} does not write, so the whole tree goes to
     * Flexmark's renderer, with the nodes that cause it. For these the document-level comparison would
     * compare Flexmark with itself; the test asserts instead that the delegation happens (and only for
     * these nodes), and still compares every block of the tree that AstRenderer writes itself.
     */
    static final Map<String, Set<String>> DELEGATED = Map.of(
            "<https://example.com/a?b=1&c=2> and <mail@example.com> and www.example.com", Set.of("MailLink"),
            "    indented code\n    <b>\n\n```java\nfenced & <code>\n```\n\n```\nno info\n```",
            Set.of("IndentedCodeBlock", "FencedCodeBlock"),
            "<!-- comment -->\n\nafter comment", Set.of("HtmlCommentBlock"),
            "- item\n\n```\ncode in list\n```\n\n1. a\n   > quote in item", Set.of("FencedCodeBlock"),
            "* [ ] not a task list\n* [x] nor this", Set.of("LinkRef"));

    @TestFactory
    Stream<DynamicTest> constructsRenderAsFlexmarkDoes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String md : CASES) {
            tests.add(DynamicTest.dynamicTest(md.isEmpty() ? "(empty)" : md.lines().findFirst().orElse(""), () -> {
                Document doc = parse(md);
                if (DELEGATED.containsKey(md)) {
                    assertDelegated(doc, DELEGATED.get(md), md);
                } else {
                    assertTrue(AstRenderer.supported(doc), () -> "AstRenderer must write this tree itself, but delegates it "
                            + "because of " + unsupported(doc) + ":\n" + md);
                    assertEquals(MD.flexmarkHtml(doc), MD.html(doc), md);
                }
                sameSubtrees(doc, md);
            }));
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void everyDelegatedCaseIsOneOfTheCases() {
        assertTrue(CASES.containsAll(DELEGATED.keySet()), "DELEGATED names a case that is not in CASES");
    }

    @TestFactory
    Stream<DynamicTest> realContentRendersAsFlexmarkDoes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(f);
                String body = text.startsWith("---") ? text.substring(text.indexOf("\n---", 3) + 4) : text;
                // containers are casebook's own; compare the Markdown between them
                String markdown = body.replaceAll("(?m)^:::.*$", "");
                tests.add(DynamicTest.dynamicTest(f.toString(), () -> {
                    Document doc = parse(markdown);
                    // a page may hold a node AstRenderer leaves to Flexmark (a code block): then the page
                    // as a whole is Flexmark's, and only the blocks AstRenderer writes are compared
                    if (AstRenderer.supported(doc)) {
                        assertEquals(MD.flexmarkHtml(doc), MD.html(doc), f.toString());
                    } else {
                        assertDelegated(doc, unsupported(doc), f.toString());
                    }
                    sameSubtrees(doc, f.toString());
                }));
            }
        }
        return tests.stream();
    }

    /** A tree AstRenderer does not write goes to Flexmark's renderer whole, because of exactly {@code nodes}. */
    private static void assertDelegated(Document doc, Set<String> nodes, String what) {
        assertFalse(AstRenderer.supported(doc), () -> "expected delegation to Flexmark for\n" + what);
        assertEquals(nodes, unsupported(doc), "the nodes AstRenderer leaves to Flexmark in\n" + what);
        assertEquals(MD.flexmarkHtml(doc), MD.html(doc), "a delegated tree is rendered by Flexmark: " + what);
    }

    /** The simple class names of the nodes in the tree that AstRenderer does not write itself. */
    private static Set<String> unsupported(Node root) {
        Set<String> names = new TreeSet<>();
        List<Node> all = new ArrayList<>();
        all.add(root);
        root.getDescendants().forEach(all::add);
        for (Node n : all) {
            // a node is unsupported itself when its tree is, but each of its children's trees is not the cause
            if (AstRenderer.supported(n)) continue;
            boolean childrenSupported = true;
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) childrenSupported &= AstRenderer.supported(c);
            if (childrenSupported) names.add(n.getClass().getSimpleName());
        }
        return names;
    }

    /**
     * Every block of the tree that AstRenderer writes itself renders as Flexmark's does. Blocks holding a
     * node AstRenderer delegates are skipped: both sides would be Flexmark's.
     */
    private static void sameSubtrees(Document doc, String what) {
        for (Node n : doc.getDescendants()) {
            // Flexmark renders the links of a subtree (not a whole document) as plain text; ours keeps them
            // (see subtreeKeepsItsLinks), so only subtrees without links are compared
            if (n instanceof com.vladsch.flexmark.util.ast.Block && !(n instanceof com.vladsch.flexmark.ast.Paragraph)
                    && !hasLink(n) && AstRenderer.supported(n)) {
                assertEquals(MD.flexmarkHtml(n), MD.html(n), "node " + n.getNodeName() + " of\n" + what);
            }
        }
    }

    private static boolean hasLink(com.vladsch.flexmark.util.ast.Node n) {
        for (var d : n.getDescendants()) {
            if (d instanceof com.vladsch.flexmark.ast.Link || d instanceof com.vladsch.flexmark.ast.Image
                    || d instanceof com.vladsch.flexmark.ast.AutoLink) return true;
        }
        return false;
    }

    @org.junit.jupiter.api.Test
    void subtreeKeepsItsLinks() {
        String markdown = "- see [the glossary](../glossary/) and ![a chart](chart.png)";
        Document doc = MD.parse(new Segment.Markdown(markdown, 1),
                new PageState(new RenderRequest(Path.of("t.md"), "en", markdown, 1, null, null, Map.of(),
                        GlossaryTerms.NONE, "g/", false), new casebook.diag.Diagnostics()));
        assertEquals("<ul>\n<li>see <a href=\"../glossary/index.html\">the glossary</a> and <img src=\"chart.png\" alt=\"a chart\" /></li>\n</ul>\n",
                MD.html(doc.getFirstChild()));
    }

    private static Document parse(String markdown) {
        return MD.parse(new Segment.Markdown(markdown, 1),
                new PageState(new RenderRequest(Path.of("t.md"), "en", markdown, 1, null, null, Map.of(),
                        GlossaryTerms.NONE, "g/", false), new casebook.diag.Diagnostics()));
    }
}
