package casebook.cli;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldTest {
    /** A foreword, two cases and a page about the site, in the order the real collection has them. */
    static final String COLLECTION = "-- site.yaml --\n" + SITE_YAML
            + "groups:\n  cases: {ja: 取組事例, en: Case studies}\norder:\n  - intro\n  - one\n  - two\n  - talk\n  - about-site\n"
            + "-- intro/index.ja.md --\n---\ntitle: 序\n---\n本文\n"
            + "-- one/index.ja.md --\n---\ntitle: 一\ngroup: cases\n---\n本文\n"
            + "-- two/index.ja.md --\n---\ntitle: 二\ngroup: cases\n---\n本文\n"
            + "-- talk/index.ja.md --\n---\ntitle: 座談会\n---\n本文\n"
            + "-- about-site/index.ja.md --\n---\ntitle: 方針\ngroup: about\n---\n本文\n";

    @TempDir
    Path tmp;

    /** Runs the command line with its output captured (the expected messages do not reach the test log). */
    static int run(String... args) {
        return withStderr(new ByteArrayOutputStream(), () -> Main.run(args));
    }

    /** What an editor does: writes the real text over every TODO(…) and keeps the rest of the scaffold. */
    static void fill(Path file) throws IOException {
        Files.writeString(file, Files.readString(file).replaceAll("TODO\\(([^)\n]*)\\)", "$1"));
    }

    static BuildResult check(Path c, boolean drafts) {
        return Build.run(BuildOptions.defaults().withContent(c).withWrite(false).withDrafts(drafts));
    }

    @Test
    void newCaseCreatesEveryConstructAndGoesAfterTheLastCaseOfItsGroup() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), COLLECTION);
        assertEquals(0, run("new", "case", "nagano", "--content", c.toString(), "--quiet"));
        assertTrue(Files.isRegularFile(c.resolve("nagano/index.ja.md")));
        assertTrue(Files.isRegularFile(c.resolve("nagano/index.en.md")));
        assertTrue(Files.isRegularFile(c.resolve("nagano/data.yaml")));
        assertTrue(
                Files.readString(c.resolve("site.yaml")).contains("  - two\n  - nagano\n  - talk\n"),
                Files.readString(c.resolve("site.yaml")));
        assertTrue(Files.readString(c.resolve("nagano/index.ja.md")).contains("label: 取組事例③\n"));
        assertTrue(Files.readString(c.resolve("nagano/index.en.md")).contains("label: Case study 3\n"));
        for (String f : List.of("index.ja.md", "index.en.md", "data.yaml")) {
            fill(c.resolve("nagano").resolve(f));
        }
        BuildResult r = SiteFixture.build(c, tmp.resolve("out"));
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        assertEquals(0, r.diagnostics().warningCount(), () -> SiteFixture.messages(r));
        Document d = Jsoup.parse(tmp.resolve("out/ja/nagano/index.html").toFile(), "UTF-8");
        assertEquals(3, d.select(".keypoint__points li").size());
        assertEquals(4, d.select("table.basic-info tr").size());
        assertEquals(1, d.select(".credit").size());
        assertEquals(1, d.select(".note").size());
        assertEquals("../two/index.html", d.selectFirst("a[rel=prev]").attr("href"));
        assertEquals("../talk/index.html", d.selectFirst("a[rel=next]").attr("href"));
        assertEquals(
                "../nagano/index.html",
                Jsoup.parse(tmp.resolve("out/ja/talk/index.html").toFile(), "UTF-8")
                        .selectFirst("a[rel=prev]")
                        .attr("href"));
        assertFalse(Files.readString(tmp.resolve("out/en/nagano/index.html")).contains("TODO("));
    }

    @Test
    void aCasePlacedBeforeOtherCasesIsNumberedByItsPlaceAndNamesTheCasesToRenumber() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), COLLECTION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(
                    0, Main.run(new String[] {"new", "case", "first", "--after", "intro", "--content", c.toString()}));
        } finally {
            System.setOut(stdout);
        }
        // first among the cases: number 1 (it was 3, the count of cases, above the ① and ② it precedes)
        assertTrue(Files.readString(c.resolve("first/index.ja.md")).contains("label: 取組事例①\n"));
        assertTrue(Files.readString(c.resolve("first/index.en.md")).contains("label: Case study 1\n"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                printed.contains("its label is 取組事例① / Case study 1, by its place among the cases; one, two, which"
                        + " come after it, keep their labels: renumber them (label: in each index.<lang>.md)\n"),
                printed);
        // placed last, nothing to renumber and nothing said
        out.reset();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(new String[] {"new", "case", "last", "--content", c.toString()}));
        } finally {
            System.setOut(stdout);
        }
        assertTrue(Files.readString(c.resolve("last/index.ja.md")).contains("label: 取組事例④\n"));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("renumber"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void afterPlacesTheSlugAndAPlainPageGoesBeforeThePagesAboutTheSite() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), COLLECTION);
        assertEquals(0, run("new", "case", "first", "--after", "intro", "--content", c.toString(), "--quiet"));
        assertEquals(0, run("new", "page", "afterword", "--content", c.toString(), "--quiet"));
        String order = Files.readString(c.resolve("site.yaml"));
        assertTrue(
                order.contains(
                        "order:\n  - intro\n  - first\n  - one\n  - two\n  - talk\n  - afterword\n  - about-site"),
                order);
        assertEquals(
                2,
                run("new", "case", "x", "--after", "tow", "--content", c.toString(), "--quiet"),
                "an --after slug not in the order");
        assertFalse(Files.exists(c.resolve("x")), "nothing is written when the command is refused");
        // a flow list keeps its form
        Path f = SiteFixture.write(
                tmp.resolve("f"),
                "-- site.yaml --\n" + SITE_YAML + "groups: {cases: {ja: 事例, en: Cases}}\n"
                        + "order: [intro, one]  # the reading order\n"
                        + "-- intro/index.ja.md --\n---\ntitle: 序\n---\n本文\n-- one/index.ja.md --\n---\ntitle: 一\ngroup: cases\n---\n本文\n");
        assertEquals(0, run("new", "case", "two", "--content", f.toString(), "--quiet"));
        assertTrue(
                Files.readString(f.resolve("site.yaml")).contains("order: [intro, one, two]  # the reading order"),
                Files.readString(f.resolve("site.yaml")));
    }

    @Test
    void anUntouchedScaffoldIsAnErrorAtEachFilesFirstPlaceholderAndAWarningWithDrafts() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), COLLECTION);
        assertEquals(0, run("new", "case", "nagano", "--content", c.toString(), "--quiet"));
        BuildResult r = check(c, false);
        List<String> errors =
                SiteFixture.errors(r).stream().map(Diagnostic::toString).toList();
        String dir = c.resolve("nagano").toString().replace('\\', '/');
        assertEquals(3, errors.size(), () -> SiteFixture.messages(r));
        assertTrue(errors.get(0).startsWith(dir + "/data.yaml:3:"), errors.get(0));
        assertTrue(
                errors.get(1)
                        .startsWith(dir
                                + "/index.en.md:2:8: error: placeholder \"TODO(○○ City, ○○ Prefecture)\" left from the"
                                + " scaffold (14 more in this file, at lines 8, 10,"),
                errors.get(1));
        assertTrue(errors.get(1).contains("to publish the page in ja only, delete index.en.md"), errors.get(1));
        assertTrue(
                errors.get(2).startsWith(dir + "/index.ja.md:2:8: error: placeholder \"TODO(○○県○○市)\""), errors.get(2));
        assertEquals(1, run("check", "--content", c.toString(), "--quiet"));
        assertEquals(
                1,
                run(
                        "build",
                        "--content",
                        c.toString(),
                        "--out",
                        tmp.resolve("out").toString(),
                        "--quiet"));
        assertFalse(Files.exists(tmp.resolve("out")), "a scaffold is never published by mistake");
        BuildResult drafts = check(c, true);
        assertFalse(drafts.diagnostics().hasErrors(), () -> SiteFixture.messages(drafts));
        assertEquals(3, drafts.diagnostics().warningCount(), () -> SiteFixture.messages(drafts));
    }

    @Test
    void aJapaneseOnlyCaseIsCleanUnderStrictAndListedAsNotYetTranslated() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), COLLECTION);
        assertEquals(0, run("new", "case", "nagano", "--content", c.toString(), "--quiet"));
        fill(c.resolve("nagano/index.ja.md"));
        fill(c.resolve("nagano/data.yaml"));
        // left untranslated, the English scaffold is still a placeholder
        String m = SiteFixture.messages(check(c, false));
        assertTrue(m.contains("nagano/index.en.md:2:8: error: placeholder"), m);
        Files.delete(c.resolve("nagano/index.en.md"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = withStderr(err, () -> Main.run(new String[] {"check", "--strict", "--content", c.toString()}));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(
                printed.contains(c.resolve("nagano/index.ja.md").toString().replace('\\', '/')
                        + ":1:1: note: not yet translated: nagano (en)"),
                printed);
        assertTrue(
                printed.contains(
                        "to publish it in en, run: mvn compile exec:java -Dexec.args=\"new translation nagano\""),
                "the fix names the command that writes the translation's scaffold: " + printed);
        BuildResult r = check(c, false);
        assertEquals(0, r.diagnostics().errorCount() + r.diagnostics().warningCount(), () -> SiteFixture.messages(r));
        // the fixture's other pages are Japanese-only too: one note each (and one that no sitemap is written without
        // base_url)
        assertEquals(
                6,
                r.diagnostics().kept().stream()
                        .filter(x -> x.message().startsWith("not yet translated"))
                        .count(),
                () -> SiteFixture.messages(r));
        assertEquals(7, r.diagnostics().noteCount(), () -> SiteFixture.messages(r));
        assertTrue(r.diagnostics().kept().stream().allMatch(x -> x.severity() == Severity.NOTE));
    }

    /** Runs {@code body} with System.err going to {@code to} and System.out discarded. */
    static int withStderr(ByteArrayOutputStream to, IntSupplier body) {
        PrintStream err = System.err;
        PrintStream out = System.out;
        System.setErr(new PrintStream(to, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return body.getAsInt();
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
    }

    @Test
    void existingOrInvalidSlugIsRefused() {
        Path c = SiteFixture.write(
                tmp.resolve("c"), "-- site.yaml --\n" + SITE_YAML + "-- taken/index.ja.md --\n---\ntitle: x\n---\n");
        assertEquals(2, run("new", "case", "taken", "--content", c.toString()));
        assertEquals(2, run("new", "page", "Bad Slug", "--content", c.toString()));
        assertEquals(2, run("new", "thing", "x", "--content", c.toString()));
        assertEquals(0, run("new", "page", "about", "--content", c.toString(), "--quiet"));
        // site.yaml has no order: pages are ordered by slug, and none is added
        assertFalse(SiteFixture.read(c.resolve("site.yaml")).contains("order"));
    }

    @Test
    void theUsageTextListsEveryCommandForm() {
        for (String s : List.of(
                "new case <slug> [--after SLUG]",
                "new page <slug> [--after SLUG]",
                "mark-translated <slug>... | --all")) {
            assertTrue(Arguments.USAGE.contains(s), s);
        }
    }

    @Test
    void scaffoldsHoldNoPlaceholderTheyDoNotMark() {
        // every Japanese and English text an editor must write is marked; the fixed parts are real text
        for (String t : Stream.of(Scaffold.CASE_JA, Scaffold.CASE_EN, Scaffold.PAGE_JA, Scaffold.PAGE_EN)
                .toList()) {
            String unmarked = t.replaceAll("TODO\\([^)\n]*\\)", "");
            assertFalse(unmarked.contains("○○"), unmarked);
            assertFalse(unmarked.contains("Key point"), unmarked);
        }
    }
}
