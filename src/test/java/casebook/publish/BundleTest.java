package casebook.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build --bundle, and the portal checks of every build: ASCII file names and the page-weight budget. */
class BundleTest {
    static final String CONTENT = "-- site.yaml --\n" + SiteFixture.SITE_YAML + """
            order: [alpha]
            -- alpha/index.ja.md --
            ---
            title: アルファ市
            ---
            ## 基本情報 {#basic-info}

            :::basic-info
            :::
            -- alpha/data.yaml --
            category: core-city
            basic_info:
              - item: population
                value: 500000
                unit: people
              - item: beds
                value: 400
                unit: beds
            """;

    static BuildResult build(Path content, Path out, boolean bundle) {
        return Build.run(
                BuildOptions.defaults().withContent(content).withOut(out).withBundle(bundle));
    }

    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                m.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return m;
    }

    @Test
    void theBundleHoldsTheSiteAndChecksumsThatVerify(@TempDir Path tmp) throws Exception {
        Path content = SiteFixture.write(tmp.resolve("content"), CONTENT);
        Path out = tmp.resolve("site");
        BuildResult r = build(content, out, true);
        assertEquals(List.of(), SiteFixture.errors(r), SiteFixture.messages(r));
        Path zip = tmp.resolve("site.zip");
        assertTrue(Files.isRegularFile(zip), "written beside the output folder");
        Map<String, byte[]> entries = unzip(zip);
        List<String> names = new ArrayList<>(entries.keySet());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "entries in sorted order");
        for (String must : List.of(
                "index.html",
                "ja/index.html",
                "ja/compare/index.html",
                "data/comparison.csv",
                "SHA256SUMS",
                "PAGE-WEIGHT.txt")) {
            assertTrue(entries.containsKey(must), must);
        }
        assertFalse(
                entries.containsKey(".casebook-output"),
                "the output marker stays out: an unpacked copy is not casebook's to replace");
        List<String> site = new ArrayList<>();
        try (var s = Files.walk(out)) {
            s.filter(Files::isRegularFile)
                    .forEach(f -> site.add(out.relativize(f).toString().replace('\\', '/')));
        }
        site.remove(".casebook-output");
        for (String f : site) {
            assertArrayEquals(Files.readAllBytes(out.resolve(f)), entries.get(f), f + " is in the bundle as published");
        }
        // SHA256SUMS: every other entry, in sha256sum's format, with the right digests
        List<String> listed = new ArrayList<>();
        for (String line : new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8).split("\n")) {
            assertTrue(line.matches("[0-9a-f]{64}  \\S.*"), line);
            String name = line.substring(66);
            listed.add(name);
            assertEquals(
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(entries.get(name))),
                    line.substring(0, 64),
                    name);
        }
        List<String> others = new ArrayList<>(names);
        others.remove("SHA256SUMS");
        assertEquals(others, listed);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(Bundle.MARKER, z.getComment());
            for (ZipEntry e : z.stream().toList()) {
                assertEquals(
                        LocalDateTime.of(2025, 3, 1, 0, 0), e.getTimeLocal(), "every entry dated the published month");
            }
        }
        // and sha256sum itself agrees, where the tool exists
        Path unpacked = tmp.resolve("unpacked");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            Path f = unpacked.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        if (Files.isExecutable(Path.of("/usr/bin/sha256sum"))) {
            Process p = new ProcessBuilder("/usr/bin/sha256sum", "--quiet", "-c", "SHA256SUMS")
                    .directory(unpacked.toFile())
                    .redirectErrorStream(true)
                    .start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), said);
        }
    }

    @Test
    void twoBundlesAreByteIdenticalInAnyTimeZone(@TempDir Path tmp) throws IOException {
        Path content = SiteFixture.write(tmp.resolve("content"), CONTENT);
        assertEquals(List.of(), SiteFixture.errors(build(content, tmp.resolve("a/site"), true)));
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(
                    TimeZone.getTimeZone("Asia/Tokyo".equals(zone.getID()) ? "America/New_York" : "Asia/Tokyo"));
            assertEquals(List.of(), SiteFixture.errors(build(content, tmp.resolve("b/site"), true)));
        } finally {
            TimeZone.setDefault(zone);
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/site.zip")), Files.readAllBytes(tmp.resolve("b/site.zip")));
        byte[] first = Files.readAllBytes(tmp.resolve("a/site.zip"));
        assertEquals(
                List.of(),
                SiteFixture.errors(build(content, tmp.resolve("a/site"), true)),
                "its own bundle is replaced");
        assertArrayEquals(first, Files.readAllBytes(tmp.resolve("a/site.zip")));
        try (var s = Files.list(tmp.resolve("a"))) {
            assertEquals(
                    List.of("site", "site.zip"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left");
        }
    }

    @Test
    void aZipCasebookDidNotMakeIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws IOException {
        Path content = SiteFixture.write(tmp.resolve("content"), CONTENT);
        Path zip = tmp.resolve("site.zip");
        // a real zip, without casebook's comment
        try (var z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("report.docx"));
            z.write("someone's work".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        byte[] before = Files.readAllBytes(zip);
        BuildResult r = build(content, tmp.resolve("site"), true);
        List<Diagnostic> errors = SiteFixture.errors(r);
        assertEquals(1, errors.size(), SiteFixture.messages(r));
        assertTrue(
                errors.get(0).message().contains("site.zip exists and was not made by casebook"),
                errors.get(0).message());
        assertArrayEquals(before, Files.readAllBytes(zip));
        assertFalse(Files.exists(tmp.resolve("site")), "refused before anything is built");
        Files.writeString(zip, "not a zip at all");
        r = build(content, tmp.resolve("site"), true);
        assertTrue(SiteFixture.messages(r).contains("is not a zip made by casebook"), SiteFixture.messages(r));
        assertEquals("not a zip at all", Files.readString(zip));
        // without --bundle the zip is none of the build's business
        assertEquals(List.of(), SiteFixture.errors(build(content, tmp.resolve("site"), false)));
        assertEquals("not a zip at all", Files.readString(zip));
    }

    @Test
    void aFileNameThatIsNotAsciiIsRefusedWithASuggestedName(@TempDir Path tmp) throws IOException {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                CONTENT.replace("## 基本情報 {#basic-info}", "![図](図1.png)\n\n## 基本情報 {#basic-info}"));
        Files.write(content.resolve("alpha/図1.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        BuildResult r = Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("site"))
                .withWrite(false));
        List<Diagnostic> errors = SiteFixture.errors(r);
        assertEquals(1, errors.size(), SiteFixture.messages(r));
        String m = errors.get(0).toString();
        assertTrue(m.contains("file name is not ASCII: ja/alpha/図1.png"), m);
        assertTrue(m.contains("alpha/図1.png:"), "reported at the content file: " + m);
        assertEquals(
                content.resolve("alpha/図1.png") + ":1:1: error: file name is not ASCII: ja/alpha/図1.png (a portal needs"
                        + " ASCII file names) (fix: rename it to \"figure-1.png\" and change the link to it at "
                        + content.resolve("alpha/index.ja.md") + ":4:1)",
                m);
    }

    @Test
    void suggestedNamesAreAscii() {
        assertEquals("report-2024.pdf", AsciiNames.suggest("report 2024.pdf"));
        assertEquals("cafe.png", AsciiNames.suggest("café.png"));
        assertEquals("ABC1.csv", AsciiNames.suggest("ＡＢＣ１.csv"));
        assertEquals("figure-2.png", AsciiNames.suggest("figure（図）2.png"));
        assertEquals("document.pdf", AsciiNames.suggest("資料.pdf"));
        assertEquals("figure-1.png", AsciiNames.suggest("図１.png"));
        assertEquals("table-3-photo-2.jpg", AsciiNames.suggest("表3写真2.jpg"));
        assertEquals("reference-1.pdf", AsciiNames.suggest("参考資料1.pdf"));
        // letters the table has no reading for: a short hash keeps two such names apart
        String s = AsciiNames.suggest("川口市の図1.png");
        assertTrue(s.matches("figure-1-[0-9a-f]{6}\\.png"), s);
        assertFalse(s.equals(AsciiNames.suggest("蓮田市の図1.png")));
        // no word of the table: the old scheme
        s = AsciiNames.suggest("議事録.pdf");
        assertTrue(s.matches("file-[0-9a-f]{6}\\.pdf"), s);
        assertTrue(AsciiNames.isAscii(AsciiNames.suggest("川口市の図・その1.png")));
        assertFalse(AsciiNames.isAscii("a/図.png"));
        assertTrue(AsciiNames.isAscii("ja/index.html"));
    }

    @Test
    void checkEnforcesThePageWeightBudget(@TempDir Path tmp) throws IOException {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                CONTENT.replace("published: 2025-03", "published: 2025-03\npage_budget_kb: 20"));
        BuildResult r = Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("site"))
                .withWrite(false));
        List<Diagnostic> errors = SiteFixture.errors(r);
        assertFalse(errors.isEmpty(), "the pages with the stylesheet weigh more than 20 KB");
        String m = errors.stream()
                .map(Diagnostic::toString)
                .filter(x -> x.contains("ja/alpha/index.html weighs"))
                .findFirst()
                .orElse("");
        assertTrue(m.contains("over the page budget of 20 KB") && m.contains("assets/style.css"), m);
        assertTrue(
                m.startsWith(content.resolve("alpha/index.ja.md").toString()), "reported at the page's Markdown: " + m);
        Path big = SiteFixture.write(tmp.resolve("big"), CONTENT);
        BuildResult ok = Build.run(BuildOptions.defaults()
                .withContent(big)
                .withOut(tmp.resolve("site2"))
                .withWrite(false));
        assertEquals(List.of(), SiteFixture.errors(ok), "under the default 500 KB");
        Path wrong = SiteFixture.write(
                tmp.resolve("wrong"),
                CONTENT.replace("published: 2025-03", "published: 2025-03\npage_budget_kb: lots"));
        BuildResult bad = Build.run(BuildOptions.defaults()
                .withContent(wrong)
                .withOut(tmp.resolve("site3"))
                .withWrite(false));
        assertTrue(
                SiteFixture.messages(bad).contains("page_budget_kb must be a positive whole number"),
                SiteFixture.messages(bad));
    }

    @Test
    void pageWeightCountsTheFilesAPageLoadsOnce() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                "ja/a/index.html",
                ("<link rel=\"stylesheet\" href=\"../../assets/style.css\"><script src=\"../../assets/x.js\"></script>"
                                + "<img src=\"p.png\"><img src=\"p.png\"><a href=\"../b/index.html\">b</a><a href=\"doc.pdf\">d</a>")
                        .getBytes(StandardCharsets.UTF_8));
        files.put("ja/b/index.html", "<p>b</p>".getBytes(StandardCharsets.UTF_8));
        files.put("assets/style.css", new byte[1000]);
        files.put("assets/x.js", new byte[100]);
        files.put("ja/a/p.png", new byte[5000]);
        files.put("ja/a/doc.pdf", new byte[99999]);
        List<PageWeights.Weight> w = PageWeights.of(files.keySet(), files::get, p -> files.get(p).length);
        assertEquals("ja/a/index.html", w.get(0).page(), "largest first");
        assertEquals(
                6100,
                w.get(0).assets(),
                "stylesheet, script and the picture once; links to a page and a PDF are not loaded");
        assertEquals(
                List.of("assets/style.css", "assets/x.js", "ja/a/p.png"),
                w.get(0).loads());
        assertEquals(0, w.get(1).assets());
        String report = PageWeights.report(w, 5);
        assertTrue(report.contains(w.get(0).total() + "\t") && report.contains("OVER BUDGET"), report);
    }
}
