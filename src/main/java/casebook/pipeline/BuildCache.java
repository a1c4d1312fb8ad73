package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.frontmatter.YamlNode;
import casebook.site.Glossary;
import casebook.site.Page;
import casebook.site.Site;
import casebook.site.SiteAssembler;
import casebook.source.SourceFile;
import casebook.theme.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code serve} keeps between rebuilds: memos keyed by the inputs of each piece of work, around the
 * stages rather than inside them. Every rebuild runs the very stages of a one-off build ({@link Build}),
 * reading every file again; the memos only skip work whose inputs are unchanged:
 * <ul>
 * <li>front matter: a YAML file is parsed again only when its text changed, a page file only when its text
 *     or its data file's text changed ({@link SiteAssembler.Reader});</li>
 * <li>theme: the templates are compiled again only when a file of the theme (other than its assets), its
 *     name or the site's languages changed;</li>
 * <li>pages: a page's Markdown is rendered again only when its body, data, UI strings or glossary terms
 *     changed, and its HTML only when its view model or the theme changed ({@link PageMemo});</li>
 * <li>listings: a listing page's HTML is rendered again only when its view (template and view model) or the
 *     theme changed, the open data files and the comparison's content only when the settings, the cases'
 *     figures or the UI strings changed ({@link ListingMemo});</li>
 * <li>search: a page's text is taken again only when its HTML changed, a language's index merged again only
 *     when one of its pages' texts or the glossary changed ({@link SearchMemo});</li>
 * <li>publish checks: the files a page loads are found again only when its bytes changed
 *     ({@link ReferenceMemo}).</li>
 * </ul>
 * The view models themselves, the translation checks, the asset and content files, the pages' weights and the
 * link check run in full every time. A reused result
 * reports again every problem it reported when it was made, so a rebuild gives exactly what a clean build
 * gives ({@code IncrementalEqualsFullTest} compares the two after each of a series of edits).
 */
public final class BuildCache {
    private final Memo<Path, YamlNode> yaml = new Memo<>();
    private final Memo<String, Page> pageFiles = new Memo<>();
    private final Memo<String, Theme> themes = new Memo<>();
    private final PageMemo pages = new PageMemo();
    private final SearchMemo search = new SearchMemo();
    private final ListingMemo listings = new ListingMemo();
    private final ReferenceMemo references = new ReferenceMemo();

    /** The stages' hooks with these memos around their work ({@link StageHooks#DIRECT} without them). */
    StageHooks hooks() {
        return hooks;
    }

    private final StageHooks hooks = new StageHooks() {
        @Override
        public SiteAssembler.Reader reader() {
            return BuildCache.this.reader();
        }

        @Override
        public Theme theme(ThemeLoader loader, BuildOptions options, Site site, Diagnostics d) {
            return BuildCache.this.theme(loader, options, site, d);
        }

        @Override
        public PageStage.Bodies bodies() {
            return pages::render;
        }

        @Override
        public PageStage.Html html(Theme theme) {
            return (renderer, p, d) -> pages.page(theme, renderer, p, d);
        }

        @Override
        public PageStage.Style style(Glossary glossary) {
            return (checker, p, d, strict) -> pages.style(glossary, checker, p, d, strict);
        }

        @Override
        public ListingStage.Views views(Theme theme) {
            return (renderer, path, view, d) -> listings.render(theme, renderer, path, view, d);
        }

        @Override
        public OpenDataPages.Tables tables() {
            return listings::tables;
        }

        @Override
        public SearchStage.Texts texts() {
            return search::text;
        }

        @Override
        public SearchStage.Indexes indexes() {
            return search::index;
        }

        @Override
        public PublishChecks.References references() {
            return references::of;
        }
    };

    /** The stage 2 reader with its parses memoised by the files' text. */
    private SiteAssembler.Reader reader() {
        return new SiteAssembler.Reader() {
            @Override
            public YamlNode yaml(SourceFile file, Diagnostics d) {
                return yaml.get(
                        file.path(), List.of(file.display(), file.text()), d, local -> DIRECT.yaml(file, local));
            }

            @Override
            public Page page(
                    String slug, String lang, SourceFile file, YamlNode data, SourceFile dataFile, Diagnostics d) {
                // the data node is parsed from the data file's text (by the memo above): equal text, the very same node
                List<Object> inputs = Arrays.asList(
                        file.display(),
                        file.text(),
                        data,
                        dataFile == null ? null : dataFile.display(),
                        dataFile == null ? null : dataFile.text());
                return pageFiles.get(
                        slug + "\0" + lang, inputs, d, local -> DIRECT.page(slug, lang, file, data, dataFile, local));
            }
        };
    }

    /** The theme stage, reused while the theme's files and what selects it are unchanged. */
    private Theme theme(ThemeLoader loader, BuildOptions options, Site site, Diagnostics d) {
        String name = options.theme() != null ? options.theme() : site.config().theme();
        List<Object> files = name == null ? null : fingerprint(options.themes(), name);
        if (files == null) {
            return loader.load(site, d);
        }
        List<Object> inputs = Arrays.asList(
                name,
                options.theme() != null,
                options.themes().toAbsolutePath(),
                site.config().display(),
                site.config().line("theme"),
                site.config().languages(),
                d.hasErrors(),
                files);
        return themes.get("theme", inputs, d, local -> loader.load(site, local));
    }

    /**
     * The path and bytes of every file of the theme {@code name} but its assets (which are copied on every
     * build), or null when they cannot be read (then the theme is loaded without the memo, and reports why).
     */
    private static List<Object> fingerprint(Path themes, String name) {
        Path dir = themes.resolve(name).normalize();
        if (!dir.startsWith(themes.normalize()) || !Files.isDirectory(dir)) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = dir.relativize(p);
                if (rel.getNameCount() > 1 && rel.getName(0).toString().equals("assets")) {
                    continue;
                }
                out.add(rel.toString());
                out.add(ByteBuffer.wrap(Files.readAllBytes(p)));
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return null;
        }
        return out;
    }

    /** The templates of the theme the last build loaded through this memo, or null when none was loaded. */
    public Templates templates() {
        Theme t = themes.last();
        return t == null ? null : t.templates();
    }

    /** Forgets everything (after a rebuild that failed in an unexpected way). */
    public void clear() {
        yaml.clear();
        pageFiles.clear();
        themes.clear();
        pages.clear();
        search.clear();
        listings.clear();
        references.clear();
    }
}
