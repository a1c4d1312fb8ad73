package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.output.OutputTree;
import casebook.site.Booklets;
import casebook.text.Urls;
import casebook.theme.PageRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * The listings stage: the pages that list the whole site (a top page per language, the glossary, the
 * landing page, 404 and, when the site's address is known, sitemap.xml), written into the output tree. They are large, so they are rendered
 * side by side in the calling pool. Each is a view ({@link PageRenderer.View}: template and view model) rendered by
 * the given {@link Views}, so that {@code serve} can reuse the HTML of a view equal to last time's.
 */
final class ListingStage {
    /** Renders the view of the page at {@code path}; {@link #DIRECT} renders it, {@code serve} passes its memo. */
    @FunctionalInterface
    interface Views {
        byte[] render(PageRenderer pages, String path, PageRenderer.View view, Diagnostics d);

        Views DIRECT = (pages, path, view, d) -> pages.render(view, d);
    }

    private final RenderedSite rendered;
    private final PageRenderer pages;
    private final String baseUrl;
    private final Views views;
    private final OpenDataPages data;
    private final boolean explainSitemap;

    /**
     * @param booklets the PDF booklets the booklet stage made, which every listing's footer links
     * @param explainSitemap whether to say why no sitemap is written (in {@code check}, not in every build) */
    ListingStage(
            RenderedSite rendered,
            Theme theme,
            Booklets booklets,
            String baseUrl,
            Views views,
            OpenDataPages.Tables tables,
            boolean explainSitemap) {
        this.rendered = rendered;
        this.pages = new PageRenderer(
                rendered.site(), theme.templates(), theme.messages(), baseUrl, rendered.stale(), booklets);
        this.baseUrl = baseUrl;
        this.views = views;
        this.data = new OpenDataPages(rendered, theme, pages, tables);
        this.explainSitemap = explainSitemap;
    }

    void renderInto(OutputTree out, Diagnostics d) {
        List<Runnable> listings = new ArrayList<>();
        for (String lang : rendered.site().config().languages()) {
            listings.add(() -> put(out, Urls.languageTop(lang), pages.home(lang, data.links(lang)), d));
            if (!rendered.site().glossary().entries().isEmpty()) {
                listings.add(() -> put(out, Urls.glossary(lang), pages.glossary(lang), d));
            }
        }
        listings.add(() -> put(
                out,
                Urls.LANDING,
                pages.landing(data.links(rendered.site().config().defaultLanguage())),
                d));
        listings.add(() -> put(out, Urls.NOT_FOUND, pages.notFound(), d));
        if (baseUrl != null) {
            listings.add(() -> out.put(Urls.SITEMAP, Sitemap.xml(rendered.site(), baseUrl)));
        } else if (explainSitemap) {
            // The sitemap protocol allows only absolute URLs, and the address the site is published at is
            // known only to the editor: check says so, rather than write a sitemap search engines reject (a
            // build does not repeat it every time: a site previewed or published without an address is fine).
            var c = rendered.site().config();
            if (c.display() != null) {
                d.note(
                        c.display(),
                        1,
                        1,
                        "sitemap.xml is not written: no base_url is set, and a sitemap needs the site's absolute address",
                        "add base_url: <the address the site is published at, e.g. https://www.example.go.jp/casebook/> to "
                                + c.display().getFileName() + ", or build with --base-url <address>");
            }
        }
        // the open data and the comparison (OpenDataPages)
        listings.addAll(data.tasks(out, (path, view) -> put(out, path, view, d)));
        listings.parallelStream().forEach(Runnable::run);
    }

    private void put(OutputTree out, String path, PageRenderer.View view, Diagnostics d) {
        byte[] html = views.render(pages, path, view, d);
        if (html != null) {
            out.put(path, html);
        }
    }
}
