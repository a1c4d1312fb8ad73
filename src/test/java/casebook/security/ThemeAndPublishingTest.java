package casebook.security;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildCache;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import casebook.theme.Templates;
import freemarker.template.utility.Execute;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a theme can do on the build machine, and what of the content folder is published (issue 13:
 * "Commands on the build machine", "Published by accident"). Every case builds a small site in a
 * temporary folder and checks the outcome, the message with its file and line, and what the output holds.
 */
class ThemeAndPublishingTest {
    @TempDir
    Path tmp;

    Path content;
    Path themes;
    Path out;

    static final String SITE = """
            -- site.yaml --
            %s
            -- a/index.ja.md --
            ---
            title: ページA
            ---

            本文です。
            -- a/index.en.md --
            ---
            title: Page A
            ---

            Body.
            """.formatted(SITE_YAML);

    @BeforeEach
    void site() throws IOException {
        content = SiteFixture.write(tmp.resolve("content"), SITE);
        themes = tmp.resolve("themes");
        copyTree(Path.of("themes/default"), themes.resolve("default"));
        out = tmp.resolve("site");
    }

    // ---- templates cannot run code -------------------------------------------------------------------

    @Test
    void executeNewFailsAtTheTemplatesLineAndRunsNothing() throws IOException {
        Path marker = tmp.resolve("pwned");
        prepend(
                "page.ftlh",
                "<#-- a theme from elsewhere -->\n<p>${\"freemarker.template.utility.Execute\"?new()(\"touch " + marker
                        + "\")}</p>\n");

        BuildResult r = build(options());

        Diagnostic e = onlyError(r, "/themes/default/templates/page.ftlh");
        assertEquals(2, e.at().line());
        assertTrue(
                e.toString()
                        .contains("page.ftlh:2:4: error: template error: Instantiating " + Execute.class.getName()
                                + " is not allowed"),
                e.toString());
        assertTrue(
                e.message().contains("freemarker.template.utility.Execute")
                        && e.message().contains("not allowed"),
                e.message());
        assertFalse(Files.exists(marker), "the template ran a command");
        assertFalse(Files.exists(out), "a failed build publishes nothing");
    }

    /** A page the template could not write is reported once, by the template error, not again by every link to it. */
    @Test
    void aTemplateErrorIsNotReportedAgainThroughTheLinksToThePagesItStopped() throws IOException {
        SiteFixture.write(
                content, "-- b/index.ja.md --\n---\ntitle: ページB\n---\n\n[A](../a/) と [A の本文](../a/index.html#main)\n");
        prepend("page.ftlh", "<p>${\"freemarker.template.utility.Execute\"?new()(\"true\")}</p>\n");
        BuildResult r = build(options());
        assertTrue(r.diagnostics().hasErrors());
        assertTrue(
                r.diagnostics().kept().stream().noneMatch(x -> x.message().contains("does not resolve")),
                () -> SiteFixture.messages(r));
    }

    @Test
    void objectConstructorNewAndSettingTheResolverBackAreRefused() throws IOException {
        Path made = tmp.resolve("made-by-template");
        prepend(
                "404.ftlh",
                "<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>"
                        + "${oc(\"java.io.FileOutputStream\", \"" + made + "\")}\n");
        BuildResult r = build(options());
        Diagnostic e = onlyError(r, "/themes/default/templates/404.ftlh");
        assertEquals(1, e.at().line());
        assertTrue(e.message().contains("ObjectConstructor") && e.message().contains("not allowed"), e.message());
        assertFalse(Files.exists(made));

        // a template cannot switch the restriction off again: #setting knows only formatting settings
        copyTree(Path.of("themes/default"), themes.resolve("default"));
        prepend("404.ftlh", "<#setting new_builtin_class_resolver=\"unrestricted\">\n");
        BuildResult r2 = build(options());
        Diagnostic e2 = onlyError(r2, "/themes/default/templates/404.ftlh");
        assertEquals(1, e2.at().line());
        assertTrue(e2.message().contains("changing this setting from inside a template isn't supported"), e2.message());
    }

