package casebook.pipeline;

import casebook.check.EnglishStyleChecker;
import casebook.diag.Diagnostics;
import casebook.output.AtomicPublisher;
import casebook.output.OutputRefused;
import casebook.output.OutputTree;
import casebook.publish.PageWeights;
import casebook.site.Booklets;
import casebook.site.Site;
import casebook.site.SiteAssembler;
import casebook.source.ContentScanner;
import casebook.source.ContentTree;
import casebook.text.Urls;
import casebook.theme.PageRenderer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * Runs the pipeline: each stage takes what it needs of the earlier stages' values, in this order ({@link #stages}
 * reads the same way); the stages that make a record return it, the others add files to the {@link OutputTree}:
 * <ol>
 * <li>load: {@link ContentScanner} walks content/ and decodes every file as strict UTF-8 → {@link ContentTree};</li>
 * <li>front matter: {@link SiteAssembler} reads site.yaml, data files, front matter and the glossary, and
 *     fixes the reading order and navigation → {@link Site} (no rendered bodies yet);</li>
 * <li>theme: {@link ThemeLoader} finds the theme, its UI strings and templates → {@link Theme};</li>
 * <li>booklet: {@link BookletStage} makes each language's PDF booklet when site.yaml's {@code pdf:} or {@code --pdf}
 *     asks, before the pages, whose footers link it with its size → {@link Booklets} (given to the pages, the
 *     listings and the search page);</li>
 * <li>pages, one slug at a time and slugs in parallel ({@link PageStage}): the Markdown of each language,
 *     the translation checks against the original, and each page's template, written to the
 *     {@link OutputTree} at once → {@link RenderedSite};</li>
 * <li>listings: {@link ListingStage} writes the pages that list the whole site (language tops, glossary,
 *     landing, 404, sitemap) and, through {@link OpenDataPages}, the open data files and the comparison and
 *     open-data pages;</li>
 * <li>search: {@link SearchStage} writes each language's search page and index, from the pages as written;</li>
 * <li>files: {@link AssetCopier} and {@link ContentFiles} copy the theme's and the content's files;</li>
 * <li>links: {@link PublishChecks} (ASCII file names, page weight) and {@link SiteLinkCheck}, which resolves
 *     every internal link and anchor → {@link CheckedSite};</li>
 * <li>write: {@link AtomicPublisher} swaps the new site in, only when no error was reported; with
 *     {@code --bundle}, {@link BundleStage} then writes the portal bundle beside it.</li>
 * </ol>
 * Every parallel step runs in one {@link ForkJoinPool} of {@code --threads} workers.
 */
public final class Build {
    private final BuildOptions options;
    private final Diagnostics d;
    private final Consumer<Integer> progress;
    /** The direct or memoised work some stages are given: the one place a build differs from {@code serve}'s. */
    private final StageHooks hooks;

    private final AtomicPublisher publisher;
    private final long start;
    private final Path cwd;
    private final Timings timings = new Timings();
    private final Warmup warmup = Warmup.start();
    /** Every parallel step runs in this pool, so --threads holds for the whole build. */
    private final ForkJoinPool pool;

    private Build(
            BuildOptions options,
            Diagnostics d,
            Consumer<Integer> progress,
            StageHooks hooks,
            AtomicPublisher publisher,
            long start,
            Path cwd) {
        this.options = options;
        this.d = d;
        this.progress = progress;
        this.hooks = hooks;
        this.publisher = publisher;
        this.start = start;
        this.cwd = cwd;
        this.pool = new ForkJoinPool(Math.max(1, options.threads()));
    }

    public static BuildResult run(BuildOptions options) {
        return run(options, new Diagnostics(), p -> {});
    }

    /** @param progress called with the number of pages rendered so far, for the progress line */
    public static BuildResult run(BuildOptions options, Diagnostics d, Consumer<Integer> progress) {
        return run(options, d, progress, null);
    }

    /**
     * The same build with {@code serve}'s memos around the stages' work: what is reused is exactly what running
     * it again would give, so the result equals a one-off build's.
     *
     * @param cache kept between runs by {@code serve}; null for a one-off build
     */
    public static BuildResult run(BuildOptions options, Diagnostics d, Consumer<Integer> progress, BuildCache cache) {
        return run(options, d, progress, cache == null ? StageHooks.DIRECT : cache.hooks(), null);
    }

