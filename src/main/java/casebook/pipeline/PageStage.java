package casebook.pipeline;

import casebook.check.EnglishStyleChecker;
import casebook.check.TranslationChecker;
import casebook.diag.Diagnostics;
import casebook.markdown.GlossaryTerms;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderRequest;
import casebook.markdown.RenderedBody;
import casebook.site.Booklets;
import casebook.site.Page;
import casebook.site.Site;
import casebook.site.StaleSections;
import casebook.theme.PageRenderer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The per-page stages of a build, run one slug at a time and slugs in parallel: render the Markdown of
 * each of its languages, check the translations against the original, render each page's template
 * and write it. Nothing here needs another slug's rendered body (a page's template uses only other
 * pages' front matter: titles, neighbours, languages), so a slug's HTML is written as soon as it
 * exists. The build then keeps only each page's outline and links for the site-wide pages and
 * checks, never the whole site's HTML at once.
 *
 * <p>Input: the {@link Site} as read (front matter, no rendered bodies), the {@link Theme} and the {@link Booklets};
 * output: a
 * {@link RenderedSite}, with each page's HTML written to the output tree on the way. How a page's body
 * and HTML are made and its English checked is given ({@link Bodies}, {@link Html}, {@link Style}), so that {@code serve} can put its memo
 * ({@link PageMemo}) around them without this stage knowing of it.
 */
final class PageStage {
    /**
     * Renders one page's Markdown with the theme's messages in its language; {@link #DIRECT} renders it,
     * {@code serve} passes its memo.
     */
    @FunctionalInterface
    interface Bodies {
        RenderedBody render(
                MarkdownRenderer md,
                Page p,
                List<RenderRequest.SitePage> pages,
                Map<String, String> messages,
                GlossaryTerms terms,
                Diagnostics d);

        Bodies DIRECT = PageBodies::render;
    }

    /** Checks one page's English against the house style; {@link #DIRECT} checks it, {@code serve} passes its memo. */
    @FunctionalInterface
    interface Style {
        void check(EnglishStyleChecker style, Page p, Diagnostics d, boolean strict);

        Style DIRECT = EnglishStyleChecker::check;
    }

    /** Renders one page's template; {@link #DIRECT} renders it, {@code serve} passes its memo. */
    @FunctionalInterface
    interface Html {
        byte[] render(PageRenderer pages, Page p, Diagnostics d);

        Html DIRECT = PageRenderer::page;
    }

    private final MarkdownRenderer md;
    private final Site site;
    private final Theme theme;
    private final PageRenderer pages;
    private final TranslationChecker translations;
    private final EnglishStyleChecker style;
    private final StaleSections stale;
    private final Diagnostics d;
    private final boolean strict;
    private final Consumer<Integer> progress;
    private final Bodies bodies;
    private final Html html;
    private final Style styles;
    /** Where each page goes, by output path (the output tree). */
    private final BiConsumer<String, byte[]> out;
    /** Slugs whose translation records section hashes: the original's are computed here, in parallel. */
    private final Set<String> hashed = new HashSet<>();

    private final AtomicInteger done = new AtomicInteger();

    /**
     * @param site the site as read (front matter, no rendered bodies)
     * @param booklets the PDF booklets the booklet stage made, which every page's footer links
     */
    PageStage(
            MarkdownRenderer md,
            Site site,
            Theme theme,
            Booklets booklets,
            String baseUrl,
            Bodies bodies,
            Html html,
            Style styles,
            Diagnostics d,
            boolean strict,
            Consumer<Integer> progress,
            BiConsumer<String, byte[]> out) {
        this.md = md.withBlocks(theme.templates().blocks()) // custom blocks in the theme's markup
                .withReservedIds(ThemeIds.of(theme.dir())); // and the ids its templates write around a body
        this.site = site;
        this.theme = theme;
        this.stale = new StaleSections();
        this.pages = new PageRenderer(site, theme.templates(), theme.messages(), baseUrl, stale, booklets);
        this.translations = TranslationChecker.deferring(site);
        this.style = new EnglishStyleChecker(site.glossary());
        this.d = d;
        this.strict = strict;
        this.progress = progress;
        this.bodies = bodies;
        this.html = html;
        this.styles = styles;
        this.out = out;
        for (Map<String, Page> byLang : site.pages().values()) {
            for (Page p : byLang.values()) {
                if (!p.meta().translatedFrom().isEmpty()) {
                    hashed.add(p.slug());
                }
            }
        }
    }

    /**
     * Reports the translations' parity and staleness findings, kept back until every error of the build (the link
     * stage's too) is known: those of an original with errors are replaced by a note to fix the original first.
     */
    void reportTranslations() {
        translations.reportDeferred(d);
    }

    /** Runs every slug (in the calling pool) and returns the site with its rendered pages and language tops. */
    RenderedSite run() {
        List<String> languages = site.config().languages();
        Map<String, Map<String, Page>> rendered = new LinkedHashMap<>();
        for (String lang : site.pages().keySet()) {
            rendered.put(lang, new ConcurrentHashMap<>());
        }
        site.order().parallelStream().forEach(slug -> slug(slug, languages, rendered));
        Map<String, Map<String, Page>> sorted = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Page>> e : rendered.entrySet()) {
            sorted.put(e.getKey(), Site.bySlug(e.getValue()));
        }
        Map<String, Page> homes = new LinkedHashMap<>();
        for (Map.Entry<String, Page> e : site.homes().entrySet()) {
            styles.check(style, e.getValue(), d, strict);
            homes.put(
                    e.getKey(),
                    e.getValue()
                            .withRendered(bodies.render(
                                    md,
                                    e.getValue(),
                                    PageBodies.sitePages(site, e.getValue()),
                                    theme.messages().of(e.getKey()),
                                    site.glossary().terms(e.getKey()),
                                    d)));
        }
        return new RenderedSite(
                new Site(site.config(), site.order(), sorted, homes, site.glossary(), site.unloaded()), stale);
    }

    private void slug(String slug, List<String> languages, Map<String, Map<String, Page>> rendered) {
        Map<String, Page> mine = new LinkedHashMap<>();
        // the languages share the page's data file: a problem in it is found once per language, reported once
        Diagnostics local = new Diagnostics(Integer.MAX_VALUE);
        for (String lang : languages) {
            Page p = site.page(lang, slug);
            if (p == null) {
                continue;
            }
            var terms = site.glossary().terms(lang);
            RenderedBody body = bodies.render(
                    md, p, PageBodies.sitePages(site, p), theme.messages().of(lang), terms, local);
            if (lang.equals(site.config().defaultLanguage()) && hashed.contains(slug)) {
                body.sectionHashes();
            }
            mine.put(lang, p.withRendered(body));
        }
        d.addDeduplicated(local);
        translations.checkPage(slug, mine::get, d, strict, stale);
        for (Page p : mine.values()) {
            styles.check(style, p, d, strict);
        }
        for (Page p : mine.values()) {
            byte[] bytes = html.render(pages, p, d);
            if (bytes != null) {
                out.accept(p.path(), bytes);
            }
            // the page is written: the later stages need only its outline and links
            rendered.get(p.lang()).put(slug, p.withRendered(p.rendered().withoutHtml()));
            int n = done.incrementAndGet();
            if ((n & 255) == 0) {
                progress.accept(n);
            }
        }
    }
}
