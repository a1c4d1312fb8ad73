package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import casebook.text.Cjk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.function.Executable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a reader must find in the site built from any valid collection: every page in every language it
 * is written in, the reading order and groups of site.yaml in the contents and the previous/next links,
 * the language switch, every link and anchor resolving, translations matching their originals in
 * structure, and the constructs (key points, basic information, dialogue, glossary links) complete.
 *
 * <p>The expectations are read from the content itself, independently of casebook's own loaders:
 * site.yaml, front matter, data.yaml and glossary.yaml are parsed here with SnakeYAML, and the pages are
 * found as the folders holding an {@code index.<lang>.md}. So the checks hold for the real collection
 * and for any other that {@code check --strict} accepts, such as a copy with a case added
 * ({@link NewCaseOnACopyTest}). Behaviour pinned to particular pages is tested on fixtures
 * ({@link PageConstructsTest}), not here.
 */
final class CollectionChecks {
    /** One page's source: its slug, the languages it is written in, its front matter and data per language. */
    record Source(String slug, Map<String, Map<String, Object>> frontMatter, Map<String, Object> data) {
        boolean in(String lang) {
            return frontMatter.containsKey(lang);
        }

        String group() {
            for (Map<String, Object> fm : frontMatter.values()) {
                if (fm.get("group") != null) {
                    return String.valueOf(fm.get("group"));
                }
            }
            return null;
        }

        boolean about() {
            return "about".equals(group());
        }
    }

    final Path content;
    final Path out;
    final BuildResult result;
    final List<String> languages;
    final String original;
    final Map<String, Map<String, String>> groups;
    final Map<String, String> title;
    final Map<String, String> publisher;
    /** site.yaml as written. */
    final Map<String, Object> siteYaml;
    /** Every published page in reading order. */
    final List<Source> pages;

    final List<Map<String, Object>> glossary;
    private final Map<Path, Document> parsed = new HashMap<>();

