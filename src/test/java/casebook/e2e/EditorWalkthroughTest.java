package casebook.e2e;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.cli.Console;
import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor-facing messages a newcomer's walkthrough found wrong: columns after a data reference, a misspelt
 * term reported at every use, the cause of a failure listed after its follow-on warnings, a misspelt front-matter
 * key, and images without alternative text.
 */
class EditorWalkthroughTest {
    @TempDir
    Path tmp;

    private static final String GLOSSARY = """
            -- glossary.yaml --
            - id: public-health-center
              ja: 保健所
              en: public health center
              definition: {ja: 説明, en: Explanation}
            """;

    /** A Japanese page with 保健所 (a glossary term) in each of its two sections. */
    private static final String JA_TWO_SECTIONS = """
            -- a/index.ja.md --
            ---
            title: ページA
            ---

            ## 一 {#one}

            保健所の話。

            ## 二 {#two}

            保健所の話。
            """;

    private BuildResult build(String files, boolean strict) {
        Path c = SiteFixture.write(tmp.resolve("c"), "-- site.yaml --\n" + SITE_YAML + "order:\n  - a\n" + files);
        return Build.run(BuildOptions.defaults()
                .withContent(c)
                .withOut(tmp.resolve("out"))
                .withStrict(strict));
    }

    private Path page(String name) {
        return tmp.resolve("c/a").resolve(name);
    }

    private static List<String> lines(BuildResult r, Severity s) {
        return r.diagnostics().kept().stream()
                .filter(d -> d.severity() == s)
                .map(Diagnostic::toString)
                .toList();
    }

    @Test
    void aProblemAfterADataReferenceOnTheSameLineIsAtTheColumnAsWritten() throws Exception {
        // "{{ data.category }}" (19 characters) becomes "core-city" (9): everything after it moved 10 columns
        BuildResult r = build("""
                -- a/data.yaml --
                category: core-city
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                区分は{{ data.category }}で、[リンク](../nowhere/)と{{ data.nokey }}、![](x.png)。

                ## 見出し {#h}

                {{ data.category }} [戻る](#nowhere)
                """, false);
        String line5 = "区分は{{ data.category }}で、[リンク](../nowhere/)と{{ data.nokey }}、![](x.png)。";
        int link = line5.indexOf("[リンク]") + 1;
        int ref = line5.indexOf("{{ data.nokey") + 1;
        int image = line5.indexOf("![]") + 1;
        List<String> errors = lines(r, Severity.ERROR);
        String m = String.join("\n", errors);
        assertTrue(
                m.contains(page("index.ja.md") + ":5:" + link + ": error: link \"../nowhere/\" does not resolve"), m);
        assertTrue(m.contains(page("index.ja.md") + ":5:" + ref + ": error: data key \"nokey\""), m);
        assertTrue(m.contains(page("index.ja.md") + ":5:" + image + ": error: image \"x.png\" has no alternative"), m);
        assertTrue(m.contains(page("index.ja.md") + ":9:21: error: anchor \"#nowhere\" does not exist"), m);
        assertEquals(List.of(25, 44, 61), List.of(link, ref, image), "the columns as an editor counts them");
    }

    @Test
    void aMisspeltGlossaryTermIsOneWarningAtItsFirstUseWithTheCountAndTheTerm() {
        String en =
                "About the public helth center.\n\nThe Public helth centers help.\n\nA public helth center again.\n";
        BuildResult r = build(GLOSSARY + JA_TWO_SECTIONS + """
                -- a/index.en.md --
                ---
                title: Page A
                ---

                ## One {#one}

                %s
                ## Two {#two}

                The public helth center works.
                """.formatted(en), false);
        List<String> w = lines(r, Severity.WARNING);
        assertEquals(
                List.of(page("index.en.md")
                        + ":7:11: warning: glossary: \"public helth center\" is not the glossary's term for \"保健所\";"
                        + " did you mean \"public health center\"? 3 more uses in this file (lines 9, 11, 15)"
                        + " (fix: write \"public health center\" at every use (the glossary's term, entry"
                        + " public-health-center), or add \"public helth center\" to its aliases)"),
                w);
    }

    @Test
    void sectionsWithoutTheTermAreOneWarningNamingTheOthers() {
        BuildResult r = build(GLOSSARY + JA_TWO_SECTIONS + """
                -- a/index.en.md --
                ---
                title: Page A
                ---

                ## One {#one}

                About the health office.

                ## Two {#two}

                The health office works.
                """, false);
        assertEquals(
                List.of(page("index.en.md")
                        + ":5:1: warning: glossary: section #one of the original uses \"保健所\", but this translation"
                        + " never says \"public health center\"; nor does 1 more section (#two) (fix: use the glossary's"
                        + " term (content/glossary.yaml, entry public-health-center), or add the wording used here as an"
                        + " alias)"),
                lines(r, Severity.WARNING));
    }