    /**
     * A build that writes through an output folder its caller has already opened (checked and locked); the
     * caller closes it. The command line does this so that a refused folder is a usage error (exit code 2).
     */
    public static BuildResult into(
            AtomicPublisher publisher, BuildOptions options, Diagnostics d, Consumer<Integer> progress) {
        return run(options, d, progress, StageHooks.DIRECT, publisher);
    }

    private static BuildResult run(
            BuildOptions options, Diagnostics d, Consumer<Integer> progress, StageHooks hooks, AtomicPublisher given) {
        long start = System.nanoTime();
        Path cwd = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(options.content())) {
            d.error(
                    options.content(),
                    1,
                    1,
                    Files.exists(options.content())
                            ? "content folder is a file, not a folder"
                            : "content folder does not exist",
                    "pass --content DIR, or run from the project folder");
            return new BuildResult(d, null, null, elapsed(start), 0, false);
        }
        if (BundleStage.refused(options, d)) {
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
        Build build = new Build(options, d, progress, hooks, publisher, start, cwd);
        try {
            return build.stages();
        } finally {
            build.pool.shutdown();
            // deletes the staging folder of a build that did not publish (whatever stopped it) and releases the lock
            if (given == null && publisher != null) {
                publisher.close();
            }
        }
    }

    /** Everything after the content folder is found, with every parallel step in {@link #pool}: the stages in their order. */
    private BuildResult stages() {
        ContentTree tree = inPool(() -> new ContentScanner(cwd).scan(options.content(), d));
        timings.lap("load");

        Site site = inPool(() -> frontMatter(tree));
        timings.lap("front matter");
        if (site == null) {
            return stopped(null);
        }
        // the English of the YAML files and of the pages' front matter (the pages' titles and bodies: stage 4)
        new EnglishStyleChecker(site.glossary()).checkSources(tree, d, options.strict());
        Theme theme = hooks.theme(new ThemeLoader(options, cwd), options, site, d);
        if (theme == null) {
            return stopped(site);
        }
        timings.lap("theme");
        OutputTree out = outputTree(publisher, options, d);
        if (out == null) {
            return stopped(site);
        }
        Booklets booklets = inPool(() -> new BookletStage(options, site, theme, warmup.markdownRenderer()).run(out, d));
        timings.lap("booklet");
        PageStage pages = pages(site, theme, booklets, out);
        RenderedSite rendered = inPool(pages::run);
        timings.lap("pages");
        inPool(() -> listings(rendered, theme, booklets).renderInto(out, d));
        timings.lap("listings");
        inPool(() -> SearchStage.run(
                rendered, searchPage(rendered, theme, booklets), out, hooks.texts(), hooks.indexes(), d));
        timings.lap("search");
        Set<String> refusedFiles = files(tree, theme, rendered, out);
        timings.lap("files");
        List<PageWeights.Weight> weights = inPool(() -> publishChecks(rendered, out));
        timings.lap("publish checks");
        CheckedSite checked =
                inPool(() -> new SiteLinkCheck(ThemeIds.of(theme.dir()), refusedFiles).check(rendered, out, d));
        timings.lap("links");
        pages.reportTranslations(); // after the links: an original with errors is not compared
        boolean published = publish(publisher, options, d);
        timings.lap("write");
        if (published && options.bundle()) {
            bundle(site, weights);
            timings.lap("bundle");
        }
        timings.print();
        return result(checked, out, published);
    }

    /** The front matter stage: site.yaml, data files, front matter and glossary, the order and navigation. */
    private Site frontMatter(ContentTree tree) {
        return new SiteAssembler(options.drafts(), options.preview(), hooks.reader()).assemble(tree, d);
    }

    /** The page stage: Markdown, translation checks and templates, one slug (all its languages) at a time. */
    private PageStage pages(Site site, Theme theme, Booklets booklets, OutputTree out) {
        return new PageStage(
                warmup.markdownRenderer(),
                site,
                theme,
                booklets,
                baseUrl(options, site),
                hooks.bodies(),
                hooks.html(theme),
                hooks.style(site.glossary()),
                d,
                options.strict(),
                progress,
                out::put);
    }

