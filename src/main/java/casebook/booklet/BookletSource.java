package casebook.booklet;

import casebook.text.Formats;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one language's booklet is made of, as the pipeline hands it over: the collection's identity, the top
 * page's introduction and every page in reading order with its rendered body (the HTML the website shows).
 *
 * @param lang        the language code ({@code lang} of the document and of the PDF catalogue)
 * @param site        the collection: {@code title}, {@code subtitle}, {@code publisher}
 * @param published   the publication date: the PDF's creation and modification date (null: the epoch)
 * @param introHtml   the top page's rendered body, "" when none
 * @param chapters    the pages, in reading order
 * @param glossary    the glossary's {@code title}, {@code intro} and {@code entries} (id, term, other, otherLang,
 *                    definition), or null for none
 * @param messages    the theme's UI strings for {@code lang}
 * @param baseUrl     where the site is published (ends with /), for links to files that are not in the booklet; may be null
 * @param origins     the files that hold the text outside the pages, for diagnostics
 */
public record BookletSource(
        String lang,
        Map<String, String> site,
        LocalDate published,
        String introHtml,
        List<Chapter> chapters,
        Map<String, Object> glossary,
        Map<String, String> messages,
        String baseUrl,
        Origins origins) {

    /**
     * Where the booklet's text outside the pages comes from, so that a problem in it is reported at the file an
     * editor changes: the cover's title, subtitle, publisher and date at site.yaml (at the title's line), the
     * introduction at the top page's Markdown, the glossary's entries at the glossary file, and the booklet's own
     * words (目次, the glossary's title and introduction) at the theme's messages of the language.
     *
     * @param siteYaml   site.yaml
     * @param titleLine  the line of its {@code title} (1 when unknown)
     * @param intro      the top page's Markdown, or null when there is none
     * @param glossary   the glossary file, or null when there is none
     * @param messages   the theme's messages file of the language ({@code i18n/ja.yaml})
     */
    public record Origins(Path siteYaml, int titleLine, Path intro, Path glossary, Path messages) {}

    /**
     * One page of the collection.
     *
     * @param slug      its folder name, which names it in the booklet's links
     * @param display   its Markdown file, for diagnostics
     * @param label     its label ("事例1"), "" when none
     * @param title     its title
     * @param html      its rendered body
     * @param sections  its level-2 headings: id and text
     * @param markdown  its Markdown body as the file holds it ("" when not known), to report a character at its place
     * @param markdownLine the file line of the body's first line
     * @param elsewhere the page's text that is not in its body (the title and label of its front matter, the values
     *                  of its data file) with where each starts, to report a character found there at its place
     */
    public record Chapter(
            String slug,
            Path display,
            String label,
            String title,
            String html,
            List<Section> sections,
            String markdown,
            int markdownLine,
            List<Place> elsewhere) {}

    /** A piece of a page's text outside its body, and the file, line and column where it starts. */
    public record Place(Path file, int line, int column, String text) {}

    /** site.yaml's {@code published} (2025-03 or 2025-03-31) as a date, or null. */
    public static LocalDate date(String iso) {
        return iso == null ? null : Formats.parseDate(iso);
    }

    /** A level-2 heading of a page: its id on the page and its text. */
    public record Section(String id, String text) {}
}
