package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.booklet.Booklet;
import casebook.booklet.BookletFont;
import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF booklets of the real collection, read back with PDFBox: the Japanese one holds every piece of the source
 * publication's text (the test the HTML passes, {@link SourceFidelityTest}), its fonts are embedded as subsets, it is
 * tagged with its language and title and has a bookmark per page and section, two builds give the same bytes, every
 * page links it with its size; and a machine without the font still builds the site, saying once what to install.
 * Needs a TrueType Japanese font (.ci/run installs fonts-morisawa-bizud-gothic): skipped without one, failed in CI.
 */
class BookletTest {
    @TempDir
    static Path shared;

    static Path site;
    static BuildResult built;
    /** What the collection holds, read from content/ (site.yaml, front matter), not from casebook's loaders. */
    static CollectionChecks collection;
    /** The booklet's file name, from site.yaml's {@code pdf}. */
    static String name;

    @BeforeAll
    static void buildTheRealCollection() {
        boolean font = BookletFont.find(null) != null;
        if (!font && System.getenv("CI") != null) {
            throw new IllegalStateException(
                    "the PDF booklet tests need a TrueType Japanese font in CI: " + BookletFont.INSTALL);
        }
        Assumptions.assumeTrue(font, "no TrueType Japanese font: " + BookletFont.INSTALL);
        site = shared.resolve("site");
        collection = new CollectionChecks(Path.of("content"), site);
        built = collection.result;
        name = collection.siteYaml.get("pdf") + ".pdf";
    }

    /** The pages of a language's booklet, in reading order: every page written in it but the about pages. */
    private static List<CollectionChecks.Source> chapters(String lang) {
        return collection.pages.stream().filter(p -> p.in(lang) && !p.about()).toList();
    }

    private static String title(CollectionChecks.Source p, String lang) {
        return String.valueOf(p.frontMatter().get(lang).get("title"));
    }

    private static PDDocument open(String lang) throws IOException {
        return Loader.loadPDF(site.resolve(lang).resolve(name).toFile());
    }

    /**
     * The text in the order of the PDF's structure tree (its tags), as assistive technology and a tagged copy read it:
     * every marked-content sequence a structure element points to, depth first. Running heads and page numbers are
     * artifacts, outside the tree, so they are not part of it.
     */
    static String taggedText(PDDocument doc) throws IOException {
        Map<PDPage, Map<Integer, String>> byPage = new HashMap<>();
        for (PDPage page : doc.getPages()) {
            PDFMarkedContentExtractor ext = new PDFMarkedContentExtractor();
            ext.processPage(page);
            Map<Integer, String> m = new HashMap<>();
            for (PDMarkedContent mc : ext.getMarkedContents()) {
                collect(mc, page, m);
            }
            byPage.put(page, m);
        }
        StringBuilder out = new StringBuilder();
        for (Object kid : doc.getDocumentCatalog().getStructureTreeRoot().getKids()) {
            walk(kid, null, byPage, out);
        }
        return out.toString();
    }

    private static void collect(PDMarkedContent mc, PDPage page, Map<Integer, String> m) {
        StringBuilder text = new StringBuilder();
        for (Object o : mc.getContents()) {
            if (o instanceof TextPosition t) {
                text.append(t.getUnicode());
            } else if (o instanceof PDMarkedContent inner) {
                collect(inner, page, m);
            }
        }
        int mcid = mc.getMCID();
        if (mcid < 0 && mc.getTag() != null) {
            // openhtmltopdf names each sequence's properties (BDC /Tag /PropN): the MCID is in the page's /Properties
            var props = page.getResources().getProperties(COSName.getPDFName(mc.getTag()));
            if (props != null) {
                mcid = props.getCOSObject().getInt(COSName.MCID, -1);
            }
        }
        if (mcid >= 0) {
            m.merge(mcid, text.toString(), String::concat);
        }
    }

    private static void walk(Object node, PDPage page, Map<PDPage, Map<Integer, String>> byPage, StringBuilder out) {
        if (node instanceof PDStructureElement e) {
            PDPage p = e.getPage() != null ? e.getPage() : page;
            for (Object kid : e.getKids()) {
                walk(kid, p, byPage, out);
            }
            out.append('\n');
        } else if (node instanceof Integer mcid && page != null) {
            out.append(byPage.getOrDefault(page, Map.of()).getOrDefault(mcid, ""));
        } else if (node instanceof PDMarkedContentReference r) {
            PDPage p = r.getPage() != null ? r.getPage() : page;
            out.append(byPage.getOrDefault(p, Map.of()).getOrDefault(r.getMCID(), ""));
        }
    }

    /**
     * The text of every structure element that states a language other than {@code lang} (/Lang), depth first: the
     * runs of the other language as assistive technology would switch voice for them.
     */
    static List<String> otherLanguageRuns(PDDocument doc, String lang) throws IOException {
        Map<PDPage, Map<Integer, String>> byPage = new HashMap<>();
        for (PDPage page : doc.getPages()) {
            PDFMarkedContentExtractor ext = new PDFMarkedContentExtractor();
            ext.processPage(page);
            Map<Integer, String> m = new HashMap<>();
            for (PDMarkedContent mc : ext.getMarkedContents()) {
                collect(mc, page, m);
            }
            byPage.put(page, m);
        }
        List<String> runs = new ArrayList<>();
        for (Object kid : doc.getDocumentCatalog().getStructureTreeRoot().getKids()) {
            otherLanguage(kid, null, lang, byPage, runs);
        }
        return runs;
    }