    @Test
    void theApiBuiltInIsOffAndModelsExposeNoJavaMethods() throws IOException {
        prepend("page.ftlh", "${site?api.getClass().getName()}\n");
        BuildResult r = build(options().withWrite(false));
        Diagnostic e = onlyError(r, "/themes/default/templates/page.ftlh");
        assertEquals(1, e.at().line());
        assertTrue(e.toString().contains("page.ftlh:1:3: error: template error: Can't use ?api"), e.toString());

        copyTree(Path.of("themes/default"), themes.resolve("default"));
        prepend("page.ftlh", "${site.getClass()}\n"); // a map's methods are not its keys
        BuildResult r2 = build(options().withWrite(false));
        Diagnostic e2 = onlyError(r2, "/themes/default/templates/page.ftlh");
        assertEquals(1, e2.at().line());
        assertTrue(e2.message().contains("evaluated to null or missing"), e2.message());
        assertTrue(e2.toString().contains("page.ftlh:1:3: error: "), e2.toString());
    }

    @Test
    void aModelObjectOtherThanPlainValuesMapsAndListsIsRefused() throws IOException {
        // PageRenderer passes only strings, numbers, booleans, maps and lists; anything else could expose Java methods
        Path dir = Files.createDirectories(tmp.resolve("t"));
        Files.writeString(dir.resolve("t.ftlh"), "<p>${title}</p>\n${victim.delete()?c}\n");
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep");
        Templates templates = new Templates(dir, Path.of("t"));
        Diagnostics d = new Diagnostics();

        byte[] html = templates.render("t.ftlh", Map.of("title", "x", "victim", victim.toFile()), d);

        assertEquals(null, html);
        assertEquals(1, d.errorCount());
        assertTrue(
                d.kept().get(0).toString().startsWith("t/t.ftlh:2:"),
                d.kept().get(0).toString());
        assertTrue(Files.exists(victim), "a template called a Java method of a model object");
    }

    @Test
    void includeAndImportLoadOnlyFromTheThemesTemplatesFolder() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-VALUE");
        prepend("page.ftlh", "<#include \"../../../../secret.txt\">\n");
        BuildResult r = build(options().withWrite(false));
        Diagnostic e = onlyError(r, "/themes/default/templates/page.ftlh");
        assertEquals(1, e.at().line());
        assertTrue(e.message().contains("Backing out from the root directory is not allowed"), e.message());
        assertNothingContains(r, "TOP-SECRET-VALUE");

