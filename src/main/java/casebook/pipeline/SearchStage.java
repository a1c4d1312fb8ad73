package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.output.OutputTree;
import casebook.search.IndexBuilder;
import casebook.search.PageText;
import casebook.search.SearchNormalizer;
import casebook.search.TextExtractor;
import casebook.site.Glossary;
import casebook.site.Page;
import casebook.site.Site;
import casebook.text.Urls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * The search stage, after the listings: for each language, the search page ({@code <lang>/search/index.html})
 * and the index ({@code <lang>/search/index.js} and, for a large site, its shards), built from the pages as
 * rendered (read back from the output tree), in reading order, then the glossary. A page with
 * {@code search: false} in its front matter is left out. See {@link casebook.search.IndexBuilder}.
 */
final class SearchStage {

    /** A page's text and terms from its HTML: {@code serve} memoises it by the HTML's bytes. */
    interface Texts {
        Texts DIRECT = (path, url, html) -> prepare(TextExtractor.extract(html, url));

        IndexBuilder.Prepared of(String path, String url, byte[] html);
    }

    /**
     * Builds one language's index from its pages' texts ({@code page}, called once per page, from several threads)
     * and hands each file to {@code out}; {@link #DIRECT} builds it, {@code serve} passes its memo.
     */
    @FunctionalInterface
    interface Indexes {
        void build(
                String lang,
                int count,
                IntFunction<IndexBuilder.Prepared> page,
                List<IndexBuilder.Bridge> bridges,
                BiConsumer<String, byte[]> out);

        Indexes DIRECT = (lang, count, page, bridges, out) -> IndexBuilder.build(count, page, bridges, out);
    }

    private SearchStage() {}

    /** A language's search page, rendered with the theme ({@code PageRenderer.search}); null after reporting. */
    interface SearchPage {
        byte[] render(String lang, Diagnostics d);
    }

    /** The search pages and the index, in the calling pool. */
    static void run(
            RenderedSite rendered, SearchPage page, OutputTree out, Texts texts, Indexes indexes, Diagnostics d) {
        Site site = rendered.site();
        // the languages' indexes side by side: the index's code then meets every language's text from its first
        // pages on, so the optimising compiler's first code for it serves them all (one language after the other,
        // code compiled for Japanese text was thrown away and compiled again when the English pages began)
        site.config().languages().parallelStream().forEach(lang -> index(site, lang, out, texts, indexes));
        for (String lang : site.config().languages()) {
            // a page folder named search is refused where the site is assembled (Urls.generatedPageIn)
            byte[] html = page.render(lang, d);
            if (html != null) {
                out.put(Urls.search(lang), html);
            }
        }
    }

    private static void index(Site site, String lang, OutputTree out, Texts texts, Indexes indexes) {
        List<String> paths = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (String slug : site.order()) {
            Page p = site.page(lang, slug);
            if (p == null || !p.meta().search()) {
                continue;
            }
            paths.add(p.path());
            urls.add(Urls.inLanguage(slug));
        }
        if (!site.glossary().entries().isEmpty()) {
            paths.add(Urls.glossary(lang));
            urls.add(Urls.inLanguage(Urls.GLOSSARY));
        }
        indexes.build(
                lang,
                paths.size(),
                i -> text(out, paths.get(i), urls.get(i), texts),
                bridges(site.glossary(), lang, site.config().languages()),
                (name, bytes) -> out.put(Urls.searchFile(lang, name), bytes));
    }

    /** The page's text and terms, or null when its file is missing (its template failed, and said so). */
    private static IndexBuilder.Prepared text(OutputTree out, String path, String url, Texts texts) {
        byte[] html = out.get(path);
        if (html != null) {
            return texts.of(path, url, html);
        }
        if (out.staging() == null || !out.contains(path)) {
            return null;
        }
        try {
            return Texts.DIRECT.of(path, url, Files.readAllBytes(out.staging().resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " back for the search index", e);
        }
    }

    private static IndexBuilder.Prepared prepare(PageText text) {
        return text == null ? null : IndexBuilder.prepare(text);
    }

    /**
     * Every form of a glossary term in the other languages (term, aliases and reading), with this language's term;
     * and the term's own reading in this language (にもほうかつ finds にも包括), when it is at least
     * {@link #MIN_READING} characters and not the term itself.
     */
    static List<IndexBuilder.Bridge> bridges(Glossary g, String lang, List<String> languages) {
        List<IndexBuilder.Bridge> out = new ArrayList<>();
        for (Glossary.Entry e : g.entries()) {
            String to = e.term().get(lang);
            if (to == null) {
                continue;
            }
            String own = e.reading().get(lang);
            if (readable(own) && !SearchNormalizer.normalize(own).equals(SearchNormalizer.normalize(to))) {
                out.add(new IndexBuilder.Bridge(own.strip(), to));
            }
            for (String other : languages) {
                if (other.equals(lang)) {
                    continue;
                }
                List<String> forms = new ArrayList<>();
                if (e.term().get(other) != null) {
                    forms.add(e.term().get(other));
                }
                forms.addAll(e.aliases().getOrDefault(other, List.of()));
                if (readable(e.reading().get(other))) {
                    forms.add(e.reading().get(other));
                }
                Set<String> seen = new HashSet<>(); // one bridge per form as the search sees it
                for (String f : forms) {
                    if (f != null && !f.isBlank() && seen.add(SearchNormalizer.normalize(f.strip()))) {
                        out.add(new IndexBuilder.Bridge(f.strip(), to));
                    }
                }
            }
        }
        return out;
    }

    /** A reading shorter than this would match inside too many other words typed in kana. */
    static final int MIN_READING = 3;

    private static boolean readable(String reading) {
        return reading != null && reading.strip().length() >= MIN_READING;
    }
}
