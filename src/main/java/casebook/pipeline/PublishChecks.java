package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.output.OutputTree;
import casebook.publish.AsciiNames;
import casebook.publish.CaseFigures;
import casebook.publish.PageWeights;
import casebook.site.Page;
import casebook.site.Site;
import casebook.text.Urls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a portal asks of the published tree, checked on every build and {@code check} once every file is in
 * the output tree: every file name is ASCII (an error names the file and suggests an ASCII name), and no
 * page weighs more than the budget ({@code page_budget_kb} in site.yaml, default 500 KB) with the files it
 * loads. The search page counts its language's index ({@code <lang>/search/index.js}): search.js loads it
 * as soon as the reader starts to search. Absolute URLs under the site's address count as its files. An
 * over-budget error points at what the editor can change: a case page's Markdown; for a generated page, the
 * file that feeds it (the top page's Markdown, glossary.yaml) or else site.yaml's {@code page_budget_kb}, with
 * a hint that names what makes the page heavy. Returns every page's weight, largest first, for the bundle's
 * report.
 */
final class PublishChecks {
    /**
     * The URLs a page loads with itself, from its bytes; {@link #DIRECT} finds them, {@code serve} passes its memo
     * ({@link ReferenceMemo}).
     */
    @FunctionalInterface
    interface References {
        List<String> of(String path, byte[] html);

        References DIRECT = PageWeights::references;
    }

    private PublishChecks() {}

    static List<PageWeights.Weight> run(
            OutputTree out, Path content, long budgetKb, References references, Diagnostics d) {
        return run(out, content, null, null, budgetKb, references, d);
    }

    /**
     * @param site    the rendered site, whose links name the lines to change for a renamed file; null for none
     * @param baseUrl the site's address (absolute URLs under it name its files); null when unknown
     */
    static List<PageWeights.Weight> run(
            OutputTree out,
            Path content,
            Site site,
            String baseUrl,
            long budgetKb,
            References references,
            Diagnostics d) {
        List<String> paths = new ArrayList<>(out.paths());
        paths.sort(null);
        for (String p : paths) {
            // a name every portal, file system and unzip tool takes: ASCII, then no character Windows refuses
            String unportable = AsciiNames.isAscii(p) ? AsciiNames.unportable(p) : null;
            if (AsciiNames.isAscii(p) && unportable == null) {
                continue;
            }
            String name = p.substring(p.lastIndexOf('/') + 1);
            List<String> at = linksTo(site, p);
            d.error(
                    source(content, p),
                    1,
                    1,
                    unportable == null
                            ? "file name is not ASCII: " + p + " (a portal needs ASCII file names)"
                            : "file name cannot be published: " + p + " (" + unportable + ")",
                    "rename it to \"" + AsciiNames.suggestPortable(name) + "\" and change "
                            + (at.isEmpty()
                                    ? "the links to it"
                                    : (at.size() == 1 ? "the link to it at " : "the links to it at ")
                                            + String.join(", ", at)));
        }
        List<PageWeights.Weight> weights = PageWeights.of(
                paths, p -> read(out, p), p -> size(out, p), references::of, baseUrl, PublishChecks::loadsOnUse);
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
            Overweight why = overweight(content, site, w, budgetKb, out);
            d.error(
                    why.file(),
                    why.line(),
                    1,
                    why.what() + w.page() + " weighs " + kb(w.total())
                            + " KB with the files it loads, over the page budget of " + budgetKb + " KB (HTML "
                            + kb(w.html()) + " KB" + (loads.length() == 0 ? "" : "; largest: " + loads) + ")",
                    why.hint());
        }
        return weights;
    }

    /** What the search page loads once the reader starts to search: its language's index. */
    static List<String> loadsOnUse(String page) {
        int slash = page.indexOf('/');
        if (slash > 0 && page.equals(Urls.search(page.substring(0, slash)))) {
            return List.of(Urls.searchFile(page.substring(0, slash), "index.js"));
        }
        return List.of();
    }

    /** Where an over-budget error points, what it calls the page ("the comparison page "), and its hint. */
    record Overweight(Path file, int line, String what, String hint) {}

    static Overweight overweight(Path content, Site site, PageWeights.Weight w, long budgetKb, OutputTree out) {
        String p = w.page();
        Path yaml = content.resolve("site.yaml");
        int budgetLine = budgetLine(yaml);
        String raise = (budgetLine > 0 ? "raise page_budget_kb in " : "add page_budget_kb to ") + yaml + " (now "
                + budgetKb + ") to at least " + kb(w.total());
        Path md = page(content, p);
        if (!md.toString().equals(p)) {
            boolean pictures = w.loads().stream().anyMatch(PublishChecks::isPicture);
            return new Overweight(
                    md,
                    1,
                    "",
                    (pictures ? "make its pictures smaller or split the page" : "shorten the page or split it in two")
                            + "; or " + raise);
        }
        int slash = p.indexOf('/');
        String lang = slash > 0 ? p.substring(0, slash) : "";
        Path atBudget = yaml;
        int lineAtBudget = Math.max(budgetLine, 1);
        if (!lang.isEmpty() && p.equals(Urls.search(lang))) {
            String index = Urls.searchFile(lang, "index.js");
            long indexBytes = w.loads().contains(index) ? size(out, index) : 0;
            return new Overweight(
                    atBudget,
                    lineAtBudget,
                    "the search page ",
                    "the search page loads its index (" + index + ", " + kb(indexBytes)
                            + " KB) when the reader starts to search; the index holds the words of every page of the"
                            + " language and grows with them, so " + raise);
        }
        if (!lang.isEmpty() && (p.equals(Urls.compare(lang)) || p.equals(Urls.openData(lang)))) {
            boolean compare = p.equals(Urls.compare(lang));
            return new Overweight(
                    atBudget,
                    lineAtBudget,
                    compare ? "the comparison page " : "the open-data page ",
                    (compare
                                    ? "the comparison page shows the basic_info figures of "
                                    : "the open-data page lists the"
                                            + " data files and fields made from the basic_info of ")
                            + dataFiles(content, site)
                            + ": fewer figures make it smaller; or " + raise);
        }
        if (!lang.isEmpty() && p.equals(Urls.glossary(lang))) {
            Path glossary = content.resolve("glossary.yaml");
            return new Overweight(
                    Files.isRegularFile(glossary) ? glossary : atBudget,
                    Files.isRegularFile(glossary) ? 1 : lineAtBudget,
                    "the glossary page ",
                    "the glossary page lists every term of " + glossary + ": shorten or remove entries; or " + raise);
        }
        if (!lang.isEmpty() && p.equals(Urls.languageTop(lang))) {
            Path home = content.resolve("index." + lang + ".md");
            return new Overweight(
                    Files.isRegularFile(home) ? home : atBudget,
                    Files.isRegularFile(home) ? 1 : lineAtBudget,
                    "the top page ",
                    "the top page lists every page with its key points and adds the text of " + home
                            + ": shorten that text or the pages' key points; or " + raise);
        }
        return new Overweight(
                atBudget,
                lineAtBudget,
                "the generated page ",
                "this page is made by the theme (its template and assets), not from content: " + raise);
    }

    /** The cases' data files, as the editor finds them: "content/saitama/data.yaml, content/hasuda/data.yaml". */
    private static String dataFiles(Path content, Site site) {
        List<String> files = new ArrayList<>();
        List<CaseFigures> cases = site == null ? Collections.emptyList() : CaseFigures.of(site);
        for (CaseFigures c : cases) {
            Path f = content.resolve(c.slug()).resolve("data.yaml");
            if (Files.isRegularFile(f)) {
                files.add(f.toString());
            }
        }
        return files.isEmpty() ? "the cases' data.yaml files" : String.join(", ", files);
    }

    /** The line of site.yaml that sets page_budget_kb; 0 when it is not set (or the file cannot be read). */
    private static int budgetLine(Path yaml) {
        try {
            List<String> lines = Files.readAllLines(yaml);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("page_budget_kb:")) {
                    return i + 1;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable site.yaml was reported when it was loaded; the error points at its first line
        }
        return 0;
    }

    private static boolean isPicture(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".png")
                || p.endsWith(".jpg")
                || p.endsWith(".jpeg")
                || p.endsWith(".gif")
                || p.endsWith(".webp")
                || p.endsWith(".avif")
                || p.endsWith(".svg") && !p.startsWith("assets/");
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
