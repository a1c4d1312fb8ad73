package casebook.build;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.markdown.GlossaryTerms;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderedBody;
import casebook.site.Page;
import casebook.theme.PageRenderer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code serve} keeps between rebuilds so that a saved change re-renders only what it affects:
 * a page's Markdown is re-rendered only when its body, data, labels or glossary changed, and a page's
 * template output is reused when its whole view model is equal to last time's (a title change still
 * re-renders its neighbours, whose previous/next links show it). Files are re-read only when their
 * modification time or size changed (or {@code serve}'s watcher saw them change), and front matter
 * re-parsed only for files re-read.
 *
 * <p>A reused result must give exactly what rendering again would give, diagnostics included: each entry
 * keeps every problem its rendering reported, wherever in the renderer it was reported, and a hit reports
 * them again ({@code IncrementalEqualsFullTest} compares serve with a clean build after each of a series
 * of edits).
 */
public final class BuildCache {
    record Markdown(List<Object> inputs, RenderedBody rendered, List<Diagnostic> diagnostics) { }

    record Html(Map<String, Object> model, byte[] html, List<Diagnostic> diagnostics) { }

    final Map<String, Markdown> markdown = new ConcurrentHashMap<>();
    final Map<String, Html> html = new ConcurrentHashMap<>();
    final Map<Path, casebook.source.ContentScanner.Cached> files = new ConcurrentHashMap<>();
    final Map<Object, Object[]> parsed = new ConcurrentHashMap<>();

    /** What the last successful build left for a page-only update (see {@link IncrementalBuild}). */
    record State(BuildOptions options, casebook.site.Site site, Map<String, Map<String, String>> messages,
                 casebook.theme.Templates templates, casebook.check.StaleSections stale,
                 Map<String, java.util.Set<String>> ids, casebook.output.OutputTree output, Diagnostics diagnostics) { }

    volatile State last;

    /** Keeps what a build left for the next page-only update, or forgets it when the build failed. */
    void remember(BuildOptions options, CheckedSite checked, Theme theme, casebook.output.OutputTree out, Diagnostics d) {
        RenderedSite r = checked.rendered();
        last = Build.failed(options, d) ? null : new State(options, r.site(), theme.messages(), theme.templates(),
                r.stale().copy(), checked.ids(), out, d);
    }

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

    /**
     * Forgets what was read from these files or folders ({@code serve} passes every path its watcher saw
     * change): a save within the file system's timestamp granularity that keeps the size would otherwise
     * look unchanged.
     */
    public void forget(Collection<Path> paths) {
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            files.keySet().removeIf(k -> k.toAbsolutePath().normalize().startsWith(abs));
        }
    }

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
