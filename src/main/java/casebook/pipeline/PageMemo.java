package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.markdown.GlossaryTerms;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderedBody;
import casebook.site.Page;
import casebook.theme.PageRenderer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code serve}'s memo around the page stage ({@link SlugRenderer.Bodies}, {@link SlugRenderer.Html}): a
 * page's Markdown is rendered again only when its inputs changed (its body and where it starts, its data
 * file, the UI strings and glossary terms of its language), and its HTML only when its view model or the
 * theme changed. A hit reports again every problem the first rendering reported, so a reused result is
 * exactly what rendering again would give.
 */
final class PageMemo {
    final Memo<String, RenderedBody> markdown = new Memo<>();
    final Memo<String, byte[]> html = new Memo<>();

    /** The page's rendered Markdown, reused while its inputs are equal to last time's. */
    RenderedBody render(MarkdownRenderer md, Page p, Map<String, Map<String, String>> messages, GlossaryTerms terms,
                        Diagnostics d) {
        List<Object> inputs = Arrays.asList(p.body(), p.bodyStartLine(), String.valueOf(p.data()),
                String.valueOf(p.dataDisplay()), messages.get(p.lang()), terms);
        return markdown.get(p.display() + "\0" + p.lang(), inputs, d,
                local -> Build.render(md, p, messages, terms, "../glossary/index.html", local));
    }

    /** The page's HTML, reused while its view model and the theme (its templates and UI strings) are last time's. */
    byte[] page(Theme theme, PageRenderer pages, Page p, Diagnostics d) {
        Map<String, Object> model = pages.pageModel(p);
        return html.get(p.path(), Arrays.asList(theme, model), d, local -> pages.render(model, local));
    }

    void clear() {
        markdown.clear();
        html.clear();
    }
}
