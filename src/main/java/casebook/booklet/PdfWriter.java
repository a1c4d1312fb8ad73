package casebook.booklet;

import casebook.text.Bytes;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.xml.sax.SAXException;

/**
 * Renders the booklet's HTML to PDF bytes with openhtmltopdf: A4 from the stylesheet, the font embedded as a
 * subset, tagged (PDF/UA, which also sets the document's language and title and shows the title), and
 * byte-reproducible: the creation and modification dates are the publication date, the document id is derived
 * from the content, and openhtmltopdf reads nothing from outside the document.
 */
final class PdfWriter {
    /** The font family names the stylesheet uses. */
    static final String FAMILY = "casebook-booklet";

    static final String LATIN_FAMILY = "casebook-booklet-latin";
    static final String PRODUCER = "casebook (openhtmltopdf, PDFBox)";
    /** The CSS generic families (monospace, serif, sans-serif) under the names the engine looks them up by. */
    static final List<String> GENERIC_FAMILIES = List.of("Monospaced", "Serif", "SansSerif");

    static {
        // casebook reports the booklet's problems itself; the library's own log lines would only be noise to an editor
        XRLog.setLoggingEnabled(false);
        BookletFont.quiet();
    }

    private PdfWriter() {}

    /**
     * Changes whenever what the booklet code writes may change: bump it with any change to this package's
     * rendering (the template and stylesheet are part of the input digest already).
     */
    static final String VERSION = "casebook-booklet 2; openhtmltopdf 1.1.31";

