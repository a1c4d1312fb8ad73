package casebook.build;

import casebook.check.LinkChecker;
import casebook.check.TranslationChecker;
import casebook.diag.Diagnostics;
import casebook.frontmatter.SiteConfig;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderRequest;
import casebook.markdown.RenderedBody;
import casebook.output.AtomicPublisher;
import casebook.output.OutputRefused;
import casebook.output.OutputTree;
import casebook.site.Page;
import casebook.site.Site;
import casebook.site.SiteAssembler;
import casebook.source.ContentScanner;
import casebook.source.ContentTree;
import casebook.theme.Messages;
import casebook.theme.PageRenderer;
import casebook.theme.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs the pipeline, in this order:
 * <ol>
 * <li>load: {@link ContentScanner} walks content/ and decodes every file as strict UTF-8;</li>
 * <li>front matter: {@link SiteAssembler} reads site.yaml, data files, front matter and the glossary, and
 *     fixes the reading order and navigation ({@link Site});</li>
 * <li>pages, one slug at a time and slugs in parallel ({@link PageWork}): {@link MarkdownRenderer} renders
 *     the body in each language, {@link TranslationChecker} checks parity, staleness and glossary use of
 *     the translations against the original, and {@link PageRenderer} renders and writes each page;</li>
 * <li>listings: the pages that list the whole site (the language tops, the glossary, the sitemap);</li>
 * <li>check: {@link LinkChecker} resolves every internal link and anchor;</li>
 * <li>write: {@link AtomicPublisher} swaps the new site in, only when no error was reported.</li>
 * </ol>
 */
public final class Build {
    private Build() { }

    public static BuildResult run(BuildOptions options) {
        return run(options, new Diagnostics(), p -> { });
    }

    /** @param progress called with the number of pages rendered so far, for the progress line */
    public static BuildResult run(BuildOptions options, Diagnostics d, Consumer<Integer> progress) {
        return run(options, d, progress, null);
    }

    /** @param cache kept between runs by {@code serve}; null for a one-off build */
    public static BuildResult run(BuildOptions options, Diagnostics d, Consumer<Integer> progress, BuildCache cache) {
        return run(options, d, progress, cache, null);
    }

    /**
     * A build that writes through an output folder its caller has already opened (checked and locked); the
     * caller closes it. The command line does this so that a refused folder is a usage error (exit code 2).
     */
    public static BuildResult into(AtomicPublisher publisher, BuildOptions options, Diagnostics d, Consumer<Integer> progress) {
        return run(options, d, progress, null, publisher);
    }

