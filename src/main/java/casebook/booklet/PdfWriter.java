package casebook.booklet;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.helper.W3CDom;

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

    static {
        // casebook reports the booklet's problems itself; the library's own log lines would only be noise to an editor
        XRLog.setLoggingEnabled(false);
        BookletFont.quiet();
    }

    private PdfWriter() { }

    static byte[] write(org.jsoup.nodes.Document html, BookletFont font, LocalDate published) throws IOException {
        org.w3c.dom.Document w3c = new W3CDom().fromJsoup(html);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.usePdfUaAccessibility(true);
        b.withProducer(PRODUCER);
        b.useUnicodeLineBreaker(new Kinsoku());
        b.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        b.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        b.withDiagnosticConsumer(diagnostic -> { });
        face(b, font.regular(), FAMILY, 400);
        face(b, font.bold() != null ? font.bold() : font.regular(), FAMILY, 700);
        if (!"ja".equals(html.select("html").attr("lang"))) { // English text in the proportional face
            Path latin = font.latin() != null ? font.latin() : font.regular();
            face(b, latin, LATIN_FAMILY, 400);
            face(b, font.latinBold() != null ? font.latinBold() : font.latin() == null && font.bold() != null ? font.bold() : latin,
                    LATIN_FAMILY, 700);
        }
        b.withW3cDocument(w3c, "about:blank");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (PdfBoxRenderer r = b.buildPdfRenderer(); PDDocument doc = r.createPDFKeepOpen()) {
            reproducible(doc, published);
            doc.save(out);
        }
        return out.toByteArray();
    }

    private static void face(PdfRendererBuilder b, Path file, String family, int weight) {
        byte[] bytes = withoutGsub(file);
        b.useFont(() -> new java.io.ByteArrayInputStream(bytes), family, weight, FontStyle.NORMAL, true);
    }

    /** Font files read, with their GSUB table hidden, kept for the JVM's life (a font does not change while casebook runs). */
    private static final java.util.Map<Path, byte[]> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The font's bytes with its glyph-substitution table (GSUB) renamed so that PDFBox does not see it. PDFBox
     * applies a Latin font's ligatures ("fi", "ffi") as it writes text, and a ligature glyph has no character in
     * the font's map, so "office" would copy out of the PDF as "of ce"; without GSUB every glyph is one character.
     * Only the table directory's tag changes (the subset PDFBox embeds never holds the table).
     */
    static byte[] withoutGsub(Path file) {
        return FONTS.computeIfAbsent(file, f -> {
            try {
                byte[] b = java.nio.file.Files.readAllBytes(f);
                int tables = (b[4] & 0xff) << 8 | b[5] & 0xff;
                for (int i = 0, at = 12; i < tables && at + 16 <= b.length; i++, at += 16) {
                    if (b[at] == 'G' && b[at + 1] == 'S' && b[at + 2] == 'U' && b[at + 3] == 'B') b[at] = 'X';
                }
                return b;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Fixed dates (the publication date, midnight UTC) and a document id made from the document's own metadata. */
    private static void reproducible(PDDocument doc, LocalDate published) {
        LocalDate day = published == null ? LocalDate.of(1970, 1, 1) : published;
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        c.clear();
        c.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 0, 0, 0);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setCreationDate((Calendar) c.clone());
        info.setModificationDate((Calendar) c.clone());
        doc.setDocumentId(id(info.getTitle() + "\n" + info.getAuthor() + "\n" + day + "\n" + doc.getNumberOfPages()));
    }

    private static long id(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) v = v << 8 | h[i] & 0xff;
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