    /** SHA-256 of everything the PDF's bytes depend on: the document, the font files, the date, {@link #VERSION}. */
    static String inputDigest(Document html, BookletFont font, LocalDate published) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((VERSION + "\n" + published + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path f : new Path[] {font.regular(), font.bold(), font.latin(), font.latinBold()}) {
                if (f == null) {
                    continue;
                }
                var attrs = Files.readAttributes(f, BasicFileAttributes.class);
                md.update((f.toAbsolutePath() + "|" + attrs.size() + "|"
                                + attrs.lastModifiedTime().toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            md.update(html.outerHtml().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            return "unknown-" + System.nanoTime(); // never matches a previous booklet: it is rendered again
        }
    }

    /**
     * Whether {@code pdf} was made from {@code input}: its document id (the trailer's /ID, written as hex and never
     * compressed) is the first 16 bytes of the input digest.
     */
    static boolean madeFrom(byte[] pdf, String input) {
        byte[] marker =
                ("<" + input.substring(0, 32).toUpperCase(Locale.ROOT) + ">").getBytes(StandardCharsets.US_ASCII);
        return Bytes.lastIndexOf(pdf, marker) >= 0;
    }

    static byte[] write(Document html, BookletFont font, LocalDate published, String input) throws IOException {
        org.w3c.dom.Document w3c = new W3CDom().fromJsoup(html); // fully qualified: clashes with jsoup's Document
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.usePdfUaAccessibility(true);
        b.withProducer(PRODUCER);
        b.useUnicodeLineBreaker(new Kinsoku());
        b.useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        b.useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        b.withDiagnosticConsumer(diagnostic -> {});
        face(b, font.regular(), FAMILY, 400);
        face(b, font.bold() != null ? font.bold() : font.regular(), FAMILY, 700);
        // the engine's own stylesheet sets code, kbd, samp and pre in the generic families, for which it has only the
        // standard PDF fonts, which a tagged (PDF/UA) document may not use: without a face of its own a code span
        // stopped the whole booklet. They are set in the booklet's font.
        for (String generic : GENERIC_FAMILIES) {
            face(b, font.regular(), generic, 400);
            face(b, font.bold() != null ? font.bold() : font.regular(), generic, 700);
        }
        if (!"ja".equals(html.select("html").attr("lang"))) { // English text in the proportional face
            Path latin = font.latin() != null ? font.latin() : font.regular();
            face(b, latin, LATIN_FAMILY, 400);
            face(
                    b,
                    font.latinBold() != null
                            ? font.latinBold()
                            : font.latin() == null && font.bold() != null ? font.bold() : latin,
                    LATIN_FAMILY,
                    700);
        }
        b.withW3cDocument(w3c, "about:blank");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (PdfBoxRenderer r = b.buildPdfRenderer();
                PDDocument doc = r.createPDFKeepOpen()) {
            reproducible(doc, published, input);
            doc.save(out);
        }
        return out.toByteArray();
    }

    private static void face(PdfRendererBuilder b, Path file, String family, int weight) {
        byte[] bytes = withoutGsub(file);
        b.useFont(() -> new ByteArrayInputStream(bytes), family, weight, FontStyle.NORMAL, true);
    }

    /** Font files read, with their GSUB table hidden, kept for the JVM's life (a font does not change while casebook runs). */
    private static final Map<Path, byte[]> FONTS = new ConcurrentHashMap<>();

    /**
     * The font's bytes with its glyph-substitution table (GSUB) renamed so that PDFBox does not see it. PDFBox
     * applies a Latin font's ligatures ("fi", "ffi") as it writes text, and a ligature glyph has no character in
     * the font's map, so "office" would copy out of the PDF as "of ce"; without GSUB every glyph is one character.
     * Only the table directory's tag changes (the subset PDFBox embeds never holds the table).
     */
    static byte[] withoutGsub(Path file) {
        return FONTS.computeIfAbsent(file, f -> {
            try {
                byte[] b = Files.readAllBytes(f);
                int tables = (b[4] & 0xff) << 8 | b[5] & 0xff;
                for (int i = 0, at = 12; i < tables && at + 16 <= b.length; i++, at += 16) {
                    if (b[at] == 'G' && b[at + 1] == 'S' && b[at + 2] == 'U' && b[at + 3] == 'B') {
                        b[at] = 'X';
                    }
                }
                return b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Fixed dates (the publication date, midnight UTC) and a fixed document id: the first 16 bytes of the input digest,
     * so the id names exactly what the booklet was made from (and the next build can tell, see {@link #madeFrom}).
     */
    private static void reproducible(PDDocument doc, LocalDate published, String input) {
        LocalDate day = published == null ? LocalDate.of(1970, 1, 1) : published;
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        c.clear();
        c.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 0, 0, 0);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setCreationDate((Calendar) c.clone());
        info.setModificationDate((Calendar) c.clone());
        byte[] id = HexFormat.of()
                .parseHex(
                        input.length() >= 32 && input.matches("[0-9a-f]+")
                                ? input.substring(0, 32)
                                : "00000000000000000000000000000000");
        COSArray ids = new COSArray();
        for (int i = 0; i < 2; i++) {
            COSString s = new COSString(id);
            s.setForceHexForm(true);
            ids.add(s);
        }
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
        doc.setDocumentId(id(input));
        canonicalMetadata(doc);
    }

    /**
     * The XMP metadata in one form whatever the class path: the engine serialises it with whichever XML
     * transformer it finds (the JDK's, or Saxon's when a program also carries Saxon), and their indentation
     * and order of namespace declarations differ, so the same input would give different bytes in different
     * programs. It is parsed and written again with the JDK's own parser and transformer (whose DOM keeps
     * attributes sorted by name), without whitespace between tags.
     */
    private static void canonicalMetadata(PDDocument doc) {
        PDMetadata meta = doc.getDocumentCatalog().getMetadata();
        if (meta == null) {
            return;
        }
        try (InputStream in = meta.exportXMPMetadata()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document xmp = f.newDocumentBuilder().parse(in); // fully qualified: jsoup Document

            Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(xmp), new StreamResult(w));
            String canonical = w.toString().replaceAll(">\\s+<", "><").strip();
            PDMetadata fresh = new PDMetadata(doc);
            fresh.importXMPMetadata(canonical.getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(fresh);
        } catch (IOException | ParserConfigurationException | SAXException | TransformerException e) {
            throw new IllegalStateException("the booklet's XMP metadata could not be written in its one form", e);
        }
    }

    private static long id(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | h[i] & 0xff;
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