    private static BuildResult run(BuildOptions options, Diagnostics d, Consumer<Integer> progress, BuildCache cache,
                                   AtomicPublisher given) {
        long start = System.nanoTime();
        Path cwd = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(options.content())) {
            d.error(options.content(), 1, 1, Files.exists(options.content()) ? "content folder is a file, not a folder"
                    : "content folder does not exist", "pass --content DIR, or run from the project folder");
            return new BuildResult(d, null, null, elapsed(start), 0, false);
        }
        // the output folder is checked and locked before anything is read or written (see AtomicPublisher)
        AtomicPublisher publisher = given;
        if (options.write() && publisher == null) {
            try {
                publisher = AtomicPublisher.open(options.out(), options.content(), options.themes(), cwd);
            } catch (OutputRefused e) {
                d.error(options.out(), 1, 1, e.getMessage(), e.hint());
                return new BuildResult(d, null, null, elapsed(start), 0, false);
            }
        }
        Timings timings = new Timings();
        Warmup warmup = Warmup.start();
        // every parallel step runs in this pool, so --threads holds for the whole build
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, options.threads()));
        try {
            return stages(options, d, progress, cache, start, cwd, timings, warmup, pool, publisher);
        } finally {
            pool.shutdown();
            // deletes the staging folder of a build that did not publish (whatever stopped it) and releases the lock
            if (given == null && publisher != null) publisher.close();
        }
    }

    /** Everything after the content folder is found, with every parallel step in {@code pool}. */
    private static BuildResult stages(BuildOptions options, Diagnostics d, Consumer<Integer> progress, BuildCache cache,
                                      long start, Path cwd, Timings timings, Warmup warmup, ForkJoinPool pool,
                                      AtomicPublisher publisher) {
        ContentTree tree = inPool(pool,
                () -> new ContentScanner(cwd, cache == null ? null : cache.files).scan(options.content(), d));
        timings.lap("load");
        Site site = inPool(pool,
                () -> new SiteAssembler(options.drafts(), cache == null ? null : cache.parsed).assemble(tree, d));
        timings.lap("front matter");
        if (site == null) return new BuildResult(d, null, null, elapsed(start), 0, false);

        String themeName = options.theme() != null ? options.theme() : site.config().theme();
        int themeLine = options.theme() != null ? 1 : site.config().line("theme");
        Path themeDir = theme(options.themes(), themeName, options.theme() != null, site.config().display(), themeLine, d);
        if (themeDir == null) return new BuildResult(d, null, site, elapsed(start), 0, false);
        Map<String, Map<String, String>> messages = Messages.load(themeDir.resolve("i18n"), site.config().languages(), d, cwd);
        Templates templates;
        try {
            templates = new Templates(themeDir.resolve("templates"), cwd.relativize(themeDir.resolve("templates").toAbsolutePath()));
        } catch (IOException e) {
            d.error(site.config().display(), themeLine, 1, "cannot read the templates of theme \"" + themeName + "\": " + e.getMessage(),
                    null);
            return new BuildResult(d, null, site, elapsed(start), 0, false);
        }

        timings.lap("theme");
        // markdown, translation checks and templates, one slug (all its languages) at a time
        Map<String, List<Map<String, Object>>> stale = new ConcurrentHashMap<>();
        OutputTree out;
        try {
            out = publisher != null ? new OutputTree(publisher.stage()) : new OutputTree();
        } catch (UncheckedIOException e) {
            d.error(options.out(), 1, 1, e.getMessage(), "check that the folder holding --out can be written to");
            return new BuildResult(d, null, site, elapsed(start), 0, false);
        }
        PageWork work = new PageWork(warmup.markdownRenderer(), site, messages, templates, baseUrl(options, site), stale, d,
                options.strict(), progress, cache, out);
        Site rendered = inPool(pool, work::run);
        List<Page> all = allPages(rendered);
        PageRenderer pages = new PageRenderer(rendered, templates, messages, baseUrl(options, site), stale);
        timings.lap("pages");
        // the pages that list the whole site (a top page per language, the sitemap) are large: build them side by side
        List<Runnable> listings = new ArrayList<>();
        for (String lang : rendered.config().languages()) {
            listings.add(() -> put(out, lang + "/index.html", pages.home(lang, d)));
            if (!rendered.glossary().entries().isEmpty()) {
                listings.add(() -> put(out, lang + "/glossary/index.html", pages.glossary(lang, d)));
            }
        }
        listings.add(() -> put(out, "index.html", pages.landing(d)));
        listings.add(() -> put(out, "404.html", pages.notFound(d)));
        listings.add(() -> out.put("sitemap.xml", Sitemap.xml(rendered, baseUrl(options, site))));
        inPool(pool, () -> {
            listings.parallelStream().forEach(Runnable::run);
            return null;
        });
        timings.lap("listings");
        copyAssets(themeDir.resolve("assets"), "assets/", out, cwd, d);
        // after every generated file is in out: a content file may not take the path of one
        ContentFiles.publish(tree.root(), tree.assets(), rendered, out, cwd, d);

        Map<String, Set<String>> ids = new ConcurrentHashMap<>();
        for (Page p : all) {
            Set<String> s = new HashSet<>(p.rendered().ids());
            s.addAll(TEMPLATE_IDS);
            ids.put(p.path(), s);
        }
        LinkChecker links = new LinkChecker(out.paths(), ids);
        inPool(pool, () -> {
            all.parallelStream().forEach(p -> links.check(p, d));
            for (Page h : rendered.homes().values()) links.check(h, d);
            return null;
        });
        timings.lap("links");
        boolean failed = d.hasErrors() || options.strict() && d.warningCount() > 0;
        boolean published = false;
        if (publisher != null) {
            if (failed) {
                publisher.abort();
            } else {
                try {
                    publisher.commit();
                    published = true;
                } catch (OutputRefused | UncheckedIOException e) {
                    d.error(options.out(), 1, 1, e.getMessage(),
                            e instanceof OutputRefused r ? r.hint() : "check that the folder holding --out can be written to");
                    publisher.abort();
                    failed = true;
                }
            }
        }
        timings.lap("write");
        timings.print();
        if (cache != null) {
            cache.last = failed ? null : new BuildCache.State(options, rendered, messages, templates,
                    new java.util.LinkedHashMap<>(stale), ids, out, d);
        }
        return new BuildResult(d, out, rendered, elapsed(start), all.size(), published);
    }

    /** "; did you mean …?" naming the closest theme folder, or "" when none is close. */
    private static String themeSuggestion(Path themes, String name) {
        try (Stream<Path> dirs = Files.list(themes)) {
            List<String> names = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            String s = casebook.diag.Suggestions.closest(name, names);
            return s == null ? "" : "; did you mean \"" + s + "\"?";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The folder of the theme named {@code name}: a plain name (see {@link SiteConfig#themeNameProblem}) of a
     * folder that, symbolic links resolved, lies inside the themes folder, with its templates, messages and
     * assets inside it too, and a templates folder. Null after reporting why not, at site.yaml's
     * {@code theme:} line (or line 1 when the name came from {@code --theme}).
     */
    private static Path theme(Path themes, String name, boolean fromOption, Path siteYaml, int line, Diagnostics d) {
        String problem = SiteConfig.themeNameProblem(name);
        if (problem != null) {
            // a name from site.yaml was reported at its value by SiteConfig; the command line refuses a bad --theme
            if (fromOption) d.error(siteYaml, 1, 1, "theme " + problem + " (--theme)", SiteConfig.THEME_NAME_FIX);
            else if (!d.hasErrors()) d.error(siteYaml, line, 1, "theme " + problem, SiteConfig.THEME_NAME_FIX);
            return null;
        }
        Path dir = themes.resolve(name);
        if (!Files.isDirectory(dir)) {
            d.error(siteYaml, line, 1, "theme \"" + name + "\" not found in " + themes + themeSuggestion(themes, name),
                    "set theme: default in site.yaml, or pass --theme NAME");
            return null;
        }
        try {
            Path realThemes = themes.toRealPath();
            Path real = dir.toRealPath();
            if (!real.startsWith(realThemes) || real.equals(realThemes)) {
                d.error(siteYaml, line, 1, "theme \"" + name + "\" is a symbolic link to a folder outside the themes folder "
                        + themes + "; only themes inside it are used", "copy the theme into " + dir);
                return null;
            }
            for (String part : List.of("templates", "i18n", "assets")) {
                Path p = dir.resolve(part);
                if (Files.exists(p) && !p.toRealPath().startsWith(real)) {
                    d.error(siteYaml, line, 1, "the " + part + " folder of theme \"" + name + "\" is a symbolic link leading"
                            + " outside the theme", "copy the folder into " + dir);
                    return null;
                }
            }
        } catch (IOException e) {
            d.error(siteYaml, line, 1, "cannot read theme \"" + name + "\": " + e.getMessage(), null);
            return null;
        }
        if (!Files.isDirectory(dir.resolve("templates"))) {
            d.error(siteYaml, line, 1, "theme \"" + name + "\" has no templates folder (" + dir.resolve("templates") + ")",
                    "a theme holds templates/ (layout, page, home, landing, glossary and 404 .ftlh), i18n/ and assets/;"
                            + " start from a copy of themes/default");
            return null;
        }
        return dir;
    }

    /** Ids every page template writes, so links to them (#main, #contents) check out. */
    public static final Set<String> TEMPLATE_IDS = Set.of("main", "top", "page-toc", "page-toc-title");

    static String baseUrl(BuildOptions o, Site site) {
        if (o.baseUrl() != null) return o.baseUrl().isEmpty() ? null : o.baseUrl(); // --base-url "" asks for relative links
        return site.config().baseUrl();
    }

    private static void put(OutputTree out, String path, byte[] html) {
        if (html != null) out.put(path, html);
    }

    private static List<Page> allPages(Site site) {
        List<Page> all = new ArrayList<>();
        for (Map<String, Page> byLang : site.pages().values()) all.addAll(byLang.values());
        return all;
    }

    static RenderedBody render(MarkdownRenderer md, Page p, Map<String, Map<String, String>> messages,
                               casebook.markdown.GlossaryTerms terms, String glossaryHref, Diagnostics d) {
        return md.render(new RenderRequest(p.display(), p.lang(), p.body(), p.bodyStartLine(), p.data(), p.dataDisplay(),
                messages.get(p.lang()), terms, glossaryHref, !p.lang().equals("ja")), d);
    }

    /** Publishes every file of the theme's assets folder; a symbolic link leading out of it is an error, not read. */
    private static void copyAssets(Path dir, String prefix, OutputTree out, Path cwd, Diagnostics d) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            Path real = dir.toRealPath();
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (casebook.source.ContentScanner.isIgnored(dir.relativize(f))) continue;
                if (Files.isSymbolicLink(f) && !f.toRealPath().startsWith(real)) {
                    Path display = ContentFiles.display(f, cwd);
                    d.error(display, 1, 1, display + " is a symbolic link to a file outside the theme's assets folder; it is"
                            + " not published", "copy the file in instead");
                    continue;
                }
                out.put(prefix + dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException | UncheckedIOException e) {
            d.error(ContentFiles.display(dir, cwd), 1, 1, "cannot read the theme's assets: " + e.getMessage(), null);
        }
    }

    private static <T> T inPool(ForkJoinPool pool, java.util.concurrent.Callable<T> task) {
        try {
            return pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Per-stage wall times, printed to stderr when the system property casebook.timings is set (for profiling). */
    private static final class Timings {
        private final boolean on = Boolean.getBoolean("casebook.timings");
        private final StringBuilder out = new StringBuilder();
        private long last = System.nanoTime();
        private long lastCpu = on ? cpu() : 0;

        /** CPU time of the whole process (all threads, the JIT and GC included), in ns; -1 if unknown. */
        private static long cpu() {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
        }

        void lap(String stage) {
            if (!on) return;
            long now = System.nanoTime();
            long cpu = cpu();
            out.append(String.format(java.util.Locale.ROOT, "  %-13s %6d ms wall %6d ms cpu%n", stage, (now - last) / 1_000_000,
                    (cpu - lastCpu) / 1_000_000));
            last = now;
            lastCpu = cpu;
        }

        void print() {
            if (on) System.err.print("stage timings (cpu: all threads of the process, JIT and GC included):\n" + out);
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
