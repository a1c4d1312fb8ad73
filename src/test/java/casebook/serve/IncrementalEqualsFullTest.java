package casebook.serve;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import casebook.booklet.BookletFont;
import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's rebuilds (the build's own stages with memos around them) equal a clean build: after each edit of a
 * series, the site serve holds in memory and the diagnostics it reports are compared, file for file and byte
 * for byte, message for message, with {@code Build.run} of the same content and theme from scratch.
 */
class IncrementalEqualsFullTest {
    static final String SITE = SITE_YAML + """
            groups:
              cases: {ja: 取組事例, en: Case studies}
            order:
              - a
              - b
              - c
            """;

    static final String CONTENT = """
            -- site.yaml --
            %s
            -- glossary.yaml --
            - id: public-health-center
              ja: 保健所
              en: public health center
              definition: {ja: 地域の保健の拠点。, en: A local public health office.}
            -- index.ja.md --
            ---
            title: はじめに
            ---
            この事例集について。
            -- index.en.md --
            ---
            title: About
            ---
            About this collection.
            -- a/data.yaml --
            category: prefecture
            basic_info:
              - item: population
                value: 1000
                unit: people
            -- a/index.ja.md --
            ---
            title: 事例A
            group: cases
            ---
            :::keypoint
            ポイント

            - 保健所と連携した
            :::

            :::basic-info
            :::

            ## 取組 {#work}

            本文Aの段落。保健所が中心。[Bへ](../b/index.html#plan)
            -- a/index.en.md --
            ---
            title: Case A
            group: cases
            ---
            :::keypoint
            Key point

            - Worked with the public health center
            :::

            :::basic-info
            :::

            ## Work {#work}

            Body of A, with the public health center. [To B](../b/index.html#plan)
            -- b/index.ja.md --
            ---
            title: 事例B
            group: cases
            ---
            ## 計画 {#plan}

            本文Bの段落。
            -- b/index.en.md --
            ---
            title: Case B
            group: cases
            ---
            ## Plan {#plan}

            Body of B.
            -- c/index.ja.md --
            ---
            title: 座談会C
            ---
            本文C。
            """.formatted(SITE);

    @TempDir
    Path tmp;

    Path content;
    Rebuilder serve;

    Path theme;

