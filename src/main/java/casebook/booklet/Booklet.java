package casebook.booklet;

import casebook.diag.Diagnostics;
import casebook.text.Urls;
import casebook.theme.Templates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes one language's booklet: the print template filled ({@link BookletHtml}), every character checked against
 * the font (a character the font lacks is a warning at the page that holds it, since the PDF would show a blank),
 * then the PDF ({@link PdfWriter}). Problems are reported, never thrown.
 */
public final class Booklet {
    private Booklet() {}

    /** The booklet's output path in {@code lang} ({@code ja/booklet.pdf}), as {@link Urls#booklet} makes it. */
    public static String path(String lang, String name) {
        return Urls.booklet(lang, name);
    }

    /** The booklet's file name in its language's folder ({@code booklet.pdf}), the link to it from the language top. */
    public static String fileName(String name) {
        return Urls.bookletFile(name);
    }

    /** How many booklets this JVM has rendered (not reused), for the tests. */
    static final AtomicInteger RENDERED = new AtomicInteger();

    public static int rendered() {
        return RENDERED.get();
    }

    /** The PDF's bytes, or null after reporting why there is none. */
    public static byte[] make(BookletSource src, Templates templates, BookletFont font, Diagnostics d) {
        return make(src, templates, font, null, d);
    }

    /**
     * The PDF's bytes, or null after reporting why there is none. {@code previous} (may be null) is the booklet the
     * last build published at the same path: when it was made from exactly this input (the filled template, the font
     * files, the date and this version of casebook's booklet code, whose digest every booklet records), its bytes are
     * the bytes this build would make, and they are returned without rendering again.
     */
    public static byte[] make(
            BookletSource src, Templates templates, BookletFont font, byte[] previous, Diagnostics d) {
        Document html = BookletHtml.build(src, templates, d);
        if (html == null) {
            return null;
        }
        glyphs(html, src, font, d);
        String input = PdfWriter.inputDigest(html, font, src.published());
        if (previous != null && PdfWriter.madeFrom(previous, input)) {
            return previous;
        }
        try {
            RENDERED.incrementAndGet();
            return PdfWriter.write(html, font, src.published(), input);
        } catch (IOException | RuntimeException e) {
            BookletSource.Chapter first =
                    src.chapters().isEmpty() ? null : src.chapters().get(0);
            d.error(
                    first == null ? Path.of("site.yaml") : first.display(),
                    1,
                    1,
                    "cannot make the " + src.lang() + " PDF booklet: " + e,
                    "build with --no-pdf meanwhile, and report this with the content that causes it");
            return null;
        }
    }

    /**
     * Reports, at each page, the characters the font has no glyph for; those of the cover, the contents and the
     * glossary at the first page. English text is set in the Latin face when there is one, so it is checked too.
     */
    static void glyphs(Document html, BookletSource src, BookletFont font, Diagnostics d) {
        try {
            TreeSet<Integer> all = missing(font, src.lang(), html.body().text());
            if (all.isEmpty()) {
                return;
            }
            TreeSet<Integer> left = new TreeSet<>(all);
            for (BookletSource.Chapter c : src.chapters()) {
                Element section = html.getElementById(c.slug());
                if (section == null) {
                    continue;
                }
                TreeSet<Integer> here = missing(font, src.lang(), section.text());
                left.removeAll(here);
                report(d, c, font, here, "the " + c.title() + " page");
            }
            if (!src.chapters().isEmpty()) {
                report(d, src.chapters().get(0), font, left, "the cover, contents or glossary");
            }
        } catch (IOException e) {
            d.error(font.regular(), 1, 1, "cannot read the PDF font: " + e.getMessage(), BookletFont.INSTALL);
        }
    }

    private static TreeSet<Integer> missing(BookletFont font, String lang, String text) throws IOException {
        TreeSet<Integer> m = BookletFont.missing(font.regular(), text);
        if (!lang.equals("ja") && font.latin() != null) {
            m.addAll(BookletFont.missing(font.latin(), text));
        }
        return m;
    }

    private static void report(
            Diagnostics d, BookletSource.Chapter c, BookletFont font, TreeSet<Integer> missing, String where) {
        if (missing.isEmpty()) {
            return;
        }
        String chars = missing.stream()
                .map(cp -> new String(Character.toChars(cp)) + " (U+" + String.format("%04X", cp) + ")")
                .collect(Collectors.joining(", "));
        d.warning(
                c.display(),
                1,
                1,
                "the PDF font " + font.regular().getFileName() + " has no glyph for " + chars + "; " + where
                        + " of the PDF booklet would show a blank there",
                "write another character, or pass --pdf-font with a font that has it");
    }
}
