package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.output.OutputTree;
import casebook.theme.PageRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * The listings stage: the pages that list the whole site (a top page per language, the glossary, the
 * landing page, 404 and sitemap.xml), written into the output tree. They are large, so they are rendered
 * side by side in the calling pool.
 */
final class ListingRenderer {
    private final RenderedSite rendered;
    private final PageRenderer pages;
    private final String baseUrl;
    private final OpenDataRenderer data;

    ListingRenderer(RenderedSite rendered, Theme theme, String baseUrl) {
        this.rendered = rendered;
        this.pages = new PageRenderer(rendered.site(), theme.templates(), theme.messages(), baseUrl, rendered.stale());
        this.baseUrl = baseUrl;
        this.data = new OpenDataRenderer(rendered, theme, pages);
    }

    void renderInto(OutputTree out, Diagnostics d) {
        List<Runnable> listings = new ArrayList<>();
        for (String lang : rendered.site().config().languages()) {
            listings.add(() -> put(out, lang + "/index.html", pages.home(lang, data.links(lang), d)));
            if (!rendered.site().glossary().entries().isEmpty()) {
                listings.add(() -> put(out, lang + "/glossary/index.html", pages.glossary(lang, d)));
            }
        }
        listings.add(() -> put(out, "index.html", pages.landing(d)));
        listings.add(() -> put(out, "404.html", pages.notFound(d)));
        listings.add(() -> out.put("sitemap.xml", Sitemap.xml(rendered.site(), baseUrl)));
        listings.addAll(data.tasks(out, d)); // the open data and the comparison (OpenDataRenderer)
        listings.parallelStream().forEach(Runnable::run);
    }

    private static void put(OutputTree out, String path, byte[] html) {
        if (html != null) out.put(path, html);
    }
}
