package casebook.booklet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What casebook says of a font that cannot set the booklet: what it is, and which fonts can. */
class BookletFontTest {

    /** A file that starts as a font of the kind {@code tag} names and holds nothing else of one. */
    private static Path font(Path dir, String name, String tag) throws IOException {
        byte[] b = new byte[256];
        Arrays.fill(b, (byte) 0);
        System.arraycopy(tag.getBytes(StandardCharsets.ISO_8859_1), 0, b, 0, 4);
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void aCollectionAndACffFontAreNamedForWhatTheyAre(@TempDir Path tmp) throws IOException {
        String ttc = BookletFont.problem(font(tmp, "NotoSansCJK-Regular.ttc", "ttcf"));
        assertNotNull(ttc);
        assertTrue(ttc.contains("font collection (.ttc)") && ttc.contains("cannot be embedded by the PDF engine"), ttc);
        assertTrue(ttc.contains("CFF"), "it names the other kind that cannot be used too: " + ttc);
        assertFalse(ttc.contains("'head' table"), "not the parser's words: " + ttc);
        String otf = BookletFont.problem(font(tmp, "NotoSansCJKjp-Regular.otf", "OTTO"));
        assertTrue(otf.contains("CFF") && otf.contains("cannot embed"), otf);
        assertEquals("no such font file", BookletFont.problem(tmp.resolve("none.ttf")));
    }

    @Test
    void theHintNamesTheFontsThatWorkAndDoesNotAskForTheOptionAgain() {
        assertTrue(BookletFont.WORKING.contains("BIZ UDGothic") && BookletFont.WORKING.contains("IPAex"));
        assertTrue(BookletFont.WORKING.contains("fonts-morisawa-bizud-gothic"));
        assertFalse(BookletFont.WORKING.contains("pass --pdf-font"), BookletFont.WORKING);
    }

    @Test
    void aBuildGivenACollectionBuildsTheSiteAndSaysOnceAtTheFontThatTheBookletWasSkipped(@TempDir Path tmp)
            throws IOException {
        Path ttc = font(tmp, "NotoSansCJK-Regular.ttc", "ttcf");
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "pdf: book\norder: [a]\n"
                        + "-- a/index.ja.md --\n---\ntitle: 事例\n---\n本文です。\n");
        BuildResult r = Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("site"))
                .withPdf(new BuildOptions.Pdf(true, ttc)));
        assertEquals(List.of(), SiteFixture.errors(r), SiteFixture.messages(r));
        List<Diagnostic> pdf = r.diagnostics().kept().stream()
                .filter(d -> d.message().contains("PDF"))
                .toList();
        assertEquals(1, pdf.size(), SiteFixture.messages(r));
        Diagnostic n = pdf.get(0);
        assertEquals(Severity.NOTE, n.severity(), "like a missing font: a note, which does not fail --strict");
        assertEquals(ttc, n.at().file());
        assertTrue(n.message().startsWith("PDF booklets skipped: "), n.message());
        assertTrue(n.message().contains("font collection (.ttc)"), n.message());
        assertEquals(BookletFont.WORKING, n.hint());
        assertFalse(Files.exists(tmp.resolve("site/ja/book.pdf")));
        assertTrue(Files.isRegularFile(tmp.resolve("site/ja/a/index.html")), "the site is built");
    }

    @Test
    void aFontFileThatIsNotAFontIsStillAnError(@TempDir Path tmp) throws IOException {
        Path otf = font(tmp, "NotoSansCJKjp-Regular.otf", "OTTO");
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "pdf: book\norder: [a]\n"
                        + "-- a/index.ja.md --\n---\ntitle: 事例\n---\n本文です。\n");
        BuildResult r = Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("site"))
                .withPdf(new BuildOptions.Pdf(true, otf)));
        List<Diagnostic> errors = SiteFixture.errors(r);
        assertEquals(1, errors.size(), SiteFixture.messages(r));
        assertTrue(errors.get(0).message().contains("CFF"), errors.get(0).message());
        assertFalse(BookletFont.collection(otf));
    }
}
