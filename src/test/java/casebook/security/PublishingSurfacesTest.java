package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.booklet.BookletFont;
import casebook.diag.Diagnostic;
import casebook.output.OutputTree;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.publish.Bundle;
import casebook.publish.Csv;
import casebook.search.Searcher;
import casebook.testing.SiteFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

/**
 * The publishing outputs added after issue 13, attacked with one hostile collection (titles, labels, notes,
 * descriptions, headings, glossary terms and readings full of markup, quotes, formulas and line separators):
 * the open data (CSV formulas, JSON), the comparison page's SVG charts, the data page, meta and Open Graph
 * tags, the search index, the PDF booklet (link annotations, bookmarks, metadata, a code span), the portal
 * bundle, and language codes, which name output folders. Each case parses what was published (jsoup, Jackson,
 * PDFBox, a CSV reader), never searches strings where a parser can say what a reader's program sees.
 */
class PublishingSurfacesTest {
    @TempDir
    static Path dir;

    static Path out;
    static BuildResult result;
    static boolean pdf;

    static final String TITLE = "=HYPERLINK(\"http://evil.example/\",\"click\")<img src=x onerror=alert(6)>\u2028'x";
    static final String LABEL = "@SUM(1+1)*cmd|' /C calc'!A0";
    static final String DESCRIPTION = "\"><script>alert(7)</script> ' onmouseover=alert(8) ";
    static final String BETA = "+ベータ</title><script>alert(13)</script>";
    static final String TERM = "悪<img src=x onerror=alert(2)>";
    static final String TERM_EN = "Evil\"><svg onload=alert(4)>";
    static final String DEFINITION = "定義</dd><script>alert(5)</script> \\ '\"";

    /** YAML's double-quoted form of a string. */
    static String yaml(String s) {
        return "\""
                + s.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\u2028", "\\L")
                        .replace("\t", "\\t")
                        .replace("\r", "\\r")
                + "\"";
    }

    @BeforeAll
    static void build() {
        pdf = BookletFont.find(null) != null;
        Path content = SiteFixture.write(
                dir.resolve("content"),
                """
                -- site.yaml --
                title: {ja: "テスト<script>alert(1)</script>\\"'", en: "Test </script><img src=x onerror=alert(1)> \\"q\\""}
                languages: [ja, en]
                default_language: ja
                publisher: {ja: "=cmd|' /C calc'!A0", en: "+Publisher\\"<b>"}
                published: 2025-03
                order: [alpha, beta]
                """ + (pdf ? "pdf: booklet\n" : "")
                        + """
                -- glossary.yaml --
                - id: evil
                  ja: %s
                  reading: { ja: "\\"><script>alert(3)</script>" }
                  en: %s
                  definition:
                    ja: %s
                    en: %s
                -- alpha/index.ja.md --
                ---
                title: %s
                label: %s
                description: %s
                ---
                本文 &lt;img src=x onerror=alert(9)&gt; テキスト &lt;/script&gt; \\\\ 悪です。

                [ウェブ](https://example.org/a?b=1) [メール](mailto:a@example.org) [電話](tel:+81-3-0000-0000)
                [ベータ](../beta/) [用語](../glossary/#evil)

                ## 見出し&quot;&gt;&lt;img src=x onerror=alert(10)&gt; {#h1}

                :::keypoint
                要点&quot;&gt;&lt;script&gt;alert(12)&lt;/script&gt; "'

                - 点 &lt;b&gt;
                :::

                ## 基本情報 {#basic-info}

                :::basic-info
                :::
                -- alpha/index.en.md --
                ---
                title: %s
                description: %s
                ---
                Text &lt;img src=x onerror=alert(9)&gt; Evil.

                ## Heading&quot;&gt;&lt;img src=x onerror=alert(10)&gt; {#h1}

                :::keypoint
                Point&quot;&gt;

                - point
                :::

                ## Basic information {#basic-info}

                :::basic-info
                :::
                -- alpha/data.yaml --
                category: prefecture
                basic_info:
                  - item: population
                    value: 1000000
                    unit: people
                    as_of: 2024-10-01
                    note:
                      ja: "=1+1"
                      en: "-2+3+cmd|' /C calc'!A0"
                  - item: inpatients
                    value: 12
                    unit: people
                    note: "\\t=evil;=2+2"
                  - item: hospitals
                    value: 2
                  - item: beds
                    value: 3
                    note: "\\r@x"
                -- beta/index.ja.md --
                ---
                title: %s
                ---
                ## 基本情報 {#basic-info}

                :::basic-info
                :::
                -- beta/data.yaml --
                category: general-city
                basic_info:
                  - item: population
                    value: 5000
                    unit: people
                """.formatted(
                                        yaml(TERM),
                                        yaml(TERM_EN),
                                        yaml(DEFINITION),
                                        yaml(DEFINITION),
                                        yaml(TITLE),
                                        yaml(LABEL),
                                        yaml(DESCRIPTION),
                                        yaml(TITLE),
                                        yaml(DESCRIPTION),
                                        yaml(BETA)));
        out = dir.resolve("site");
        result = Build.run(
                BuildOptions.defaults().withContent(content).withOut(out).withBundle(true));
        assertTrue(result.published(), () -> SiteFixture.messages(result));
    }