    @BeforeEach
    void setUp() throws IOException {
        content = SiteFixture.write(tmp.resolve("content"), CONTENT);
        theme = tmp.resolve("themes/default");
        copyTree(Path.of("themes/default"), theme);
        serve = new Rebuilder(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("site"))
                .withThemes(tmp.resolve("themes"))
                .withThreads(2));
        Rebuilder.Outcome first = serve.initial();
        assertEquals(
                0,
                first.diagnostics().errorCount() + first.diagnostics().warningCount(),
                "the fixture builds cleanly: " + messages(first.diagnostics()));
        assertSameAsFullBuild("first build", first);
    }

    @Test
    void everyEditGivesWhatACleanBuildGives() throws IOException {
        Path aJa = content.resolve("a/index.ja.md");
        Path bJa = content.resolve("b/index.ja.md");
        Path aEn = content.resolve("a/index.en.md");

        step("text edit of a body", replace(aJa, "本文Aの段落。", "本文Aの段落を書き直した。"));
        step("same-size text edit right after (equal size, maybe equal time)", replace(aJa, "書き直した", "書き直そう"));
        step("text edit of a translation", replace(aEn, "Body of A,", "The body of A, revised,"));
        step("a broken link (body only)", replace(aJa, "../b/index.html#plan", "../nowhere/"));
        step("the link repaired", replace(aJa, "../nowhere/", "../b/index.html#plan"));
        step("front matter: a new title", replace(bJa, "title: 事例B", "title: 事例Bの新しい題"));
        step("data.yaml: a new value", replace(content.resolve("a/data.yaml"), "value: 1000", "value: 2500"));
        step(
                "data.yaml: a broken key used by the page",
                replace(content.resolve("a/data.yaml"), "value: 2500", "valu: 2500"));
        step("data.yaml repaired", replace(content.resolve("a/data.yaml"), "valu: 2500", "value: 2500"));
        step("glossary: a new term used in a page", append(content.resolve("glossary.yaml"), "\n" + """
                - id: plan
                  ja: 計画
                  en: plan
                  definition: {ja: 計画のこと。, en: A plan.}
                """));
        step("site.yaml: a new order", replace(content.resolve("site.yaml"), "  - a\n  - b\n", "  - b\n  - a\n"));
        step(
                "a new page, not yet in the order",
                write(content.resolve("d/index.ja.md"), "---\ntitle: 事例D\n---\n本文D。\n"));
        step(
                "the new page's translation",
                write(content.resolve("d/index.en.md"), "---\ntitle: Case D\n---\nBody of D.\n"));
        step("the new page added to the order", replace(content.resolve("site.yaml"), "  - c\n", "  - c\n  - d\n"));
        step("a page deleted, still in the order", delete(content.resolve("c")));
        step("the deleted page removed from the order", replace(content.resolve("site.yaml"), "  - c\n", ""));
        // the issue's case: an error found by a full build must not vanish at the next one (cached Markdown)
        step(
                "an unclosed container with a new heading",
                replace(bJa, "本文Bの段落。", "本文Bの段落。\n\n## 新しい節 {#new}\n\n:::note\n閉じていない注\n"));
        step("another page's title changes", replace(aJa, "title: 事例A", "title: 事例A改"));
        step("an unrelated body edit", replace(aEn, "revised", "revised again"));
        step("the container closed", replace(bJa, "閉じていない注\n", "閉じた注\n:::\n"));
        step("an unclosed container, body only", replace(aJa, "本文Aの段落", ":::note\n閉じていない\n\n本文Aの段落"));
        step(
                "a front matter edit elsewhere while it is broken",
                replace(content.resolve("d/index.ja.md"), "事例D", "事例D改"));
        step("the container closed again", replace(aJa, ":::note\n閉じていない\n\n", ""));
        step("a broken front matter", replace(bJa, "title: 事例Bの新しい題", "titel: 事例B"));
        step("repaired", replace(bJa, "titel: 事例B", "title: 事例B"));
        step("back to an earlier body (a cached rendering may be reused)", replace(aJa, "title: 事例A改", "title: 事例A"));
        step("a translation left stale: a heading removed from the original", replace(aJa, "## 取組 {#work}\n\n", ""));
    }

    @Test
    void anUnclosedContainerStaysReportedOnEveryRebuildUntilFixed() throws IOException {
        Path bJa = content.resolve("b/index.ja.md");
        String unclosed = "b/index.ja.md:9:1: error: container \":::note\" is never closed";
        assertTrue(
                messages(step("an unclosed container", replace(bJa, "本文Bの段落。", "本文Bの段落。\n\n:::note\n閉じていない注\n"))
                                .diagnostics())
                        .contains(unclosed),
                "reported when saved");
        List<Rebuilder.Outcome> later = List.of(
                step("the same file saved again unchanged", List.of(bJa)),
                step("a rebuild with nothing reported changed", List.of()),
                step("another page's body", replace(content.resolve("a/index.en.md"), "Body of A,", "The body of A,")),
                step("another page's title", replace(content.resolve("c/index.ja.md"), "title: 座談会C", "title: 座談会C改")),
                step("a data file", replace(content.resolve("a/data.yaml"), "value: 1000", "value: 1200")),
                step("the glossary", replace(content.resolve("glossary.yaml"), "地域の保健の拠点。", "地域保健の拠点。")),
                step("site.yaml", replace(content.resolve("site.yaml"), "Test collection", "Test cases")),
                step(
                        "a UI string of the theme",
                        replace(theme.resolve("i18n/en.yaml"), "Skip to main content", "Skip to the text")),
                step(
                        "the same page's other language",
                        replace(content.resolve("b/index.en.md"), "Body of B.", "The body of B.")));
        for (Rebuilder.Outcome o : later) {
            assertTrue(messages(o.diagnostics()).contains(unclosed), "still reported:\n" + messages(o.diagnostics()));
            assertTrue(o.failed());
        }
        Rebuilder.Outcome fixed = step("the container closed", replace(bJa, "閉じていない注\n", "閉じた注\n:::\n"));
        assertFalse(fixed.failed(), () -> messages(fixed.diagnostics()));
        assertTrue(page(fixed, "ja/b/index.html").contains("閉じた注"));
    }

    @Test
    void editsOfSharedInputsReachEveryPageThatUsesThem() throws IOException {
        String aJa = page(serve.rebuild(List.of()), "ja/a/index.html");
        assertTrue(aJa.contains("1,000") || aJa.contains("1000"), "the data value is shown: " + aJa);

        Rebuilder.Outcome data =
                step("data.yaml: a new value", replace(content.resolve("a/data.yaml"), "value: 1000", "value: 2500"));
        assertTrue(page(data, "ja/a/index.html").contains("2,500")
                || page(data, "ja/a/index.html").contains("2500"));
        assertTrue(
                page(data, "en/a/index.html").contains("2,500")
                        || page(data, "en/a/index.html").contains("2500"),
                "both languages of the page read the data file");

        String before = page(data, "ja/b/index.html");
        Rebuilder.Outcome glossary =
                step("glossary: a term that page b uses", append(content.resolve("glossary.yaml"), "\n" + """
                - id: plan
                  ja: 本文B
                  en: plan
                  definition: {ja: 計画のこと。, en: A plan.}
                """));
        String after = page(glossary, "ja/b/index.html");
        assertFalse(before.equals(after), "page b links its first use of the new term");
        assertTrue(after.contains("#plan"), after);

        Rebuilder.Outcome site =
                step("site.yaml: the collection's title", replace(content.resolve("site.yaml"), "テスト事例集", "改めた事例集"));
        for (String p : List.of("ja/a/index.html", "ja/b/index.html", "ja/c/index.html", "ja/index.html")) {
            assertTrue(page(site, p).contains("改めた事例集"), p + " shows the new title");
        }

        Rebuilder.Outcome strings = step(
                "theme: a UI string",
                replace(theme.resolve("i18n/en.yaml"), "Skip to main content", "Skip to the text"));
        for (String p : List.of("en/a/index.html", "en/b/index.html", "en/index.html")) {
            assertTrue(page(strings, p).contains("Skip to the text"), p + " shows the new UI string");
        }

        Rebuilder.Outcome template = step(
                "theme: a template", replace(theme.resolve("templates/layout.ftlh"), "<title>", "<title>[preview] "));
        for (String p : List.of("ja/a/index.html", "en/b/index.html", "ja/index.html", "404.html")) {
            assertTrue(page(template, p).contains("<title>[preview] "), p + " is rendered with the new template");
        }
        Rebuilder.Outcome broken =
                step("theme: a template broken", replace(theme.resolve("templates/page.ftlh"), "<#", "<#bogus "));
        assertTrue(broken.failed(), "a broken template is an error");
        Rebuilder.Outcome repaired =
                step("theme: the template repaired", replace(theme.resolve("templates/page.ftlh"), "<#bogus ", "<#"));
        assertFalse(repaired.failed(), () -> messages(repaired.diagnostics()));
    }

    /**
     * The pages that list the site (tops, comparison, open data, search, glossary) are memoised by their view and the
     * open data by the cases' figures: every edit that changes what they show must reach them, as a clean build
     * shows it. Each step is compared with a clean build, and the listing that must change is checked to.
     */
    @Test
    void editsThatChangeTheListingsReachThemAsACleanBuildGivesThem() throws IOException {
        Rebuilder.Outcome first = serve.rebuild(List.of());
        assertTrue(page(first, "ja/compare/index.html").contains("事例A"), "case a is compared");
        assertTrue(page(first, "ja/compare/index.html").contains("1,000"), "with its population");

        Rebuilder.Outcome title =
                step("a case's title", replace(content.resolve("a/index.ja.md"), "title: 事例A", "title: 事例A改題"));
        for (String p : List.of("ja/index.html", "ja/compare/index.html", "ja/b/index.html")) {
            assertTrue(page(title, p).contains("事例A改題"), p + " shows the case's new title");
        }
        assertTrue(page(title, "data/basic-info.csv").contains("事例A改題"), "so does the open data");
        Rebuilder.Outcome enTitle = step(
                "the translation's title",
                replace(content.resolve("a/index.en.md"), "title: Case A", "title: Case A2"));
        assertTrue(page(enTitle, "en/index.html").contains("Case A2"));
        assertTrue(page(enTitle, "en/compare/index.html").contains("Case A2"));
        step("a case's label", replace(content.resolve("a/index.ja.md"), "group: cases", "label: 取組事例①\ngroup: cases"));
        step(
                "the key-point headline shown on the top page's card",
                replace(content.resolve("a/index.ja.md"), "ポイント\n", "新しいポイント\n"));
        Rebuilder.Outcome heading = step(
                "a section heading listed in the contents",
                replace(content.resolve("b/index.ja.md"), "## 計画", "## 新計画"));
        assertTrue(page(heading, "ja/index.html").contains("新計画"), "the contents list the new heading");
        assertTrue(page(heading, "ja/search/index.js").contains("新計"), "the search index has it");

        Rebuilder.Outcome figure = step(
                "a data.yaml figure shown on the comparison page",
                replace(content.resolve("a/data.yaml"), "value: 1000", "value: 1234"));
        for (String p : List.of("ja/compare/index.html", "en/compare/index.html", "ja/index.html", "ja/a/index.html")) {
            assertTrue(page(figure, p).contains("1,234"), p + " shows the new figure");
            assertFalse(page(figure, p).contains("1,000"), p + " no longer shows the old one");
        }
        assertTrue(page(figure, "data/basic-info.csv").contains("1234"), "the open data has the new figure");
        step(
                "a second figure added",
                replace(
                        content.resolve("a/data.yaml"),
                        "    unit: people",
                        "    unit: people\n  - item: beds\n    value: 55\n    unit: beds"));
        step(
                "a case's category",
                replace(content.resolve("a/data.yaml"), "category: prefecture", "category: core-city"));

        step("a new case directory, its data file first", write(content.resolve("e/data.yaml"), """
                category: general-city
                basic_info:
                  - item: population
                    value: 4321
                    unit: people
                """));
        step(
                "the new case's page",
                write(content.resolve("e/index.ja.md"), "---\ntitle: 事例E\ngroup: cases\n---\n本文E。\n"));
        step(
                "the new case's translation",
                write(content.resolve("e/index.en.md"), "---\ntitle: Case E\ngroup: cases\n---\nBody of E.\n"));
        Rebuilder.Outcome added = step(
                "the new case added to the order", replace(content.resolve("site.yaml"), "  - c\n", "  - c\n  - e\n"));
        for (String p : List.of("ja/index.html", "ja/compare/index.html", "data/basic-info.csv")) {
            assertTrue(page(added, p).contains("事例E"), p + " lists the new case");
        }
        assertTrue(page(added, "ja/compare/index.html").contains("4,321"));

        step("a deleted case, still in the order", delete(content.resolve("a")));
        Rebuilder.Outcome deleted =
                step("the deleted case removed from the order", replace(content.resolve("site.yaml"), "  - a\n", ""));
        for (String p :
                List.of("ja/index.html", "ja/compare/index.html", "en/compare/index.html", "data/basic-info.csv")) {
            assertFalse(page(deleted, p).contains("事例A"), p + " no longer lists the deleted case");
        }
        assertFalse(deleted.result().output().files().containsKey("ja/a/index.html"), "nor is its page served");

        step(
                "a UI string shown only on the comparison page",
                replace(theme.resolve("i18n/en.yaml"), "title: Comparing the cases", "title: The cases compared"));
        step(
                "the comparison's template",
                replace(theme.resolve("templates/compare.ftlh"), "<h1", "<!-- edited -->\n<h1"));
        step(
                "a glossary definition (the glossary page)",
                replace(content.resolve("glossary.yaml"), "地域の保健の拠点。", "地域保健の拠点。"));
        step(
                "a group's name (the top pages)",
                replace(content.resolve("site.yaml"), "cases: {ja: 取組事例,", "cases: {ja: 事例,"));
        step(
                "the collection's date (every footer)",
                replace(content.resolve("site.yaml"), "published: 2025-03", "published: 2025-04"));
        Rebuilder.Outcome gone = step("the last case's data file deleted", delete(content.resolve("e/data.yaml")));
        assertFalse(gone.result().output().files().containsKey("ja/compare/index.html"), "no cases, no comparison");
        assertFalse(page(gone, "ja/index.html").contains("compare/"), "and no link to it");
    }

    /**
     * With {@code serve --pdf}, every page's footer shows the size of its language's PDF booklet, which a body edit
     * of any page changes: the pages whose view model is unchanged must show the new size too. Needs a TrueType
     * Japanese font, as the booklet tests (skipped without one, failed in CI).
     */
    @Test
    void aBookletsNewSizeReachesEveryFooter() throws IOException {
        boolean font = BookletFont.find(null) != null;
        if (!font && System.getenv("CI") != null) {
            throw new IllegalStateException(
                    "the PDF booklet needs a TrueType Japanese font in CI: " + BookletFont.INSTALL);
        }
        Assumptions.assumeTrue(font, "no TrueType Japanese font: " + BookletFont.INSTALL);
        serve = new Rebuilder(serve.options().withPdf(new BuildOptions.Pdf(true, null)));
        Rebuilder.Outcome first = step("the first build with the booklets", List.of());
        String before = pdfLink(page(first, "ja/b/index.html"));
        // many characters the booklet's font subset did not hold yet: the booklet grows by kilobytes
        StringBuilder text = new StringBuilder("\n\n");
        for (int c = 0x4E00; c < 0x4E00 + 3000; c++) {
            text.appendCodePoint(c);
        }
        Rebuilder.Outcome grown =
                step("a long paragraph in page a", append(content.resolve("a/index.ja.md"), text + "\n"));
        String after = pdfLink(page(grown, "ja/b/index.html"));
        assertFalse(before.equals(after), "page b's footer shows the booklet's new size: " + after);
    }

    /**
     * Turning the booklets on in site.yaml during {@code serve} links them from every page and listing, turning them
     * off again removes every link, each rebuild as a clean build gives it: no page keeps the last build's links.
     */
    @Test
    void bookletsTurnedOnAndOffInServeShowTheRightLinks() throws IOException {
        boolean font = BookletFont.find(null) != null;
        if (!font && System.getenv("CI") != null) {
            throw new IllegalStateException(
                    "the PDF booklet needs a TrueType Japanese font in CI: " + BookletFont.INSTALL);
        }
        Assumptions.assumeTrue(font, "no TrueType Japanese font: " + BookletFont.INSTALL);
        Path siteYaml = content.resolve("site.yaml");
        List<String> pages = List.of(
                "ja/a/index.html",
                "en/b/index.html",
                "ja/index.html",
                "en/glossary/index.html",
                "ja/search/index.html",
                "index.html",
                "404.html");

        Rebuilder.Outcome on = step("pdf: book added to site.yaml", append(siteYaml, "pdf: book\n"));
        assertTrue(on.result().output().files().containsKey("ja/book.pdf"), "the Japanese booklet is made");
        for (String path : pages) {
            Document doc = Jsoup.parse(page(on, path));
            assertFalse(doc.select(".pdf-link a[href$=book.pdf]").isEmpty(), path + " links the booklet");
        }
        String lang = "en/b/index.html";
        Document en = Jsoup.parse(page(on, lang));
        assertEquals(
                "../book.pdf",
                en.selectFirst(".pdf-link a").attr("href"),
                lang + " links the English booklet, from its own folder");
        assertTrue(
                en.selectFirst(".pdf-link").text().matches(".*\\(PDF, [0-9.]+ [KM]B\\)"),
                lang + " shows its size: " + en.selectFirst(".pdf-link").text());

        Rebuilder.Outcome off = step("pdf: book removed again", replace(siteYaml, "pdf: book\n", ""));
        assertFalse(off.result().output().files().containsKey("ja/book.pdf"), "no booklet is made");
        for (String path : pages) {
            assertTrue(Jsoup.parse(page(off, path)).select(".pdf-link").isEmpty(), path + " links no booklet");
        }

        Rebuilder.Outcome again = step("pdf: book added once more", append(siteYaml, "pdf: book\n"));
        for (String path : pages) {
            assertFalse(
                    Jsoup.parse(page(again, path)).select(".pdf-link").isEmpty(), path + " links the booklet again");
        }
    }

    private static String pdfLink(String html) {
        int at = html.indexOf("class=\"pdf-link\"");
        assertTrue(at >= 0, "the page links its booklet");
        return html.substring(at, html.indexOf("</p>", at));
    }

    /** Runs serve's rebuild with the paths the watcher reports after an edit (saved just before), and compares. */
    Rebuilder.Outcome step(String name, List<Path> changed) {
        Rebuilder.Outcome o = serve.rebuild(changed);
        assertNotNull(o.diagnostics(), name);
        assertSameAsFullBuild(name, o);
        return o;
    }

    static String page(Rebuilder.Outcome o, String path) {
        assertNotNull(o.result(), path);
        byte[] b = o.result().output().get(path);
        assertNotNull(b, path);
        return text(b);
    }

    void assertSameAsFullBuild(String name, Rebuilder.Outcome o) {
        Diagnostics d = new Diagnostics();
        BuildResult full = Build.run(serve.options(), d, n -> {});
        assertEquals(messages(d), messages(o.diagnostics()), name + ": diagnostics, message for message");
        assertEquals(d.errorCount(), o.diagnostics().errorCount(), name + ": error count");
        assertEquals(d.warningCount(), o.diagnostics().warningCount(), name + ": warning count");
        if (d.hasErrors()) {
            return;
        } // serve keeps the last good pages; only the messages are comparable
        assertNotNull(o.result(), name);
        Map<String, byte[]> mine = o.result().output().files();
        Map<String, byte[]> theirs = full.output().files();
        assertEquals(theirs.keySet(), mine.keySet(), name + ": the same paths");
        List<String> differ = new ArrayList<>();
        for (String p : theirs.keySet()) {
            if (!Arrays.equals(theirs.get(p), mine.get(p))) {
                differ.add(p);
            }
        }
        if (!differ.isEmpty()) {
            String p = differ.get(0);
            fail(name + ": bytes differ in " + differ + "; first, " + p + ":\n--- full build\n" + text(theirs.get(p))
                    + "\n--- serve\n" + text(mine.get(p)));
        }
    }

    static String messages(Diagnostics d) {
        return d.kept().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static List<Path> replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertTrue(s.contains(from), file + " holds " + from);
        Files.writeString(file, s.replace(from, to));
        return List.of(file);
    }

    static List<Path> append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
        return List.of(file);
    }

    static List<Path> write(Path file, String text) throws IOException {
        boolean dirExisted = Files.isDirectory(file.getParent());
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return dirExisted ? List.of(file) : List.of(file.getParent(), file);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    static List<Path> delete(Path dir) throws IOException {
        List<Path> gone;
        try (Stream<Path> s = Files.walk(dir)) {
            gone = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : gone) {
            Files.delete(p);
        }
        return List.of(dir);
    }
}
