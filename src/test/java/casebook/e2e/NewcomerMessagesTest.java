package casebook.e2e;

import static casebook.e2e.EditorMessagesTest.has;
import static casebook.e2e.EditorMessagesTest.page;
import static casebook.testing.SiteFixture.SITE_YAML;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.diag.Diagnostic;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages a newcomer met in a walkthrough of the collection, each at the line and column of the mistake,
 * in plain words, with a fix that keeps what the editor already typed.
 */
class NewcomerMessagesTest {
    @TempDir
    Path tmp;

    Path content;

    List<String> build(String txtar) {
        return build(txtar, BuildOptions.defaults());
    }

    List<String> build(String txtar, BuildOptions options) {
        content = SiteFixture.write(tmp.resolve("content"), txtar);
        BuildResult r = Build.run(
                options.withContent(content).withOut(tmp.resolve("site")).withWrite(false));
        return r.diagnostics().kept().stream().map(Diagnostic::toString).toList();
    }

    String at(String rel) {
        return content.resolve(rel).toString();
    }

    static void hasStart(List<String> lines, String expected) {
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith(expected)),
                () -> "expected a line starting:\n" + expected + "\namong:\n" + String.join("\n", lines));
    }

    static final String DOUBLE =
            "the quote (\") that opens here is never closed, so YAML reads everything after it as one"
                    + " value (fix: close it with the same quote mark (\") at the end of the value on this line, or remove it)";
    static final String SINGLE = DOUBLE.replace('"', '\'');

    @Test
    void anUnclosedQuoteIsReportedWhereItOpensInDataAndFrontMatter() {
        StringBuilder data = new StringBuilder("category: \"core-city\n");
        for (int i = 2; i <= 16; i++) {
            data.append("note").append(i).append(": text ").append(i).append('\n');
        }
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                %s
                -- a/data.yaml --
                %s
                -- b/index.ja.md --
                ---
                title: ページB
                label: "取組事例④
                ---
                本文。
                -- c/index.ja.md --
                ---
                title: ページC
                label: '取組事例
                group: cases
                ---
                本文。
                """.formatted(SITE_YAML, page("ページA"), data));
        has(m, at("a/data.yaml") + ":1:11: error: " + DOUBLE);
        has(m, at("b/index.ja.md") + ":3:8: error: " + DOUBLE);
        has(m, at("c/index.ja.md") + ":3:8: error: " + SINGLE);
        assertEquals(3, m.stream().filter(l -> l.contains(": error: ")).count(), String.join("\n", m));
    }

    @Test
    void otherYamlErrorsKeepTheirPositions() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                label: 事例 "A" です: 説明
                ---
                本文。
                """.formatted(SITE_YAML));
        hasStart(
                m,
                at("a/index.ja.md") + ":3:17: error: this value holds \": \" (a colon and a space), which YAML reads as"
                        + " the start of another key");
    }

    @Test
    void aKeyIndentedUnderTheOneAboveNamesThatKeysLineInFrontMatterAndData() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                label: 事例
                  group: cases
                ---
                本文。
                -- b/index.ja.md --
                %s
                -- b/data.yaml --
                category: general-city
                label: 事例
                  group: cases
                """.formatted(SITE_YAML, page("ページB")));
        hasStart(
                m,
                at("a/index.ja.md") + ":4:3: error: \"group:\" is indented further than \"label:\" on line 3, so YAML"
                        + " reads it as more of the value of \"label\"");
        hasStart(
                m,
                at("b/data.yaml") + ":3:3: error: \"group:\" is indented further than \"label:\" on line 2, so YAML"
                        + " reads it as more of the value of \"label\"");
    }

    @Test
    void aMissingThemesFolderIsNamedInFullWithTheOptionThatChangesIt() {
        Path elsewhere = tmp.resolve("elsewhere/themes");
        List<String> m = build(
                "-- site.yaml --\n" + SITE_YAML + "-- a/index.ja.md --\n" + page("ページA"),
                BuildOptions.defaults().withThemes(elsewhere));
        has(
                m,
                at("site.yaml") + ":1:1: error: theme \"default\" not found: there is no themes folder " + elsewhere
                        + " (fix: run the command from the project folder (the one holding themes/), or pass --themes"
                        + " DIR naming the folder that holds the theme folders)");
        // a relative folder is read from where the command runs: named as an absolute path, with that said
        Path relative = Path.of("no-such-themes");
        m = build(
                "-- site.yaml --\n" + SITE_YAML + "-- a/index.ja.md --\n" + page("ページA"),
                BuildOptions.defaults().withThemes(relative));
        hasStart(
                m,
                at("site.yaml") + ":1:1: error: theme \"default\" not found: there is no themes folder "
                        + relative.toAbsolutePath().normalize()
                        + " (themes are looked for in the folder the command runs in)");
    }

    @Test
    void theScaffoldsNextStepsKeepTheContentAndThemesTheUserGave() {
        Path c = SiteFixture.write(
                tmp.resolve("my copy"),
                "-- site.yaml --\n" + SITE_YAML + "order:\n  - one\n-- one/index.ja.md --\n" + page("一"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream was = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(new String[] {"new", "case", "fukui", "--content", c.toString(), "--themes", "themes"});
        } finally {
            System.setOut(was);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        String content = "--content '" + c + "'";
        assertTrue(
                printed.contains("mvn compile exec:java -Dexec.args=\"check " + content + "\" lists each file"),
                printed);
        assertTrue(
                printed.contains("Preview while writing: mvn compile exec:java -Dexec.args=\"serve " + content + "\""),
                printed);
        // --themes at its default is not repeated
        assertTrue(!printed.contains("--themes"), printed);
    }

    @Test
    void aBrokenAnchorSuggestsTheNearestId() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                ## 基本情報 {#basic-info}

                [基本情報](#basic-infoo) と [ほか](#zzzzzzzz)
                """.formatted(SITE_YAML));
        has(
                m,
                at("a/index.ja.md") + ":7:1: error: anchor \"#basic-infoo\" does not exist in ja/a/index.html (fix: did"
                        + " you mean \"#basic-info\"? otherwise use one of the heading ids of that page (see its {#id}s))");
        has(
                m,
                at("a/index.ja.md")
                        + ":7:24: error: anchor \"#zzzzzzzz\" does not exist in ja/a/index.html (fix: use one"
                        + " of the heading ids of that page (see its {#id}s))");
    }

    @Test
    void aMisspeltSlugInOrderSuggestsTheNearestPageFolder() {
        List<String> m = build("-- site.yaml --\n" + SITE_YAML + "order:\n  - hasuda\n  - fukuii\n"
                + "-- hasuda/index.ja.md --\n" + page("蓮田") + "-- fukui/index.ja.md --\n" + page("福井"));
        has(
                m,
                at("site.yaml") + ":8:1: error: order lists \"fukuii\", but there is no content/fukuii/index.<lang>.md"
                        + " (fix: did you mean \"fukui\" (content/fukui/)? otherwise create the page, or remove it from"
                        + " order)");
    }

    @Test
    void aDuplicateHeadingIdNamesTheLineOfTheFirst() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                ## 概要 {#outline}

                本文。

                ## 詳細 {#outline}

                <p id="outline">注</p>
                """.formatted(SITE_YAML));
        has(
                m,
                at("a/index.ja.md") + ":9:7: error: heading id \"outline\" is used twice on this page (first on line 5)"
                        + " (fix: give this heading another id, such as {#outline-2})");
        hasStart(m, at("a/index.ja.md") + ":11:8: error: id \"outline\" is used twice on this page (first on line 5)");
    }

    @Test
    void aMissingImageIsCalledAnImage() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                ![地図](map.png)

                [資料](report.pdf)
                """.formatted(SITE_YAML));
        hasStart(
                m,
                at("a/index.ja.md") + ":5:1: error: image \"map.png\" does not resolve: no file ja/a/map.png in the"
                        + " published site");
        hasStart(
                m,
                at("a/index.ja.md") + ":7:1: error: link \"report.pdf\" does not resolve: no file ja/a/report.pdf in"
                        + " the published site");
    }

    /** Runs a benchmark script of the checkout with {@code arg}; WORK points into the test's folder, never shared. */
    String[] bench(String script, String arg) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("bench", script).toString(), arg)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("WORK", tmp.resolve("work").toString());
        pb.environment().put("NS", "1");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw new AssertionError(script + " " + arg + " did not return: it started its benchmark");
        }
        return new String[] {
            String.valueOf(p.exitValue()), new String(p.getInputStream().readAllBytes(), UTF_8)
        };
    }

    @Test
    void aBenchmarkScriptPrintsItsHeaderOnHelpAndStartsNothing() throws Exception {
        for (String script : List.of("run.sh", "serve.sh", "search_cost.sh")) {
            String[] help = bench(script, "--help");
            assertEquals("0", help[0], help[1]);
            assertTrue(help[1].startsWith("bench/" + script + " -- "), help[1]);
            assertFalse(help[1].contains("\n# "), "the header without its comment marks: " + help[1]);
            assertFalse(Files.exists(tmp.resolve("work")), "--help writes nothing: " + help[1]);
            String[] wrong = bench(script, "--hepl");
            assertEquals("2", wrong[0], wrong[1]);
            assertEquals(
                    script + ": no arguments are taken, not '--hepl' (settings are environment variables: "
                            + Path.of("bench", script) + " --help)\n",
                    wrong[1]);
        }
    }
}