    @Test
    void aHouseStyleVariantUsedManyTimesIsOneWarning() {
        BuildResult r = build("""
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                本文。
                -- a/index.en.md --
                ---
                title: Page A
                ---

                The centre opens. The centre closes.

                A centre again, and the colour.
                """, false);
        assertEquals(
                List.of(
                        page("index.en.md")
                                + ":5:5: warning: style: \"centre\" is not the house form: house spelling is"
                                + " US English; 2 more uses in this file (lines 5, 7) (fix: write \"center\" (every use))",
                        page("index.en.md")
                                + ":7:25: warning: style: \"colour\" is not the house form: house spelling is"
                                + " US English (fix: write \"color\")"),
                lines(r, Severity.WARNING));
    }

    @Test
    void theConsoleListsErrorsBeforeWarningsAndNeverCutsAnError() {
        Path ja = Path.of("content/a/index.ja.md");
        Path en = Path.of("content/a/index.en.md");
        Diagnostics d = new Diagnostics(4);
        for (int i = 1; i <= 5; i++) {
            d.warning(en, i, 1, "follow-on " + i, null);
        }
        d.error(ja, 8, 4, "unknown container \":::keypont\"", null);
        d.error(en, 9, 1, "second error", null);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);
        new Console(new PrintStream(new ByteArrayOutputStream()), err, false).diagnostics(d);
        assertEquals(
                List.of(
                        "content/a/index.en.md:9:1: error: second error",
                        "content/a/index.ja.md:8:4: error: unknown container \":::keypont\"",
                        "content/a/index.en.md:1:1: warning: follow-on 1",
                        "content/a/index.en.md:2:1: warning: follow-on 2",
                        "... and 3 more problems not shown: 0 errors, 3 warnings"),
                buf.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void aMisspeltContainerIsAnErrorAtItsName() {
        BuildResult r = build("""
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                ::: keypont 見出し
                本文
                :::
                """, false);
        String m = SiteFixture.messages(r);
        assertTrue(
                m.contains(page("index.ja.md") + ":5:5: error: unknown container \":::keypont\"; did you mean"
                        + " \":::keypoint\"?"),
                m);
    }

    @Test
    void aMisspeltFrontMatterKeyIsAWarningNamingItAndTheKnownKeyAndStrictFailsOnIt() {
        String files = """
                -- a/index.ja.md --
                ---
                label: 事例
                titel: ページA
                title: ページA
                ---

                本文。
                """;
        String expected = page("index.ja.md") + ":3:1: %s: unknown front matter key \"titel\"; did you mean \"title\"?"
                + " (fix: rename it to title)";
        assertEquals(List.of(expected.formatted("warning")), lines(build(files, false), Severity.WARNING));
        // --strict fails the build on it (exit code 1, nothing written): the message stays a warning
        BuildResult strict = build(files, true);
        assertEquals(List.of(expected.formatted("warning")), lines(strict, Severity.WARNING));
        assertTrue(strict.failed(true));
    }

    @Test
    void rawHtmlImgWithoutAltIsAnErrorAtTheTagAndAltEmptyMarksItDecorative() throws Exception {
        Path c = tmp.resolve("c/a");
        Files.createDirectories(c);
        Files.write(c.resolve("x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        BuildResult r = build("""
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                図：<img src="x.png" width="10">

                <p><img src="x.png" alt=""> <img src="x.png" alt="体制図"></p>
                """, false);
        assertEquals(
                List.of(page("index.ja.md") + ":5:3: error: image \"x.png\" in raw HTML has no alt attribute, so a"
                        + " screen reader cannot say what it shows (fix: describe the image in alt: <img src=\"x.png\""
                        + " alt=\"…\">; if it only decorates the page, write alt=\"\")"),
                lines(r, Severity.ERROR));
        assertFalse(Files.exists(tmp.resolve("out/ja/a/index.html")), "an error publishes nothing");
        BuildResult ok = build("""
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                <p><img src="x.png" alt=""> <img src="x.png" alt="体制図"></p>
                """, false);
        assertFalse(ok.diagnostics().hasErrors(), () -> SiteFixture.messages(ok));
        Document d = Jsoup.parse(tmp.resolve("out/ja/a/index.html").toFile(), "UTF-8");
        assertEquals(
                2,
                d.select("main img[src=x.png][alt]").size(),
                d.select("main img").outerHtml());
    }
}
