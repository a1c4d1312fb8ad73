package casebook.markdown;

import casebook.frontmatter.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code :::page-results}, the accessibility statement's results by page: one entry per page of the
 * {@code pages} set in the page's data.yaml, which the quality gates write for every HTML file the build wrote
 * (docs/accessibility.md, "Refreshing the published results"), so the list is never typed by hand and names
 * exactly the pages that were tested. The site's root comes first and the 404 page last; the pages of the
 * statement's own language come before the others, each with its edition ("日本語版：", "English edition: ").
 */
final class PageResultsBlock implements Block<PageResultsBlock.Results> {

    /**
     * One page: its edition ("English edition: ", empty for the root and 404 pages), its title (in its own
     * language, named in titleLang when that is not the statement's), its path in the site, the path as shown
     * after the title ("（ja/saitama/index.html）"), and its counts as one sentence.
     */
    record Entry(String edition, String title, String titleLang, String path, String pathText, String counts) {}

    record Results(List<Entry> entries) {}

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
        return new Results(List.copyOf(entries));
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
