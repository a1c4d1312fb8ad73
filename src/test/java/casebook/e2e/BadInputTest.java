package casebook.e2e;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.security.PublishedHtml;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One case per kind of bad input: the build reports it as path:line:col with a fix, reports every
 * problem in one run, and leaves the previous output byte-for-byte as it was.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    Path content;
    Path out;
    TreeMap<String, byte[]> before;

    static final String GOOD = """
            -- site.yaml --
            %s
            -- a/index.ja.md --
            ---
            title: ページA
            ---

            ## 見出し {#sec}

            本文です。[次へ](../b/)
            -- b/index.ja.md --
            ---
            title: ページB
            ---

            本文。
            """.formatted(SITE_YAML);

    @BeforeEach
    void goodBuild() throws IOException {
        content = SiteFixture.write(tmp.resolve("content"), GOOD);
        out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        before = SiteIsFreshTest.files(out);
    }

    /** Breaks the content, builds, and returns the messages after checking the output was left alone. */
    String breakAndBuild(String txtar) throws IOException {
        SiteFixture.write(content, txtar);
        BuildResult r = SiteFixture.build(content, out);
        assertTrue(r.diagnostics().hasErrors(), "expected errors");
        TreeMap<String, byte[]> after = SiteIsFreshTest.files(out);
        assertEquals(before.keySet(), after.keySet(), "a failed build must leave the previous site untouched");
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), e.getKey());
        }
        return SiteFixture.messages(r);
    }

    String display(String rel) {
        return content.resolve(rel).toString().replace('\\', '/');
    }

    @Test
    void yamlSyntaxErrorInFrontMatterNamesTheLine() throws IOException {
        String m = breakAndBuild("""
                -- a/index.ja.md --
                ---
                title: ページA
                label: [unclosed
                ---
                本文
                """);
        assertTrue(m.contains(display("a/index.ja.md") + ":4:") && m.contains("error: YAML syntax error"), m);
    }

    /** A translation that exists but cannot be read is reported as broken, not listed as missing. */
    @Test
    void aBrokenTranslationIsNotListedAsNotYetTranslated() throws IOException {
        String m = breakAndBuild("""
                -- a/index.en.md --
                ---
                title: Page A
                label: [unclosed
                ---
                Body.
                """);
        assertTrue(m.contains(display("a/index.en.md") + ":4:") && m.contains("error: YAML syntax error"), m);
        assertFalse(m.contains("not yet translated: a (en)"), m);
        assertTrue(m.contains("not yet translated: b (en)"), "a page with no translation file is still listed: " + m);
    }

    @Test
    void yamlSyntaxErrorsInDataAndSiteYamlNameTheirLines() throws IOException {
        String m = breakAndBuild("""
                -- a/data.yaml --
                category: prefecture
                basic_info:
                  - item: population
                   value: 3
                """);
        assertTrue(m.contains(display("a/data.yaml") + ":4:4: error: \"value:\" starts after 3 spaces"), m);
        String s = breakAndBuild("-- site.yaml --\ntitle: {ja: x\n");
        assertTrue(s.contains(display("site.yaml") + ":"), s);
    }

    @Test
    void missingTitleIsReportedWithAFix() throws IOException {
        String m = breakAndBuild("""
                -- a/index.ja.md --
                ---
                titel: ページA
                ---
                本文
                """);
        assertTrue(m.contains(display("a/index.ja.md") + ":2:1: error: missing title"), m);
        assertTrue(m.contains("did you mean \"title\"?"), m);
    }

    @Test
    void frontMatterValuesOfTheWrongTypeAreErrorsAtTheirValue() throws IOException {
        String m = breakAndBuild("""
                -- a/index.ja.md --
                ---
                title: ページA
                label: [取組事例①, extra]
                draft: yes please
                translated_from: abc
                ---
                本文
                -- b/index.ja.md --
                ---
                title: [ページ, B]
                ---
                本文
                """);
        assertTrue(m.contains(display("a/index.ja.md") + ":3:8: error: label must be one line of text, not a list"), m);
        assertTrue(
                m.contains(display("a/index.ja.md") + ":4:8: error: draft must be true or false, not \"yes please\""),
                m);
        assertTrue(m.contains(display("a/index.ja.md") + ":5:18: error: translated_from must be a set of"), m);
        assertTrue(m.contains(display("b/index.ja.md") + ":2:8: error: title must be one line of text, not a list"), m);
        assertFalse(m.contains("missing title"), m);
        // what mark-translated writes for an original without sections: an empty value, which is fine
        SiteFixture.write(content, "-- b/index.en.md --\n---\ntitle: Page B\ntranslated_from:\n---\nText.\n");
        SiteFixture.write(
                content,
                "-- a/index.ja.md --\n---\ntitle: ページA\n---\n本文\n-- b/index.ja.md --\n---\ntitle: ページB\n---\n本文\n");
        BuildResult r = SiteFixture.build(content, out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
    }

    @Test
    void siteYamlMistakesPointAtTheirLines() throws IOException {
        String m = breakAndBuild("""
                -- site.yaml --
                title: {ja: テスト事例集}
                languages: [ja, en]
                default_language: jp
                publisher: {ja: 発行者, en: Publisher}
                published: March 2025
                theme: defualt
                base_url: www.example.go.jp
                """);
        assertTrue(m.contains(display("site.yaml") + ":1:8: warning: title has no \"en\" entry"), m);
        assertTrue(
                m.contains(display("site.yaml")
                        + ":3:19: error: default language \"jp\" is not one of languages [ja, en]"),
                m);
        assertTrue(m.contains(display("site.yaml") + ":5:12: error: published must be a date, not \"March 2025\""), m);
        assertTrue(
                m.contains(display("site.yaml")
                        + ":6:1: error: theme \"defualt\" not found in the themes folder "
                        + Path.of("themes").toAbsolutePath().normalize() + "; did you mean \"default\"?"),
                m);
        assertTrue(m.contains(display("site.yaml") + ":7:11: error: base_url must be an absolute URL"), m);
        String l =
                breakAndBuild("-- site.yaml --\n" + SITE_YAML.replace("languages: [ja, en]", "languages: [ja, eng]"));
        assertEquals(1, l.lines().filter(x -> !x.contains(": note: ")).count(), l);
        assertTrue(
                l.contains(
                        display("site.yaml") + ":2:17: error: language code \"eng\" should be the two-letter \"en\""),
                l);
        String t = breakAndBuild("-- site.yaml --\ntitel: {ja: x}\nlanguages: [ja, en]\npublished: 2025-03\n");
        assertTrue(t.contains(display("site.yaml") + ":1:1: error: site.yaml has no title"), t);
    }

    @Test
    void anUndefinedGroupAndATranslationWithoutItsOriginalAreWarnings() throws IOException {
        SiteFixture.write(content, """
                -- a/index.ja.md --
                ---
                title: ページA
                group: case
                ---
                本文
                -- c/index.en.md --
                ---
                title: Page C
                ---
                Text.
                """);
        BuildResult r = SiteFixture.build(content, out);
        String m = SiteFixture.messages(r);
        assertFalse(r.diagnostics().hasErrors(), m);
        assertTrue(
                m.contains(display("a/index.ja.md")
                        + ":3:1: warning: group \"case\" is not defined in site.yaml's groups"),
                m);
        assertTrue(m.contains(display("c/index.en.md") + ":1:1: warning: this translation has no ja original"), m);
        assertFalse(Files.exists(out.resolve("sitemap.xml")), "no sitemap without base_url");
        SiteFixture.write(content, "-- site.yaml --\n" + SITE_YAML + "base_url: https://example.jp/cb/\n");
        assertFalse(SiteFixture.build(content, out).diagnostics().hasErrors());
        String sitemap = SiteFixture.read(out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("hreflang=\"x-default\" href=\"https://example.jp/cb/en/c/\""), sitemap);
        assertFalse(sitemap.contains("ja/c/"), sitemap);
    }

    @Test
    void theSameProblemFoundOncePerLanguageCountsOnce() throws IOException {
        SiteFixture.write(content, """
                -- b/data.yaml --
                category: core_city
                -- b/index.ja.md --
                ---
                title: ページB
                ---
                :::keypoint
                見出し

                - 一つ目
                :::
                -- b/index.en.md --
                ---
                title: Page B
                ---
                :::keypoint
                Headline

                - One
                :::
                """);
        BuildResult r = SiteFixture.build(content, out);
        String m = SiteFixture.messages(r);
        assertEquals(1, r.diagnostics().errorCount(), m);
        assertEquals(0, r.diagnostics().dropped(), m);
        assertTrue(m.contains(display("b/data.yaml") + ":1:"), m);
    }

    @Test
    void shiftJisFileIsRejectedWithHowToFix() throws IOException {
        Files.write(
                content.resolve("a/index.ja.md"), "---\ntitle: 埼玉県\n---\n本文\n".getBytes(Charset.forName("Shift_JIS")));
        String m = breakAndBuild("");
        assertTrue(m.contains(display("a/index.ja.md") + ":2:8: error: file is not UTF-8"), m);
        assertTrue(m.contains("Shift_JIS") && m.contains("save the file as UTF-8"), m);
    }

    @Test
    void bomAndCrlfAreAccepted() throws IOException {
        byte[] text = "\uFEFF---\r\ntitle: ページA\r\n---\r\n\r\n本文の\r\n続き\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(content.resolve("a/index.ja.md"), text);
        BuildResult r = SiteFixture.build(content, out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        String body = Jsoup.parse(out.resolve("ja/a/index.html").toFile(), "UTF-8")
                .selectFirst(".article__body")
                .text();
        assertEquals("本文の続き", body);
    }

    @Test
    void duplicateSlugInOrderAndDuplicateOrderAreErrors() throws IOException {
        String m = breakAndBuild("""
                -- site.yaml --
                %s
                order:
                  - a
                  - a
                -- c/index.ja.md --
                ---
                title: C
                order: 5
                ---
                -- d/index.ja.md --
                ---
                title: D
                order: 5
                ---
                """.formatted(SITE_YAML));
        assertTrue(m.contains("slug \"a\" appears twice in order"), m);
        assertTrue(m.contains("order 5 is also used by \"c\""), m);
    }

    @Test
    void brokenInternalLinkAndAnchorPointAtTheMarkdown() throws IOException {
        String m = breakAndBuild("""
                -- b/index.ja.md --
                ---
                title: ページB
                ---

                [壊れたリンク](../nowhere/) と [壊れたアンカー](../a/#nosuch)
                """);
        assertTrue(m.contains(display("b/index.ja.md") + ":5:1: error: link \"../nowhere/\" does not resolve"), m);
        assertTrue(m.contains(display("b/index.ja.md") + ":5:") && m.contains("anchor \"#nosuch\" does not exist"), m);
    }

    @Test
    void dataKeyMissingFromDataYamlIsAnError() throws IOException {
        String m = breakAndBuild("""
                -- b/data.yaml --
                population: 3
                -- b/index.ja.md --
                ---
                title: ページB
                ---

                人口は{{data.populaton}}人。
                """);
        assertTrue(m.contains(display("b/index.ja.md") + ":5:4: error: data key \"populaton\" is not in"), m);
    }

    /**
     * Each kind of removal on a page of its own (no other raw HTML on it that could be what triggers the
     * cleaning): reported at its line and column as exactly what was removed, and gone from the page.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<div onclick=\"steal()\">クリック</div>           | 5:6: warning: raw HTML removed: onclick=\"steal()\" from <div> | div[onclick]",
                "<script>alert(1)</script>                           | 5:1: warning: raw HTML removed: <script>                     | script",
                "<p style=\"color:red\">赤</p>                      | 5:4: warning: raw HTML removed: style=\"color:red\" from <p>  | p[style]",
                "<iframe src=\"b.html\"></iframe>                   | 5:1: warning: raw HTML removed: <iframe>                     | iframe",
                "前 <span onmouseover=\"x()\">中</span> 後           | 5:9: warning: raw HTML removed: onmouseover=\"x()\" from <span> | span[onmouseover]"
            })
    void eachUnsafeRawHtmlIsRemovedOnItsOwnWithAWarning(String raw, String message, String selector)
            throws IOException {
        SiteFixture.write(content, """
                -- b/index.ja.md --
                ---
                title: ページB
                ---

                %s
                """.formatted(raw.strip()));
        BuildResult r = SiteFixture.build(content, out);
        String m = SiteFixture.messages(r);
        assertFalse(r.diagnostics().hasErrors(), m);
        assertTrue(m.contains(display("b/index.ja.md") + ":" + message.strip()), m);
        assertEquals(1, r.diagnostics().warningCount(), m);
        Document page = Jsoup.parse(out.resolve("ja/b/index.html").toFile(), "UTF-8");
        assertTrue(page.select(".article__body " + selector.strip()).isEmpty(), page.html());
        PublishedHtml.assertNothingScriptCapable(out);
        assertTrue(r.failed(true), "a removal fails the build under --strict");
    }

    @Test
    void rawHtmlThatIsAllowedIsKeptWithoutAWord() throws IOException {
        SiteFixture.write(content, """
                -- b/index.ja.md --
                ---
                title: ページB
                ---

                <p class="lead" lang="en" title="t">Lead <abbr title="Ministry">MHLW</abbr> <a href="https://example.jp/">x</a></p>

                前 <span class="x">中</span> 後 <kbd>Ctrl</kbd>
                """);
        BuildResult r = SiteFixture.build(content, out);
        String m = SiteFixture.messages(r);
        assertEquals(0, r.diagnostics().warningCount() + r.diagnostics().errorCount(), m);
        Element body =
                Jsoup.parse(out.resolve("ja/b/index.html").toFile(), "UTF-8").selectFirst(".article__body");
        assertEquals(
                "https://example.jp/",
                body.selectFirst("p.lead[lang=en][title=t] a").attr("href"));
        assertEquals("MHLW", body.selectFirst("abbr[title=Ministry]").text());
        assertEquals("中", body.selectFirst("span.x").text());
        assertEquals("Ctrl", body.selectFirst("kbd").text());
    }

    @Test
    void rawHtmlLinksAreCheckedAndEveryUnsafePartIsReportedWhereItIs() throws IOException {
        String m = breakAndBuild("""
                -- b/index.ja.md --
                ---
                title: ページB
                ---

                <p onclick="x()">hi</p> <a href="javascript:alert(1)">j</a>

                <div>
                <a href="../nowhere/">x</a>
                <img src="missing.png" alt="">
                </div>

                <p id="note-1">注</p> <a href="#note-1">注へ</a>

                <div>
                <!-- <a href="../gone/">old</a> -->
                <pre><code>&lt;a href="../example/"&gt;</code></pre>
                </div>
                """);
        String f = display("b/index.ja.md");
        assertTrue(m.contains(f + ":5:4: warning: raw HTML removed: onclick=\"x()\" from <p>"), m);
        assertTrue(
                m.contains(f
                        + ":5:34: error: link target \"javascript:alert(1)\" is not allowed: only http, https, mailto, tel"
                        + " and relative links reach a page"),
                m);
        assertTrue(m.contains(f + ":8:10: error: link \"../nowhere/\" does not resolve"), m);
        assertTrue(
                m.contains(f
                        + ":9:11: error: image \"missing.png\" does not resolve: no file ja/b/missing.png in the published site"
                        + " (fix: put missing.png in the folder of the page"),
                m);
        assertEquals(3, m.lines().filter(l -> l.contains(": error: ")).count(), m);
        assertEquals(1, m.lines().filter(l -> l.contains(": warning: ")).count(), m);
    }

    @Test
    void glossaryMistakesAreReportedAtTheirLines() throws IOException {
        String m = breakAndBuild("""
                -- glossary.yaml --
                - id: hoken
                  ja: 保健所
                  en: [public health center, PHC]
                  alias:
                    ja: [ほけんじょ]
                  definition:
                    ja: 説明
                    en: Text
                - id: hoken
                  ja: 保健
                  en: health
                """);
        String f = display("glossary.yaml");
        assertTrue(m.contains(f + ":3:7: error: the en term of glossary entry \"hoken\" must be one line of text"), m);
        assertTrue(
                m.contains(f + ":4:3: warning: unknown key \"alias\" in glossary entry; did you mean \"aliases\"?"), m);
        assertTrue(m.contains(f + ":9:3: error: glossary id \"hoken\" is used twice (first at line 1)"), m);
        assertFalse(m.contains("has no en term"), m);
    }

    @Test
    void aDataFileThatCannotBeReadIsReportedOnceWithoutFollowOnErrors() throws IOException {
        String m = breakAndBuild("""
                -- b/data.yaml --
                category: core-city
                basic_info:
                \t- item: population
                -- b/index.ja.md --
                ---
                title: ページB
                ---
                人口は{{ data.population }}人。

                :::keypoint
                見出し

                - 一つ目
                :::

                :::basic-info
                :::
                """);
        assertEquals(1, m.lines().filter(l -> l.contains(": error: ")).count(), m);
        assertTrue(m.contains(display("b/data.yaml") + ":3:1: error: a tab character"), m);
    }

    @Test
    void aBasicInformationValueBelowZeroOrNotAWholeNumberIsAnErrorAtTheValue() throws IOException {
        String m = breakAndBuild("""
                -- b/data.yaml --
                category: core-city
                basic_info:
                  - item: population
                    value: -5
                    unit: people
                  - item: beds
                    value: 12.5
                    unit: beds
                -- b/index.ja.md --
                ---
                title: ページB
                ---
                :::basic-info
                :::
                """);
        String f = display("b/data.yaml");
        assertTrue(
                m.contains(f + ":4:12: error: \"population\" needs a whole-number value of 0 or more"
                        + " (fix: write e.g. value: 7326804 (no commas, no unit, no minus sign))"),
                m);
        assertTrue(m.contains(f + ":7:12: error: \"beds\" needs a whole-number value of 0 or more"), m);
    }

    @Test
    void allProblemsAreReportedInOneRun() throws IOException {
        String m = breakAndBuild("""
                -- a/index.ja.md --
                ---
                label: x
                ---
                -- b/index.ja.md --
                ---
                title: ページB
                ---

                [x](../zzz/)
                """);
        assertTrue(m.contains("missing title") && m.contains("does not resolve"), m);
    }

    @Test
    void unknownContainerAndUnclosedContainerAreErrors() throws IOException {
        String m = breakAndBuild("""
                -- b/index.ja.md --
                ---
                title: ページB
                ---

                :::keypiont
                本文
                """);
        assertTrue(
                m.contains(display("b/index.ja.md")
                        + ":5:4: error: unknown container \":::keypiont\"; did you mean \":::keypoint\"?"),
                m);
        assertTrue(m.contains("is never closed"), m);
    }

    @Test
    void templatesEscapeEveryValue() throws IOException {
        SiteFixture.write(content, """
                -- b/index.ja.md --
                ---
                title: "<img src=x onerror=alert(1)>"
                ---
                本文
                """);
        BuildResult r = SiteFixture.build(content, out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        String html = SiteFixture.read(out.resolve("ja/b/index.html"));
        assertFalse(html.contains("<img src=x"), "title must be escaped");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void cliExitCodesAreZeroOneAndTwo() {
        assertEquals(2, Main.run(new String[] {"build", "--no-such-option"}));
        assertEquals(2, Main.run(new String[] {"frobnicate"}));
        assertEquals(0, Main.run(new String[] {"check", "--content", content.toString(), "--quiet"}));
        SiteFixture.write(content, "-- a/index.ja.md --\n---\nlabel: x\n---\n");
        assertEquals(
                1,
                Main.run(new String[] {"build", "--content", content.toString(), "--out", out.toString(), "--quiet"}));
    }

    @Test
    void anOutputFolderThatWouldDeleteSourcesIsRefused() throws IOException {
        // all in the temporary folder: a broken guard must not be able to delete the checkout
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "keep me");
        Path themes = SiteFixture.write(tmp.resolve("themes"), "-- default/templates/page.ftlh --\n<p>theme</p>\n");
        for (Path bad : List.of(
                tmp, content, content.resolve("site.yaml"), content.resolve("a"), themes, themes.resolve("default"))) {
            assertEquals(
                    2,
                    Main.run(new String[] {
                        "build",
                        "--content",
                        content.toString(),
                        "--themes",
                        themes.toString(),
                        "--out",
                        bad.toString(),
                        "--quiet"
                    }),
                    bad.toString());
        }
        // the API refuses too, as a diagnostic, for callers other than the command line
        BuildResult r = Build.run(BuildOptions.defaults().withContent(content).withOut(tmp));
        assertTrue(SiteFixture.messages(r).contains("is or holds the content folder"), () -> SiteFixture.messages(r));
        assertEquals("keep me", Files.readString(notes));
        assertTrue(Files.isRegularFile(content.resolve("site.yaml")));
        assertTrue(Files.isRegularFile(content.resolve("a/index.ja.md")));
        assertEquals("<p>theme</p>\n", Files.readString(themes.resolve("default/templates/page.ftlh")));
        TreeMap<String, byte[]> after = SiteIsFreshTest.files(out);
        assertEquals(before.keySet(), after.keySet());
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), e.getKey());
        }
    }

    @Test
    void anOutputFolderInsideTheContentIsRefused() throws IOException {
        BuildResult r = SiteFixture.build(content, content.resolve("site"));
        assertTrue(SiteFixture.messages(r).contains("lies inside the content folder"), () -> SiteFixture.messages(r));
        assertFalse(Files.exists(content.resolve("site")), "nothing is written");
    }

    @Test
    void outputIsDeterministicAndTheSameSingleThreaded() throws IOException {
        BuildResult two = Build.run(
                BuildOptions.defaults().withContent(Path.of("content")).withOut(tmp.resolve("x1")));
        BuildResult one = Build.run(BuildOptions.defaults()
                .withContent(Path.of("content"))
                .withOut(tmp.resolve("x2"))
                .withThreads(1));
        BuildResult again = Build.run(
                BuildOptions.defaults().withContent(Path.of("content")).withOut(tmp.resolve("x3")));
        assertFalse(two.diagnostics().hasErrors());
        TreeMap<String, byte[]> a = SiteIsFreshTest.files(tmp.resolve("x1"));
        for (Path p : new Path[] {tmp.resolve("x2"), tmp.resolve("x3")}) {
            TreeMap<String, byte[]> b = SiteIsFreshTest.files(p);
            assertEquals(a.keySet(), b.keySet());
            for (String k : a.keySet()) {
                assertArrayEquals(a.get(k), b.get(k), k);
            }
        }
        assertEquals(one.pages(), again.pages());
    }
}
