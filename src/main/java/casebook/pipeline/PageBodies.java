package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.markdown.GlossaryTerms;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderRequest;
import casebook.markdown.RenderedBody;
import casebook.site.Page;
import casebook.site.Site;
import casebook.text.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page's Markdown rendered: the {@link RenderRequest} a page makes (its body, data, the UI strings and glossary
 * terms of its language, its link to the glossary) handed to the {@link MarkdownRenderer}. The page stage renders
 * through it ({@link PageStage.Bodies#DIRECT}, and {@code serve}'s {@link PageMemo} around it), and so does the
 * booklet stage.
 */
final class PageBodies {
    private PageBodies() {}

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
}
