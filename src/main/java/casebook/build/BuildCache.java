package casebook.build;

import casebook.markdown.RenderedBody;
import casebook.diag.Diagnostics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code serve} keeps between rebuilds so that a saved change re-renders only what it affects:
 * a page's Markdown is re-rendered only when its body, data, labels or glossary changed, and a page's
 * template output is reused when its whole view model is equal to last time's (a title change still
 * re-renders its neighbours, whose previous/next links show it). Files are re-read only when their
 * modification time or size changed, and front matter re-parsed only for files re-read.
 */
public final class BuildCache {
    record Markdown(Object inputs, RenderedBody rendered) { }

    record Html(Map<String, Object> model, byte[] html) { }

    final Map<String, Markdown> markdown = new ConcurrentHashMap<>();
    final Map<String, Html> html = new ConcurrentHashMap<>();
    final Map<java.nio.file.Path, casebook.source.ContentScanner.Cached> files = new ConcurrentHashMap<>();
    final Map<Object, Object[]> parsed = new ConcurrentHashMap<>();

    /** What the last successful build left for a page-only update (see {@link IncrementalBuild}). */
    record State(BuildOptions options, casebook.site.Site site, Map<String, Map<String, String>> messages,
                 casebook.theme.Templates templates, Map<String, java.util.List<Map<String, Object>>> stale,
                 Map<String, java.util.Set<String>> ids, casebook.output.OutputTree output, Diagnostics diagnostics) { }

    volatile State last;

    /** Forget template output (after a theme change). */
    public void clearHtml() {
        html.clear();
        last = null;
    }

    public void clear() {
        markdown.clear();
        html.clear();
        files.clear();
        parsed.clear();
        last = null;
    }

    public int markdownEntries() { return markdown.size(); }
}