    // ---------------------------------------------------------------- open data

    /** RFC 4180, as a spreadsheet splits a file: quoted fields, doubled quotes, CRLF rows. */
    static List<List<String>> csv(Path file) {
        String t = SiteFixture.read(file);
        assertTrue(t.startsWith("\uFEFF"));
        t = t.substring(1);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < t.length() && t.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a spreadsheet would run: a cell starting with = + - @ or a tab or line break before one of them. */
    static boolean formula(String cell) {
        String s = cell.stripLeading();
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
    }

    @Test
    void noCsvCellOfTheOpenDataIsAFormulaAndTheJsonKeepsEveryTextAsWritten() {
        for (String id : List.of("basic-info", "comparison")) {
            List<List<String>> rows = csv(out.resolve("data/" + id + ".csv"));
            JsonNode records = json(out.resolve("data/" + id + ".json")).get("records");
            List<String> header = rows.get(0);
            assertEquals(records.size(), rows.size() - 1, id);
            for (int r = 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                assertEquals(header.size(), row.size(), id + " row " + r + ": one cell per field, none split");
                JsonNode rec = records.get(r - 1);
                for (int c = 0; c < row.size(); c++) {
                    String cell = row.get(c);
                    JsonNode v = rec.get(header.get(c));
                    String where = id + ".csv row " + r + " " + header.get(c) + ": " + cell;
                    assertFalse(formula(cell) || cell.startsWith("\t") || cell.startsWith("\r"), where);
                    if (v.isNumber()) {
                        assertEquals(v.asText(), cell, where + ": a number stays a number");
                    } else if (v.isTextual() && !v.asText().isEmpty()) {
                        char first = v.asText().charAt(0);
                        boolean plain = Character.isLetterOrDigit(first) || "（(「『【\"“".indexOf(first) >= 0;
                        assertEquals(plain ? v.asText() : "'" + v.asText(), cell, where);
                    }
                }
            }
        }
        JsonNode alpha =
                json(out.resolve("data/basic-info.json")).get("records").get(0);
        assertEquals(TITLE, alpha.get("case_ja").asText(), "the JSON holds the title as written");
        assertEquals("=1+1", alpha.get("note_ja").asText());
        JsonNode second =
                json(out.resolve("data/basic-info.json")).get("records").get(1);
        assertEquals("\t=evil;=2+2", second.get("note_ja").asText());
        List<String> first = csv(out.resolve("data/basic-info.csv")).get(1);
        assertEquals("'" + TITLE, first.get(1), "the title is text in a spreadsheet, not a HYPERLINK formula");
        assertEquals(
                "'=1+1",
                first.get(csv(out.resolve("data/basic-info.csv")).get(0).indexOf("note_ja")));
        assertTrue(
                SiteFixture.read(out.resolve("data/basic-info.csv")).contains("\"'\t=evil;=2+2\""),
                "a cell holding a tab or semicolon is quoted, so no spreadsheet starts a cell inside it");
    }

    @Test
    void theCsvRuleKeepsNumbersNumbersAndPrefixesEveryTextThatDoesNotStartWithALetterDigitOrOpeningMark() {
        List<Object> cells = List.of(
                "=1+1",
                "+1",
                "-1",
                "@A1",
                "\t=1",
                "\r=1",
                "\n=1",
                " =1",
                "＝1+1",
                "＋1",
                "－1",
                "＠x",
                "|cmd",
                "'x",
                "※1",
                "abc",
                "東京",
                "１２",
                "123",
                "（注）",
                "「引用」",
                "\"q\"",
                "2024-10-01",
                // added by the second audit: an invisible or non-ASCII space before the formula, a formula on a
                // cell's second line (one quoted cell: no spreadsheet starts a cell there), a letter-like mark
                "\u3000=1+1",
                "\u00a0=1+1",
                "\ufeff=1+1",
                "\u200b=1+1",
                "x\r\n=1+1",
                "ー=1",
                -5L,
                new BigDecimal("-1.5"),
                7);
        Path tmp = dir.resolve("rule.csv");
        try {
            Files.write(tmp, Csv.write(List.of("h"), List.of(cells)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> row = csv(tmp).get(1);
        assertEquals(
                List.of(
                        "'=1+1",
                        "'+1",
                        "'-1",
                        "'@A1",
                        "'\t=1",
                        "'\r=1",
                        "'\n=1",
                        "' =1",
                        "'＝1+1",
                        "'＋1",
                        "'－1",
                        "'＠x",
                        "'|cmd",
                        "''x",
                        "'※1",
                        "abc",
                        "東京",
                        "１２",
                        "123",
                        "（注）",
                        "「引用」",
                        "\"q\"",
                        "2024-10-01",
                        "'\u3000=1+1",
                        "'\u00a0=1+1",
                        "'\ufeff=1+1",
                        "'\u200b=1+1",
                        "x\r\n=1+1",
                        "ー=1",
                        "-5",
                        "-1.5",
                        "7"),
                row);
    }

    @Test
    void theDataPageTheComparisonAndItsChartsShowTheHostileTextAsText() throws IOException {
        PublishedHtml.assertNothingScriptCapable(out);
        Document compare = Jsoup.parse(out.resolve("ja/compare/index.html").toFile(), "UTF-8");
        assertFalse(compare.select("svg.chart").isEmpty());
        for (Element svg : compare.select("svg.chart")) {
            assertEquals(
                    Set.of("title", "desc", "line", "g", "text", "rect", "tspan"),
                    svg.select("*").stream().skip(1).map(Element::tagName).collect(Collectors.toSet()),
                    "a chart holds only its own drawing");
            String labels =
                    svg.select("text.chart__label").stream().map(Element::text).collect(Collectors.joining(""));
            assertTrue(
                    labels.replaceAll("[\\s\u2028]", "").contains(TITLE.replaceAll("[\\s\u2028]", "")),
                    "the label is the title, as text: " + labels);
            assertTrue(svg.selectFirst("desc").text().contains("onerror=alert(6)>"), "and so is the description");
            for (Element v : svg.select("text.chart__value")) {
                assertTrue(v.ownText().matches("[0-9][0-9.,]*"), "values are numbers: " + v.text());
            }
        }
        Document data = Jsoup.parse(out.resolve("ja/data/index.html").toFile(), "UTF-8");
        assertTrue(data.text().contains("=cmd|' /C calc'!A0"), "the publisher is shown as written, as text");
        assertTrue(
                data.select("body img, body script, [onload], [onerror]").isEmpty(), "no element came from the text");
    }

    // ---------------------------------------------------------------- meta, Open Graph, glossary

    @Test
    void metaDescriptionOpenGraphTitleAndGlossaryHoldTheTextAsAttributeValuesAndText() throws IOException {
        for (String lang : List.of("ja", "en")) {
            Document page = Jsoup.parse(out.resolve(lang + "/alpha/index.html").toFile(), "UTF-8");
            assertEquals(
                    DESCRIPTION.strip(),
                    page.selectFirst("meta[name=description]").attr("content"),
                    lang);
            assertEquals(
                    DESCRIPTION.strip(),
                    page.selectFirst("meta[property=og:description]").attr("content"));
            assertTrue(
                    page.selectFirst("meta[property=og:title]").attr("content").startsWith(TITLE.substring(0, 40)));
            assertTrue(page.title().startsWith(TITLE.substring(0, 40)), page.title());
            for (Element script : page.select("script")) {
                assertTrue(
                        script.attr("src").matches("(\\.\\./)+assets/[a-z]+\\.js"),
                        "only the theme's scripts: " + script);
            }
            for (Element meta : page.select("head meta")) {
                assertEquals(
                        Set.of(),
                        meta.attributes().asList().stream()
                                .map(a -> a.getKey())
                                .filter(k -> !Set.of("name", "property", "content", "charset")
                                        .contains(k))
                                .collect(Collectors.toSet()),
                        "no attribute broke out of a meta tag: " + meta);
            }
        }
        Document glossary = Jsoup.parse(out.resolve("ja/glossary/index.html").toFile(), "UTF-8");
        assertEquals(TERM, glossary.selectFirst("dt#evil dfn").text());
        assertEquals(TERM_EN, glossary.selectFirst("dt#evil .glossary__other").text());
        assertEquals(DEFINITION.strip(), glossary.selectFirst("dt#evil + dd").text());
    }

    // ---------------------------------------------------------------- the search index

    @Test
    void theSearchIndexIsInertJavaScriptThatReadsBackAsWritten() throws IOException {
        for (String lang : List.of("ja", "en")) {
            Path search = out.resolve(lang + "/search");
            try (Stream<Path> s = Files.walk(search)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".js")).toList()) {
                    String js = SiteFixture.read(f);
                    for (String bad : List.of("<", ">", "\u2028", "\u2029", "\r")) {
                        assertFalse(js.contains(bad), f + " holds " + bad.codePointAt(0));
                    }
                    assertTrue(js.startsWith("casebookSearch.") && js.endsWith(");\n"), "one call: " + f);
                }
            }
            Searcher searcher = new Searcher(p -> {
                try {
                    return Files.readAllBytes(search.resolve(p));
                } catch (IOException e) {
                    return null;
                }
            });
            List<Searcher.Result> found = searcher.search("hyperlink");
            assertFalse(found.isEmpty(), lang);
            assertEquals(TITLE, found.get(0).title(), "the title reads back exactly, markup and all, as text");
            assertEquals("alpha/index.html", found.get(0).url(), "a result links only to a page of the site");
        }
    }

    @Test
    void aLoneSurrogateFromAYamlEscapeLeavesEveryFileValidUtf8(@TempDir Path tmp) throws IOException {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML
                        + "order: [a]\n-- a/index.ja.md --\n---\ntitle: \"孤立\\ud800サロゲート\"\n---\n本文\n");
        BuildResult r = SiteFixture.build(content, tmp.resolve("site"));
        assertTrue(r.published(), () -> SiteFixture.messages(r));
        try (Stream<Path> s = Files.walk(tmp.resolve("site"))) {
            for (Path f : s.filter(p -> p.toString().matches(".*\\.(html|js|json|csv)"))
                    .toList()) {
                try {
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(Files.readAllBytes(f)));
                } catch (CharacterCodingException e) {
                    throw new AssertionError(f + " is not valid UTF-8", e);
                }
            }
        }
        String js = SiteFixture.read(tmp.resolve("site/ja/search/index.js"));
        assertTrue(js.contains("孤立?サロゲート"), "written as ?, the encoder's replacement, inside a valid string");
    }

    // ---------------------------------------------------------------- the PDF booklet

    @Test
    void theBookletsLinksAreOnlyWebLinksAndJumpsInsideAndItsMetadataIsText() throws IOException {
        Assumptions.assumeTrue(pdf, "no TrueType Japanese font: " + BookletFont.INSTALL);
        for (String lang : List.of("ja", "en")) {
            Path file = out.resolve(lang + "/booklet.pdf");
            assertTrue(Files.isRegularFile(file), SiteFixture.messages(result));
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                assertNull(
                        doc.getDocumentCatalog().getNames() == null
                                ? null
                                : doc.getDocumentCatalog().getNames().getJavaScript(),
                        "no document JavaScript");
                assertNull(
                        doc.getDocumentCatalog().getOpenAction() instanceof PDAction a ? a : null,
                        "no action on opening");
                Set<String> uris = new TreeSet<>();
                int jumps = 0;
                for (PDPage page : doc.getPages()) {
                    for (PDAnnotation an : page.getAnnotations()) {
                        if (!(an instanceof PDAnnotationLink link)) {
                            continue;
                        }
                        PDAction action = link.getAction();
                        if (action == null) {
                            assertNotNull(link.getDestination(), "a link without an action jumps inside");
                            jumps++;
                        } else if (action instanceof PDActionURI uri) {
                            uris.add(uri.getURI());
                        } else {
                            assertTrue(
                                    action instanceof PDActionGoTo, "only web links and jumps: " + action.getSubType());
                            jumps++;
                        }
                    }
                }
                for (String u : uris) {
                    assertTrue(u.matches("(?i)(https?://|mailto:|tel:).*"), "allowed scheme: " + u);
                }
                if ("ja".equals(lang)) {
                    assertTrue(uris.contains("https://example.org/a?b=1"), uris.toString());
                    assertTrue(uris.contains("mailto:a@example.org"), uris.toString());
                    assertTrue(jumps > 0, "links between pages and to the glossary jump inside the booklet");
                }
                String title = doc.getDocumentInformation().getTitle();
                assertNotNull(title);
                assertTrue(
                        title.contains("<script>alert(1)</script>") || title.contains("</script>"),
                        "the metadata title is the site title as text: " + title);
                try (var xmp = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                    var f = DocumentBuilderFactory.newDefaultInstance();
                    f.setNamespaceAware(true);
                    assertNotNull(f.newDocumentBuilder().parse(xmp), "the XMP metadata is well-formed XML");
                } catch (ParserConfigurationException | SAXException e) {
                    throw new AssertionError("the XMP metadata does not parse", e);
                }
                List<String> marks = new ArrayList<>();
                if (doc.getDocumentCatalog().getDocumentOutline() != null) {
                    for (PDOutlineItem i :
                            doc.getDocumentCatalog().getDocumentOutline().children()) {
                        marks.add(i.getTitle());
                    }
                }
                if ("ja".equals(lang)) {
                    assertTrue(
                            marks.stream().anyMatch(m -> m.contains(TITLE.substring(0, 30))),
                            "the bookmark is the title as text: " + marks);
                }
            }
        }
    }

    @Test
    void aCodeSpanOrCodeBlockDoesNotStopTheBooklet(@TempDir Path tmp) throws IOException {
        Assumptions.assumeTrue(pdf, "no TrueType Japanese font: " + BookletFont.INSTALL);
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML
                        + "pdf: book\norder: [a]\n-- a/index.ja.md --\n---\ntitle: 事例\n---\n"
                        + "本文 `<img src=x onerror=alert(11)>` です。\n\n```\nコード <b>\n```\n\n<kbd>Ctrl</kbd> <samp>x</samp>\n");
        BuildResult r = SiteFixture.build(content, tmp.resolve("site"));
        assertEquals(List.of(), SiteFixture.errors(r), SiteFixture.messages(r));
        try (PDDocument doc = Loader.loadPDF(tmp.resolve("site/ja/book.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("<img src=x onerror=alert(11)>"), "the code is set as text: " + text);
        }
    }

    @Test
    void aPdfFontThatIsNotAFontIsOneErrorAtTheFileWithoutAStackTrace(@TempDir Path tmp) throws IOException {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML
                        + "order: [a]\n-- a/index.ja.md --\n---\ntitle: 事例\n---\n本文\n");
        byte[] random = new byte[5000];
        new Random(13).nextBytes(random);
        Path text = Files.writeString(tmp.resolve("notes.ttf"), "not a font");
        Path noise = Files.write(tmp.resolve("noise.ttf"), random);
        Path truncated = Files.write(tmp.resolve("short.ttf"), new byte[] {0, 1, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0});
        Path folder = Files.createDirectories(tmp.resolve("fonts.ttf"));
        for (Path font : List.of(text, noise, truncated, folder)) {
            BuildResult r = Build.run(BuildOptions.defaults()
                    .withContent(content)
                    .withOut(tmp.resolve("site-" + font.getFileName()))
                    .withPdf(new BuildOptions.Pdf(true, font)));
            List<Diagnostic> errors = SiteFixture.errors(r);
            assertEquals(1, errors.size(), SiteFixture.messages(r));
            assertTrue(
                    errors.get(0).message().startsWith("cannot set the PDF booklets in this font: "),
                    errors.toString());
            assertTrue(errors.get(0).toString().contains(font.getFileName() + ":1:1: error:"), errors.toString());
            assertFalse(SiteFixture.messages(r).contains("\tat "), "no stack trace");
            assertFalse(r.published());
        }
    }

    // ---------------------------------------------------------------- the bundle

    @Test
    void theBundleHoldsExactlyThePublishedFilesUnderPlainNames() throws IOException {
        Path zip = Bundle.pathFor(out);
        List<String> entries = Bundle.entries(zip);
        Set<String> site = new TreeSet<>(Bundle.files(out).keySet());
        Set<String> expected = new TreeSet<>(site);
        expected.add("SHA256SUMS");
        expected.add("PAGE-WEIGHT.txt");
        assertEquals(expected, new TreeSet<>(entries));
        for (String e : entries) {
            assertTrue(e.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") && !e.contains(".."), "a plain name: " + e);
        }
    }

    @Test
    void aBundleNeverTakesSymbolicLinksOrFilesOutsideTheFolder(@TempDir Path tmp) throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site/ja"));
        Files.writeString(site.resolve("index.html"), "<p>x</p>");
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(tmp.resolve("elsewhere/other.txt"), "other");
        Files.createSymbolicLink(site.resolve("link.txt"), outside);
        Files.createSymbolicLink(site.resolve("dir"), tmp.resolve("elsewhere"));
        Path zip = tmp.resolve("site.zip");
        Bundle.write(tmp.resolve("site"), zip, Map.of(), LocalDateTime.of(2025, 3, 1, 0, 0));
        assertEquals(List.of("SHA256SUMS", "ja/index.html"), Bundle.entries(zip));
    }

    // ---------------------------------------------------------------- language codes and output paths

    @Test
    void aLanguageCodeThatIsNotACodeIsAnErrorAtItsValueAndNamesNoFolderOrFile(@TempDir Path tmp) throws IOException {
        Path content = SiteFixture.write(tmp.resolve("content"), """
                -- site.yaml --
                title: {ja: T, en: T}
                languages: [ja, "../../escaped", "e\\"><img src=x onerror=alert(1)>"]
                default_language: ja
                publisher: {ja: P}
                published: 2025-03
                -- a/index.ja.md --
                ---
                title: A
                ---
                本文。
                """);
        Path siteOut = tmp.resolve("a/b/site");
        Files.createDirectories(siteOut.getParent());
        BuildResult r = SiteFixture.build(content, siteOut);
        List<Diagnostic> errors = SiteFixture.errors(r);
        List<String> bad = errors.stream()
                .filter(d -> d.message().contains("is not a language code"))
                .map(d -> d.at().line() + ":" + d.at().column())
                .toList();
        assertEquals(List.of("2:17", "2:34"), bad, SiteFixture.messages(r));
        assertFalse(Files.exists(tmp.resolve("a/escaped")), "nothing is written outside the output");
        assertFalse(Files.exists(tmp.resolve("escaped")));
        try (Stream<Path> s = Files.walk(tmp)) {
            List<String> stray = s.filter(Files::isRegularFile)
                    .map(p -> tmp.relativize(p).toString())
                    .filter(p -> !p.startsWith("content/") && !p.startsWith("a/b/site"))
                    .toList();
            assertEquals(List.of(), stray, "no file beside the content and the output");
        }
        assertTrue(
                SiteFixture.messages(r).lines().noneMatch(l -> l.contains("escaped.yaml")),
                "no theme file is looked for outside the theme");
    }

    @Test
    void theOutputTreeTakesOnlyPathsInsideTheOutput(@TempDir Path tmp) {
        OutputTree tree = new OutputTree(tmp.resolve("stage"));
        for (String p :
                List.of("../x.html", "a/../../x.html", "/etc/x", "a//b", "a/./b", "", "a\\..\\..\\x", "C:/x", "a/")) {
            assertThrows(IllegalArgumentException.class, () -> tree.put(p, "x"), p);
        }
        tree.put("ja/a/index.html", "ok");
        tree.put(".casebook-output", "ok");
        assertEquals(Set.of("ja/a/index.html", ".casebook-output"), new HashSet<>(tree.paths()));
        assertFalse(Files.exists(tmp.resolve("x.html")));
    }
}
