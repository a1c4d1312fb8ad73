package casebook.security;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import casebook.booklet.BookletFont;
import casebook.diag.Diagnostic;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and careless input that used to end in a stack trace, an out-of-memory error or minutes of
 * work: each now ends, well within a generous time bound, in an error at the file and line where the
 * limit is exceeded (or, for inputs that were merely slow, in a correct build). No exception escapes
 * the build and no staging folder is left beside the output.
 */
class LimitsTest {
    /**
     * Not a benchmark: the bound only says "does not hang" on a busy machine (each case takes a second
     * or two when the machine is idle; before these limits the slow ones took 45 s to minutes).
     */
    static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    static String page(String frontMatterExtra, String body) {
        return "---\ntitle: A\n" + frontMatterExtra + "---\n\n" + body; // the body starts on line 4, its text on line 5
    }

    static String bomb() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 48; i++) {
            sb.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [*a")
                    .append(i - 1)
                    .append(", *a")
                    .append(i - 1)
                    .append("]\n");
        }
        return sb.toString();
    }

    static String lines(int n, IntFunction<String> line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(line.apply(i)).append('\n');
        }
        return sb.toString();
    }

    static String paragraphs(String paragraph, int n) {
        return (paragraph + "\n\n").repeat(n);
    }

    /** name, file (relative to content), expected line, message part, and the files of the fixture beside site.yaml. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "recursive alias in front matter",
                        "a/index.ja.md",
                        3,
                        "YAML aliases (*r) are not supported",
                        List.of("a/index.ja.md", page("x: &r [*r]\n", "本文\n"))),
                Arguments.of(
                        "alias bomb in front matter",
                        "a/index.ja.md",
                        4,
                        "YAML aliases (*a0) are not supported",
                        List.of("a/index.ja.md", page(bomb(), "本文\n"))),
                Arguments.of(
                        "recursive alias in data.yaml",
                        "a/data.yaml",
                        2,
                        "YAML aliases (*r) are not supported",
                        List.of("a/index.ja.md", page("", "本文\n"), "a/data.yaml", "n: 1\nx: &r [*r]\n")),
                Arguments.of(
                        "alias bomb in data.yaml",
                        "a/data.yaml",
                        2,
                        "YAML aliases (*a0) are not supported",
                        List.of("a/index.ja.md", page("", "本文\n"), "a/data.yaml", bomb())),
                Arguments.of(
                        "recursive alias in site.yaml",
                        "site.yaml",
                        6,
                        "YAML aliases (*r) are not supported",
                        List.of("site.yaml", SITE_YAML + "x: &r {k: *r}\n", "a/index.ja.md", page("", "本文\n"))),
                Arguments.of(
                        "alias bomb in site.yaml",
                        "site.yaml",
                        7,
                        "YAML aliases (*a0) are not supported",
                        List.of("site.yaml", SITE_YAML + bomb(), "a/index.ja.md", page("", "本文\n"))),
                Arguments.of(
                        "recursive alias in glossary.yaml",
                        "glossary.yaml",
                        1,
                        "YAML aliases (*r) are not supported",
                        List.of("glossary.yaml", "x: &r [*r]\n", "a/index.ja.md", page("", "本文\n"))),
                Arguments.of(
                        "recursive alias in a container's YAML",
                        "a/index.ja.md",
                        6,
                        "YAML aliases (*r) are not supported",
                        List.of("a/index.ja.md", page("", ":::participants\n- &r [*r]\n:::\n"))),
                Arguments.of(
                        "YAML nested 30 deep",
                        "a/data.yaml",
                        1,
                        "YAML nested more than 20 levels deep",
                        List.of(
                                "a/index.ja.md",
                                page("", "本文\n"),
                                "a/data.yaml",
                                "x: " + "[".repeat(30) + "]".repeat(30) + "\n")),
                Arguments.of(
                        "2,000 nested > on one line",
                        "a/index.ja.md",
                        5,
                        "nested more than 32 levels deep",
                        List.of("a/index.ja.md", page("", "> ".repeat(2000) + "deep\n"))),
                Arguments.of(
                        "block quotes one level deeper per line",
                        "a/index.ja.md",
                        5 + 32,
                        "nested more than 32 levels deep",
                        List.of("a/index.ja.md", page("", lines(300, i -> ">".repeat(i + 1) + " q")))),
                Arguments.of(
                        "a list 100 levels deep",
                        "a/index.ja.md",
                        5 + 32,
                        "nested more than 32 levels deep",
                        List.of("a/index.ja.md", page("", lines(100, i -> "  ".repeat(i) + "- item")))),
                Arguments.of(
                        "a list 1,000 levels deep on one line",
                        "a/index.ja.md",
                        5,
                        "nested more than 32 levels deep",
                        List.of("a/index.ja.md", page("", "1. ".repeat(1000) + "x\n"))),
                Arguments.of(
                        "a list 1,000 levels deep (a megabyte)",
                        "a/index.ja.md",
                        4,
                        "page body longer than 1000000 characters",
                        List.of("a/index.ja.md", page("", lines(1000, i -> "  ".repeat(i) + "- item")))),
                Arguments.of(
                        "5,000 nested ::: containers",
                        "a/index.ja.md",
                        5 + 32,
                        "containers nested more than 32 levels deep",
                        List.of("a/index.ja.md", page("", ":::note\n".repeat(5000) + "x\n" + ":::\n".repeat(5000)))),
                Arguments.of(
                        "emphasis 400 deep",
                        "a/index.ja.md",
                        5,
                        "nested more than 32 levels deep",
                        List.of("a/index.ja.md", page("", "*a ".repeat(400) + "x" + " a*".repeat(400) + "\n"))),
                Arguments.of(
                        "a 195 KB run of [x](",
                        "a/index.ja.md",
                        7,
                        "paragraph of more than 10000 characters",
                        List.of("a/index.ja.md", page("", "前文\n\n" + "[x](".repeat(48_750) + "\n"))),
                // the same as the page's first paragraph, which the meta description is made of when the page sets none
                Arguments.of(
                        "a 195 KB run of [x]( as the first paragraph",
                        "a/index.ja.md",
                        5,
                        "paragraph of more than 10000 characters",
                        List.of("a/index.ja.md", page("", "[x](".repeat(48_750) + "\n"))),
                Arguments.of(
                        "200,000 [ as the first paragraph",
                        "a/index.ja.md",
                        5,
                        "paragraph of more than 10000 characters",
                        List.of("a/index.ja.md", page("", "[".repeat(200_000) + "\n"))),
                Arguments.of(
                        "50,000 [ then 50,000 ] as the first paragraph",
                        "a/index.ja.md",
                        5,
                        "paragraph of more than 10000 characters",
                        List.of("a/index.ja.md", page("", "[".repeat(50_000) + "]".repeat(50_000) + "\n"))),
                Arguments.of(
                        "50,000 {# as the first paragraph",
                        "a/index.ja.md",
                        5,
                        "paragraph of more than 10000 characters",
                        List.of("a/index.ja.md", page("", "{#".repeat(50_000) + "\n"))),
                Arguments.of(
                        "unclosed links in 100 paragraphs just under the size limit",
                        "a/index.ja.md",
                        5,
                        "paragraph too complex",
                        List.of("a/index.ja.md", page("", paragraphs("[x](".repeat(2_400), 100)))),
                Arguments.of(
                        "emphasis openers and closers, multiple of 3",
                        "a/index.ja.md",
                        5,
                        "paragraph too complex",
                        List.of("a/index.ja.md", page("", paragraphs("a**b" + "c* ".repeat(3_000), 20)))),
                Arguments.of(
                        "[ (]( repeated (overflowed a pattern's stack)",
                        "a/index.ja.md",
                        5,
                        "paragraph too complex",
                        List.of("a/index.ja.md", page("", paragraphs("[ (](".repeat(1_900), 20)))),
                Arguments.of(
                        "a rule of 5,000 hyphens",
                        "a/index.ja.md",
                        6,
                        "line starting with more than 500",
                        List.of("a/index.ja.md", page("", "本文\n" + "-".repeat(5_000) + "\n"))),
                Arguments.of(
                        "20,000 data references to a missing key",
                        "a/index.ja.md",
                        5,
                        "data key \"x\" is not in",
                        List.of("a/index.ja.md", page("", "{{ data.x }}\n".repeat(20_000)))),
                Arguments.of(
                        "a table separator of 2,000 columns",
                        "a/index.ja.md",
                        6,
                        "line starting with more than 500",
                        List.of(
                                "a/index.ja.md",
                                page("", "|" + " a |".repeat(2_000) + "\n|" + "---|".repeat(2_000) + "\n"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithAnErrorAtItsLine(String name, String file, int line, String message, List<String> files)
            throws IOException {
        Path content = write(files);
        Path out = tmp.resolve("site");
        BuildResult r = assertTimeoutPreemptively(BOUND, () -> SiteFixture.build(content, out), name);
        List<Diagnostic> errors = SiteFixture.errors(r);
        String expected = content.resolve(file).toString().replace('\\', '/') + ":" + line + ":";
        assertTrue(
                errors.stream()
                        .anyMatch(e -> e.toString().startsWith(expected)
                                && e.toString().contains(message)),
                () -> "expected an error at " + expected + " saying \"" + message + "\", got:\n"
                        + SiteFixture.messages(r));
        assertFalse(Files.exists(out), "a failed build publishes nothing");
        assertNoStaging();
    }

    /** site.yaml for pages large on purpose: the page-weight budget is not what these tests are about. */
    private static final String LARGE_PAGES = SITE_YAML + "page_budget_kb: 100000\n";

    /** Inputs that were only slow: they build, correctly, within the bound. */
    @Test
    void fortyThousandIdenticalHeadingsBuildWithUniqueIds() throws IOException {
        Path content = write(List.of("site.yaml", LARGE_PAGES, "a/index.ja.md", page("", "## 見出し\n\n".repeat(40_000))));
        Path out = tmp.resolve("site");
        BuildResult r = assertTimeoutPreemptively(BOUND, () -> SiteFixture.build(content, out));
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        Document html = Jsoup.parse(out.resolve("ja/a/index.html").toFile(), "UTF-8");
        Elements h2 = html.select("main h2[id^=見出し]");
        assertEquals(40_000, h2.size());
        assertEquals("見出し", h2.get(0).id());
        assertEquals("見出し-2", h2.get(1).id());
        assertEquals("見出し-40000", h2.get(39_999).id());
        assertNoStaging();
    }

    @Test
    void unclosedInlineHtmlAndManyLinksBuild() throws IOException {
        String body = paragraphs("a <![CDATA[ ".repeat(800), 25) + paragraphs("a <? ".repeat(1_900), 25)
                + paragraphs("[x](../a/) ".repeat(800), 25) + "| a | b |\n|---|---|\n"
                + "| [x](../a/) | *z* |\n".repeat(2_000);
        Path content = write(List.of("site.yaml", LARGE_PAGES, "a/index.ja.md", page("", body)));
        Path out = tmp.resolve("site");
        BuildResult r = assertTimeoutPreemptively(BOUND, () -> SiteFixture.build(content, out));
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        Document html = Jsoup.parse(out.resolve("ja/a/index.html").toFile(), "UTF-8");
        assertEquals(2_000, html.select("main table tbody tr").size());
        assertEquals(
                25 * 800,
                html.select("main p a[href=../a/index.html], main p a[href=../a/]")
                        .size());
        assertTrue(html.select("main").text().contains("<![CDATA["), "unclosed markup stays text");
        assertNoStaging();
    }

    @Test
    void thousandsOfMalformedDataReferencesAreWarnedAboutQuickly() throws IOException {
        Path content = write(List.of("a/index.ja.md", page("", paragraphs("{{ ".repeat(3_000), 30))));
        Path out = tmp.resolve("site");
        BuildResult r = assertTimeoutPreemptively(BOUND, () -> SiteFixture.build(content, out));
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        assertTrue(r.diagnostics().warningCount() >= 100, () -> SiteFixture.messages(r));
        String first = content.resolve("a/index.ja.md").toString().replace('\\', '/')
                + ":5:1: warning: \"{{ \" is not a data reference";
        assertTrue(SiteFixture.messages(r).contains(first), () -> SiteFixture.messages(r));
        assertNoStaging();
    }

    /** A Japanese file name where the JVM decodes names as ASCII (LC_ALL=C): an error naming the file. */
    @Test
    void japaneseFileNameUnderAsciiLocale() throws Exception {
        assumeTrue(
                "UTF-8".equals(System.getProperty("sun.jnu.encoding")), "the test JVM must be able to write the name");
        Path content = write(List.of("a/index.ja.md", page("", "![図](図.png)\n")));
        Files.write(content.resolve("a/図.png"), new byte[] {1});
        Path out = tmp.resolve("site");
        ProcessBuilder pb = buildInAnotherJvm(null, content, out);
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("file name cannot be read in this system's encoding"), output);
        assertTrue(output.contains("LC_ALL=C.UTF-8"), output);
        assertFalse(output.contains("Exception") || output.contains("\tat "), output);
        assertFalse(Files.exists(out));
        assertNoStaging();
    }

    /**
     * The PDF library writes the booklet's bookmarks (one per page and heading) by recursion, so a page with
     * thousands of headings can overflow a thread's stack there. A build with a small stack (so that 1,500 headings
     * are enough) must end in an error naming the booklet and what to do, not in a stack trace.
     */
    @Test
    void aBookletTooLargeToWriteIsAnErrorNotAStackTrace() throws Exception {
        assumeTrue(BookletFont.find(null) != null, "needs a TrueType Japanese font for the booklet");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            body.append("## 同じ見出し\n\n本文。\n\n");
        }
        Path content = write(List.of(
                "site.yaml",
                SITE_YAML + "pdf: book\npage_budget_kb: 100000\n",
                "a/index.ja.md",
                page("", body.toString())));
        Path out = tmp.resolve("site");
        Process p = buildInAnotherJvm("-Xss256k", content, out).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertFalse(output.contains("Exception") || output.contains("\tat ") || output.contains("Error:"), output);
        assertEquals(1, p.exitValue(), output);
        assertTrue(
                output.contains("error: cannot make the ja PDF booklet: it is too large to write")
                        && output.contains("split a page with thousands of headings into several pages"),
                output);
        assertFalse(Files.exists(out), "nothing published");
        assertNoStaging();
    }

    /** {@code casebook build} in a JVM of its own (with {@code jvmOption} when not null), output and errors merged. */
    private static ProcessBuilder buildInAnotherJvm(String jvmOption, Path content, Path out) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jvmOption != null) {
            command.add(jvmOption);
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "casebook.Main",
                "build",
                "--content",
                content.toString(),
                "--out",
                out.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private Path write(List<String> files) throws IOException {
        Path content = tmp.resolve("content");
        boolean hasSite = false;
        for (int i = 0; i < files.size(); i += 2) {
            Path f = content.resolve(files.get(i));
            Files.createDirectories(f.getParent());
            Files.writeString(f, files.get(i + 1), StandardCharsets.UTF_8);
            hasSite |= files.get(i).equals("site.yaml");
        }
        if (!hasSite) {
            Files.writeString(content.resolve("site.yaml"), SITE_YAML, StandardCharsets.UTF_8);
        }
        return content;
    }

    private void assertNoStaging() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            List<String> left = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".tmp-") || n.contains(".old-"))
                    .toList();
            assertTrue(left.isEmpty(), "left beside the output: " + left);
        }
    }
}
