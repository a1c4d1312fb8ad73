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
            d.error(
                    firstPage(src),
                    1,
                    1,
                    "cannot make the " + src.lang() + " PDF booklet: " + e,
                    "build with --no-pdf meanwhile, and report this with the content that causes it");
            return null;
        } catch (StackOverflowError | OutOfMemoryError e) {
            // the PDF library writes a long chain of bookmarks (one per heading) by recursion: a page with thousands
            // of headings overflows it; say so instead of letting the error end the build with a stack trace
            d.error(
                    firstPage(src),
                    1,
                    1,
                    "cannot make the " + src.lang() + " PDF booklet: it is too large to write ("
                            + (e instanceof StackOverflowError ? "too many bookmarks or too deep" : "out of memory")
                            + "; each page and each of its headings is a bookmark)",
                    "split a page with thousands of headings into several pages, or build with --no-pdf");
            return null;
        }
    }

    /** The file a problem with the whole booklet is reported at: its first page's Markdown, or site.yaml. */
    private static Path firstPage(BookletSource src) {
        return src.chapters().isEmpty()
                ? Path.of("site.yaml")
                : src.chapters().get(0).display();
    }

    /**
     * Reports the characters the font has no glyph for at the file that holds them: each page's at its Markdown;
     * then, of those left, the cover's (title, subtitle, publisher, date) at site.yaml's title, the introduction's at
     * the top page's Markdown, the glossary entries' at the glossary file, and the booklet's own words (目次, the
     * glossary's title and introduction) at the theme's messages. The contents repeat the pages' titles and headings,
     * which are reported at the pages. English text is set in the Latin face when there is one, so it is checked too.
     */
    static void glyphs(Document html, BookletSource src, BookletFont font, Diagnostics d) {
        try {
            TreeSet<Integer> all = missing(font, src.lang(), html.body().text());
            if (all.isEmpty()) {
                return;
            }
            TreeSet<Integer> left = new TreeSet<>(all);
            Document rest = html.clone();
            for (BookletSource.Chapter c : src.chapters()) {
                Element section = rest.getElementById(c.slug());
                if (section == null) {
                    continue;
                }
                TreeSet<Integer> here = missing(font, src.lang(), section.text());
                left.removeAll(here);
                reportAtPage(d, c, font, here);
                section.remove();
            }
            BookletSource.Origins o = src.origins() != null
                    ? src.origins()
                    : new BookletSource.Origins(Path.of("site.yaml"), 1, null, null, Path.of("site.yaml"));
            rest.select(".toc__list").remove();
            String intro = take(rest, ".intro");
            String cover = take(rest, ".cover");
            String glossary = take(rest, "dl.glossary");
            part(d, o.siteYaml(), o.titleLine(), font, src.lang(), cover, left, "the cover");
            part(
                    d,
                    o.intro() != null ? o.intro() : o.siteYaml(),
                    1,
                    font,
                    src.lang(),
                    intro,
                    left,
                    "the introduction on the cover");
            part(
                    d,
                    o.glossary() != null ? o.glossary() : o.siteYaml(),
                    1,
                    font,
                    src.lang(),
                    glossary,
                    left,
                    "the glossary");
            part(d, o.messages(), 1, font, src.lang(), rest.body().text(), left, "the contents or glossary headings");
            report(d, o.messages(), 1, 1, font, left, "the booklet");
        } catch (IOException e) {
            d.error(font.regular(), 1, 1, "cannot read the PDF font: " + e.getMessage(), BookletFont.INSTALL);
        }
    }

    /**
     * Reports a page's characters at the first place that holds one: its Markdown body, else its title, label or
     * data values ({@link BookletSource.Chapter#elsewhere()}), else the top of its Markdown file.
     */
    private static void reportAtPage(Diagnostics d, BookletSource.Chapter c, BookletFont font, TreeSet<Integer> here) {
        int[] at = firstOf(c.markdown(), c.markdownLine(), here);
        Path file = c.display();
        if (at == null) {
            at = new int[] {1, 1};
            for (BookletSource.Place p : c.elsewhere()) {
                if (p.text().codePoints().anyMatch(here::contains)) {
                    at = new int[] {p.line(), p.column()};
                    file = p.file();
                    break;
                }
            }
        }
        report(d, file, at[0], at[1], font, here, "the " + c.title() + " page");
    }

    /** The text of the elements {@code css} selects, which are removed from {@code doc}. */
    private static String take(Document doc, String css) {
        var found = doc.select(css);
        String text = found.text();
        found.remove();
        return text;
    }

    /** Reports the characters of {@code text} that are still {@code left} at {@code file}, and takes them from it. */
    private static void part(
            Diagnostics d,
            Path file,
            int line,
            BookletFont font,
            String lang,
            String text,
            TreeSet<Integer> left,
            String where)
            throws IOException {
        if (left.isEmpty() || text.isBlank()) {
            return;
        }
        TreeSet<Integer> here = missing(font, lang, text);
        here.retainAll(left);
        left.removeAll(here);
        report(d, file, line, 1, font, here, where);
    }

    /**
     * The file line and 1-based column of the first of {@code chars} in {@code text}, whose first line is the file's
     * line {@code firstLine}; null when none is there (a character of the front matter or of the page's data).
     */
    static int[] firstOf(String text, int firstLine, TreeSet<Integer> chars) {
        if (text == null) {
            return null;
        }
        int line = Math.max(1, firstLine);
        int lineStart = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (chars.contains(cp)) {
                return new int[] {line, i - lineStart + 1}; // in UTF-16 units, as every other column
            }
            i += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                lineStart = i;
            }
        }
        return null;
    }

    private static TreeSet<Integer> missing(BookletFont font, String lang, String text) throws IOException {
        TreeSet<Integer> m = BookletFont.missing(font.regular(), text);
        if (!lang.equals("ja") && font.latin() != null) {
            m.addAll(BookletFont.missing(font.latin(), text));
        }
        return m;
    }

    /** How many of a place's missing characters a warning names; the rest are counted ("and 40 more"). */
    public static final int SHOWN = 12;

    private static void report(
            Diagnostics d, Path file, int line, int column, BookletFont font, TreeSet<Integer> missing, String where) {
        if (missing.isEmpty()) {
            return;
        }
        String chars = missing.stream()
                .limit(SHOWN)
                .map(cp -> new String(Character.toChars(cp)) + " (U+" + String.format("%04X", cp) + ")")
                .collect(Collectors.joining(", "));
        if (missing.size() > SHOWN) {
            chars += " and " + (missing.size() - SHOWN) + " more";
        }
        d.warning(
                file,
                line,
                column,
                "the PDF font " + font.regular().getFileName() + " has no glyph for " + chars + "; " + where
                        + " of the PDF booklet would show a blank there",
                "write another character, or pass --pdf-font with a font that has it");
    }
}
