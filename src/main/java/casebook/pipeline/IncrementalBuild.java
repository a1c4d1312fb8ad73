package casebook.pipeline;

import casebook.check.LinkChecker;
import casebook.site.StaleSections;
import casebook.check.TranslationChecker;
import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.markdown.OutlineHeading;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderedBody;
import casebook.output.OutputTree;
import casebook.site.Page;
import casebook.site.PageReload;
import casebook.site.Site;
import casebook.theme.PageRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code serve}'s fast path: when the only files saved are page bodies ({@code index.<lang>.md}) whose
 * front matter and headings did not change, nothing else of the site can change except those pages,
 * their translations' parity and staleness notices, and their own links. So only that is redone, on top
 * of the last successful build, instead of rescanning and re-rendering the whole site. Anything else
 * (a new or deleted file, a changed title, order, heading, data file, config or theme) returns null and
 * {@code serve} runs a full build.
 */
public final class IncrementalBuild {
    private IncrementalBuild() { }

    /** The updated build, or null when the change needs a full build. */
    public static BuildResult tryUpdate(BuildCache cache, List<Path> changed) {
        long start = System.nanoTime();
        BuildCache.State last = cache.last;
        if (last == null || changed.isEmpty()) return null;
        BuildOptions options = last.options();
        Path root = options.content().toAbsolutePath().normalize();
        Site site = last.site();
        Path cwd = Path.of("").toAbsolutePath();
        Diagnostics fresh = new Diagnostics();
        Map<String, Map<String, Page>> pages = new LinkedHashMap<>(site.pages());
        Set<String> slugs = new LinkedHashSet<>();
        Set<Path> touchedFiles = new HashSet<>();
        MarkdownRenderer md = new MarkdownRenderer();
        for (Path p : new LinkedHashSet<>(changed)) {
            Path abs = p.toAbsolutePath().normalize();
            if (!abs.startsWith(root) || !Files.isRegularFile(abs)) return null;
            Path rel = root.relativize(abs);
            String name = rel.getFileName().toString();
            if (rel.getParent() == null || !name.matches("index\\.[a-z]{2,3}\\.md")) return null;
            String slug = rel.getParent().toString().replace('\\', '/');
            String lang = name.substring(6, name.length() - 3);
            Page old = site.page(lang, slug);
            if (old == null) return null;
            Page updated = PageReload.reload(old, abs, cwd);
            if (updated == null) return null;
            RenderedBody r = Build.render(md, updated, last.messages(), site.glossary().terms(lang), "../glossary/index.html", fresh);
            if (!sameOutline(old.rendered(), r)) return null;
            updated = updated.withRendered(r);
            // which content files are published depends on the links to them: a full build decides again
            if (!ContentFiles.fileTargets(old).equals(ContentFiles.fileTargets(updated))) return null;
            Map<String, Page> byLang = new LinkedHashMap<>(pages.get(lang)); // same slugs, same order, hashed lookups
            byLang.put(slug, updated);
            pages.put(lang, byLang);
            slugs.add(slug);
            touchedFiles.add(old.display());
        }
        Site next = new Site(site.config(), site.order(), pages, site.homes(), site.glossary(), site.positions());
        StaleSections stale = last.stale().copy();
        TranslationChecker translations = new TranslationChecker(next);
        for (String slug : slugs) {
            translations.checkPage(slug, fresh, options.strict(), stale);
            for (String lang : site.config().languages()) {
                Page p = next.page(lang, slug);
                if (p != null) touchedFiles.add(p.display());
            }
        }
        OutputTree out = OutputTree.replacing(last.output());
        PageRenderer renderer = new PageRenderer(next, last.templates(), last.messages(), Build.baseUrl(options, next), stale);
        Map<String, Set<String>> redoneIds = new ConcurrentHashMap<>();
        Map<String, Set<String>> lastIds = last.ids();
        List<Page> redone = new ArrayList<>();
        for (String slug : slugs) {
            for (String lang : site.config().languages()) {
                Page p = next.page(lang, slug);
                if (p == null) continue;
                redone.add(p);
                byte[] bytes = cache.pages.page(renderer, p, fresh);
                if (bytes == null) return null;
                out.put(p.path(), bytes);
                redoneIds.put(p.path(), SiteLinkCheck.ids(p));
            }
        }
        if (!SearchStage.reindex(next, out)) return null;
        LinkChecker links = new LinkChecker(out.paths(), path -> redoneIds.getOrDefault(path, lastIds.get(path)));
        Map<String, Set<String>> ids = redoneIds.isEmpty() ? lastIds : merged(lastIds, redoneIds);
        for (Page p : redone) links.check(p, fresh);
        // every problem of the last build that is not about the files redone, plus what redoing them found
        Diagnostics d = new Diagnostics();
        for (Diagnostic x : last.diagnostics().kept()) if (!touchedFiles.contains(x.at().file())) d.report(x);
        for (Diagnostic x : fresh.kept()) d.report(x);
        long ms = (System.nanoTime() - start) / 1_000_000;
        BuildResult result = new BuildResult(d, out, next, ms, last.site().pages().values().stream().mapToInt(Map::size).sum(), false);
        if (!d.hasErrors()) cache.last = new BuildCache.State(options, next, last.messages(), last.templates(), stale, ids, out, d);
        return result;
    }

    /** The last build's ids with the redone pages' replaced (a copy only when some changed). */
    private static Map<String, Set<String>> merged(Map<String, Set<String>> last, Map<String, Set<String>> redone) {
        boolean same = true;
        for (Map.Entry<String, Set<String>> e : redone.entrySet()) same &= e.getValue().equals(last.get(e.getKey()));
        if (same) return last;
        Map<String, Set<String>> m = new ConcurrentHashMap<>(last);
        m.putAll(redone);
        return m;
    }

    /** Same headings (level, text, id) and ids: the table of contents and other pages' anchors are unaffected. */
    private static boolean sameOutline(RenderedBody a, RenderedBody b) {
        if (!a.ids().equals(b.ids()) || a.headings().size() != b.headings().size()) return false;
        for (int i = 0; i < a.headings().size(); i++) {
            OutlineHeading x = a.headings().get(i);
            OutlineHeading y = b.headings().get(i);
            if (x.level() != y.level() || !x.text().equals(y.text()) || !x.id().equals(y.id())) return false;
        }
        return true;
    }
}