    /** Builds {@code content} into {@code out} and reads what the site must show from the content. */
    CollectionChecks(Path content, Path out) {
        this.content = content;
        this.out = out;
        this.result = SiteFixture.build(content, out);
        assertFalse(result.diagnostics().hasErrors(), () -> SiteFixture.messages(result));
        Map<String, Object> site = map(yaml(content.resolve("site.yaml")));
        this.siteYaml = site;
        List<String> langs = new ArrayList<>();
        for (Object l : list(site.get("languages"))) {
            langs.add(String.valueOf(l));
        }
        if (langs.isEmpty()) {
            langs = List.of("ja", "en");
        }
        Object def = site.containsKey("default_language") ? site.get("default_language") : site.get("defaultLanguage");
        this.original = def == null ? langs.get(0) : String.valueOf(def);
        this.languages = List.copyOf(langs);
        this.groups = new LinkedHashMap<>();
        for (Map.Entry<String, Object> g : map(site.get("groups")).entrySet()) {
            groups.put(g.getKey(), perLanguage(g.getValue()));
        }
        this.title = perLanguage(site.get("title"));
        this.publisher = perLanguage(site.get("publisher"));
        this.pages = readingOrder(list(site.get("order")), sources());
        Object g =
                Files.isRegularFile(content.resolve("glossary.yaml")) ? yaml(content.resolve("glossary.yaml")) : null;
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object e : list(g)) {
            entries.add(map(e));
        }
        this.glossary = entries;
    }

    /** Every check, each reported on its own. */
    void all() {
        assertAll(
                this::strictCheckIsClean,
                this::everyPageExistsInEachOfItsLanguages,
                this::topPagesShowTheCollectionAndItsContentsInOrder,
                this::previousAndNextFollowTheReadingOrder,
                this::languageSwitchPointsAtTheTwinOrSaysItIsMissing,
                this::everyInternalLinkAndAnchorResolves,
                this::translatedPagesHaveNoJapaneseOutsideLangJa,
                this::translationsMatchTheOriginalsInStructure,
                this::keyPointBoxesAreComplete,
                this::basicInformationShowsEveryFigure,
                this::dialogueMarksEverySpeaker,
                this::glossaryTermsLinkOnceAndEveryEntryIsPublished,
                this::noPlaceholderIsPublished,
                this::accessibilityStatementAccountsForEveryPage,
                this::nothingScriptCapableIsPublished,
                this::noFigureShowsOnlyItsCredit,
                this::bookletContentsNameEveryChapter);
    }

    // ---------------------------------------------------------------- the gate's checks on the output (GateChecks)

    void accessibilityStatementAccountsForEveryPage() {
        List<String> statements = GateChecks.statementAccountsForEveryPage(out);
        boolean written = pages.stream()
                .anyMatch(p ->
                        languages.stream().anyMatch(l -> p.in(l) && source(p, l).contains(":::page-results")));
        assertEquals(written, !statements.isEmpty(), "a page with :::page-results is published with its results");
    }

    void nothingScriptCapableIsPublished() {
        GateChecks.nothingScriptCapable(out);
    }

    void noFigureShowsOnlyItsCredit() {
        GateChecks.noFigureShowsOnlyItsCredit(out);
    }

    /** Each booklet the build wrote (site.yaml's pdf, with a Japanese font installed): its contents name every chapter. */
    void bookletContentsNameEveryChapter() throws IOException {
        Object pdf = siteYaml.get("pdf");
        for (String lang : languages) {
            Path file = out.resolve(lang).resolve(pdf + ".pdf");
            if (pdf == null || !Files.isRegularFile(file)) {
                continue;
            }
            List<String> titles = pages.stream()
                    .filter(p -> p.in(lang) && !p.about())
                    .map(p -> String.valueOf(p.frontMatter().get(lang).get("title")))
                    .toList();
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                GateChecks.bookletContentsNameEveryChapter(doc, titles);
            }
        }
    }

    // ---------------------------------------------------------------- the checks

    /** {@code check --strict}: no error, no warning (notes, such as pages not yet translated, are fine). */
    void strictCheckIsClean() {
        BuildResult r = Build.run(
                BuildOptions.defaults().withContent(content).withWrite(false).withStrict(true));
        List<String> problems = r.diagnostics().kept().stream()
                .filter(d -> d.severity() != Severity.NOTE)
                .map(Diagnostic::toString)
                .toList();
        assertEquals(List.of(), problems, "check --strict on " + content);
    }

    void everyPageExistsInEachOfItsLanguages() {
        List<Executable> checks = new ArrayList<>();
        for (String lang : languages) {
            checks.add(() -> assertTrue(Files.isRegularFile(out.resolve(lang + "/index.html")), lang + "/index.html"));
            for (Source p : pages) {
                Path page = out.resolve(lang + "/" + p.slug() + "/index.html");
                checks.add(() -> assertEquals(
                        p.in(lang),
                        Files.isRegularFile(page),
                        lang + "/" + p.slug()
                                + (p.in(lang)
                                        ? " is written in " + lang + " but not published"
                                        : " is not written in " + lang + " but published")));
            }
        }
        // sitemap.xml is written only with a base_url (ReaderPagesTest); the real site.yaml has none
        for (String f : List.of("index.html", "404.html", "assets/style.css")) {
            checks.add(() -> assertTrue(Files.isRegularFile(out.resolve(f)), f));
        }
        assertAll(checks);
    }

    void topPagesShowTheCollectionAndItsContentsInOrder() {
        for (String lang : languages) {
            Document top = page(lang + "/index.html");
            assertTrue(top.selectFirst("h1").text().contains(pick(title, lang)), lang + " title");
            if (!publisher.isEmpty()) {
                assertTrue(top.text().contains(pick(publisher, lang)), lang + " publisher");
            }
            Element toc = top.selectFirst("nav.contents");
            assertNotNull(toc, lang + "/index.html has no contents");
            List<String> expected = new ArrayList<>();
            for (Source p : pages) {
                if (p.in(lang) && !p.about()) {
                    expected.add(p.slug() + "/index.html");
                }
            }
            assertEquals(
                    expected, toc.select("a.contents__link").eachAttr("href"), lang + " contents in reading order");
            Set<String> used = new HashSet<>();
            for (Source p : pages) {
                if (p.in(lang) && p.group() != null && groups.containsKey(p.group())) {
                    used.add(p.group());
                }
            }
            for (String g : used) {
                Element heading = toc.getElementById("group-" + g);
                assertNotNull(heading, lang + " contents: group " + g);
                assertEquals(pick(groups.get(g), lang), heading.text(), lang + " group " + g);
                for (Source p : pages) {
                    if (!p.in(lang) || !g.equals(p.group())) {
                        continue;
                    }
                    Element link = toc.selectFirst("a.contents__link[href='" + p.slug() + "/index.html']");
                    assertNotNull(
                            link.closest("section.contents__group[aria-labelledby=group-" + g + "]"),
                            lang + ": " + p.slug() + " listed under its group " + g);
                }
            }
            // a page not written in this language is listed as not yet translated, linking to an edition that has it
            for (Source p : pages) {
                if (p.in(lang) || p.about()) {
                    continue;
                }
                Element missing = top.selectFirst("section.missing");
                assertNotNull(
                        missing,
                        lang + "/index.html lists no page as not yet translated, but " + p.slug() + " is not in "
                                + lang);
                assertFalse(
                        missing.select("a[href*=/" + p.slug() + "/index.html]").isEmpty(),
                        lang + ": " + p.slug() + " listed as missing");
            }
        }
    }

    void previousAndNextFollowTheReadingOrder() {
        for (String lang : languages) {
            List<String> chain = new ArrayList<>();
            for (Source p : pages) {
                if (p.in(lang) && !p.about()) {
                    chain.add(p.slug());
                }
            }
            for (int i = 0; i < chain.size(); i++) {
                Document d = page(lang + "/" + chain.get(i) + "/index.html");
                Element prev = d.selectFirst("a[rel=prev]");
                Element next = d.selectFirst("a[rel=next]");
                String where = lang + "/" + chain.get(i);
                if (i == 0) {
                    assertNull(prev, where + " is first");
                } else {
                    assertEquals(
                            "../" + chain.get(i - 1) + "/index.html",
                            prev == null ? null : prev.attr("href"),
                            where + " previous");
                }
                if (i == chain.size() - 1) {
                    assertNull(next, where + " is last");
                } else {
                    assertEquals(
                            "../" + chain.get(i + 1) + "/index.html",
                            next == null ? null : next.attr("href"),
                            where + " next");
                }
            }
            for (Source p : pages) {
                if (!p.in(lang) || !p.about()) {
                    continue;
                }
                Document d = page(lang + "/" + p.slug() + "/index.html");
                assertTrue(
                        d.select("a[rel=prev], a[rel=next]").isEmpty(),
                        lang + "/" + p.slug() + " is about the site: outside the sequence");
            }
        }
    }

    void languageSwitchPointsAtTheTwinOrSaysItIsMissing() {
        for (Source p : pages) {
            for (String lang : languages) {
                if (!p.in(lang)) {
                    continue;
                }
                Document d = page(lang + "/" + p.slug() + "/index.html");
                String where = lang + "/" + p.slug();
                assertEquals(lang, d.selectFirst("html").attr("lang"), where);
                List<String> editions = new ArrayList<>();
                for (String other : languages) {
                    if (p.in(other)) {
                        editions.add(other);
                    }
                    if (other.equals(lang)) {
                        continue;
                    }
                    Element link = d.selectFirst(".lang-switch a[hreflang=" + other + "]");
                    if (p.in(other)) {
                        assertNotNull(link, where + " switch to " + other);
                        assertEquals("../../" + other + "/" + p.slug() + "/index.html", link.attr("href"), where);
                    } else {
                        assertNull(link, where + " links to an edition that does not exist");
                        assertNotNull(
                                d.selectFirst(".lang-switch .lang-switch__missing"),
                                where + " says the " + other + " edition is missing");
                    }
                }
                // one alternate per edition, plus x-default naming the original's
                if (p.in(original)) {
                    editions.add("x-default");
                }
                assertEquals(
                        editions,
                        d.select("link[rel=alternate][hreflang]").eachAttr("hreflang"),
                        where + " alternates");
            }
        }
    }

    void everyInternalLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        for (Path p : htmlFiles(out)) {
            for (Element el : parse(p).select("[href], [src]")) {
                String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                URI uri = URI.create(ref);
                if (uri.getScheme() != null) {
                    continue;
                }
                if (ref.startsWith("/")) {
                    broken.add(out.relativize(p) + ": " + ref + " (root-relative)");
                    continue;
                }
                Path target = uri.getPath() == null || uri.getPath().isEmpty()
                        ? p
                        : p.getParent().resolve(uri.getPath()).normalize();
                if (Files.isDirectory(target)) {
                    broken.add(out.relativize(p) + ": " + ref + " (a folder: breaks from disk)");
                    continue;
                }
                if (!Files.isRegularFile(target)) {
                    broken.add(out.relativize(p) + ": " + ref);
                    continue;
                }
                String frag = uri.getFragment();
                if (frag != null
                        && !frag.isEmpty()
                        && target.toString().endsWith(".html")
                        && parse(target).getElementById(frag) == null) {
                    broken.add(out.relativize(p) + ": " + ref + " (no such id)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    void translatedPagesHaveNoJapaneseOutsideLangJa() {
        List<String> found = new ArrayList<>();
        for (String lang : languages) {
            if (lang.equals("ja")) {
                continue;
            }
            for (Path p : htmlFiles(out.resolve(lang))) {
                Document d = parse(p).clone();
                d.select("head").remove();
                d.traverse((Node n, int depth) -> {
                    if (n instanceof TextNode t && Cjk.containsJapanese(t.text())) {
                        String within = "";
                        for (Element e = (Element) t.parent(); e != null; e = e.parent()) {
                            if (e.hasAttr("lang")) {
                                within = e.attr("lang");
                                break;
                            }
                        }
                        if (!within.equals("ja")) {
                            found.add(out.relativize(p) + ": " + t.text().strip());
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), found);
    }

    void translationsMatchTheOriginalsInStructure() {
        List<String> parity = result.diagnostics().kept().stream()
                .map(Diagnostic::toString)
                .filter(m -> m.contains("parity:"))
                .toList();
        assertEquals(List.of(), parity);
        for (Source p : pages) {
            if (!p.in(original)) {
                continue;
            }
            Document a = page(original + "/" + p.slug() + "/index.html");
            for (String lang : languages) {
                if (lang.equals(original) || !p.in(lang)) {
                    continue;
                }
                Document b = page(lang + "/" + p.slug() + "/index.html");
                String where = p.slug() + " (" + original + ", " + lang + ")";
                assertEquals(
                        a.select("main h2[id], main h3[id]").eachAttr("id"),
                        b.select("main h2[id], main h3[id]").eachAttr("id"),
                        where);
                assertEquals(
                        a.select(".article__body li").size(),
                        b.select(".article__body li").size(),
                        where + " list items");
                assertEquals(a.select(".turn").size(), b.select(".turn").size(), where + " dialogue turns");
                assertEquals(
                        a.select("section.keypoint .keypoint__points > li").size(),
                        b.select("section.keypoint .keypoint__points > li").size(),
                        where + " key points");
            }
        }
    }

    void keyPointBoxesAreComplete() {
        for (Source p : pages) {
            for (String lang : languages) {
                if (!p.in(lang) || !source(p, lang).contains(":::keypoint")) {
                    continue;
                }
                String where = lang + "/" + p.slug();
                Element box = page(where + "/index.html").selectFirst("section.keypoint");
                assertNotNull(box, where + " key-point box");
                assertFalse(box.selectFirst("h2").text().isBlank(), where);
                assertFalse(box.select(".keypoint__points > li").isEmpty(), where + " has no key points");
                assertFalse(box.selectFirst(".keypoint__headline").text().isBlank(), where + " headline");
                if (p.data() != null && p.data().get("category") != null) {
                    assertEquals(3, box.select(".keypoint__category").size(), where);
                    Element current = box.selectFirst(".keypoint__category.is-current");
                    assertNotNull(current, where + " highlights no category");
                    assertNotNull(
                            current.selectFirst(".visually-hidden"),
                            where + ": the current category is announced, not shown by colour alone");
                }
            }
        }
    }

    void basicInformationShowsEveryFigure() {
        for (Source p : pages) {
            for (String lang : languages) {
                if (!p.in(lang) || !source(p, lang).contains(":::basic-info")) {
                    continue;
                }
                String where = lang + "/" + p.slug();
                Element table = page(where + "/index.html").selectFirst("table.basic-info");
                assertNotNull(table, where + " basic-information table");
                List<Object> items = list(p.data() == null ? null : p.data().get("basic_info"));
                List<Element> rows = table.select("tr");
                assertEquals(items.size(), rows.size(), where + " one row per item of data.yaml");
                for (int i = 0; i < items.size(); i++) {
                    Element th = rows.get(i).selectFirst("th[scope=row]");
                    assertNotNull(th, where + " row " + (i + 1) + " has a row header");
                    assertFalse(th.text().isBlank(), where + " row " + (i + 1));
                    Object value = map(items.get(i)).get("value");
                    // a whole number is shown with thousands separators (7,326,804) in every language
                    String shown = value instanceof Integer || value instanceof Long
                            ? String.format(Locale.ROOT, "%,d", ((Number) value).longValue())
                            : String.valueOf(value);
                    assertTrue(
                            rows.get(i).selectFirst("td").text().contains(shown),
                            where + " row " + (i + 1) + ": " + shown + " in "
                                    + rows.get(i).text());
                }
            }
        }
    }

    void dialogueMarksEverySpeaker() {
        for (Source p : pages) {
            for (String lang : languages) {
                if (!p.in(lang)) {
                    continue;
                }
                for (Element t : page(lang + "/" + p.slug() + "/index.html").select(".dialogue .turn")) {
                    String where = lang + "/" + p.slug() + ": " + t.text();
                    assertNotNull(t.selectFirst(".speaker-mark[aria-hidden=true]"), where);
                    Element name = t.selectFirst(".speaker .visually-hidden");
                    assertTrue(name != null && !name.text().isBlank(), "screen readers hear who speaks: " + where);
                }
            }
        }
    }

    void glossaryTermsLinkOnceAndEveryEntryIsPublished() {
        for (Source p : pages) {
            for (String lang : languages) {
                if (!p.in(lang)) {
                    continue;
                }
                List<String> hrefs = page(lang + "/" + p.slug() + "/index.html")
                        .select("a.term")
                        .eachAttr("href");
                assertEquals(
                        new HashSet<>(hrefs).size(),
                        hrefs.size(),
                        lang + "/" + p.slug() + ": only the first use of a term links");
                for (String h : hrefs) {
                    assertTrue(h.startsWith("../glossary/index.html#"), h);
                }
            }
        }
        if (glossary.isEmpty()) {
            return;
        }
        for (String lang : languages) {
            Document g = page(lang + "/glossary/index.html");
            for (Map<String, Object> e : glossary) {
                if (e.get(lang) == null) {
                    continue;
                }
                assertNotNull(g.getElementById(String.valueOf(e.get("id"))), lang + " glossary: " + e.get("id"));
            }
        }
    }

    void noPlaceholderIsPublished() {
        List<String> found = new ArrayList<>();
        for (Path p : htmlFiles(out)) {
            if (SiteFixture.read(p).contains("TODO(")) {
                found.add(out.relativize(p).toString());
            }
        }
        assertEquals(List.of(), found);
    }

    // ---------------------------------------------------------------- reading the content

    /** The pages of the content folder: each folder holding an index.<lang>.md, drafts left out. */
    private Map<String, Source> sources() {
        Map<String, Source> found = new TreeMap<>();
        try (Stream<Path> s = Files.walk(content)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                Path dir = content.relativize(f).getParent();
                if (dir == null || !name.matches("index\\.[a-z]{2,3}\\.md")) {
                    continue;
                }
                String lang = name.substring(6, name.length() - 3);
                if (!languages.contains(lang)) {
                    continue;
                }
                Map<String, Object> fm = frontMatter(f);
                if (Boolean.TRUE.equals(fm.get("draft"))) {
                    continue;
                }
                String slug = dir.toString().replace('\\', '/');
                Path data = f.resolveSibling("data.yaml");
                found.computeIfAbsent(
                                slug,
                                k -> new Source(k, new TreeMap<>(), Files.isRegularFile(data) ? map(yaml(data)) : null))
                        .frontMatter()
                        .put(lang, fm);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** site.yaml's order first, then the other pages by their front matter order, then by slug. */
    private static List<Source> readingOrder(List<Object> order, Map<String, Source> all) {
        List<Source> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Object o : order) {
            Source s = all.get(String.valueOf(o));
            if (s != null && placed.add(s.slug())) {
                out.add(s);
            }
        }
        List<Source> rest = new ArrayList<>();
        for (Source s : all.values()) {
            if (!placed.contains(s.slug())) {
                rest.add(s);
            }
        }
        rest.sort(Comparator.comparing((Source s) -> frontOrder(s)).thenComparing(Source::slug));
        out.addAll(rest);
        return List.copyOf(out);
    }

    private static long frontOrder(Source s) {
        for (Map<String, Object> fm : s.frontMatter().values()) {
            if (fm.get("order") instanceof Number n) {
                return n.longValue();
            }
        }
        return Long.MAX_VALUE;
    }

    private String source(Source p, String lang) {
        return SiteFixture.read(content.resolve(p.slug()).resolve("index." + lang + ".md"));
    }

    private static Map<String, Object> frontMatter(Path f) {
        String text = SiteFixture.read(f).replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("---\n")) {
            return Map.of();
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            end = text.indexOf("\n---", 3);
        }
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(4, end + 1)));
    }

    private static Object yaml(Path f) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(SiteFixture.read(f));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<Object, Object>) m).entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** A value given once for all languages, or per language. */
    private static Map<String, String> perLanguage(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
        } else if (o != null) {
            out.put("*", String.valueOf(o));
        }
        return out;
    }

    String pick(Map<String, String> values, String lang) {
        if (values.containsKey(lang)) {
            return values.get(lang);
        }
        if (values.containsKey(original)) {
            return values.get(original);
        }
        return values.values().iterator().next();
    }

    // ---------------------------------------------------------------- reading the output

    Document page(String path) {
        return parse(out.resolve(path));
    }

    private Document parse(Path p) {
        return parsed.computeIfAbsent(p.normalize(), x -> {
            try {
                return Jsoup.parse(x.toFile(), StandardCharsets.UTF_8.name());
            } catch (IOException e) {
                throw new AssertionError(out.relativize(x) + " cannot be read", e);
            }
        });
    }

    private static List<Path> htmlFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "checks of " + content + " ("
                + pages.stream().map(Source::slug).filter(Objects::nonNull).toList() + ")";
    }
}
