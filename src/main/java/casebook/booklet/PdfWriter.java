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
        Path latin = font.latin() != null ? font.latin() : font.regular();
        face(b, latin, LATIN_FAMILY, 400);
        face(b, font.latinBold() != null ? font.latinBold() : font.bold() != null && font.latin() == null ? font.bold() : latin,
                LATIN_FAMILY, 700);
        b.withW3cDocument(w3c, "about:blank");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (PdfBoxRenderer r = b.buildPdfRenderer(); PDDocument doc = r.createPDFKeepOpen()) {
            reproducible(doc, published);
            doc.save(out);
        }
        return out.toByteArray();
    }

    private static void face(PdfRendererBuilder b, Path file, String family, int weight) {
        b.useFont(file.toFile(), family, weight, FontStyle.NORMAL, true);
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
