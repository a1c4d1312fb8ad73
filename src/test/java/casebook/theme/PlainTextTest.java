package casebook.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.diag.SourcePosition;
import casebook.frontmatter.PageMeta;
import casebook.markdown.RenderedBody;
import casebook.site.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The meta description's plain text: the same text the patterns it replaced gave, and linear in the
 * length of its input (the patterns took a minute on 200 KB of unclosed links).
 */
class PlainTextTest {
    /** Not a benchmark: the linear pass takes milliseconds; the patterns it replaced took minutes. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    private static final int N = 200_000;

    /** What the patterns gave, kept here as the reference for short inputs. */
    private static String byPatterns(String md) {
        return md.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("\\{#[^}]*\\}", "")
                .replaceAll("\\*\\*|__|`|(?<![\\w*])\\*(?!\\s)|(?<!\\s)\\*(?![\\w*])", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sameTextAsThePatterns(String md) {
        assertEquals(byPatterns(md), PageRenderer.plainText(md));
    }

    static Stream<String> samples() {
        return Stream.of(
                "[大阪府](../osaka/)の事例",
                "see [a](x) and [b](y \"t\")",
                "[a [b](c) d",
                "[a](b",
                "[a] (b)",
                "[a]",
                "[](x)",
                "[a](b)(c)",
                "[[a](b)](c)",
                "## 見出し {#midashi}",
                "{#a} {# b} {#",
                "{[#](x)a}",
                "**強調** と *斜体* と `code` と __x__",
                "a * b * c",
                "2*3 = 6",
                "]](([[",
                "[x](".repeat(20),
                "[".repeat(30) + "]".repeat(30),
                "{#".repeat(30),
                "  改行\n\nを\t含む  ",
                "");
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("[x](".repeat(N / 4), "[x](".repeat(N / 4)),
                Arguments.of("[".repeat(N / 2) + "]".repeat(N / 2), "[".repeat(N / 2) + "]".repeat(N / 2)),
                Arguments.of("{#".repeat(N / 2), "{#".repeat(N / 2)),
                Arguments.of("[".repeat(N), "[".repeat(N)),
                Arguments.of("[a](".repeat(N / 4 - 1) + ")", "a"), // the first link runs to the only ')'
                Arguments.of("[a](b)".repeat(N / 6), "a".repeat(N / 6)));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void linearOnHostileInput(String md, String expected) {
        String text = assertTimeoutPreemptively(BOUND, () -> PageRenderer.plainText(md));
        assertTrue(
                expected.equals(text),
                () -> "got " + text.length() + " characters: " + text.substring(0, Math.min(40, text.length())));
    }

    @Test
    void aLinkWhoseTextHoldsBrackets() {
        assertEquals("a [b d", PageRenderer.plainText("[a [b](c) d"));
    }

    private static Page page(String body, List<Diagnostic> rendering) {
        PageMeta meta = new PageMeta("A", null, null, null, null, false, Map.of(), 2, 0, true, 0);
        RenderedBody rendered = new RenderedBody("", List.of(), Set.of(), List.of(), List.of(), null, rendering);
        return new Page("a", "ja", meta, Path.of("a/index.ja.md"), body, 4, null, null, rendered);
    }

    @Test
    void aRefusedBodyIsNotReadForTheDescription() {
        String body = "本文の[最初](../b/)の段落\n";
        assertEquals("本文の最初の段落", PageRenderer.description(page(body, List.of()), "A（サイト）"));
        Diagnostic refused = new Diagnostic(
                Severity.ERROR, new SourcePosition(Path.of("a/index.ja.md"), 5, 1), "paragraph of more than", null);
        assertEquals("A（サイト）", PageRenderer.description(page(body, List.of(refused)), "A（サイト）"));
        Diagnostic warned =
                new Diagnostic(Severity.WARNING, new SourcePosition(Path.of("a/index.ja.md"), 5, 1), "a warning", null);
        assertEquals("本文の最初の段落", PageRenderer.description(page(body, List.of(warned)), "A（サイト）"));
    }

    @Test
    void rawHtmlTagsAndCommentsGoAndCharacterReferencesAreDecoded() {
        assertEquals("前 後 a & b", PageRenderer.plainText("前<!-- memo --><img src=x onerror=alert(1)>後 a &amp; b"));
        assertEquals("太字 と 改行の文", PageRenderer.plainText("<b>太字</b>と<br>改行の文"));
        assertEquals("a < b and x<y stays", PageRenderer.plainText("a < b and x<y stays"), "no tag without a >");
    }
}
