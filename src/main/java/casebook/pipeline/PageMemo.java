package casebook.pipeline;

import casebook.check.EnglishStyleChecker;
import casebook.diag.Diagnostics;
import casebook.markdown.GlossaryTerms;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderRequest;
import casebook.markdown.RenderedBody;
import casebook.site.Glossary;
import casebook.site.Page;
import casebook.theme.PageRenderer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code serve}'s memo around the page stage ({@link PageStage.Bodies}, {@link PageStage.Html}): a
 * page's Markdown is rendered again only when its inputs changed (its body and where it starts, its data
 * file, the UI strings and glossary terms of its language), its English checked again only when its title,
 * body or the glossary changed, and its HTML rendered again only when its view model or the theme changed. A hit reports again every problem the first rendering reported, so a reused result is
 * exactly what rendering again would give.
 */
final class PageMemo {
    final Memo<String, RenderedBody> markdown = new Memo<>();
    final Memo<String, byte[]> html = new Memo<>();
    final Memo<String, Boolean> styles = new Memo<>();

    /** The page's rendered Markdown, reused while its inputs are equal to last time's. */
    RenderedBody render(
            MarkdownRenderer md,
            Page p,
            List<RenderRequest.SitePage> pages,
            Map<String, String> messages,
            GlossaryTerms terms,
            Diagnostics d) {
        List<Object> inputs = Arrays.asList(
                pages, // empty but for a page that lists the collection's pages
                p.body(),
                p.bodyStartLine(),
                p.data(), // a record: equal values, lines and columns (the same node while the data file's text
                // is unchanged)
                p.dataDisplay(),
                messages,
                terms);
        return markdown.get(
                p.display() + "\0" + p.lang(),
                inputs,
                d,
                local -> PageBodies.render(md, p, pages, messages, terms, local));
    }

    /** The house-style check of a page's English, reused while its title, body and the glossary are unchanged. */
    void style(Glossary glossary, EnglishStyleChecker style, Page p, Diagnostics d, boolean strict) {
        String title = p.meta() == null ? null : p.meta().title();
        int titleLine = p.meta() == null ? 0 : p.meta().titleLine();
        List<Object> inputs = Arrays.asList(p.lang(), title, titleLine, p.body(), p.bodyStartLine(), strict, glossary);
        styles.get(p.display() + "\0" + p.lang(), inputs, d, local -> {
            style.check(p, local, strict);
            return Boolean.TRUE;
        });
    }

    /**
     * The page's HTML, reused while its view model (its body's rendered HTML and the rest, the PDF booklets' links with
     * their sizes among them) and the theme (its templates and UI strings) are last time's.
     */
    byte[] page(Theme theme, PageRenderer pages, Page p, Diagnostics d) {
        // the body shown is made from the rendered HTML alone: that string (the very same object while the
        // Markdown memo hits) stands for it in the inputs, and the model is made whole only to render
        List<Object> inputs =
                Arrays.asList(theme, pages.pageModelWithoutBody(p), p.rendered().html());
        return html.get(p.path(), inputs, d, local -> pages.render(pages.pageModel(p), local));
    }

    void clear() {
        markdown.clear();
        html.clear();
        styles.clear();
    }
}