    private static void otherLanguage(
            Object node, PDPage page, String lang, Map<PDPage, Map<Integer, String>> byPage, List<String> runs) {
        if (!(node instanceof PDStructureElement e)) {
            return;
        }
        PDPage p = e.getPage() != null ? e.getPage() : page;
        if (e.getLanguage() != null && !e.getLanguage().equals(lang)) {
            StringBuilder text = new StringBuilder();
            walk(e, p, byPage, text);
            runs.add(text.toString().strip());
        }
        for (Object kid : e.getKids()) {
            otherLanguage(kid, p, lang, byPage, runs);
        }
    }

    @Test
    void everyGlossaryTermOfTheOtherLanguageIsTaggedWithItsLanguage() throws IOException {
        // the glossary gives each term in the other language (lang on the web page): the PDF's tags say so too, in
        // both booklets (the engine tagged a run that ends its block in the surrounding language)
        for (String lang : List.of("ja", "en")) {
            Document glossary =
                    Jsoup.parse(site.resolve(lang + "/glossary/index.html").toFile(), "UTF-8");
            List<Element> terms = glossary.select("main .glossary__other[lang]");
            assertFalse(terms.isEmpty(), lang + ": the glossary gives the other language's terms");
            try (PDDocument doc = open(lang)) {
                // a term that wraps is tagged line by line: the runs in reading order, joined
                StringBuilder tagged = new StringBuilder();
                for (String run : otherLanguageRuns(doc, lang)) {
                    tagged.append(squeeze(run)).append('|');
                }
                String joined = tagged.toString().replace("|", "");
                for (Element t : terms) {
                    assertTrue(
                            joined.contains(squeeze(t.text())),
                            lang + ": the term " + t.text() + " is tagged " + t.attr("lang") + "; tagged runs: "
                                    + tagged);
                }
            }
        }
    }

    @Test
    void theJapaneseBookletHoldsEveryPieceOfTheSourceText() throws IOException {
        try (PDDocument doc = open("ja")) {
            assertEquals(
                    List.of(),
                    SourceFidelityTest.missingIn(taggedText(doc)),
                    "source text missing from the Japanese PDF");
        }
    }

    @Test
    void theBuildReportsNoMissingGlyphAndNothingElse() {
        List<Diagnostic> glyphs = built.diagnostics().kept().stream()
                .filter(d -> d.message().contains("glyph"))
                .toList();
        assertEquals(List.of(), glyphs, "every character of the content is in the font");
    }

