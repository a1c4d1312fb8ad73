package casebook.pipeline;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.markdown.GlossaryTerms;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderedBody;
import casebook.site.Page;
import casebook.theme.PageRenderer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code serve}'s memo around the page stage ({@link SlugRenderer.Bodies}, {@link SlugRenderer.Html}): a
 * page's Markdown is re-rendered only when its body, data, labels or glossary changed, and its template
 * output reused when its whole view model is equal to last time's. A hit reports again every problem the
 * first rendering reported, so a reused result is exactly what rendering again would give.
 */
final class PageMemo {
    record Markdown(List<Object> inputs, RenderedBody rendered, List<Diagnostic> diagnostics) { }

    record Html(Map<String, Object> model, byte[] html, List<Diagnostic> diagnostics) { }

    final Map<String, Markdown> markdown = new ConcurrentHashMap<>();
    final Map<String, Html> html = new ConcurrentHashMap<>();

    /** Re-renders a page's Markdown only when its inputs changed; otherwise replays the problems its rendering reported. */
    RenderedBody render(MarkdownRenderer md, Page p, Map<String, Map<String, String>> messages, GlossaryTerms terms,
                        Diagnostics d) {
        List<Object> inputs = java.util.Arrays.asList(p.body(), p.bodyStartLine(), String.valueOf(p.data()),
                String.valueOf(p.dataDisplay()), messages.get(p.lang()), terms);
        String key = p.display() + "\0" + p.lang();
        Markdown old = markdown.get(key);
        if (old != null && old.inputs().equals(inputs)) {
            for (Diagnostic x : old.diagnostics()) d.report(x);
            return old.rendered();
        }
        // every problem, including those a stage inside the renderer reports past the rendered body's own list
        Diagnostics local = new Diagnostics(Integer.MAX_VALUE);
        RenderedBody r = Build.render(md, p, messages, terms, "../glossary/index.html", local);
        List<Diagnostic> found = local.kept();
        for (Diagnostic x : found) d.report(x);
        markdown.put(key, new Markdown(inputs, r, found));
        return r;
    }

    /** A page's HTML, reused when its view model is equal to last time's (with the problems its template reported). */
    byte[] page(PageRenderer pages, Page p, Diagnostics d) {
        Map<String, Object> model = pages.pageModel(p);
        Html old = html.get(p.path());
        if (old != null && old.model().equals(model)) {
            for (Diagnostic x : old.diagnostics()) d.report(x);
            return old.html();
        }
        Diagnostics local = new Diagnostics(Integer.MAX_VALUE);
        byte[] bytes = pages.render(model, local);
        List<Diagnostic> found = local.kept();
        for (Diagnostic x : found) d.report(x);
        if (bytes == null) {
            html.remove(p.path());
            return null;
        }
        html.put(p.path(), new Html(model, bytes, found));
        return bytes;
    }

}
