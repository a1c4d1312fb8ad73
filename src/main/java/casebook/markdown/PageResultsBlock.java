package casebook.markdown;

import casebook.frontmatter.YamlNode;
import casebook.text.Urls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code :::page-results}, the accessibility statement's results by page: one entry per page of the
 * {@code pages} set in the page's data.yaml, which the quality gates write for every HTML file the build wrote
 * (docs/accessibility.md, "Refreshing the published results"), so the list is never typed by hand and names
 * exactly the pages that were tested. The site's root comes first and the 404 page last; the pages of the
 * statement's own language come before the others, each with its edition ("日本語版：", "English edition: ").
 *
 * <p>A page of the collection that the results do not name yet (a page added since the last refresh) is
 * listed after them as not yet tested, with its edition and title, and {@code check} notes it with the
 * command that refreshes the results; a recorded page the collection no longer has is left out. So a new
 * page never makes the statement wrong, only incomplete, and says so.
 */
final class PageResultsBlock implements Block<PageResultsBlock.Results> {

    /**
     * One page: its edition ("English edition: ", empty for the root and 404 pages), its title (in its own
     * language, named in titleLang when that is not the statement's), its path in the site, the path as shown
     * after the title ("（ja/saitama/index.html）"), and its counts as one sentence.
     */
    record Entry(String edition, String title, String titleLang, String path, String pathText, String counts) {}

    /** The recorded pages, then the collection's pages the results do not name yet. */
    record Results(List<Entry> entries, String untestedIntro, List<Entry> untested) {}

    @Override
    public String name() {
        return "page-results";
    }

    @Override
    public Results read(Segment.Container c, BlockContext ctx) {
        RenderRequest r = ctx.request();
        YamlNode pages = r.data() == null ? null : r.data().get("pages");
        if (pages == null || !pages.isMap() || pages.map().isEmpty()) {
            if (!r.dataUnreadable()) {
                ctx.state.diagnostics.error(
                        r.display(),
                        c.line(),
                        1,
                        ":::page-results needs the test results by page (pages:) in "
                                + (r.dataDisplay() == null ? "a data.yaml beside this page" : r.dataDisplay()),
                        "copy the quality gates' results there: cp target/qa/results.yaml "
                                + "<page folder>/data.yaml");
            }
            return null;
        }
        List<YamlNode> rows = new ArrayList<>(pages.map().values());
        rows.removeIf(n -> !n.isMap() || n.text("path") == null);
        Set<String> collection = new HashSet<>();
        Set<String> languages = new HashSet<>();
        for (RenderRequest.SitePage p : r.sitePages()) {
            collection.add(p.path());
            languages.add(p.lang());
        }
        rows.removeIf(n -> gone(n.text("path"), collection, languages));
        Set<String> recorded = new HashSet<>();
        rows.forEach(n -> recorded.add(n.text("path")));
        rows.sort(Comparator.comparingInt((YamlNode n) -> rank(n.text("path"), r.lang()))
                .thenComparing(n -> n.text("path").replaceFirst("index\\.html$", "")));
        List<Entry> entries = new ArrayList<>();
        for (YamlNode n : rows) {
            String path = n.text("path");
            String title = title(n, path, r);
            String lang = n.text("lang");
            entries.add(new Entry(
                    edition(path, r),
                    title,
                    !path.contains("/") || lang == null || lang.equals(r.lang()) ? "" : lang,
                    path,
                    r.message("results.path").replace("{path}", path),
                    counts(n, r)));
        }
        List<RenderRequest.SitePage> missing = r.sitePages().stream()
                .filter(p -> !recorded.contains(p.path()))
                .sorted(Comparator.comparingInt((RenderRequest.SitePage p) -> rank(p.path(), r.lang())))
                .toList();
        List<Entry> untested = new ArrayList<>();
        for (RenderRequest.SitePage p : missing) {
            String title = p.title() == null || p.title().isBlank()
                    ? p.path()
                    : p.title().strip();
            untested.add(new Entry(
                    edition(p.path(), r),
                    title,
                    p.lang().equals(r.lang()) ? "" : p.lang(),
                    p.path(),
                    r.message("results.path").replace("{path}", p.path()),
                    ""));
        }
        if (!missing.isEmpty()) {
            // at the results file the statement reads, the same words from every language's statement, so that
            // the page's languages (which share one sink of problems) report it once; at the block without one
            ctx.state.diagnostics.note(
                    r.dataDisplay() != null ? r.dataDisplay() : r.display(),
                    r.dataDisplay() != null ? 1 : c.line(),
                    1,
                    "not yet tested: "
                            + String.join(
                                    ", ",
                                    missing.stream()
                                            .map(RenderRequest.SitePage::path)
                                            .sorted()
                                            .toList())
                            + " (the accessibility statement lists "
                            + (missing.size() == 1 ? "it" : "them") + " as not yet tested)",
                    "after a full, green mvn verify, publish its results: cp target/qa/results.yaml "
                            + (r.dataDisplay() == null
                                    ? "<page folder>/data.yaml"
                                    : r.dataDisplay().toString().replace('\\', '/')));
        }
        return new Results(List.copyOf(entries), r.message("results.untested"), List.copyOf(untested));
    }

    /**
     * A recorded page of the collection that the collection no longer has: a page path ({@code ja/x/index.html})
     * in one of its languages that is not one of its pages and not a page the site makes itself (glossary, search…).
     */
    private static boolean gone(String path, Set<String> collection, Set<String> languages) {
        int slash = path.indexOf('/');
        if (collection.isEmpty() || slash < 0 || !languages.contains(path.substring(0, slash))) {
            return false;
        }
        String slug = path.substring(slash + 1);
        if (!slug.endsWith("/" + Urls.INDEX)) {
            return false;
        }
        slug = slug.substring(0, slug.length() - Urls.INDEX.length() - 1);
        return !collection.contains(path) && Urls.generatedPageIn(slug) == null;
    }

    /** The root first, then the statement's language, then the other editions, the 404 page last. */
    private static int rank(String path, String lang) {
        if (!path.contains("/")) {
            return path.startsWith("404") ? 3 : 0;
        }
        return path.startsWith(lang + "/") ? 1 : 2;
    }

    private static String edition(String path, RenderRequest r) {
        if (!path.contains("/")) {
            return "";
        }
        String lang = path.substring(0, path.indexOf('/'));
        return r.messages().getOrDefault("results.edition." + lang, lang + ": ");
    }

    private static String title(YamlNode n, String path, RenderRequest r) {
        if (!path.contains("/")) {
            return r.message(path.startsWith("404") ? "results.not_found" : "results.root");
        }
        String title = n.text("title");
        return title == null || title.isBlank() ? path : title.strip();
    }

    private static String counts(YamlNode n, RenderRequest r) {
        String out = r.message("results.counts");
        for (Map.Entry<String, String> e : Map.of(
                        "{html}", "html_errors",
                        "{desktop}", "axe_desktop",
                        "{mobile}", "axe_mobile",
                        "{checks}", "checks_failed")
                .entrySet()) {
            String v = n.text(e.getValue());
            out = out.replace(e.getKey(), v == null ? r.message("results.not_run") : v);
        }
        return out;
    }
}
