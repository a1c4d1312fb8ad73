package casebook.pipeline;

import casebook.check.LinkChecker;
import casebook.diag.Diagnostics;
import casebook.output.OutputTree;
import casebook.site.Page;
import java.util.AbstractSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The link stage: resolves every internal link and anchor an editor wrote, on every page and language
 * top, against the output tree's paths (and every page of the model, so that a page whose template failed
 * is reported once, by its template error, not again by every link to it) and the ids each page is known to contain (its rendered ids and
 * the ones the theme's templates write around a body, read from the templates by {@link ThemeIds}), in parallel
 * in the calling pool.
 */
final class SiteLinkCheck {

    /** Ids the theme's templates write around every body ({@link ThemeIds}), so links to them (#main) check out. */
    private final Set<String> templateIds;

    /** Content files a page links to that were refused with an error of their own ({@link ContentFiles#publish}). */
    private final Set<String> refused;

    /**
     * @param templateIds the ids the theme's templates write around a page's body ({@link ThemeIds#of})
     * @param refused     output paths of linked content files refused with an error: links to them are not
     *                    reported again as links to nothing
     */
    SiteLinkCheck(Set<String> templateIds, Set<String> refused) {
        this.templateIds = Set.copyOf(templateIds);
        this.refused = Set.copyOf(refused);
    }

    CheckedSite check(RenderedSite rendered, OutputTree out, Diagnostics d) {
        List<Page> all = rendered.pages();
        Map<String, Set<String>> ids = new ConcurrentHashMap<>();
        for (Page p : all) {
            ids.put(p.path(), ids(p));
        }
        // a page whose template failed has no file, but its own error says so: links to it are not broken too
        Set<String> files = out.paths();
        Set<String> pages = ids.keySet();
        LinkChecker links = new LinkChecker(
                new AbstractSet<String>() {
                    @Override
                    public boolean contains(Object o) {
                        return files.contains(o) || pages.contains(o) || refused.contains(o);
                    }

                    @Override
                    public Iterator<String> iterator() {
                        return files.iterator();
                    }

                    @Override
                    public int size() {
                        return files.size();
                    }
                },
                ids);
        all.parallelStream().forEach(p -> links.check(p, d));
        for (Page h : rendered.site().homes().values()) {
            links.check(h, d);
        }
        return new CheckedSite(rendered);
    }

    /** The ids a page's HTML holds: its rendered body's and its template's. */
    private Set<String> ids(Page p) {
        Set<String> s = new HashSet<>(p.rendered().ids());
        s.addAll(templateIds);
        return s;
    }
}