    @Test
    void fontsAreEmbeddedAsSubsetsAndTheTextIsTaggedWithLanguageAndTitle() throws IOException {
        for (String lang : List.of("ja", "en")) {
            try (PDDocument doc = open(lang)) {
                List<String> fonts = new ArrayList<>();
                for (PDPage page : doc.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont f = page.getResources().getFont(name);
                        assertTrue(f instanceof PDType0Font, f.getName() + " is a CID font");
                        assertTrue(f.isEmbedded(), f.getName() + " is embedded");
                        var descriptor = ((PDType0Font) f).getDescendantFont().getFontDescriptor();
                        assertNotNull(descriptor.getFontFile2(), f.getName() + " is embedded as TrueType (FontFile2)");
                        assertTrue(f.getName().matches("[A-Z]{6}\\+.+"), f.getName() + " is a subset (tagged name)");
                        if (!fonts.contains(f.getName())) {
                            fonts.add(f.getName());
                        }
                    }
                }
                assertFalse(fonts.isEmpty(), lang + ": the text is set in an embedded font");
                var catalog = doc.getDocumentCatalog();
                assertEquals(lang, catalog.getLanguage(), "document language");
                assertTrue(
                        catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(),
                        lang + ": tagged (MarkInfo)");
                assertNotNull(catalog.getStructureTreeRoot(), lang + ": has a structure tree");
                assertTrue(catalog.getViewerPreferences().displayDocTitle(), lang + ": viewers show the title");
                assertTrue(
                        doc.getDocumentInformation().getTitle().contains(collection.pick(collection.title, lang)),
                        doc.getDocumentInformation().getTitle());
                assertEquals(
                        Integer.parseInt(String.valueOf(collection.siteYaml.get("published"))
                                .replaceAll("(?s).*?(\\d{4}).*", "$1")),
                        doc.getDocumentInformation().getCreationDate().get(Calendar.YEAR),
                        "date from published");
                assertEquals(595, Math.round(doc.getPage(0).getMediaBox().getWidth()), "A4 width");
                assertEquals(842, Math.round(doc.getPage(0).getMediaBox().getHeight()), "A4 height");
            }
        }
    }

    @Test
    void bookmarksNameEveryPageAndItsSections() throws IOException {
        for (String lang : List.of("ja", "en")) {
            try (PDDocument doc = open(lang)) {
                var outline = doc.getDocumentCatalog().getDocumentOutline();
                assertNotNull(outline, lang + ": has bookmarks");
                List<String> top = new ArrayList<>();
                int sections = 0;
                for (PDOutlineItem item : outline.children()) {
                    top.add(item.getTitle());
                    for (PDOutlineItem child : item.children()) {
                        sections++;
                        assertNotNull(
                                child.getDestination() != null ? child.getDestination() : child.getAction(),
                                child.getTitle());
                    }
                }
                // the contents, each page in reading order (the about pages are about the website), the glossary
                List<CollectionChecks.Source> chapters = chapters(lang);
                int glossary = collection.glossary.isEmpty() ? 0 : 1;
                assertEquals(1 + chapters.size() + glossary, top.size(), lang + ": " + top);
                for (int i = 0; i < chapters.size(); i++) {
                    String t = title(chapters.get(i), lang);
                    assertTrue(top.get(1 + i).contains(t), lang + ": bookmark " + (1 + i) + " names " + t + ": " + top);
                }
                assertTrue(sections >= chapters.size(), lang + ": a bookmark per section, found " + sections);
            }
        }
    }

    @Test
    void theContentsGiveEachPageItsPageNumberAndLinksAreLive() throws IOException {
        try (PDDocument doc = open("ja")) {
            List<CollectionChecks.Source> chapters = chapters("ja");
            // the contents run on as many pages as they need: read up to the first chapter's page
            String text = GateChecks.bookletContentsNameEveryChapter(
                    doc, chapters.stream().map(p -> title(p, "ja")).toList());
            assertTrue(text.strip().startsWith("目次"), text);
            List<String> web = new ArrayList<>();
            for (PDPage p : doc.getPages()) {
                for (var a : p.getAnnotations()) {
                    if (a instanceof PDAnnotationLink l && l.getAction() instanceof PDActionURI u) {
                        web.add(u.getURI());
                    }
                }
            }
            // the web links of the Japanese pages' text (the top page's introduction and every chapter)
            Set<String> given = new HashSet<>();
            given.addAll(Jsoup.parse(site.resolve("ja/index.html").toFile(), "UTF-8")
                    .select("main a[href^=http]")
                    .eachAttr("href"));
            for (CollectionChecks.Source p : chapters) {
                given.addAll(Jsoup.parse(
                                site.resolve("ja/" + p.slug() + "/index.html").toFile(), "UTF-8")
                        .select("main a[href^=http]")
                        .eachAttr("href"));
            }
            assertEquals(!given.isEmpty(), !web.isEmpty(), "the pages' web links are live in the PDF: " + web);
            for (String u : web) {
                assertTrue(given.contains(u), u + " is a link the pages give: " + given);
            }
        }
    }

    @Test
    void noPageNumberOfTheContentsWrapsOntoALineOfItsOwn() throws IOException {
        // a long entry wraps its title; its leader and its number stay on its last line, at the right
        for (String lang : List.of("ja", "en")) {
            try (PDDocument doc = open(lang)) {
                int entries = 0;
                for (int i = 1; i <= Math.min(3, doc.getNumberOfPages() - 1); i++) {
                    PDFTextStripperByArea strip = new PDFTextStripperByArea();
                    strip.setSortByPosition(true);
                    // above the page number in the bottom margin (20 mm)
                    strip.addRegion("body", new Rectangle2D.Float(0, 0, 595, 842 - 57));
                    strip.extractRegions(doc.getPage(i));
                    List<String> lines = strip.getTextForRegion("body")
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList();
                    List<String> leaders = lines.stream()
                            .filter(l -> l.matches(".*(\\. ?){3,}.*"))
                            .toList();
                    if (leaders.size() < 3) {
                        continue; // not a page of the contents
                    }
                    entries += leaders.size();
                    for (String line : lines) {
                        assertFalse(
                                line.matches("\\d+"),
                                lang + " page " + (i + 1) + ": a page number alone on a line: " + lines);
                        assertFalse(
                                line.matches(".*\\.\\s*\\.\\s*"),
                                lang + " page " + (i + 1) + ": a leader without its number: " + line);
                    }
                    for (String line : leaders) {
                        assertTrue(
                                line.matches(".*\\.\\s*\\d+"),
                                lang + " page " + (i + 1) + ": a leader ends in its page number: " + line);
                    }
                }
                assertTrue(entries >= chapters(lang).size(), lang + ": the contents were read: " + entries);
            }
        }
    }

    @Test
    void everyPageLinksTheBookletOfItsLanguageWithItsSize() throws IOException {
        for (String lang : List.of("ja", "en")) {
            long bytes = Files.size(site.resolve(lang).resolve(name));
            String size = bytes < 1_000_000
                    ? Math.round(bytes / 1000.0) + " KB"
                    : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
            for (String page : List.of(
                    lang + "/index.html",
                    lang + "/" + chapters(lang).get(0).slug() + "/index.html",
                    lang + "/glossary/index.html")) {
                Document d = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
                Element footer = d.selectFirst("footer .pdf-link a[href$=.pdf]");
                assertNotNull(footer, page + ": the footer links the booklet");
                assertEquals(
                        site.resolve(lang).resolve(name).normalize(),
                        site.resolve(page)
                                .getParent()
                                .resolve(footer.attr("href"))
                                .normalize(),
                        page + ": the link's target");
                assertTrue(
                        footer.parent().text().contains(size),
                        page + ": the size " + size + " in " + footer.parent().text());
            }
            Document top = Jsoup.parse(site.resolve(lang + "/index.html").toFile(), "UTF-8");
            assertNotNull(
                    top.selectFirst(".cover .pdf-link a[href=" + name + "]"),
                    lang + ": the top page links it under its title");
            // the pages for readers of every language (the root, 404) link every language's booklet, in its language
            for (String page : List.of("index.html", "404.html")) {
                Element link = Jsoup.parse(site.resolve(page).toFile(), "UTF-8")
                        .selectFirst("footer .pdf-link[lang=" + lang + "] a[hreflang=" + lang + "]");
                assertNotNull(link, page + ": the " + lang + " booklet");
                assertEquals(lang + "/" + name, link.attr("href"), page);
                assertTrue(
                        link.parent().text().contains(size),
                        page + ": " + link.parent().text());
            }
        }
    }

    /**
     * The dialogue turns of the language's pages (the round-table in the real collection, found by its turns in the
     * built pages, not by name): each turn's mark, speaker's name and the start of its words. A collection without
     * a dialogue skips the tests of dialogue, saying so.
     */
    private static List<String[]> turns(String lang) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (CollectionChecks.Source p : chapters(lang)) {
            Document page = Jsoup.parse(
                    site.resolve(lang + "/" + p.slug() + "/index.html").toFile(), "UTF-8");
            for (Element t : page.select(".turn")) {
                String words = t.selectFirst(".turn__text").text();
                out.add(new String[] {
                    t.selectFirst(".speaker-mark").text(),
                    t.selectFirst(".speaker__name").text(),
                    words.substring(0, Math.min(12, words.length()))
                });
            }
        }
        Assumptions.assumeFalse(out.isEmpty(), lang + ": no page of the collection has a dialogue");
        return out;
    }

    /** The pages of the booklet that hold the round-table's turns (those that name the moderator). */
    private static List<Integer> roundTablePages(PDDocument doc, String moderator) throws IOException {
        List<Integer> pages = new ArrayList<>();
        PDFTextStripper strip = new PDFTextStripper();
        for (int i = 1; i <= doc.getNumberOfPages(); i++) {
            strip.setStartPage(i);
            strip.setEndPage(i);
            if (strip.getText(doc).contains(moderator)) {
                pages.add(i);
            }
        }
        assertFalse(pages.isEmpty(), "the round-table's pages name " + moderator);
        return pages;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void eachRoundTableTurnCopiesAsMarkAndSpeakerThenTheWords() throws IOException {
        for (String lang : List.of("ja", "en")) {
            List<String[]> turns = turns(lang);
            try (PDDocument doc = open(lang)) {
                // as a copy from the page gives it (pdftotext: by position), and as the tags give it
                PDFTextStripper strip = new PDFTextStripper();
                strip.setSortByPosition(true);
                for (String text : List.of(squeeze(strip.getText(doc)), squeeze(taggedText(doc)))) {
                    for (String[] t : turns) {
                        String expected = squeeze(t[0] + t[1] + t[2]);
                        assertTrue(
                                text.contains(expected), lang + ": the turn reads as mark, name, words: " + expected);
                    }
                }
            }
        }
    }

    @Test
    void noTextIsDrawnOverOtherTextAndNoRoundTablePageEndsWithASpeakerName() throws IOException {
        for (String lang : List.of("ja", "en")) {
            try (PDDocument doc = open(lang)) {
                for (int n = 1; n <= doc.getNumberOfPages(); n++) {
                    assertEquals(List.of(), overlaps(doc, n), lang + " page " + n + ": glyphs drawn over others");
                }
            }
        }
        for (String lang : List.of("ja", "en")) {
            List<String[]> turns = turns(lang);
            Set<String> nameLines = new HashSet<>();
            for (String[] t : turns) {
                nameLines.add(squeeze(t[0] + t[1]));
            }
            try (PDDocument doc = open(lang)) {
                for (int n : roundTablePages(doc, turns.get(0)[1])) {
                    PDFTextStripper strip = new PDFTextStripper();
                    strip.setSortByPosition(true);
                    strip.setStartPage(n);
                    strip.setEndPage(n);
                    List<String> lines = strip.getText(doc)
                            .lines()
                            .map(BookletTest::squeeze)
                            .filter(l -> !l.isEmpty())
                            .toList();
                    // the last line is the page number: the one before it is never a speaker without words
                    assertFalse(
                            nameLines.contains(lines.get(lines.size() - 2)),
                            lang + " page " + n + " ends with a speaker's name: " + lines.get(lines.size() - 2));
                }
            }
        }
    }

    @Test
    void eachMarkOfTheRoundTableLegendStandsApartFromItsName() throws IOException {
        for (String lang : List.of("ja", "en")) {
            Document page =
                    Jsoup.parse(site.resolve(lang + "/roundtable/index.html").toFile(), "UTF-8");
            // each participant: the mark, then the name it stands before ("MHWC", "HirosawaNoboru(広沢昇)")
            List<String[]> legend = new ArrayList<>();
            for (Element p : page.select(".participant")) {
                legend.add(new String[] {
                    squeeze(p.selectFirst(".speaker-mark").text()),
                    squeeze(p.selectFirst(".participant__name dd").text())
                });
            }
            assertFalse(legend.isEmpty(), lang + ": the round-table has a legend");
            try (PDDocument doc = open(lang)) {
                Map<String, Float> gaps = new LinkedHashMap<>();
                for (int n = 1; n <= doc.getNumberOfPages(); n++) {
                    for (List<TextPosition> line : lines(doc, n)) {
                        String text = glyphs(line);
                        for (String[] entry : legend) {
                            String mark = entry[0];
                            if (text.startsWith(mark + entry[1])) {
                                TextPosition last = line.get(mark.length() - 1);
                                TextPosition first = line.get(mark.length());
                                gaps.putIfAbsent(
                                        mark + " " + entry[1],
                                        first.getXDirAdj() - (last.getXDirAdj() + last.getWidthDirAdj()));
                            }
                        }
                    }
                }
                assertEquals(legend.size(), gaps.size(), lang + ": every legend entry found: " + gaps);
                // the mark's box takes its padding and border (about 4.4 pt) of the space; a gap of a third of an em
                // at least must be left after it
                gaps.forEach((entry, gap) ->
                        assertTrue(gap >= 8f, lang + ": the mark of " + entry + " is " + gap + " pt from the name"));
            }
        }
    }

    /** The glyphs of page {@code n} (1-based) that are not blank, in the order the page draws them. */
    static List<TextPosition> glyphsOf(PDDocument doc, int n) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper collect = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                if (!t.getUnicode().isBlank()) {
                    glyphs.add(t);
                }
            }
        };
        collect.setStartPage(n);
        collect.setEndPage(n);
        collect.getText(doc);
        return glyphs;
    }

    /**
     * The glyphs of page {@code n} (1-based) as lines: grouped by baseline (within 2 pt: a mark in its box may sit a
     * fraction off the name's), left to right, blanks left out.
     */
    static List<List<TextPosition>> lines(PDDocument doc, int n) throws IOException {
        List<TextPosition> glyphs = glyphsOf(doc, n);
        glyphs.sort(Comparator.comparing(TextPosition::getYDirAdj));
        List<List<TextPosition>> out = new ArrayList<>();
        List<TextPosition> line = new ArrayList<>();
        for (TextPosition t : glyphs) {
            if (!line.isEmpty() && t.getYDirAdj() - line.get(0).getYDirAdj() > 2) {
                out.add(line);
                line = new ArrayList<>();
            }
            line.add(t);
        }
        if (!line.isEmpty()) {
            out.add(line);
        }
        for (List<TextPosition> l : out) {
            l.sort(Comparator.comparing(TextPosition::getXDirAdj));
        }
        return out;
    }

    @Test
    void everyLineOfAKeyPointStartsAtTheEdgeOfItsTextNotUnderItsMark() throws IOException {
        for (String lang : List.of("ja", "en")) {
            List<String> points = new ArrayList<>();
            for (CollectionChecks.Source p : chapters(lang)) {
                Document page = Jsoup.parse(
                        site.resolve(lang + "/" + p.slug() + "/index.html").toFile(), "UTF-8");
                for (Element li : page.select(".keypoint__points > li")) {
                    points.add(squeeze(li.text()));
                }
            }
            assertFalse(points.isEmpty(), lang + ": the collection has key points");
            int wrapped = 0;
            try (PDDocument doc = open(lang)) {
                List<List<TextPosition>> all = new ArrayList<>();
                for (int n = 1; n <= doc.getNumberOfPages(); n++) {
                    all.addAll(lines(doc, n));
                }
                for (String point : points) {
                    for (int k = 0; k < all.size(); k++) {
                        List<TextPosition> first = all.get(k);
                        String text = glyphs(first);
                        if (!text.startsWith("✓") || text.length() < 6 || !point.startsWith(text.substring(1))) {
                            continue;
                        }
                        // the point's lines: those that go on with its text
                        float edge = first.get(1).getXDirAdj();
                        String read = text.substring(1);
                        for (int j = k + 1; j < all.size() && read.length() < point.length(); j++) {
                            String next = glyphs(all.get(j));
                            if (!point.startsWith(read + next)) {
                                break;
                            }
                            read += next;
                            wrapped++;
                            float x = all.get(j).get(0).getXDirAdj();
                            assertEquals(
                                    edge,
                                    x,
                                    1.5f,
                                    lang + ": the line \"" + next + "\" of a key point starts at " + x
                                            + ", its first line's text at " + edge);
                        }
                        break;
                    }
                }
            }
            assertTrue(wrapped > 0, lang + ": key points that wrap were found");
        }
    }

    private static String glyphs(List<TextPosition> line) {
        StringBuilder b = new StringBuilder();
        line.forEach(t -> b.append(t.getUnicode()));
        return b.toString();
    }

    /** The pairs of glyphs on page {@code n} (1-based) whose boxes overlap by more than a quarter each way. */
    static List<String> overlaps(PDDocument doc, int n) throws IOException {
        List<TextPosition> glyphs = glyphsOf(doc, n);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            TextPosition a = glyphs.get(i);
            for (int j = i + 1; j < glyphs.size() && out.size() < 10; j++) {
                TextPosition b = glyphs.get(j);
                float w = Math.min(a.getXDirAdj() + a.getWidthDirAdj(), b.getXDirAdj() + b.getWidthDirAdj())
                        - Math.max(a.getXDirAdj(), b.getXDirAdj());
                // y is the baseline from the top; a glyph's box rises its height above it
                float h = Math.min(a.getYDirAdj(), b.getYDirAdj())
                        - Math.max(a.getYDirAdj() - a.getHeightDir(), b.getYDirAdj() - b.getHeightDir());
                float minW = Math.min(a.getWidthDirAdj(), b.getWidthDirAdj());
                float minH = Math.min(a.getHeightDir(), b.getHeightDir());
                if (w > minW / 4 && h > minH / 4) {
                    out.add(a.getUnicode() + "/" + b.getUnicode() + " at " + Math.round(a.getXDirAdj()) + ","
                            + Math.round(a.getYDirAdj()));
                }
            }
        }
        return out;
    }

    @Test
    void theFigureNoticeSpeaksOfTheBookletNotTheWebEdition() throws IOException {
        Map<String, List<String>> web = Map.of("ja", List.of("ウェブ版"), "en", List.of("web edition", "Web edition"));
        Map<String, String> booklet = Map.of("ja", "本冊子には収録していません", "en", "not reproduced in this booklet");
        for (String lang : List.of("ja", "en")) {
            int figures = 0;
            for (CollectionChecks.Source p : chapters(lang)) {
                figures += Jsoup.parse(
                                site.resolve(lang + "/" + p.slug() + "/index.html")
                                        .toFile(),
                                "UTF-8")
                        .select(".figure__omitted")
                        .size();
            }
            assertTrue(figures > 0, lang + ": the pages have figures whose picture is not reproduced");
            try (PDDocument doc = open(lang)) {
                String text = squeeze(new PDFTextStripper().getText(doc));
                for (String w : web.get(lang)) {
                    assertFalse(text.contains(squeeze(w)), lang + ": the booklet says " + w);
                }
                String notice = squeeze(booklet.get(lang));
                assertEquals(
                        figures,
                        text.split(Pattern.quote(notice), -1).length - 1,
                        lang + ": every figure's notice names the booklet");
            }
        }
    }

    @Test
    void aShortParenthesisedJapaneseTermStaysOnOneLineInTheEnglishBooklet() throws IOException {
        try (PDDocument doc = open("en")) {
            PDFTextStripper strip = new PDFTextStripper();
            strip.setSortByPosition(true); // as pdftotext and a copy from the page read it
            {
                String text = strip.getText(doc);
                List<String> broken = new ArrayList<>();
                var m = Pattern.compile(
                                "[(（][ \\t]*\\R|\\R[ \\t]*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー・]{1,20}[)）]")
                        .matcher(text);
                while (m.find()) {
                    broken.add(m.group().replaceAll("\\R", "⏎"));
                }
                assertEquals(List.of(), broken, "lines broken at a bracket");
                assertTrue(text.contains("(疾病対策課)"), "the term is set with its brackets and copies as such");
            }
            // (the tags' text has a line break at the end of each element: the run's span, the glue's span)
            assertTrue(squeeze(taggedText(doc)).contains("DiseaseControlDivision(疾病対策課)"), "and the tags read it so");
        }
    }

    @Test
    void aCharacterTheFontLacksOutsideThePagesIsReportedAtTheFileThatHoldsIt(@TempDir Path tmp) throws IOException {
        // U+1F600 in the title (site.yaml), U+1F601 in a glossary definition, U+1F602 in the theme's "目次"
        Path themes = tmp.resolve("themes");
        try (var files = Files.walk(Path.of("themes/default"))) {
            for (Path f : files.toList()) {
                Path to = themes.resolve("default")
                        .resolve(Path.of("themes/default").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path ja = themes.resolve("default/i18n/ja.yaml");
        Files.writeString(ja, Files.readString(ja).replace("  contents: 目次\n", "  contents: 目次\uD83D\uDE02\n"));
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n"
                        + SiteFixture.SITE_YAML.replace("テスト事例集", "テスト事例集\uD83D\uDE00")
                        + "pdf: book\norder: [a]\n"
                        + "-- glossary.yaml --\n- id: hc\n  ja: 保健所\n  en: health center\n"
                        + "  definition: {ja: 公的機関\uD83D\uDE01, en: A public agency}\n"
                        + "-- a/index.ja.md --\n---\ntitle: 事例\n---\n保健所の本文です。\n");
        BuildResult r = Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("site"))
                .withThemes(themes));
        Map<String, String> where = new HashMap<>();
        for (Diagnostic d : r.diagnostics().kept()) {
            if (d.message().contains("no glyph")) {
                assertEquals(
                        null,
                        where.put(
                                d.message().replaceAll("(?s).*\\(U\\+([0-9A-F]+)\\).*", "$1"),
                                d.at().file().toString().replace('\\', '/') + ":" + d.at().line()),
                        "each character once: " + SiteFixture.messages(r));
            }
        }
        assertEquals(3, where.size(), SiteFixture.messages(r));
        assertTrue(where.get("1F600").matches(".*content/site\\.yaml:1"), "the title, at site.yaml's title: " + where);
        assertTrue(where.get("1F601").endsWith("content/glossary.yaml:1"), "a glossary entry: " + where);
        assertTrue(where.get("1F602").endsWith("themes/default/i18n/ja.yaml:1"), "a UI string: " + where);
        assertTrue(where.values().stream().noneMatch(w -> w.contains("index.ja.md")), "none at the page: " + where);
    }

    @Test
    void aCharacterTheFontLacksInAPageTitleOrDataIsReportedAtItsLine(@TempDir Path tmp) {
        // U+1F603 in a data note (data.yaml line 6), U+1F604 in the page's title (front matter line 2)
        Diagnostic g = onlyGlyphWarning(tmp.resolve("title"), "事例\uD83D\uDE04");
        assertTrue(g.message().contains("U+1F603") && g.message().contains("U+1F604"), g.toString());
        assertTrue(
                g.at().file().toString().replace('\\', '/').endsWith("a/index.ja.md"),
                "the first place that holds one is the title, in the page's file: " + g);
        assertEquals(2, g.at().line(), "at the title's line: " + g);
        // the title fixed, the note's character is reported at its value in data.yaml
        Diagnostic g2 = onlyGlyphWarning(tmp.resolve("data"), "事例");
        assertTrue(g2.at().file().toString().replace('\\', '/').endsWith("a/data.yaml"), g2.toString());
        assertEquals(6, g2.at().line(), "at the note's line: " + g2);
        assertTrue(g2.at().column() > 1, "at the value, not the start of the line: " + g2);
    }

    /** The one missing-glyph warning of a page titled {@code title} whose data note holds U+1F603. */
    private static Diagnostic onlyGlyphWarning(Path dir, String title) {
        Path content = SiteFixture.write(
                dir.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "pdf: book\norder: [a]\n"
                        + "-- a/data.yaml --\ncategory: prefecture\nbasic_info:\n  - item: beds\n    value: 10\n"
                        + "    unit: beds\n    note: {ja: 注\uD83D\uDE03, en: a note}\n"
                        + "-- a/index.ja.md --\n---\ntitle: " + title + "\n---\n## 基本情報 {#basic-info}\n\n"
                        + ":::basic-info\n:::\n");
        BuildResult r = SiteFixture.build(content, dir.resolve("site"));
        List<Diagnostic> glyph = r.diagnostics().kept().stream()
                .filter(d -> d.message().contains("no glyph"))
                .toList();
        assertEquals(1, glyph.size(), SiteFixture.messages(r));
        return glyph.get(0);
    }

    @Test
    void aWarningNamesTheFirstMissingCharactersAndCountsTheRest(@TempDir Path tmp) {
        StringBuilder emoji = new StringBuilder();
        for (int cp = 0x1F600; cp < 0x1F600 + 40; cp++) {
            emoji.appendCodePoint(cp);
        }
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "pdf: book\norder: [a]\n"
                        + "-- a/index.ja.md --\n---\ntitle: 事例\n---\n本文 " + emoji + "\n");
        BuildResult r = SiteFixture.build(content, tmp.resolve("site"));
        List<Diagnostic> glyph = r.diagnostics().kept().stream()
                .filter(d -> d.message().contains("no glyph"))
                .toList();
        assertEquals(1, glyph.size(), SiteFixture.messages(r));
        String m = glyph.get(0).message();
        assertTrue(m.contains("U+1F600") && m.contains("U+1F60B"), "the first " + Booklet.SHOWN + ": " + m);
        assertFalse(m.contains("U+1F60C"), "not the 13th: " + m);
        assertTrue(m.contains(" and 28 more;"), m);
    }

    @Test
    void twoBuildsGiveTheSameBytes(@TempDir Path other) throws IOException {
        BuildResult again =
                Build.run(BuildOptions.defaults().withOut(other.resolve("site")).withThreads(1));
        assertFalse(again.diagnostics().hasErrors(), () -> SiteFixture.messages(again));
        for (String lang : List.of("ja", "en")) {
            assertArrayEquals(
                    Files.readAllBytes(site.resolve(lang).resolve(name)),
                    Files.readAllBytes(other.resolve("site").resolve(lang).resolve(name)),
                    lang + " PDF differs between two builds");
        }
    }

    @Test
    void aRebuildOfUnchangedContentReusesThePublishedBookletsAndAChangeRendersThemAgain(@TempDir Path tmp)
            throws IOException {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "pdf: book\n"
                        + "order: [a]\n-- a/index.ja.md --\n---\ntitle: 事例\n---\n本文です。\n");
        Path out = tmp.resolve("site");
        assertFalse(SiteFixture.build(content, out).diagnostics().hasErrors());
        byte[] first = Files.readAllBytes(out.resolve("ja/book.pdf"));
        int rendered = Booklet.rendered();
        assertFalse(SiteFixture.build(content, out).diagnostics().hasErrors());
        assertEquals(rendered, Booklet.rendered(), "the unchanged booklet is not rendered again");
        assertArrayEquals(first, Files.readAllBytes(out.resolve("ja/book.pdf")), "and it is the same file");
        Files.writeString(content.resolve("a/index.ja.md"), "---\ntitle: 事例\n---\n本文を変えました。\n");
        assertFalse(SiteFixture.build(content, out).diagnostics().hasErrors());
        assertEquals(rendered + 1, Booklet.rendered(), "a changed page renders the booklet again");
        try (PDDocument doc = Loader.loadPDF(out.resolve("ja/book.pdf").toFile())) {
            assertTrue(taggedText(doc).contains("本文を変えました。"), "with the new text");
        }
    }

    @Test
    void withoutAFontTheSiteBuildsAndSaysOnceWhatToInstall(@TempDir Path tmp) throws IOException {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "pdf: book\n"
                        + "order: [a]\n-- a/index.ja.md --\n---\ntitle: 事例\n---\n本文です。\n-- a/index.en.md --\n---\ntitle: Case\n---\nText.\n");
        String before = System.getProperty("casebook.pdf.fontFolders");
        System.setProperty("casebook.pdf.fontFolders", tmp.resolve("no-fonts").toString());
        try {
            BuildResult r = SiteFixture.build(content, tmp.resolve("site"));
            assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
            List<Diagnostic> notes = r.diagnostics().kept().stream()
                    .filter(d -> d.message().contains("PDF"))
                    .toList();
            assertEquals(1, notes.size(), SiteFixture.messages(r));
            assertEquals(Severity.NOTE, notes.get(0).severity(), "a note: it does not fail --strict");
            assertTrue(
                    notes.get(0).toString().contains("fonts-morisawa-bizud-gothic"),
                    notes.get(0).toString());
            assertFalse(Files.exists(tmp.resolve("site/ja/book.pdf")));
            assertTrue(Files.exists(tmp.resolve("site/ja/a/index.html")), "the site is built");
            assertTrue(
                    Jsoup.parse(tmp.resolve("site/ja/a/index.html").toFile(), "UTF-8")
                            .select(".pdf-link")
                            .isEmpty(),
                    "no link to a PDF that was not made");
        } finally {
            if (before == null) {
                System.clearProperty("casebook.pdf.fontFolders");
            } else {
                System.setProperty("casebook.pdf.fontFolders", before);
            }
        }
    }

    @Test
    void aCharacterTheFontLacksIsReportedAtItsPageAndNoPdfIsMadeWithoutAskingForIt(@TempDir Path tmp) {
        String page = "-- a/index.ja.md --\n---\ntitle: 事例\n---\n本文です。\n\n絵文字 \uD83D\uDE00 です。\n";
        Path content = SiteFixture.write(
                tmp.resolve("content"), "-- site.yaml --\n" + SiteFixture.SITE_YAML + "pdf: book\norder: [a]\n" + page);
        BuildResult r = SiteFixture.build(content, tmp.resolve("site"));
        List<Diagnostic> glyph = r.diagnostics().kept().stream()
                .filter(d -> d.message().contains("no glyph"))
                .toList();
        assertEquals(1, glyph.size(), SiteFixture.messages(r));
        assertTrue(
                glyph.get(0)
                                .toString()
                                .startsWith(tmp.resolve("content/a/index.ja.md").toString())
                        || glyph.get(0).toString().contains("a/index.ja.md"),
                glyph.get(0).toString());
        assertTrue(glyph.get(0).message().contains("U+1F600"), glyph.get(0).message());
        assertEquals(6, glyph.get(0).at().line(), "at the character's line: " + glyph.get(0));
        assertEquals(5, glyph.get(0).at().column(), "and column: " + glyph.get(0));
        assertTrue(Files.exists(tmp.resolve("site/ja/book.pdf")), "the booklet is still made");
        // a site without pdf: in site.yaml makes none (the benchmark corpus and every fixture)
        Path plain = SiteFixture.write(
                tmp.resolve("plain"), "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a]\n" + page);
        BuildResult p = SiteFixture.build(plain, tmp.resolve("plain-site"));
        assertFalse(p.diagnostics().hasErrors(), () -> SiteFixture.messages(p));
        assertTrue(
                p.diagnostics().kept().stream().noneMatch(d -> d.message().contains("PDF")), SiteFixture.messages(p));
        try (var s = Files.walk(tmp.resolve("plain-site"))) {
            assertTrue(s.noneMatch(f -> f.toString().endsWith(".pdf")), "no PDF unless site.yaml or --pdf asks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
