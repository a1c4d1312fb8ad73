package casebook.pipeline;

import casebook.diag.Diagnostics;
import java.nio.file.Path;
import java.util.Collection;
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
    /** The memo around the page stage's Markdown and templates. */
    final PageMemo pages = new PageMemo();
    final Map<Path, casebook.source.ContentScanner.Cached> files = new ConcurrentHashMap<>();
    final Map<Object, Object[]> parsed = new ConcurrentHashMap<>();

    /** What the last successful build left for a page-only update (see {@link IncrementalBuild}). */
    record State(BuildOptions options, casebook.site.Site site, Map<String, Map<String, String>> messages,
                 casebook.theme.Templates templates, casebook.site.StaleSections stale,
                 Map<String, java.util.Set<String>> ids, casebook.output.OutputTree output, Diagnostics diagnostics) { }

    volatile State last;

    /** Keeps what a build left for the next page-only update, or forgets it when the build failed. */
    void remember(BuildOptions options, CheckedSite checked, Theme theme, casebook.output.OutputTree out, Diagnostics d) {
        RenderedSite r = checked.rendered();
        last = Build.failed(options, d) ? null : new State(options, r.site(), theme.messages(), theme.templates(),
                r.stale().copy(), checked.ids(), out, d);
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
        pages.html.clear();
        last = null;
    }

    public void clear() {
        pages.markdown.clear();
        pages.html.clear();
        files.clear();
        parsed.clear();
        last = null;
    }

    public int markdownEntries() { return pages.markdown.size(); }
}