        // nor through a symbolic link placed in the templates folder
        copyTree(Path.of("themes/default"), themes.resolve("default"));
        Files.createSymbolicLink(themes.resolve("default/templates/secret.ftlh"), secret);
        prepend("page.ftlh", "<#include \"secret.ftlh\">\n");
        BuildResult r2 = build(options().withWrite(false));
        assertTrue(r2.diagnostics().hasErrors(), () -> SiteFixture.messages(r2));
        assertTrue(SiteFixture.messages(r2).contains("page.ftlh:1:"), () -> SiteFixture.messages(r2));
        assertNothingContains(r2, "TOP-SECRET-VALUE");
    }

    /** An i18n file of the theme that is a symbolic link to a file elsewhere is refused, not read and published. */
    @Test
    void anI18nFileLinkedToAFileOutsideTheThemeIsNotRead() throws IOException {
        Path secret = Files.writeString(
                tmp.resolve("secret.yaml"),
                Files.readString(themes.resolve("default/i18n/ja.yaml")) + "secret: TOP-SECRET-VALUE\n");
        Path ja = themes.resolve("default/i18n/ja.yaml");
        Files.delete(ja);
        Files.createSymbolicLink(ja, secret);
        BuildResult r = build(options().withWrite(false));
        // (the templates then miss the language's UI strings, which are errors of their own)
        assertTrue(
                SiteFixture.messages(r).contains("/themes/default/i18n/ja.yaml:1:1: error: ")
                        && SiteFixture.messages(r)
                                .contains("ja.yaml is a symbolic link to a file outside the theme's i18n folder; it is"
                                        + " not read (fix: copy the file in instead)"),
                () -> SiteFixture.messages(r));
        assertNothingContains(r, "TOP-SECRET-VALUE");

        // a system file too; a link to another file of the folder is read as that file
        Files.delete(ja);
        Files.createSymbolicLink(ja, Files.exists(Path.of("/etc/passwd")) ? Path.of("/etc/passwd") : secret);
        BuildResult r2 = build(options().withWrite(false));
        assertTrue(
                SiteFixture.messages(r2).contains("ja.yaml is a symbolic link to a file outside"),
                () -> SiteFixture.messages(r2));
        assertNothingContains(r2, "root:");
        Files.delete(ja);
        Files.writeString(themes.resolve("default/i18n/ja-copy.yaml"), Files.readString(secret));
        Files.createSymbolicLink(ja, themes.resolve("default/i18n/ja-copy.yaml"));
        BuildResult r3 = build(options().withWrite(false));
        assertFalse(r3.diagnostics().hasErrors(), () -> SiteFixture.messages(r3));
    }

    // ---- the theme is a plain name inside the themes folder ------------------------------------------

    @Test
    void aThemeNamedByAPathIntoTheContentIsRefusedAtSiteYamlsLine() throws IOException {
        Path marker = tmp.resolve("pwned");
        copyTree(Path.of("themes/default"), content.resolve("mytheme"));
        Path page = content.resolve("mytheme/templates/page.ftlh");
        Files.writeString(
                page,
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}\n"
                        + Files.readString(page));
        Files.writeString(content.resolve("site.yaml"), SITE_YAML + "theme: ../content/mytheme\n");

        BuildResult r = build(options());

        Diagnostic e = onlyError(r, "/content/site.yaml");
        assertEquals(6, e.at().line());
        assertEquals(8, e.at().column());
        assertTrue(e.message().startsWith("theme \"../content/mytheme\" is a path"), e.message());
        assertFalse(Files.exists(marker));
        assertFalse(Files.exists(out));
    }

    @Test
    void anAbsoluteThemePathIsRefused() throws IOException {
        Files.writeString(
                content.resolve("site.yaml"),
                SITE_YAML + "theme: " + themes.resolve("default").toAbsolutePath() + "\n");
        BuildResult r = build(options());
        Diagnostic e = onlyError(r, "/content/site.yaml");
        assertEquals(6, e.at().line());
        assertTrue(e.message().contains("is a path"), e.message());
        assertFalse(Files.exists(out));
    }

    @Test
    void aThemeOptionWithASlashIsAUsageError() {
        for (String bad : List.of("../content/mytheme", "a/b", "a\\b", "/etc", "..", ".hidden")) {
            assertEquals(
                    2,
                    Main.run(new String[] {
                        "build",
                        "--content",
                        content.toString(),
                        "--out",
                        out.toString(),
                        "--themes",
                        themes.toString(),
                        "--theme",
                        bad,
                        "--quiet"
                    }),
                    bad);
        }
        assertFalse(Files.exists(out));
        // through the API (no command line to refuse it) it is a diagnostic, and nothing is published
        BuildResult r = build(options().withTheme("../default"));
        Diagnostic e = onlyError(r, "/content/site.yaml");
        assertTrue(e.message().contains("\"../default\" is a path"), e.message());
        assertFalse(Files.exists(out));
        assertEquals(0, Main.run(new String[] {
            "build",
            "--content",
            content.toString(),
            "--out",
            out.toString(),
            "--themes",
            themes.toString(),
            "--theme",
            "default",
            "--quiet"
        }));
    }

    @Test
    void aThemeThatIsASymbolicLinkLeadingOutsideTheThemesFolderIsRefused() throws IOException {
        Path elsewhere = tmp.resolve("elsewhere/evil");
        copyTree(Path.of("themes/default"), elsewhere);
        Path marker = tmp.resolve("pwned");
        prepend(
                elsewhere.resolve("templates/page.ftlh"),
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>" + "${ex(\"touch " + marker + "\")}\n");
        Files.createSymbolicLink(themes.resolve("evil"), elsewhere);
        Files.writeString(content.resolve("site.yaml"), SITE_YAML + "theme: evil\n");

        BuildResult r = build(options());

        Diagnostic e = onlyError(r, "/content/site.yaml");
        assertEquals(6, e.at().line());
        assertTrue(
                e.message().contains("theme \"evil\" is a symbolic link to a folder outside the themes folder"),
                e.message());
        assertFalse(Files.exists(marker));
        assertFalse(Files.exists(out));
    }

    @Test
    void aThemeWithoutTemplatesIsAClearError() throws IOException {
        Files.createDirectories(themes.resolve("bare/assets"));
        Files.writeString(themes.resolve("bare/assets/style.css"), "body{}");
        Files.writeString(content.resolve("site.yaml"), SITE_YAML + "theme: bare\n");

        BuildResult r = build(options());

        Diagnostic e = onlyError(r, "/content/site.yaml");
        assertEquals(6, e.at().line());
        assertTrue(e.message().startsWith("theme \"bare\" has no templates folder"), e.message());
        assertNotNull(e.hint());
        assertFalse(Files.exists(out));
    }

    // ---- symbolic links never lead out of the content ------------------------------------------------

    @Test
    void aSymbolicLinkToASystemFileIsAnErrorAndNothingIsRead() throws IOException {
        Path target = Files.exists(Path.of("/etc/passwd"))
                ? Path.of("/etc/passwd")
                : Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        String first = Files.readAllLines(target).get(0);
        Path symlink = Files.createSymbolicLink(content.resolve("a/passwd.txt"), target);
        linkFromPage("[accounts](passwd.txt)");

        BuildResult r;
        try {
            r = build(options().withWrite(false));
        } finally {
            Files.delete(
                    symlink); // removed here, so that the temporary folder's clean-up has nothing outside to warn about
        }

        List<Diagnostic> errors = SiteFixture.errors(r);
        assertEquals(2, errors.size(), () -> SiteFixture.messages(r)); // the symbolic link, and the page's link to it
        Diagnostic link = errors.get(1);
        assertTrue(
                link.toString()
                        .endsWith("/content/a/passwd.txt:1:1: error: " + display("a/passwd.txt")
                                + " is a symbolic link to a file outside the content folder; nothing is read through it"
                                + " (fix: copy the file in instead)"),
                link.toString());
        assertTrue(
                SiteFixture.messages(r).contains("index.ja.md:6:1: error: link \"passwd.txt\" does not resolve"),
                () -> SiteFixture.messages(r));
        assertFalse(r.output().contains("ja/a/passwd.txt"));
        assertNothingContains(r, first);
    }

    @Test
    void aSymbolicallyLinkedFolderOutsideIsAnErrorAndNotWalked() throws IOException {
        Path secrets = Files.createDirectories(tmp.resolve("secrets"));
        Files.writeString(secrets.resolve("key.txt"), "PRIVATE-KEY-MATERIAL");
        Files.createSymbolicLink(content.resolve("a/docs"), secrets);
        linkFromPage("[key](docs/key.txt)");

        BuildResult r = build(options().withWrite(false));

        Diagnostic e = SiteFixture.errors(r).get(0);
        assertTrue(
                e.toString()
                        .endsWith(
                                "/content/a/docs:1:1: error: " + display("a/docs") + " is a symbolic link to a folder"
                                        + " outside the content folder; nothing is read through it (fix: copy the folder in instead)"),
                e.toString());
        assertFalse(r.output().paths().stream().anyMatch(p -> p.contains("key.txt")));
        assertNothingContains(r, "PRIVATE-KEY-MATERIAL");
    }

    // ---- only what pages link to is published --------------------------------------------------------

    @Test
    void aFileNoPageLinksToIsAWarningAndNotPublished() throws IOException {
        Files.writeString(content.resolve("notes.txt"), "editor's notes");
        Files.writeString(content.resolve("a/notes.txt"), "more notes");

        BuildResult r = build(options());

        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        List<String> warnings = warnings(r);
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(
                warnings.get(0)
                        .endsWith("/content/a/notes.txt:1:1: warning: not published: " + display("a/notes.txt")
                                + " (no page links to it) (fix: link it from a page (links from draft pages do not count), or move it out of"
                                + " the content folder)"),
                warnings.get(0));
        assertTrue(
                warnings.get(1)
                        .contains("/content/notes.txt:1:1: warning: not published: " + display("notes.txt")
                                + " (no page links to it)"),
                warnings.get(1));
        assertTrue(Files.isRegularFile(out.resolve("ja/a/index.html")));
        assertTrue(outputFiles().stream().noneMatch(p -> p.endsWith("notes.txt")), outputFiles()::toString);
        // a warning fails a --strict build, which then publishes nothing new
        assertEquals(1, Main.run(new String[] {"check", "--content", content.toString(), "--strict", "--quiet"}));
    }

    @Test
    void aFileLinkedWithItsNameInAnotherCaseIsNamedWithTheLink() throws IOException {
        Files.write(content.resolve("a/Figure1.PNG"), new byte[] {1, 2, 3});
        linkFromPage("![図1](figure1.png)");

        BuildResult r = build(options().withWrite(false));

        String all = SiteFixture.messages(r);
        assertTrue(all.contains("index.ja.md:6:1: error: image \"figure1.png\" does not resolve"), all);
        assertTrue(
                all.contains("/content/a/Figure1.PNG:1:1: warning: not published: " + display("a/Figure1.PNG") + " ("),
                all);
        assertTrue(
                all.contains("index.ja.md:6 links to \"figure1.png\", which differs from this file's name only in upper"
                        + " and lower case) (fix: write the name the same way in the link and on the disk: web servers"
                        + " treat Figure1.PNG and figure1.png as different files)"),
                all);
    }

    @Test
    void aPrivateFolderIsNotPublished() throws IOException {
        Files.createDirectories(content.resolve("private"));
        Files.writeString(content.resolve("private/secret.env"), "API_TOKEN=hunter2");

        BuildResult r = build(options());

        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        List<String> warnings = warnings(r);
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(
                warnings.get(0)
                        .contains("/content/private/secret.env:1:1: warning: not published: "
                                + display("private/secret.env") + " (no page links to it)"),
                warnings.get(0));
        assertTrue(
                outputFiles().stream().noneMatch(p -> p.contains("private") || p.contains("secret")),
                outputFiles()::toString);
        assertFileContentsNowhere("API_TOKEN");
    }

    @Test
    void aDraftPagesFileIsNotPublished() throws IOException {
        SiteFixture.write(content, """
                -- draft/index.ja.md --
                ---
                title: 下書き
                draft: true
                ---

                [報告書](report.pdf)
                """);
        Files.write(content.resolve("draft/report.pdf"), pdf());

        BuildResult r = build(options());

        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        assertEquals(1, warnings(r).size(), () -> SiteFixture.messages(r));
        assertTrue(
                warnings(r)
                        .get(0)
                        .contains("/content/draft/report.pdf:1:1: warning: not published: "
                                + display("draft/report.pdf") + " (no page links to it)"),
                warnings(r)::toString);
        assertFalse(Files.exists(out.resolve("ja/draft")));
        assertTrue(outputFiles().stream().noneMatch(p -> p.endsWith(".pdf")), outputFiles()::toString);
        // with --drafts the page is published, and so is its file
        BuildResult withDrafts = build(options().withDrafts(true));
        assertFalse(withDrafts.diagnostics().hasErrors(), () -> SiteFixture.messages(withDrafts));
        assertArrayEquals(pdf(), Files.readAllBytes(out.resolve("ja/draft/report.pdf")));
    }

    @Test
    void aLinkedFileIsPublishedBesideEachPageThatLinksIt() throws IOException {
        SiteFixture.write(content, """
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                [報告書（PDF）](report.pdf) と ![グラフ](chart.png)
                -- a/index.en.md --
                ---
                title: Page A
                ---

                ![Chart](./chart.png) and <img src="my%20figure.png" alt="figure">
                """);
        Files.write(content.resolve("a/report.pdf"), pdf());
        Files.write(content.resolve("a/chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.write(content.resolve("a/my figure.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1});

        BuildResult r = build(options());

        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        assertEquals(0, r.diagnostics().warningCount(), () -> SiteFixture.messages(r));
        Document ja = Jsoup.parse(out.resolve("ja/a/index.html").toFile(), "UTF-8");
        assertEquals("report.pdf", ja.selectFirst("main a[href$=.pdf]").attr("href"));
        assertArrayEquals(pdf(), Files.readAllBytes(out.resolve("ja/a/report.pdf")));
        assertTrue(Files.isRegularFile(out.resolve("ja/a/chart.png")));
        assertTrue(Files.isRegularFile(out.resolve("en/a/chart.png")));
        assertTrue(Files.isRegularFile(out.resolve("en/a/my figure.png")));
        // only where a page links it: the English page does not link the PDF nor the Japanese one the figure
        assertFalse(Files.exists(out.resolve("en/a/report.pdf")));
        assertFalse(Files.exists(out.resolve("ja/a/my figure.png")));
    }

    @Test
    void aContentFileWithThePathOfAGeneratedPageIsAnError() throws IOException {
        Files.writeString(content.resolve("a/index.html"), "<script>alert(1)</script>");
        Files.writeString(content.resolve("404.html"), "<script>alert(2)</script>");

        BuildResult r = build(options().withWrite(false));

        List<Diagnostic> errors = SiteFixture.errors(r);
        assertEquals(2, errors.size(), () -> SiteFixture.messages(r));
        assertTrue(
                errors.get(0)
                        .toString()
                        .endsWith("/content/404.html:1:1: error: " + display("404.html") + " has the path of a"
                                + " file casebook generates (404.html); it would replace that page or pass for it, so it is not published"
                                + " (fix: remove it; a page is written as index.<lang>.md in its own folder)"),
                errors.get(0).toString());
        assertTrue(
                errors.get(1)
                        .toString()
                        .contains("/content/a/index.html:1:1: error: " + display("a/index.html")
                                + " has the path of a file casebook generates (ja/a/index.html, en/a/index.html)"),
                errors.get(1).toString());
        assertNothingContains(r, "alert(");
        Document ja = Jsoup.parse(new String(r.output().get("ja/a/index.html"), StandardCharsets.UTF_8));
        assertEquals("ページA", ja.selectFirst("h1").text());
    }

    @Test
    void htmlSvgScriptsAndStylesheetsAreNeverCopiedFromTheContent() throws IOException {
        Files.writeString(content.resolve("a/page.html"), "<script>alert(1)</script>");
        Files.writeString(
                content.resolve("a/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(2)\"/>");
        Files.writeString(content.resolve("a/app.js"), "alert(3)");
        Files.writeString(content.resolve("a/extra.css"), "body{background:url(javascript:alert(4))}");
        linkFromPage("[page](page.html) ![logo](logo.svg) <a href=\"app.js\">app</a>");

        BuildResult r = build(options().withWrite(false));

        List<Diagnostic> errors = SiteFixture.errors(r);
        String m = SiteFixture.messages(r);
        for (String f : List.of("page.html", "logo.svg", "app.js")) {
            assertTrue(
                    m.contains("/content/a/" + f + ":1:1: error: " + display("a/" + f) + " is linked from "),
                    () -> f + "\n" + m);
            assertTrue(
                    m.contains(
                            "but not published: HTML, SVG, scripts and stylesheets are never copied from the content"),
                    m);
            assertFalse(r.output().contains("ja/a/" + f), f);
        }
        assertTrue(
                m.contains(
                        "/content/a/extra.css:1:1: warning: not published: " + display("a/extra.css")
                                + " (HTML, SVG, scripts and stylesheets are never copied from the content) (fix: write the page in Markdown"),
                m);
        assertTrue(errors.size() >= 3, m);
        assertNothingContains(r, "alert(");
        assertTrue(
                r.output().paths().stream().noneMatch(p -> p.startsWith("ja/a/") && !p.endsWith("index.html")),
                r.output().paths()::toString);
    }

    @Test
    void aFileOverTheSizeLimitIsAnErrorCheckedBeforeReading() throws IOException {
        Path big = content.resolve("a/big.pdf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // sparse: no 3 GiB are written
        }
        linkFromPage("[big](big.pdf)");

        long started = System.nanoTime();
        BuildResult r = build(options());

        List<Diagnostic> errors = SiteFixture.errors(r);
        assertEquals(
                1,
                errors.size(),
                () -> SiteFixture.messages(r)); // the file; the link to it is not reported again as a link to nothing
        assertTrue(
                errors.get(0)
                        .toString()
                        .endsWith("/content/a/big.pdf:1:1: error: " + display("a/big.pdf") + " is 3.0 GiB;"
                                + " files over 100 MiB are not published (fix: make it smaller (compress the PDF, scale the picture down) or"
                                + " link to where it is hosted)"),
                errors.get(0).toString());
        assertFalse(Files.exists(out));
        assertTrue(System.nanoTime() - started < 60_000_000_000L, "the file must not be read");
    }

    @Test
    void servesMemoisedRebuildPublishesAFileOnlyOnceAPageLinksToIt() throws IOException {
        Files.write(content.resolve("a/report.pdf"), pdf());
        BuildCache cache = new BuildCache();
        BuildResult first = Build.run(options().withWrite(false), new Diagnostics(), n -> {}, cache);
        assertEquals(1, warnings(first).size(), () -> SiteFixture.messages(first));
        Path page = content.resolve("a/index.ja.md");

        // a change of text only: the file stays unpublished
        Files.writeString(page, Files.readString(page).replace("本文です。", "本文を直しました。"));
        BuildResult textOnly = Build.run(options().withWrite(false), new Diagnostics(), n -> {}, cache);
        assertFalse(textOnly.output().contains("ja/a/report.pdf"));

        // a new link to the file: the rebuild publishes it, with the memo of the page's earlier rendering at hand
        linkFromPage("[報告書](report.pdf)");
        BuildResult full = Build.run(options().withWrite(false), new Diagnostics(), n -> {}, cache);
        assertFalse(full.diagnostics().hasErrors(), () -> SiteFixture.messages(full));
        assertEquals(0, full.diagnostics().warningCount(), () -> SiteFixture.messages(full));
        assertArrayEquals(pdf(), full.output().get("ja/a/report.pdf"));
        assertFalse(full.output().contains("en/a/report.pdf"));
    }

    // ---- helpers --------------------------------------------------------------------------------------

    BuildOptions options() {
        return BuildOptions.defaults()
                .withContent(content)
                .withOut(out)
                .withThemes(themes)
                .withThreads(2);
    }

    static BuildResult build(BuildOptions o) {
        return Build.run(o);
    }

    /** The content path as diagnostics print it (the temporary folder lies outside the working folder). */
    String display(String rel) {
        return content.resolve(rel).toAbsolutePath().normalize().toString();
    }

    /** Adds a paragraph with {@code markdown} to page a's Japanese text (it lands on line 6). */
    void linkFromPage(String markdown) throws IOException {
        Path f = content.resolve("a/index.ja.md");
        Files.writeString(f, Files.readString(f) + "\n" + markdown + "\n");
    }

    /** The one error of a build, which must be in a file whose path ends with {@code fileSuffix}. */
    static Diagnostic onlyError(BuildResult r, String fileSuffix) {
        List<Diagnostic> errors = SiteFixture.errors(r);
        assertFalse(errors.isEmpty(), () -> "expected an error\n" + SiteFixture.messages(r));
        for (Diagnostic e : errors) {
            assertTrue(e.at().file().toString().replace('\\', '/').endsWith(fileSuffix), () -> SiteFixture.messages(r));
        }
        return errors.get(0);
    }

    static List<String> warnings(BuildResult r) {
        return r.diagnostics().kept().stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .map(Diagnostic::toString)
                .toList();
    }

    /** No file of an in-memory build's output holds {@code text}. */
    static void assertNothingContains(BuildResult r, String text) {
        if (r.output() == null) {
            return;
        }
        for (Map.Entry<String, byte[]> e : r.output().files().entrySet()) {
            assertFalse(
                    new String(e.getValue(), StandardCharsets.ISO_8859_1).contains(text),
                    e.getKey() + " holds " + text);
        }
    }

    void assertFileContentsNowhere(String text) throws IOException {
        for (String p : outputFiles()) {
            assertFalse(
                    Files.readString(out.resolve(p), StandardCharsets.ISO_8859_1)
                            .contains(text),
                    p);
        }
    }

    List<String> outputFiles() throws IOException {
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    void prepend(String template, String text) throws IOException {
        prepend(themes.resolve("default/templates").resolve(template), text);
    }

    static void prepend(Path file, String text) throws IOException {
        Files.writeString(file, text + Files.readString(file));
    }

    static byte[] pdf() {
        return ScriptedPdfTest.onePage(); // a real PDF: a linked PDF is read before it is published
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
