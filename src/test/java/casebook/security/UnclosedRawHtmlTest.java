package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Raw HTML that leaves open what would swallow the rest of a page ({@code <style>}, {@code <select>}, a table, a
 * comment): an error at its line and column, and whatever is rendered (by {@code check} and the preview) still
 * holds every later block. Malformed comments are reported; ids the theme's templates write, or that the page
 * used before, are errors.
 */
class UnclosedRawHtmlTest {
    @TempDir
    Path tmp;

    static final String PAGE = "a/index.ja.md";

    /** Page a with {@code body} starting on line 5. */
    static String page(String body) {
        return "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a]\n" + "-- " + PAGE
                + " --\n---\ntitle: ページA\n---\n\n" + body + "\n";
    }

    BuildResult build(String body, boolean write) {
        Path content = SiteFixture.write(tmp.resolve("content"), page(body));
        return Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve(write ? "site" : "memory"))
                .withWrite(write));
    }

    /** The page's body as check and the preview render it (in memory, errors or not). */
    Element rendered(String body) {
        BuildResult r = build(body, false);
        byte[] html = r.output().files().get("ja/a/index.html");
        assertNotNull(html, SiteFixture.messages(r));
        Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        return doc.selectFirst("main");
    }

    String display() {
        return tmp.resolve("content").resolve(PAGE).toString().replace('\\', '/');
    }

    static final String AFTER =
            "Before [jump](#h).\n\nText %s here.\n\nAfter paragraph one.\n\n## Heading after {#h}\n\nAfter two.";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<style>",
                "<script>",
                "<xmp>",
                "<noembed>",
                "<iframe>",
                "<noframes>",
                "<noscript>",
                "<plaintext>",
                "<select>",
                "<template>",
                "<textarea>",
                "<title>",
                "<math>",
                "<svg>",
                "<object>",
                "<table>",
                "<table><tr><td>",
                "<math><mtext><table><mglyph><style>"
            })
    void anElementLeftOpenInAParagraphIsAnErrorAndTakesNothingWithIt(String open) {
        String body = AFTER.formatted(open);
        BuildResult r = build(body, true);
        List<Diagnostic> errors = SiteFixture.errors(r);
        String messages = SiteFixture.messages(r);
        assertEquals(1, errors.size(), messages);
        assertTrue(errors.get(0).toString().startsWith(display() + ":7:6: error: "), messages);
        assertTrue(errors.get(0).toString().contains("is not closed in this piece of raw HTML"), messages);
        assertTrue(
                errors.get(0).toString().contains("(fix: close it on the same line, or write it as text: &lt;"),
                messages);
        assertFalse(Files.exists(tmp.resolve("site/ja/a/index.html")), "a build with errors publishes nothing");
        // what check and the preview render keeps every later block, in its place, and nothing is nested in a <p>
        Element main = rendered(body);
        String text = main.text();
        assertTrue(text.contains("After paragraph one."), main.html());
        assertTrue(text.contains("After two."), main.html());
        Element h = main.selectFirst("h2#h");
        assertNotNull(h, main.html());
        assertEquals("Heading after", h.text());
        assertTrue(text.indexOf("After paragraph one.") < text.indexOf("Heading after"), main.html());
        assertTrue(text.indexOf("Heading after") < text.indexOf("After two."), main.html());
        assertTrue(main.select("p p, p h2, p div").isEmpty(), main.html());
        assertFalse(text.contains("</p>"), main.html());
    }

    @Test
    void anElementClosedOnItsLineIsRemovedWithAWarningOnly() {
        String body = AFTER.formatted("<style>p{display:none}</style>");
        BuildResult r = build(body, true);
        String messages = SiteFixture.messages(r);
        assertFalse(r.diagnostics().hasErrors(), messages);
        assertTrue(messages.contains(display() + ":7:6: warning: raw HTML removed: <style>"), messages);
        Document doc = Jsoup.parse(SiteFixture.read(tmp.resolve("site/ja/a/index.html")));
        assertTrue(doc.select("main style").isEmpty());
        assertTrue(doc.selectFirst("main").text().contains("After two."));
        assertNotNull(doc.selectFirst("main h2#h"));
    }

    @Test
    void anHtmlBlockLeftOpenIsAnErrorAndItsLinkTargetIsGone() {
        // a <style> at a line's start opens an HTML block that runs to the end of the Markdown
        String body = "Before [jump](#h).\n\n<style>\n\nAfter paragraph one.\n\n## Heading after {#h}\n\nAfter two.";
        BuildResult r = build(body, true);
        String messages = SiteFixture.messages(r);
        assertTrue(messages.contains(display() + ":7:1: error: <style> is not closed"), messages);
        assertTrue(messages.contains(display() + ":5:"), "the link to the lost heading is broken: " + messages);
        String text = rendered(body).text();
        assertTrue(text.contains("After paragraph one.") && text.contains("After two."), text);
    }

    @Test
    void anUnclosedCommentBlockIsAnError() {
        String body = "Before.\n\n<!-- a note\n\nAfter paragraph one.\n\n## Heading after {#h}\n\nAfter two.";
        BuildResult r = build(body, true);
        String messages = SiteFixture.messages(r);
        assertTrue(messages.contains(display() + ":7:1: error: <!-- is not closed"), messages);
        assertTrue(rendered(body).text().contains("After two."));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<!--><img src=?x1 alt=\"\" onerror=alert(1)>-->",
                "<!-- --!><img src=?x2 alt=\"\" onerror=alert(1)> -->"
            })
    void aMalformedCommentAndWhatItLetsThroughAreReported(String raw) {
        BuildResult r = build("Before.\n\n" + raw + "\n\nAfter.", true);
        String messages = SiteFixture.messages(r);
        assertFalse(r.diagnostics().hasErrors(), messages);
        assertTrue(messages.contains(display() + ":7:1: warning: raw HTML removed: the comment <!--"), messages);
        assertTrue(messages.contains("warning: raw HTML removed: onerror=\"alert(1)\" from <img>"), messages);
        Document doc = Jsoup.parse(SiteFixture.read(tmp.resolve("site/ja/a/index.html")));
        assertTrue(doc.select("[onerror]").isEmpty(), doc.html());
        PublishedHtml.assertNothingScriptCapable(tmp.resolve("site"));
    }

    @Test
    void aWellFormedCommentIsDroppedWithoutAWord() {
        BuildResult r = build("Before.\n\n<!-- a note -->\n\nAfter.", true);
        List<Diagnostic> here = r.diagnostics().kept().stream()
                .filter(d -> d.severity() != Severity.NOTE)
                .filter(d -> d.toString().startsWith(display()))
                .toList();
        assertEquals(List.of(), here);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "## Heading {#main}|6:12|main",
                "## H2 {#site-search-q}|6:7|site-search-q",
                "<span id=\"top\">t</span>|6:11|top",
                "<span id=\"page-toc-title\">t</span>|6:11|page-toc-title",
                "## Why {#why-saitama}\n\n<span id=\"why-saitama\">dup</span>|8:11|why-saitama",
                "<span id=\"why\">a</span>\n\n## Why {#why}|8:8|why"
            })
    void anIdUsedTwiceOnAPageIsAnError(String c) {
        String[] p = c.split("\\|");
        BuildResult r = build("Intro.\n" + p[0], true);
        List<Diagnostic> errors = SiteFixture.errors(r);
        String messages = SiteFixture.messages(r);
        assertEquals(1, errors.size(), messages);
        assertTrue(errors.get(0).toString().startsWith(display() + ":" + p[1] + ": error: "), messages);
        assertTrue(errors.get(0).toString().contains("\"" + p[2] + "\" is used twice on this page"), messages);
        assertTrue(errors.get(0).toString().contains(p[2] + "-2"), "the hint names a free id: " + messages);
    }

    @Test
    void aHeadingWhoseTextGivesATemplateIdStepsAside() {
        BuildResult r = build("## Main\n\n## Top\n\nText.", true);
        assertFalse(r.diagnostics().hasErrors(), SiteFixture.messages(r));
        Document doc = Jsoup.parse(SiteFixture.read(tmp.resolve("site/ja/a/index.html")));
        for (String id : List.of("main", "top", "main-2", "top-2")) {
            assertEquals(1, doc.select("[id=" + id + "]").size(), id);
        }
    }

    /** Past 16 unclosed elements in one run the whole run is text, and an anchor in it no longer satisfies a link. */
    @Test
    void aRunThatCannotBeConfinedIsTextAndItsAnchorIsGone() {
        String body = "See [k](#k).\n\nText <span id=\"k\">k</span>" + "<xmp>".repeat(20) + " here.\n\nAfter two.";
        BuildResult r = build(body, true);
        String messages = SiteFixture.messages(r);
        assertTrue(messages.contains(display() + ":7:6: error: raw HTML is not closed"), messages);
        assertTrue(messages.contains(display() + ":5:5: error: ") && messages.contains("#k"), messages);
        Element main = rendered(body);
        assertTrue(main.select("#k").isEmpty(), main.html());
        assertTrue(main.text().contains("After two."), main.html());
    }
}
