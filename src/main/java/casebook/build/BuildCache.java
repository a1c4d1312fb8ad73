package casebook.build;

import casebook.markdown.RenderedBody;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code serve} keeps between rebuilds so that a saved change re-renders only what it affects:
 * a page's Markdown is re-rendered only when its body, data, labels or glossary changed, and a page's
 * template output is reused when its whole view model is equal to last time's (a title change still
 * re-renders its neighbours, whose previous/next links show it).
 */
public final class BuildCache {
    record Markdown(Object inputs, RenderedBody rendered) { }

    record Html(Map<String, Object> model, String html) { }

    final Map<String, Markdown> markdown = new ConcurrentHashMap<>();
    final Map<String, Html> html = new ConcurrentHashMap<>();

    /** Forget template output (after a theme change). */
    public void clearHtml() { html.clear(); }

    public void clear() {
        markdown.clear();
        html.clear();
    }

    public int markdownEntries() { return markdown.size(); }
}
