package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.publish.AsciiNames;
import casebook.publish.Bundle;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values that reach a page by routes other than a page's Markdown links, and the names of published files.
 *
 * <p>Every text of site.yaml, glossary.yaml, data.yaml and front matter that a page shows, and the raw HTML of
 * every kind of container, is given markup and script payloads at once; the site must build, show each
 * plain-text value as the text written (never as markup), and publish nothing script-capable (parsed with jsoup).
 * All of this was already safe when tried; the test keeps it so.
 *
 * <p>File names: a linked content file whose name holds a character Windows refuses ({@code : " < > | * ?}),
 * {@code #} or {@code %}, or that is a Windows device name, was published and went into the portal bundle as it
 * was (a {@code :} in a zip entry writes an alternate data stream on Windows; {@code aux.png} opens no file
 * there). It is now an error at the file naming the character and a name to use instead, and nothing is
 * published.
 */
class HostileRoutesTest {
    @TempDir
    Path tmp;

    static final String SITE = """
            -- site.yaml --
            title: {ja: "T<script>alert(1)</script>", en: "T\\"><img src=x onerror=alert(2)>"}
            short_title: {ja: "S<svg onload=alert(3)>", en: "S</title><script>alert(4)</script>"}
            subtitle: {ja: "<b onclick=alert(5)>sub</b>", en: "sub"}
            languages: [ja, en]
            default_language: ja
            publisher: {ja: "発行者<iframe src=javascript:alert(6)>", en: "Publisher'\\"><x"}
            contact: {ja: "[c](javascript:alert(7))", en: "<a href=javascript:alert(8)>c</a>"}
            copyright: {ja: "&lt;script&gt;", en: "</style><script>alert(9)</script>"}
            published: 2025-03
            groups:
              cases: {ja: "<script>alert(10)</script>", en: "G\\"><svg onload=alert(11)>"}
            order: [a]
            -- glossary.yaml --
            - id: g1
              ja: ようご用語
              reading: { ja: ようごようご }
              en: "Term\\"><svg onload=alert(13)>"
              definition:
                ja: "定義<script>alert(14)</script> [d](javascript:alert(15))"
                en: "Def</textarea><img src=x onerror=alert(16)>"
            -- a/data.yaml --
            category: prefecture
            basic_info:
              - item: population
                value: 5
                unit: people
                note: {ja: "<img src=x onerror=alert(20)>", en: "\\"><svg onload=alert(21)>"}
            cell: "<b onclick=alert(22)>cell</b>"
            -- a/index.ja.md --
            ---
            title: "ページA <img src=x onerror=alert(17)>"
            label: "ラベル<svg onload=alert(18)>"
            group: cases
            description: "\\"><script>alert(19)</script>"
            ---

            :::keypoint
            見出し <b onclick=alert(23)>太字</b>

            - 項目 <i onmouseover=alert(24)>斜体</i> ようご用語
            :::

            ## 基本情報 <b onclick=alert(25)>b</b> {#basic-info}

            :::basic-info
            :::

            | 列 | 値 |
            |---|---|
            | a | {{data.cell}} |

            :::figure 図 <b onclick=alert(26)>題</b>
            本文 <span onclick=alert(27)>本文</span>

            :::credit
            出典) <em onclick=alert(28)>出典</em>
            :::
            :::

            :::infocard 題 <b onclick=alert(29)>カード</b>
            本文 <u onclick=alert(30)>u</u>

            :::note
            注 <s onclick=alert(31)>s</s>
            :::
            :::

            ## 参加者 {#participants}

            :::participants
            - id: mod
              mark: "<img src=q onerror=alert(32)>"
              role: "[r](javascript:alert(33))"
              people:
                - name: "<script>alert(34)</script>"
                  affiliation: "<a href='javascript:alert(35)'>a</a>"
            :::

            ## 対話 {#dialogue}

            :::dialogue
            mod: 発言 <b onclick=alert(36)>b</b>
            :::
            -- a/index.en.md --
            ---
            title: "Page A</title><script>alert(37)</script>"
            label: "L\\"><svg onload=alert(38)>"
            group: cases
            ---

            Text Term"&gt;&lt;svg onload=alert(13)&gt; used.
            """;

    /** Values shown as text, and where: the file and a CSS selector whose text must contain the value as written. */
    static final String[][] SHOWN_AS_TEXT = {
        {"ja/index.html", "h1", "T<script>alert(1)</script>"},
        {"en/index.html", "h1", "T\"><img src=x onerror=alert(2)>"},
        {"ja/a/index.html", ".site-header__short", "S<svg onload=alert(3)>"},
        {"en/a/index.html", ".site-header__short", "S</title><script>alert(4)</script>"},
        {"ja/index.html", ".cover__publisher", "発行者<iframe src=javascript:alert(6)>"},
        {"ja/a/index.html", "footer", "[c](javascript:alert(7))"},
        {"en/a/index.html", "footer", "<a href=javascript:alert(8)>c</a>"},
        {"en/a/index.html", "footer", "</style><script>alert(9)</script>"},
        {"ja/glossary/index.html", "main", "定義<script>alert(14)</script> [d](javascript:alert(15))"},
        {"en/glossary/index.html", "main", "Term\"><svg onload=alert(13)>"},
        {"en/glossary/index.html", "main", "Def</textarea><img src=x onerror=alert(16)>"},
        {"ja/a/index.html", "h1", "ページA <img src=x onerror=alert(17)>"},
        {"ja/a/index.html", "title", "ページA <img src=x onerror=alert(17)>"},
        {"en/a/index.html", "h1", "Page A</title><script>alert(37)</script>"},
        {"ja/a/index.html", ".basic-info", "<img src=x onerror=alert(20)>"},
        {"en/a/index.html", "title", "Page A</title><script>alert(37)</script>"},
        {"ja/a/index.html", ".participant__mark", "<img src=q onerror=alert(32)>"},
        {"ja/a/index.html", ".participant__role", "[r](javascript:alert(33))"},
        {"ja/a/index.html", ".participant__name", "<script>alert(34)</script>"},
        {"ja/a/index.html", ".participant__affiliation", "<a href='javascript:alert(35)'>a</a>"},
    };

    @Test
    void everyRouteShowsMarkupAsTextAndNothingScriptCapableIsPublished() throws IOException {
        Path content = SiteFixture.write(tmp.resolve("content"), SITE);
        Path out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        String messages = SiteFixture.messages(r);
        assertFalse(r.diagnostics().hasErrors(), messages);
        assertTrue(r.published(), messages);
        PublishedHtml.assertNothingScriptCapable(out);
        for (String[] shown : SHOWN_AS_TEXT) {
            Document doc = Jsoup.parse(out.resolve(shown[0]).toFile(), "UTF-8");
            String text = String.join(" ", doc.select(shown[1]).eachText());
            assertTrue(text.contains(shown[2]), shown[0] + " " + shown[1] + " shows " + shown[2] + " as text: " + text);
        }
        // the meta description and the glossary's data come through as attribute values and text, never as markup
        Document a = Jsoup.parse(out.resolve("ja/a/index.html").toFile(), "UTF-8");
        assertEquals(
                "\"><script>alert(19)</script>",
                a.select("meta[name=description]").attr("content"));
        // raw HTML in every kind of container and in a data value is cleaned, each removal reported at the page
        String page = content.resolve("a/index.ja.md").toString().replace('\\', '/');
        long removals = r.diagnostics().kept().stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .map(Diagnostic::toString)
                .filter(d -> d.startsWith(page + ":") && d.contains("raw HTML removed: on"))
                .count();
        assertEquals(11, removals, messages);
        for (String tag : List.of("b", "i", "span", "em", "u", "s")) {
            assertFalse(a.select(tag + "[onclick], " + tag + "[onmouseover]").size() > 0, tag);
        }
        assertEquals("cell", a.select("table.table td b").text(), "a data value's raw HTML in a table cell, cleaned");
    }

    /**
     * A heading id or a glossary id written with markup, a scheme or a path: an error at the id (already so), and
     * what check renders carries nothing script-capable.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '~',
            value = {
                "## H {#x\" onmouseover=\"alert(1)} => a/index.ja.md:5:1: error: heading id \"x\" onmouseover=\"alert(1)\" is not valid",
                "## H {#javascript:alert(1)} => a/index.ja.md:5:1: error: heading id \"javascript:alert(1)\" is not valid",
                "## H {#\uff49\uff44} => a/index.ja.md:5:1: error: heading id \"\uff49\uff44\" is not valid",
                "glossary: x\" onclick=\"alert(1) => glossary.yaml:1:7: error: glossary entry needs an id of lowercase letters, digits and hyphens, not \"x\" onclick=\"alert(1)\"",
                "glossary: javascript:alert(1) => glossary.yaml:1:7: error: glossary entry needs an id of lowercase letters, digits and hyphens, not \"javascript:alert(1)\"",
                "glossary: ../../x => glossary.yaml:1:7: error: glossary entry needs an id of lowercase letters, digits and hyphens, not \"../../x\""
            })
    void aHostileHeadingOrGlossaryIdIsAnErrorAtTheId(String input, String expected) throws IOException {
        boolean glossary = input.startsWith("glossary: ");
        String body = glossary ? "ようご用語を使う。" : input;
        String files = "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a]\n"
                + "-- a/index.ja.md --\n---\ntitle: ページA\n---\n\n" + body + "\n";
        if (glossary) {
            String id =
                    input.substring("glossary: ".length()).replace("\\", "\\\\").replace("\"", "\\\"");
            files += "-- glossary.yaml --\n- id: \"" + id + "\"\n  ja: ようご用語\n  reading: { ja: ようごようご }\n"
                    + "  en: Term\n  definition: { ja: 定義, en: Definition }\n";
        }
        Path content = SiteFixture.write(tmp.resolve("content"), files);
        Path out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        String messages = SiteFixture.messages(r);
        String prefix = content.toString().replace('\\', '/') + "/";
        assertTrue(messages.contains(prefix + expected), "expected\n" + prefix + expected + "\nin\n" + messages);
        assertEquals(1, SiteFixture.errors(r).size(), messages);
        assertFalse(Files.exists(out), "nothing is published");
        BuildResult memory = Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("memory"))
                .withWrite(false));
        PublishedHtml.assertNothingScriptCapable(memory.output().files());
    }

    /** Each name, how it is linked, and the character or reason the error names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '~',
            value = {
                "colon:x.png => colon%3Ax.png => \":\" is not allowed in a published file name",
                "hash#x.png => hash%23x.png => \"#\" is not allowed in a published file name",
                "lt<x>.png => lt%3Cx%3E.png => \"<\" is not allowed in a published file name",
                "q\"x.png => q%22x.png => \"\"\" is not allowed in a published file name",
                "pipe|x.png => pipe%7Cx.png => \"|\" is not allowed in a published file name",
                "star*x.png => star*x.png => \"*\" is not allowed in a published file name",
                "ques?x.png => ques%3Fx.png => \"?\" is not allowed in a published file name",
                "per%2e.png => per%252e.png => \"%\" is not allowed in a published file name",
                "aux.png => aux.png => \"aux.png\" is the name of a device on Windows",
                "Con.txt => Con.txt => \"Con.txt\" is the name of a device on Windows",
                "com1.txt => com1.txt => \"com1.txt\" is the name of a device on Windows"
            })
    void aFileNameNoPortalOrUnzipToolTakesIsAnErrorAtTheFile(String name, String link, String why) throws IOException {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a]\n"
                        + "-- a/index.ja.md --\n---\ntitle: ページA\n---\n\n[資料](" + link + ")\n");
        Files.writeString(content.resolve("a").resolve(name), "x");
        Path out = tmp.resolve("site");
        BuildResult r = Build.run(
                BuildOptions.defaults().withContent(content).withOut(out).withBundle(true));
        String messages = SiteFixture.messages(r);
        String file = content.resolve("a").resolve(name).toString().replace('\\', '/');
        String expected = file + ":1:1: error: file name cannot be published: ja/a/" + name + " (" + why;
        assertTrue(messages.contains(expected), "expected\n" + expected + "\nin\n" + messages);
        String fix = AsciiNames.suggestPortable(name);
        assertNull(AsciiNames.unportable(fix), fix);
        assertTrue(messages.contains("(fix: rename it to \"" + fix + "\" and change the link to it at "), messages);
        assertEquals(1, SiteFixture.errors(r).size(), messages);
        assertFalse(Files.exists(out), "nothing is published");
        assertFalse(Files.exists(Bundle.pathFor(out)), "no bundle is written");
    }

    @Test
    void namesWithSpacesBracketsAndOtherPortablePunctuationArePublishedAndBundled() throws IOException {
        List<String> names = List.of("figure 1 (final).png", "a+b,c~d_e-f.g.png", "x&y'z!@=[1]{2}^3`$;.png");
        List<String> links =
                List.of("figure%201%20(final).png", "a+b,c~d_e-f.g.png", "x&y'z!@=%5B1%5D%7B2%7D%5E3%60$;.png");
        StringBuilder body = new StringBuilder();
        for (String l : links) {
            body.append("![図](").append(l).append(")\n\n");
        }
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a]\n"
                        + "-- a/index.ja.md --\n---\ntitle: ページA\n---\n\n" + body);
        for (String n : names) {
            Files.writeString(content.resolve("a").resolve(n), "x");
        }
        Path out = tmp.resolve("site");
        BuildResult r = Build.run(
                BuildOptions.defaults().withContent(content).withOut(out).withBundle(true));
        assertFalse(r.diagnostics().hasErrors(), SiteFixture.messages(r));
        List<String> entries = Bundle.entries(Bundle.pathFor(out));
        for (String n : names) {
            assertTrue(Files.isRegularFile(out.resolve("ja/a").resolve(n)), n);
            assertTrue(entries.contains("ja/a/" + n), n + " in " + entries);
        }
        List<String> unportable = new ArrayList<>();
        for (String e : entries) {
            if (!AsciiNames.isAscii(e) || AsciiNames.unportable(e) != null || e.startsWith("/") || e.contains("..")) {
                unportable.add(e);
            }
        }
        assertEquals(List.of(), unportable, "every entry of the bundle is a plain, portable relative name");
    }

    @Test
    void everyFileTheRealSiteHasIsPortable() throws IOException {
        Path site = Path.of("site");
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            files.filter(Files::isRegularFile)
                    .map(f -> site.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> AsciiNames.unportable(p) != null)
                    .forEach(bad::add);
        }
        assertEquals(List.of(), bad);
    }
}
