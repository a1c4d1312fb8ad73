package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.output.OutputTree;
import casebook.publish.AsciiNames;
import casebook.publish.PageWeights;
import casebook.site.Page;
import casebook.site.Site;
import casebook.text.Urls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a portal asks of the published tree, checked on every build and {@code check} once every file is in
 * the output tree: every file name is ASCII (an error names the file and suggests an ASCII name), and no
 * page weighs more than the budget ({@code page_budget_kb} in site.yaml, default 500 KB) with the files it
 * loads. Returns every page's weight, largest first, for the bundle's report.
 */
final class PublishChecks {
    /** The URLs a page loads with itself, from its bytes; {@link #DIRECT} finds them, {@code serve} passes its memo. */
    @FunctionalInterface
    interface References {
        List<String> of(String path, byte[] html);

        References DIRECT = PageWeights::references;
    }

    /** {@code serve}'s memo of {@link References}: a page's references are reused while its bytes are the same. */
    static final class ReferenceMemo implements References {
        private final Memo<String, List<String>> memo = new Memo<>();

        @Override
        public List<String> of(String path, byte[] html) {
            return memo.get(
                    path, List.of(ByteBuffer.wrap(html)), new Diagnostics(), d -> List.copyOf(DIRECT.of(path, html)));
        }

        void clear() {
            memo.clear();
        }
    }

    private PublishChecks() {}

    static List<PageWeights.Weight> run(
            OutputTree out, Path content, long budgetKb, References references, Diagnostics d) {
        return run(out, content, null, budgetKb, references, d);
    }

    /** @param site the rendered site, whose links name the lines to change for a renamed file; null for none */
    static List<PageWeights.Weight> run(
            OutputTree out, Path content, Site site, long budgetKb, References references, Diagnostics d) {
        List<String> paths = new ArrayList<>(out.paths());
        paths.sort(null);
        for (String p : paths) {
            if (AsciiNames.isAscii(p)) {
                continue;
            }
            String name = p.substring(p.lastIndexOf('/') + 1);
            List<String> at = linksTo(site, p);
            d.error(
                    source(content, p),
                    1,
                    1,
                    "file name is not ASCII: " + p + " (a portal needs ASCII file names)",
                    "rename it to \"" + AsciiNames.suggest(name) + "\" and change "
                            + (at.isEmpty()
                                    ? "the links to it"
                                    : (at.size() == 1 ? "the link to it at " : "the links to it at ")
                                            + String.join(", ", at)));
        }
        List<PageWeights.Weight> weights = PageWeights.of(paths, p -> read(out, p), p -> size(out, p), references::of);
        for (PageWeights.Weight w : weights) {
            if (w.total() <= budgetKb * 1000) {
                continue;
            }
            StringBuilder loads = new StringBuilder();
            w.loads().stream()
                    .sorted((a, b) -> Long.compare(size(out, b), size(out, a)))
                    .limit(3)
                    .forEach(a -> loads.append(loads.length() == 0 ? "" : ", ")
                            .append(a)
                            .append(" (")
                            .append(kb(size(out, a)))
                            .append(" KB)"));
            d.error(
                    page(content, w.page()),
                    1,
                    1,
                    w.page() + " weighs " + kb(w.total()) + " KB with the files it loads, over the page budget of "
                            + budgetKb + " KB (HTML " + kb(w.html()) + " KB"
                            + (loads.length() == 0 ? "" : "; largest: " + loads) + ")",
                    "make its pictures smaller or split the page; or raise page_budget_kb in site.yaml");
        }
        return weights;
    }

    /** Where the pages link the output file {@code target}: "content/saitama/index.ja.md:12:1", in page order. */
    static List<String> linksTo(Site site, String target) {
        List<String> at = new ArrayList<>();
        if (site == null) {
            return at;
        }
        List<Page> pages = new ArrayList<>(site.homes().values());
        for (Map<String, Page> byLang : site.pages().values()) {
            pages.addAll(byLang.values());
        }
        for (Page page : pages) {
            if (page.rendered() == null) {
                continue;
            }
            for (var link : page.rendered().links()) {
                if (target.equals(ContentFiles.fileTarget(page, link.url()))) {
                    at.add(page.display() + ":" + link.line() + ":" + link.column());
                }
            }
        }
        return at;
    }

    private static String kb(long bytes) {
        return String.valueOf((bytes + 999) / 1000);
    }

    /** The content file an output file was copied from, when there is one; else the output path. */
    private static Path source(Path content, String outPath) {
        int slash = outPath.indexOf('/');
        if (slash > 0) {
            Path c = content.resolve(outPath.substring(slash + 1));
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        return Path.of(outPath);
    }

    /** The Markdown a page was made from ({@code ja/saitama/index.html} → {@code saitama/index.ja.md}), when there is one. */
    private static Path page(Path content, String outPath) {
        String[] parts = outPath.split("/");
        if (parts.length == 3 && parts[2].equals(Urls.INDEX)) {
            Path md = content.resolve(parts[1]).resolve("index." + parts[0] + ".md");
            if (Files.isRegularFile(md)) {
                return md;
            }
        }
        return Path.of(outPath);
    }

    private static byte[] read(OutputTree out, String p) {
        if (out.staging() == null) {
            return out.get(p);
        }
        try {
            return Files.readAllBytes(out.staging().resolve(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(OutputTree out, String p) {
        if (out.staging() == null) {
            byte[] b = out.get(p);
            return b == null ? 0 : b.length;
        }
        try {
            return Files.size(out.staging().resolve(p));
        } catch (IOException e) {
            return 0;
        }
    }
}
