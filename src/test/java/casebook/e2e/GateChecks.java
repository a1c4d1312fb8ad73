package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.security.PublishedHtml;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The checks of the publishing gate that hold for any collection {@code check --strict} accepts, on a site built
 * from it: the accessibility statement accounts for every page, nothing script-capable is published, no figure
 * shows only its credit, and a booklet's contents (however many pages they take) name every chapter. Shared, like
 * {@link CollectionChecks} (which runs them in {@link CollectionChecks#all()}), by the tests over the real content
 * and by {@link NewCaseOnACopyTest} on a copy with a page added, so a failure of the real gate shows on the copy.
 */
final class GateChecks {
    private GateChecks() {}

    /** Every .html file under {@code out}, relative, with '/' separators, sorted. */
    static TreeSet<String> builtPages(Path out) {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(Path p) {
        try {
            return Jsoup.parse(p.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path an entry of the results by page names, without its brackets. */
    static String pathOf(Element entry) {
        return entry.selectFirst(".page-results__path").text().replaceAll("^[（( ]+|[）)]+$", "");
    }

    /**
     * Each page with results by page (the accessibility statement, found in the output) names every page the
     * build writes exactly once: with its recorded results, or in the list of pages not yet tested; each with its
     * edition; the root first and the 404 page last among the results. Returns the pages checked.
     */
    static List<String> statementAccountsForEveryPage(Path out) {
        TreeSet<String> built = builtPages(out);
        List<String> statements = new ArrayList<>();
        for (String page : built) {
            Document d = parse(out.resolve(page));
            if (d.selectFirst("dl.page-results") == null) {
                continue;
            }
            statements.add(page);
            String lang = d.selectFirst("html").attr("lang");
            List<Element> dts = d.select("dl.page-results > dt");
            List<Element> untested = d.select("ul.page-results__untested > li");
            TreeSet<String> tested = new TreeSet<>();
            Set<String> listed = new HashSet<>();
            List<Element> all = new ArrayList<>(dts);
            all.addAll(untested);
            for (Element e : all) {
                String path = pathOf(e);
                assertTrue(listed.add(path), page + ": " + path + " is named twice");
                String label = e.text();
                if (path.startsWith("ja/")) {
                    assertTrue(label.startsWith(lang.equals("ja") ? "日本語版：" : "Japanese edition: "), label);
                } else if (path.startsWith("en/")) {
                    assertTrue(label.startsWith(lang.equals("ja") ? "英語版：" : "English edition: "), label);
                }
                assertFalse(label.contains("言語選択") || label.contains("Language selection"), label);
            }
            dts.forEach(dt -> tested.add(pathOf(dt)));
            assertEquals(
                    built,
                    new TreeSet<>(listed),
                    page + ": every page the build writes is either recorded in the results or listed as not yet"
                            + " tested (refresh the results: docs/accessibility.md)");
            assertFalse(dts.isEmpty(), page + ": no recorded results");
            assertEquals(
                    List.of("index.html", "404.html"),
                    List.of(pathOf(dts.get(0)), pathOf(dts.get(dts.size() - 1))),
                    page + ": the root first, the 404 page last");
            assertEquals(
                    !untested.isEmpty(),
                    d.selectFirst(".page-results__untested-intro") != null,
                    page + ": the pages not yet tested are introduced as such");
        }
        return statements;
    }

    /** The published HTML holds nothing that can run a script or send the reader elsewhere. */
    static void nothingScriptCapable(Path out) {
        PublishedHtml.assertNothingScriptCapable(out);
    }

    /** Every figure gives the reader words (its own, or that the source has none), not only its credit. */
    static int noFigureShowsOnlyItsCredit(Path out) {
        int figures = 0;
        for (String page : builtPages(out)) {
            for (Element f : parse(out.resolve(page)).select("figure.figure")) {
                figures++;
                Element body = f.selectFirst(".figure__body").clone();
                body.select(".figure__omitted, .credit, .note").remove();
                assertFalse(body.text().isBlank(), () -> page + ": a figure shows only its credit: " + f.outerHtml());
                String omitted = f.selectFirst(".figure__omitted").text();
                assertFalse(
                        omitted.contains("以下に掲載") || omitted.contains("given below"),
                        () -> page + ": the fixed notice must not promise what follows: " + omitted);
            }
        }
        return figures;
    }

    /**
     * The pages of a booklet's contents: from the page its first bookmark (the contents) leads to, up to the page
     * of the second (the first chapter); page 2 to the first chapter when the bookmarks give no page.
     */
    static List<PDPage> contentsPages(PDDocument doc) throws IOException {
        PDDocumentOutline outline = doc.getDocumentCatalog().getDocumentOutline();
        assertNotNull(outline, "the booklet has bookmarks");
        List<PDOutlineItem> top = new ArrayList<>();
        outline.children().forEach(top::add);
        assertTrue(top.size() >= 2, "a bookmark for the contents and one per chapter: " + top.size());
        int from = indexOf(doc, top.get(0));
        int to = indexOf(doc, top.get(1));
        if (from < 0) {
            from = 1;
        }
        assertTrue(to > from, "the first chapter follows the contents: pages " + from + ", " + to);
        List<PDPage> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(doc.getPage(i));
        }
        return out;
    }

    private static int indexOf(PDDocument doc, PDOutlineItem item) throws IOException {
        PDPage page = item.findDestinationPage(doc);
        return page == null ? -1 : doc.getPages().indexOf(page);
    }

    /** The text of some pages, laid out by position. */
    static String text(List<PDPage> pages) throws IOException {
        StringBuilder out = new StringBuilder();
        for (PDPage page : pages) {
            PDFTextStripperByArea strip = new PDFTextStripperByArea();
            strip.setSortByPosition(true);
            Rectangle2D.Float all = new Rectangle2D.Float(
                    0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            strip.addRegion("all", all);
            strip.extractRegions(page);
            out.append(strip.getTextForRegion("all")).append('\n');
        }
        return out.toString();
    }

    /**
     * The contents of a booklet, on as many pages as they take, name every chapter (by the start of its title)
     * with a page number, and each entry is a link inside the PDF. Returns the contents' text.
     */
    static String bookletContentsNameEveryChapter(PDDocument doc, List<String> chapterTitles) throws IOException {
        List<PDPage> pages = contentsPages(doc);
        String text = text(pages);
        for (String t : chapterTitles) {
            String head = t.substring(0, Math.min(6, t.length()));
            assertTrue(text.contains(head), "the contents name " + t + ":\n" + text);
        }
        long numbered =
                text.lines().filter(l -> l.strip().matches(".*\\S\\s+\\d+")).count();
        assertTrue(numbered >= chapterTitles.size(), "the contents give page numbers:\n" + text);
        long links = 0;
        for (PDPage p : pages) {
            links += p.getAnnotations().stream()
                    .filter(a -> a.getSubtype().equals("Link"))
                    .count();
        }
        assertTrue(links >= chapterTitles.size(), "the contents entries are links inside the PDF: " + links);
        return text;
    }
}
