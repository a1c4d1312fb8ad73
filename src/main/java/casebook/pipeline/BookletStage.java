package casebook.pipeline;

import casebook.booklet.Booklet;
import casebook.booklet.BookletFont;
import casebook.booklet.BookletSource;
import casebook.diag.Diagnostics;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.OutlineHeading;
import casebook.markdown.RenderedBody;
import casebook.output.OutputTree;
import casebook.site.Booklets;
import casebook.site.Glossary;
import casebook.site.Page;
import casebook.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The booklet stage, before the pages: when site.yaml's {@code pdf:} or {@code --pdf} asks for it (and
 * {@code --no-pdf} does not refuse it), renders each language's pages and makes its PDF booklet
 * ({@link Booklet}) into the output tree as {@code <lang>/<name>.pdf}, and returns each booklet's file name and size
 * ({@link Booklets}), which the build gives to the pages' and listings' view models so that every page links it. It
 * runs before the pages because their footers show the booklet's size; the Markdown it renders is the same the pages
 * render (its problems are reported once, by the page stage). Without a usable font the booklets are skipped with one
 * note.
 */
final class BookletStage {
    static final String DEFAULT_NAME = "booklet";

    private final BuildOptions options;
    private final Site site;
    private final Theme theme;
    private final MarkdownRenderer md;

    BookletStage(BuildOptions options, Site site, Theme theme, MarkdownRenderer md) {
        this.options = options;
        this.site = site;
        this.theme = theme;
        this.md = md.withBlocks(theme.templates().blocks()); // the blocks are written by the theme's templates
    }

    /** Whether this build makes booklets: the option when given, else site.yaml's {@code pdf:}. */
    static boolean wanted(BuildOptions options, Site site) {
        Boolean w = options.pdf() == null ? null : options.pdf().wanted();
        return w != null ? w : site.config().pdf() != null;
    }

    /** Makes the booklets into {@code out}: what was made, by language; {@link Booklets#NONE} when none was. */
    Booklets run(OutputTree out, Diagnostics d) {
        if (!wanted(options, site)) {
            return Booklets.NONE;
        }
        String name = site.config().pdf() != null ? site.config().pdf() : DEFAULT_NAME;
        Path given = options.pdf() == null ? null : options.pdf().font();
        BookletFont font = BookletFont.find(given);
        if (font == null) {
            d.note(
                    site.config().display(),
                    site.config().line("pdf"),
                    1,
                    "PDF booklets skipped: no TrueType Japanese font" + " found",
                    BookletFont.INSTALL);
            return Booklets.NONE;
        }
        String problem = BookletFont.problem(font.regular());
        if (problem != null && BookletFont.collection(font.regular())) {
            // a collection is a font, only one the engine cannot take: like no font at all, the site is built and
            // the booklets are skipped, said once
            d.note(
                    font.regular(),
                    1,
                    1,
                    "PDF booklets skipped: the font named with --pdf-font cannot be used: " + problem,
                    BookletFont.WORKING);
            return Booklets.NONE;
        }
        if (problem != null) {
            d.error(font.regular(), 1, 1, "cannot set the PDF booklets in this font: " + problem, BookletFont.WORKING);
            return Booklets.NONE;
        }
        Map<String, byte[]> made = new ConcurrentHashMap<>();
        site.config().languages().parallelStream().forEach(lang -> {
            byte[] pdf = Booklet.make(source(lang), theme.templates(), font, previous(Booklet.path(lang, name)), d);
            if (pdf != null) {
                made.put(lang, pdf);
            }
        });
        Map<String, Booklets.Pdf> links = new LinkedHashMap<>();
        for (String lang : site.config().languages()) {
            byte[] pdf = made.get(lang);
            if (pdf == null) {
                continue;
            }
            out.put(Booklet.path(lang, name), pdf);
            links.put(lang, new Booklets.Pdf(Booklet.fileName(name), pdf.length));
        }
        return new Booklets(links);
    }

    /** The booklet the output folder holds at {@code path} from the last build, or null. Only read, never changed. */
    private byte[] previous(String path) {
        Path f = options.out().resolve(path);
        try {
            return Files.isRegularFile(f) && Files.size(f) < 64L << 20 ? Files.readAllBytes(f) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One language's booklet: the collection's identity, the top page's introduction, its pages in order, the glossary. */
    BookletSource source(String lang) {
        var c = site.config();
        Map<String, String> messages = theme.messages().of(lang);
        Diagnostics quiet = new Diagnostics(Integer.MAX_VALUE); // the page stage reports the same Markdown's problems
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("title", c.title(lang));
        identity.put("subtitle", c.pick(c.subtitle(), lang));
        identity.put("publisher", c.pick(c.publisher(), lang));
        LocalDate published = BookletSource.date(c.published());
        List<BookletSource.Chapter> chapters = new ArrayList<>();
        for (String slug : site.order()) {
            Page p = site.page(lang, slug);
            if (p == null || Site.isAbout(p)) {
                continue;
            }
            RenderedBody body =
                    PageBodies.render(md, p, messages, site.glossary().terms(lang), quiet);
            List<BookletSource.Section> sections = new ArrayList<>();
            for (OutlineHeading h : body.headings()) {
                if (h.level() == 2) {
                    sections.add(new BookletSource.Section(h.id(), h.text()));
                }
            }
            chapters.add(new BookletSource.Chapter(
                    slug,
                    p.display(),
                    p.meta().label() == null ? "" : p.meta().label(),
                    p.meta().title(),
                    body.html(),
                    sections,
                    p.body(),
                    p.bodyStartLine(),
                    elsewhere(p)));
        }
        Page home = site.homes().get(lang);
        String intro = home == null
                ? ""
                : PageBodies.render(md, home, messages, site.glossary().terms(lang), quiet)
                        .html();
        String base = Build.baseUrl(options, site);
        if (base != null && !base.endsWith("/")) {
            base += "/";
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path i18n = theme.dir().toAbsolutePath().normalize().resolve("i18n").resolve(lang + ".yaml");
        var origins = new BookletSource.Origins(
                c.display(),
                Math.max(1, c.line("title")),
                home == null ? null : home.display(),
                site.glossary().entries().isEmpty() ? null : site.glossary().display(),
                i18n.startsWith(cwd) ? cwd.relativize(i18n) : i18n);
        return new BookletSource(lang, identity, published, intro, chapters, glossary(lang), messages, base, origins);
    }

    /** The page's text outside its body ({@link Page#textOutsideBody()}) as the booklet reports it. */
    static List<BookletSource.Place> elsewhere(Page p) {
        return p.textOutsideBody().stream()
                .map(t -> new BookletSource.Place(t.file(), t.line(), t.column(), t.text()))
                .toList();
    }

    private Map<String, Object> glossary(String lang) {
        if (site.glossary().entries().isEmpty()) {
            return null;
        }
        Map<String, String> langMessages = theme.messages().of(lang);
        String other = site.config().languages().stream()
                .filter(l -> !l.equals(lang))
                .findFirst()
                .orElse(lang);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Glossary.Entry e : site.glossary().entries()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", e.id());
            x.put("term", e.term().getOrDefault(lang, ""));
            x.put("other", e.term().getOrDefault(other, ""));
            x.put("otherLang", other);
            x.put("definition", e.definition().getOrDefault(lang, ""));
            entries.add(x);
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("title", langMessages.getOrDefault("glossary.title", "Glossary"));
        g.put("intro", langMessages.getOrDefault("glossary.intro", ""));
        g.put("entries", entries);
        return g;
    }
}
