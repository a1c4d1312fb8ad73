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
 * the ones every page template writes), in parallel in the calling pool.
 */
final class SiteLinkCheck {

    /** Ids every page template writes, so links to them (#main, #contents) check out. */
    static final Set<String> TEMPLATE_IDS = Set.of("main", "top", "page-toc", "page-toc-title");

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
                        return files.contains(o) || pages.contains(o);
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
        return new CheckedSite(rendered, ids);
    }

    /** The ids a page's HTML holds: its rendered body's and its template's. */
    static Set<String> ids(Page p) {
        Set<String> s = new HashSet<>(p.rendered().ids());
        s.addAll(TEMPLATE_IDS);
        return s;
    }
}