    /** The listings stage, with the open data and comparison pages. */
    private ListingStage listings(RenderedSite rendered, Theme theme, Booklets booklets) {
        return new ListingStage(
                rendered,
                theme,
                booklets,
                baseUrl(options, rendered.site()),
                hooks.views(theme),
                hooks.tables(),
                !options.write());
    }

    /** A language's search page, rendered like a listing. */
    private SearchStage.SearchPage searchPage(RenderedSite rendered, Theme theme, Booklets booklets) {
        PageRenderer pages = new PageRenderer(
                rendered.site(),
                theme.templates(),
                theme.messages(),
                baseUrl(options, rendered.site()),
                rendered.stale(),
                booklets);
        ListingStage.Views views = hooks.views(theme);
        return (lang, dd) -> views.render(pages, Urls.search(lang), pages.search(lang), dd);
    }

    /**
     * The theme's assets, then the content's files (after every generated file: one may not take such a path). The
     * linked files refused with an error.
     */
    private Set<String> files(ContentTree tree, Theme theme, RenderedSite rendered, OutputTree out) {
        new AssetCopier(cwd).copy(theme.assets(), out, d);
        return ContentFiles.publish(tree.root(), tree.assets(), rendered.site(), out, cwd, d);
    }

    /** ASCII file names and every page's weight, with what it loads. */
    private List<PageWeights.Weight> publishChecks(RenderedSite rendered, OutputTree out) {
        Site site = rendered.site();
        return PublishChecks.run(
                out,
                options.content(),
                site,
                baseUrl(options, site),
                site.config().pageBudgetKb(),
                hooks.references(),
                d);
    }

    /** The portal bundle beside the published site ({@code --bundle}). */
    private void bundle(Site site, List<PageWeights.Weight> weights) {
        BundleStage.write(
                options, site.config().published(), weights, site.config().pageBudgetKb(), d);
    }

    /** A build stopped after {@code site} (null before it): nothing to show, nothing written. */
    private BuildResult stopped(Site site) {
        return new BuildResult(d, null, site, elapsed(start), 0, false);
    }

    /** The finished build: the link-checked site, the output tree and whether it was published. */
    private BuildResult result(CheckedSite checked, OutputTree out, boolean published) {
        RenderedSite rendered = checked.rendered();
        return new BuildResult(
                d, out, rendered.site(), elapsed(start), rendered.pages().size(), published);
    }

    /** The tree the pages go to: in memory, or through the staging folder of a build that writes. Null after reporting. */
    private static OutputTree outputTree(AtomicPublisher publisher, BuildOptions options, Diagnostics d) {
        try {
            return publisher != null ? new OutputTree(publisher.stage()) : new OutputTree();
        } catch (OutputRefused e) {
            d.error(options.out(), 1, 1, e.getMessage(), e.hint());
            return null;
        } catch (UncheckedIOException e) {
            d.error(options.out(), 1, 1, e.getMessage(), "check that the folder holding --out can be written to");
            return null;
        }
    }

    /**
     * The write stage: swaps the staged site in when the build has no error (no warning with --strict), and
     * otherwise drops it. Whether it was published.
     */
    private static boolean publish(AtomicPublisher publisher, BuildOptions options, Diagnostics d) {
        if (publisher == null) {
            return false;
        }
        if (failed(options, d)) {
            publisher.abort();
            return false;
        }
        try {
            publisher.commit();
            return true;
        } catch (OutputRefused | UncheckedIOException e) {
            d.error(
                    options.out(),
                    1,
                    1,
                    e.getMessage(),
                    e instanceof OutputRefused r ? r.hint() : "check that the folder holding --out can be written to");
            publisher.abort();
            return false;
        }
    }

    static boolean failed(BuildOptions options, Diagnostics d) {
        return d.hasErrors() || options.strict() && d.warningCount() > 0;
    }

    static String baseUrl(BuildOptions o, Site site) {
        if (o.baseUrl() != null) {
            return o.baseUrl().isEmpty() ? null : o.baseUrl();
        } // --base-url "" asks for relative links
        return site.config().baseUrl();
    }

    private void inPool(Runnable task) {
        inPool(() -> {
            task.run();
            return null;
        });
    }

    private <T> T inPool(Callable<T> task) {
        try {
            return pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
