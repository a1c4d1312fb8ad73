package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.markdown.GlossaryTerms;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderRequest;
import casebook.markdown.RenderedBody;
import casebook.output.AtomicPublisher;
import casebook.output.OutputRefused;
import casebook.output.OutputTree;
import casebook.publish.PageWeights;
import casebook.site.Page;
import casebook.site.Site;
import casebook.site.SiteAssembler;
import casebook.source.ContentScanner;
import casebook.source.ContentTree;
import casebook.text.Urls;
import casebook.theme.PageRenderer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * Runs the pipeline: each stage takes the previous stage's value and returns the next, in this order
 * ({@link #stages} reads the same way):
 * <ol>
 * <li>load: {@link ContentScanner} walks content/ and decodes every file as strict UTF-8 → {@link ContentTree};</li>
 * <li>front matter: {@link SiteAssembler} reads site.yaml, data files, front matter and the glossary, and
 *     fixes the reading order and navigation → {@link Site} (no rendered bodies yet);</li>
 * <li>theme: {@link ThemeLoader} finds the theme, its UI strings and templates → {@link Theme};</li>
 * <li>booklet: {@link BookletStage} makes each language's PDF booklet when site.yaml's {@code pdf:} or {@code --pdf}
 *     asks, before the pages, whose footers link it with its size;</li>
 * <li>pages, one slug at a time and slugs in parallel ({@link SlugRenderer}): the Markdown of each language,
 *     the translation checks against the original, and each page's template, written to the
 *     {@link OutputTree} at once → {@link RenderedSite};</li>
 * <li>listings: {@link ListingRenderer} writes the pages that list the whole site (language tops, glossary,
 *     landing, 404, sitemap), then {@link AssetCopier} and {@link ContentFiles} the theme's and the
 *     content's files;</li>
 * <li>links: {@link PublishChecks} (ASCII file names, page weight) and {@link SiteLinkCheck}, which resolves
 *     every internal link and anchor → {@link CheckedSite};</li>
 * <li>write: {@link AtomicPublisher} swaps the new site in, only when no error was reported; with
 *     {@code --bundle}, {@link BundleStage} then writes the portal bundle beside it.</li>
 * </ol>
 * Every parallel step runs in one {@link ForkJoinPool} of {@code --threads} workers.
 */
public final class Build {
    private Build() {}

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
        return run(options, d, progress, cache, null);
    }

    /**
     * A build that writes through an output folder its caller has already opened (checked and locked); the
     * caller closes it. The command line does this so that a refused folder is a usage error (exit code 2).
     */
    public static BuildResult into(
            AtomicPublisher publisher, BuildOptions options, Diagnostics d, Consumer<Integer> progress) {
        return run(options, d, progress, null, publisher);
    }

    private static BuildResult run(
            BuildOptions options, Diagnostics d, Consumer<Integer> progress, BuildCache cache, AtomicPublisher given) {
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
        Timings timings = new Timings();
        Warmup warmup = Warmup.start();
        // every parallel step runs in this pool, so --threads holds for the whole build
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, options.threads()));
        try {
            return stages(options, d, progress, cache, start, cwd, timings, warmup, pool, publisher);
        } finally {
            pool.shutdown();
            // deletes the staging folder of a build that did not publish (whatever stopped it) and releases the lock
            if (given == null && publisher != null) {
                publisher.close();
            }
        }
    }

    /** Everything after the content folder is found, with every parallel step in {@code pool}: the stages in their order. */
    private static BuildResult stages(
            BuildOptions options,
            Diagnostics d,
            Consumer<Integer> progress,
            BuildCache cache,
            long start,
            Path cwd,
            Timings timings,
            Warmup warmup,
            ForkJoinPool pool,
            AtomicPublisher publisher) {
        // serve passes its memos (BuildCache) as the functions some stages are given; the stages are the same
        ContentTree tree = inPool(pool, () -> new ContentScanner(cwd).scan(options.content(), d));
        timings.lap("load");
        SiteAssembler.Reader reader = cache == null ? SiteAssembler.Reader.DIRECT : cache.reader();
        Site site =
                inPool(pool, () -> new SiteAssembler(options.drafts(), options.preview(), reader).assemble(tree, d));
        timings.lap("front matter");
        if (site == null) {
            return stopped(d, null, start);
        }
        ThemeLoader themes = new ThemeLoader(options, cwd);
        Theme theme = cache == null ? themes.load(site, d) : cache.theme(themes, options, site, d);
        if (theme == null) {
            return stopped(d, site, start);
        }
        timings.lap("theme");
        OutputTree out = outputTree(publisher, options, d);
        if (out == null) {
            return stopped(d, site, start);
        }
        inPool(
                pool,
                () -> new BookletStage(options, site, theme, warmup.markdownRenderer())
                        .run(out, d)); // pages link it with its size
        timings.lap("booklet");
        // markdown, translation checks and templates, one slug (all its languages) at a time
        SlugRenderer.Bodies bodies = cache == null ? SlugRenderer.Bodies.DIRECT : cache.pages::render;
        SlugRenderer.Html html = cache == null
                ? SlugRenderer.Html.DIRECT
                : (renderer, p, dd) -> cache.pages.page(theme, renderer, p, dd);
        SlugRenderer.Style style = cache == null
                ? SlugRenderer.Style.DIRECT
                : (checker, p, dd, strict) -> cache.pages.style(site.glossary(), checker, p, dd, strict);
        SlugRenderer pages = new SlugRenderer(
                warmup.markdownRenderer(),
                site,
                theme,
                baseUrl(options, site),
                bodies,
                html,
                style,
                d,
                options.strict(),
                progress,
                out::put);
        RenderedSite rendered = inPool(pool, pages::run);
        timings.lap("pages");
        ListingRenderer.Views views = cache == null
                ? ListingRenderer.Views.DIRECT
                : (renderer, path, view, dd) -> cache.listings.render(theme, renderer, path, view, dd);
        OpenDataRenderer.Tables tables = cache == null ? OpenDataRenderer.Tables.DIRECT : cache.listings::tables;
        inPool(
                pool,
                () -> new ListingRenderer(rendered, theme, baseUrl(options, site), views, tables, !options.write())
                        .renderInto(out, d));
        timings.lap("listings");
        PageRenderer searchPages = new PageRenderer(
                rendered.site(), theme.templates(), theme.messages(), baseUrl(options, site), rendered.stale());
        SearchStage.SearchPage searchPage =
                (lang, dd) -> views.render(searchPages, Urls.search(lang), searchPages.search(lang), dd);
        SearchStage.Texts texts = cache == null ? SearchStage.Texts.DIRECT : cache.searchTexts;
        SearchStage.Indexes indexes = cache == null ? SearchStage.Indexes.DIRECT : cache.searchIndexes;
        inPool(pool, () -> SearchStage.run(rendered, searchPage, out, texts, indexes, d));
        timings.lap("search");
        new AssetCopier(cwd).copy(theme.assets(), out, d);
        // after every generated file is in out: a content file may not take the path of one
        ContentFiles.publish(tree.root(), tree.assets(), rendered.site(), out, cwd, d);
        timings.lap("files");
        long budget = site.config().pageBudgetKb();
        PublishChecks.References references = cache == null ? PublishChecks.References.DIRECT : cache.references;
        List<PageWeights.Weight> weights = inPool(
                pool,
                () -> PublishChecks.run(
                        out, options.content(), rendered.site(), baseUrl(options, site), budget, references, d));
        timings.lap("publish checks");
        CheckedSite checked = inPool(pool, () -> new SiteLinkCheck().check(rendered, out, d));
        timings.lap("links");
        pages.reportTranslations(); // after the links: an original with errors is not compared
        boolean published = publish(publisher, options, d);
        timings.lap("write");
        if (published && options.bundle()) {
            BundleStage.write(options, site.config().published(), weights, budget, d);
            timings.lap("bundle");
        }
        timings.print();
        return new BuildResult(
                d, out, rendered.site(), elapsed(start), rendered.pages().size(), published);
    }

    private static BuildResult stopped(Diagnostics d, Site site, long start) {
        return new BuildResult(d, null, site, elapsed(start), 0, false);
    }

    /** The tree the pages go to: in memory, or through the staging folder of a build that writes. Null after reporting. */
    private static OutputTree outputTree(AtomicPublisher publisher, BuildOptions options, Diagnostics d) {
        try {
            return publisher != null ? new OutputTree(publisher.stage()) : new OutputTree();
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

    /**
     * The collection's pages in every language (its tops and its pages, in reading order), for a page whose body
     * lists them ({@code :::page-results}); empty for every other page, so no other page depends on the others.
     */
    static List<RenderRequest.SitePage> sitePages(Site site, Page p) {
        if (p.body() == null || !p.body().contains(":::page-results")) {
            return List.of();
        }
        List<RenderRequest.SitePage> out = new ArrayList<>();
        for (String lang : site.pages().keySet()) {
            Page home = site.homes().get(lang);
            out.add(new RenderRequest.SitePage(
                    Urls.languageTop(lang),
                    lang,
                    home == null || home.meta() == null ? null : home.meta().title()));
        }
        for (String slug : site.order()) {
            for (String lang : site.pages().keySet()) {
                Page page = site.page(lang, slug);
                if (page != null) {
                    out.add(new RenderRequest.SitePage(
                            page.path(),
                            lang,
                            page.meta() == null ? null : page.meta().title()));
                }
            }
        }
        return List.copyOf(out);
    }

    static RenderedBody render(
            MarkdownRenderer md, Page p, Map<String, String> messages, GlossaryTerms terms, Diagnostics d) {
        return render(md, p, List.of(), messages, terms, d);
    }

    static RenderedBody render(
            MarkdownRenderer md,
            Page p,
            List<RenderRequest.SitePage> pages,
            Map<String, String> messages,
            GlossaryTerms terms,
            Diagnostics d) {
        return md.render(
                new RenderRequest(
                        p.display(),
                        p.lang(),
                        p.body(),
                        p.bodyStartLine(),
                        p.data(),
                        p.dataDisplay(),
                        messages,
                        terms,
                        Urls.relative(p.path(), Urls.glossary(p.lang())),
                        !p.lang().equals("ja"),
                        pages),
                d);
    }

    private static void inPool(ForkJoinPool pool, Runnable task) {
        inPool(pool, () -> {
            task.run();
            return null;
        });
    }

    private static <T> T inPool(ForkJoinPool pool, Callable<T> task) {
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
