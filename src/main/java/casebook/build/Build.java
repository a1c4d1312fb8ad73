package casebook.build;

import casebook.check.LinkChecker;
import casebook.check.TranslationChecker;
import casebook.diag.Diagnostics;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderRequest;
import casebook.markdown.RenderedBody;
import casebook.output.AtomicPublisher;
import casebook.output.OutputGuard;
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
        long start = System.nanoTime();
        Path cwd = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(options.content())) {
            d.error(options.content(), 1, 1, Files.exists(options.content()) ? "content folder is a file, not a folder"
                    : "content folder does not exist", "pass --content DIR, or run from the project folder");
            return new BuildResult(d, null, null, elapsed(start), 0, false);
        }
        String unsafeOut = options.write() ? OutputGuard.problem(options.out(), options.content(), options.themes(), cwd) : null;
        if (unsafeOut != null) {
            d.error(options.out(), 1, 1, unsafeOut, OutputGuard.FIX);
            return new BuildResult(d, null, null, elapsed(start), 0, false);
        }
        Timings timings = new Timings();
        Warmup warmup = Warmup.start();
        // every parallel step runs in this pool, so --threads holds for the whole build
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, options.threads()));
        try {
            return stages(options, d, progress, cache, start, cwd, timings, warmup, pool);
        } finally {
            pool.shutdown();
        }
    }

    /** Everything after the content folder is found, with every parallel step in {@code pool}. */
    private static BuildResult stages(BuildOptions options, Diagnostics d, Consumer<Integer> progress, BuildCache cache,
                                      long start, Path cwd, Timings timings, Warmup warmup, ForkJoinPool pool) {
        ContentTree tree = inPool(pool,
                () -> new ContentScanner(cwd, cache == null ? null : cache.files).skipping(options.out()).scan(options.content(), d));
        timings.lap("load");
        Site site = inPool(pool,
                () -> new SiteAssembler(options.drafts(), cache == null ? null : cache.parsed).assemble(tree, d));
        timings.lap("front matter");
        if (site == null) return new BuildResult(d, null, null, elapsed(start), 0, false);

        String themeName = options.theme() != null ? options.theme() : site.config().theme();
        Path themeDir = options.themes().resolve(themeName);
        if (!Files.isDirectory(themeDir)) {
            d.error(site.config().display(), options.theme() != null ? 1 : site.config().line("theme"), 1,
                    "theme \"" + themeName + "\" not found in " + options.themes() + themeSuggestion(options.themes(), themeName),
                    "set theme: default in site.yaml, or pass --theme NAME");
            return new BuildResult(d, null, site, elapsed(start), 0, false);
        }
        Map<String, Map<String, String>> messages = Messages.load(themeDir.resolve("i18n"), site.config().languages(), d, cwd);
        Templates templates;
        try {
            templates = new Templates(themeDir.resolve("templates"), cwd.relativize(themeDir.resolve("templates").toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        timings.lap("theme");
        // markdown, translation checks and templates, one slug (all its languages) at a time
        Map<String, List<Map<String, Object>>> stale = new ConcurrentHashMap<>();
        OutputTree out = options.write() ? new OutputTree(AtomicPublisher.stage(options.out())) : new OutputTree();
        // whatever throws from here on, no staging folder is left behind (the block is not re-indented, to keep the change small)
        try {
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
        copyAssets(themeDir.resolve("assets"), "assets/", out);
        for (Path asset : tree.assets()) copyPageAsset(tree.root(), asset, rendered, out);

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
        if (out.staging() != null) {
            if (failed) {
                AtomicPublisher.abort(out.staging());
            } else {
                AtomicPublisher.commit(out.staging(), options.out());
                published = true;
            }
        }
        timings.lap("write");
        timings.print();
        if (cache != null) {
            cache.last = failed ? null : new BuildCache.State(options, rendered, messages, templates,
                    new java.util.LinkedHashMap<>(stale), ids, out, d);
        }
        return new BuildResult(d, out, rendered, elapsed(start), all.size(), published);
        } finally {
            if (out.staging() != null && Files.exists(out.staging())) AtomicPublisher.abort(out.staging());
        }
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

    /** A page's HTML, reused from the cache when its view model is equal to last time's. */
    static byte[] cachedPage(PageRenderer pages, Page p, Diagnostics d, BuildCache cache) {
        Map<String, Object> model = pages.pageModel(p);
        BuildCache.Html old = cache.html.get(p.path());
        if (old != null && old.model().equals(model)) return old.html();
        byte[] bytes = pages.render(model, d);
        if (bytes == null) return null;
        cache.html.put(p.path(), new BuildCache.Html(model, bytes));
        return bytes;
    }

    /** Re-renders a page's Markdown only when its inputs changed; replays its diagnostics otherwise. */
    static RenderedBody cachedRender(MarkdownRenderer md, Page p, Map<String, Map<String, String>> messages,
                                     casebook.markdown.GlossaryTerms terms, Diagnostics d, BuildCache cache) {
        List<Object> inputs = List.of(p.body(), p.bodyStartLine(), String.valueOf(p.data()), messages.get(p.lang()), terms);
        String key = p.display() + "\0" + p.lang();
        BuildCache.Markdown old = cache.markdown.get(key);
        if (old != null && old.inputs().equals(inputs) && old.rendered().diagnostics().isEmpty()) return old.rendered();
        RenderedBody r = render(md, p, messages, terms, "../glossary/index.html", d);
        cache.markdown.put(key, new BuildCache.Markdown(inputs, r));
        return r;
    }

    static RenderedBody render(MarkdownRenderer md, Page p, Map<String, Map<String, String>> messages,
                               casebook.markdown.GlossaryTerms terms, String glossaryHref, Diagnostics d) {
        return md.render(new RenderRequest(p.display(), p.lang(), p.body(), p.bodyStartLine(), p.data(), p.dataDisplay(),
                messages.get(p.lang()), terms, glossaryHref, !p.lang().equals("ja")), d);
    }

    private static void copyAssets(Path dir, String prefix, OutputTree out) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (casebook.source.ContentScanner.isIgnored(dir.relativize(f))) continue;
                out.put(prefix + dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file beside a page (an image, a PDF) is published beside that page in every language. */
    private static void copyPageAsset(Path root, Path rel, Site site, OutputTree out) {
        try {
            byte[] bytes = Files.readAllBytes(root.resolve(rel));
            String slug = rel.getParent() == null ? "" : rel.getParent().toString().replace('\\', '/');
            String name = rel.getFileName().toString();
            for (String lang : site.config().languages()) {
                out.put(lang + "/" + (slug.isEmpty() ? "" : slug + "/") + name, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
