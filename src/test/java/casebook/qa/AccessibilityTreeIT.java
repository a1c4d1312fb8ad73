package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.pipeline.BuildOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Gate: what a screen reader hears. Every page of the built site, in both languages, is opened in Chromium and its
 * accessibility tree read through the DevTools protocol ({@code Accessibility.getFullAXTree}): the tree a screen
 * reader is given, after the browser has applied ARIA, CSS ({@code display}, {@code aria-hidden}, visually hidden
 * text) and its own table heuristics. For every instance on the page of the key components:
 * <ul>
 * <li>a key-point box ({@code .keypoint}) is a region (or group) whose name includes the case's category as the box
 *   shows it (e.g. 都道府県, Prefecture);</li>
 * <li>a dialogue turn ({@code .turn}): reading its part of the tree in order, the speaker's name as shown
 *   ({@code .speaker__name}) is heard, and before the words ({@code .turn__text});</li>
 * <li>a table is a table whose name is its caption (a {@code <caption>}, or the visible heading it is
 *   {@code aria-labelledby}), with header cells, each a columnheader or rowheader with a name;</li>
 * <li>a link of the language switch ({@code .lang-switch a}) is a link named with the target language's own name as
 *   the theme's i18n file gives it ({@code language.name}: English, 日本語), marked up in that language
 *   ({@code lang} = {@code hreflang}).</li>
 * </ul>
 * What was heard (reading order, role, name, and the problems found) is written per page to
 * {@code target/qa/ax-tree/<page>.txt} for a reviewer, and the assertions are made on that same snapshot. A control
 * page (src/test/resources/qa-controls/ax-tree-bad.html) holds each component done right once and done wrong in each
 * way: the checks must report exactly the wrong ones.
 *
 * <p>Elements are found by marking them with a {@code data-ax} attribute, then matching the DOM's backend node ids
 * ({@code DOM.getDocument}) with the accessibility nodes' {@code backendDOMNodeId}. Nothing is timed: the tree is
 * read once its root is the new document (its name is the page's title) and holds a node for every marked element
 * (or, after {@link Browser#CONDITION}, the missing ones are reported).
 */
@ExtendWith(RequiresBrowser.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityTreeIT {
    static final Path SNAPSHOTS = QaResults.DIR.resolve("ax-tree");
    static final String CONTROL = "ax-tree-bad.html";
    /** The viewport of the page-by-page test: a desktop, where every table keeps its columns. */
    static final int WIDTH = 1280;

    /** A phone's narrowest viewport (WCAG 1.4.10), where the tables of the data pages scroll sideways. */
    static final int PHONE = 320;

    static final int HEIGHT = 800;

    /**
     * Marks each key component with {@code data-ax} and returns, per kind, what the page shows of it: the facts a
     * screen reader must convey (the category, the speaker's name, the caption, the target language).
     */
    static final String MARK = """
            const norm = s => (s || '').replace(/\\s+/g, ' ').trim();
            const shown = el => { const c = el.cloneNode(true);
              c.querySelectorAll('[aria-hidden="true"], .visually-hidden').forEach(e => e.remove());
              return norm(c.textContent); };
            let n = 0;
            const mark = el => { const m = 'ax' + (n++); el.setAttribute('data-ax', m); return m; };
            const keypoints = [...document.querySelectorAll('.keypoint')].map(k => {
              const cur = k.querySelector('.keypoint__category.is-current');
              return {mark: mark(k), id: k.id, category: cur ? shown(cur) : ''};
            });
            const turns = [...document.querySelectorAll('.turn')].map(t => {
              const sp = t.querySelector('.speaker__name') || t.querySelector('.speaker');
              const tx = t.querySelector('.turn__text');
              return {mark: mark(t), id: t.id, speaker: sp ? norm(sp.textContent) : '', words: tx ? norm(tx.textContent) : ''};
            });
            const tables = [...document.querySelectorAll('table')].map(t => {
              let caption = '', source = '';
              const ids = (t.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(x => x);
              if (t.caption && norm(t.caption.textContent)) {
                caption = norm(t.caption.textContent); source = '<caption>';
              } else if (ids.length) {
                const refs = ids.map(id => document.getElementById(id)).filter(e => e && e.checkVisibility());
                caption = norm(refs.map(e => e.textContent).join(' '));
                source = refs.map(e => '<' + e.tagName.toLowerCase() + ' id=' + e.id + '>').join(' ');
              }
              const headers = [...t.querySelectorAll('th')].filter(h => h.closest('table') === t).map(mark);
              // the box the table scrolls sideways in, when it is wider than that box (a phone, a zoomed window)
              let scroller = '', focusable = false;
              for (let p = t.parentElement; p && p !== document.body; p = p.parentElement) {
                const ox = getComputedStyle(p).overflowX;
                if ((ox === 'auto' || ox === 'scroll') && p.scrollWidth > p.clientWidth + 1) {
                  scroller = mark(p); focusable = p.tabIndex >= 0; break;
                }
              }
              return {mark: mark(t), id: t.id, caption: caption, source: source, headers: headers,
                      scroller: scroller, focusable: focusable};
            });
            const links = [...document.querySelectorAll('.lang-switch a[href]')].map(a => ({
              mark: mark(a), id: a.id, hreflang: a.getAttribute('hreflang') || '', lang: a.getAttribute('lang') || ''}));
            return {title: document.title, keypoints: keypoints, turns: turns, tables: tables, links: links};
            """;

    /**
     * One key component as a screen reader is given it.
     *
     * @param order    its place in the tree's reading order (depth-first), -1 when it is not in the tree
     * @param kind     key-point box, dialogue turn, table, language link
     * @param id       the element's id attribute, or ""
     * @param role     its role in the tree
     * @param name     its accessible name
     * @param details  what else is heard of it (the turn's words in order, the table's header cells, …)
     * @param problems what is wrong with it; empty when it is heard as it should be
     */
    record Heard(
            int order, String kind, String id, String role, String name, List<String> details, List<String> problems) {}

    /** An accessibility node of the tree, as much of it as the checks read. */
    record AxNode(String id, boolean ignored, String role, String name, List<String> children, long backend) {}

    private Path site;
    private StaticServer server;
    private Browser browser;
    /** The target languages the site has and their own names, from the theme's i18n files (language.name). */
    private Map<String, String> languageNames;

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        site = QaSite.build(tmp);
        languageNames = languageNames(BuildOptions.defaults());
        server = new StaticServer(site);
        browser = new Browser();
        Files.createDirectories(SNAPSHOTS);
    }

    @AfterAll
    void tearDown() throws Exception {
        Browser.closeAll(browser, server);
    }

    /** Every language's own name, read as the build reads it: site.yaml's languages and theme, the theme's i18n. */
    @SuppressWarnings("unchecked")
    static Map<String, String> languageNames(BuildOptions o) throws IOException {
        Map<String, Object> siteYaml =
                new Yaml().load(Files.readString(o.content().resolve("site.yaml")));
        String theme = o.theme() != null ? o.theme() : String.valueOf(siteYaml.getOrDefault("theme", "default"));
        Map<String, String> names = new TreeMap<>();
        for (Object lang : (List<Object>) siteYaml.get("languages")) {
            Path i18n = o.themes().resolve(theme).resolve("i18n").resolve(lang + ".yaml");
            Map<String, Object> m = new Yaml().load(Files.readString(i18n));
            Object name = ((Map<String, Object>) m.get("language")).get("name");
            names.put(String.valueOf(lang), String.valueOf(name));
        }
        return names;
    }

    Stream<String> pages() {
        List<String> pages = QaSite.pages(site);
        assertTrue(
                pages.stream().anyMatch(p -> p.startsWith("ja/"))
                        && pages.stream().anyMatch(p -> p.startsWith("en/")),
                "the built site must hold both languages: " + pages);
        return pages.stream();
    }

    @ParameterizedTest(name = "heard: {0}")
    @MethodSource("pages")
    void everyKeyComponentIsHeardAsItShouldBe(String page) throws IOException {
        List<Heard> heard = hear(server.base + page, WIDTH);
        String snapshot = snapshot(page, heard, WIDTH);
        Files.writeString(SNAPSHOTS.resolve(QaSite.key(page) + ".txt"), snapshot);
        List<String> problems = heard.stream()
                .filter(h -> !h.problems().isEmpty())
                .map(h -> h.kind() + " at " + h.order() + " (" + h.role() + " \"" + h.name() + "\"): "
                        + String.join("; ", h.problems()))
                .toList();
        assertEquals(List.of(), problems, () -> page + ": heard wrongly; what was heard:\n" + snapshot);
    }

    /** The comparison and open-data pages (both languages), each at a phone's width and at a desktop's. */
    Stream<Arguments> tablePagesAndWidths() {
        List<String> pages = QaSite.pagesWith(site, "table.compare-table");
        for (String lang : languageNames.keySet()) {
            assertTrue(
                    pages.contains(lang + "/compare/index.html"), () -> "no comparison page in " + lang + ": " + pages);
        }
        return pages.stream().flatMap(p -> Stream.of(Arguments.of(p, PHONE), Arguments.of(p, WIDTH)));
    }

    /**
     * The tables of the comparison and open-data pages as a screen reader is given them on a phone as well as on a
     * desktop: each is still a table named by its caption, with every header cell in the tree as a columnheader or
     * rowheader (the phone layout once hid the column headers with {@code display: none}, so no cell was heard with
     * its column's header), and a table that scrolls sideways does so in a focusable region named by its caption.
     */
    @ParameterizedTest(name = "tables heard: {0} at {1}px")
    @MethodSource("tablePagesAndWidths")
    void theDataTablesKeepTheirCaptionAndHeadersAtEveryWidth(String page, int width) throws IOException {
        List<Heard> heard = hear(server.base + page, width).stream()
                .filter(h -> "table".equals(h.kind()))
                .toList();
        String snapshot = snapshot(page, heard, width);
        Files.writeString(SNAPSHOTS.resolve(QaSite.key(page) + "-tables-" + width + ".txt"), snapshot);
        assertFalse(heard.isEmpty(), () -> page + " at " + width + "px: no table found");
        List<String> problems = heard.stream()
                .filter(h -> !h.problems().isEmpty())
                .map(h -> "table at " + h.order() + " (" + h.role() + " \"" + h.name() + "\"): "
                        + String.join("; ", h.problems()))
                .toList();
        assertEquals(List.of(), problems, () -> page + " at " + width + "px: heard wrongly:\n" + snapshot);
        long columnHeaders = heard.stream()
                .flatMap(h -> h.details().stream())
                .filter(d -> d.startsWith("columnheader "))
                .count();
        assertTrue(columnHeaders > 0, () -> page + " at " + width + "px: no column header heard:\n" + snapshot);
    }

    /**
     * The page-by-page test holds only for what is there; this makes sure the four components are there to be
     * checked: each language of the built site has at least one of each.
     */
    @Test
    void eachLanguageHasEveryKeyComponentToCheck() throws IOException {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (String lang : languageNames.keySet()) {
            Map<String, Integer> c = new LinkedHashMap<>();
            for (String sel : List.of(".keypoint", ".turn", "table", ".lang-switch a[href]")) {
                c.put(sel, 0);
            }
            for (String p : QaSite.pages(site)) {
                if (!p.startsWith(lang + "/")) {
                    continue;
                }
                Document d = Jsoup.parse(site.resolve(p).toFile(), "UTF-8");
                c.replaceAll((sel, k) -> k + d.select(sel).size());
            }
            counts.put(lang, c);
        }
        assertFalse(counts.isEmpty(), "no languages in site.yaml");
        assertTrue(
                counts.values().stream().allMatch(c -> c.values().stream().allMatch(k -> k > 0)),
                () -> "a language without one of the key components, so nothing of it would be checked: " + counts);
    }

    /** The control: each component done right is not reported, and each done wrong is, for the reason it is wrong. */
    @Test
    void theChecksReportEachKnownFault() throws IOException {
        List<Heard> heard = hear(server.controls + CONTROL, WIDTH);
        String snapshot = snapshot(CONTROL, heard, WIDTH);
        Files.writeString(SNAPSHOTS.resolve("control-ax-tree-bad.txt"), snapshot);
        Map<String, List<String>> byId =
                heard.stream().collect(Collectors.toMap(Heard::id, Heard::problems, (a, b) -> a, TreeMap::new));
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("good-keypoint", ""),
                Map.entry("bad-keypoint", "does not include its category \"Core city\""),
                Map.entry("good-turn", ""),
                Map.entry("bad-turn-after", "the words are heard before the speaker"),
                Map.entry("bad-turn-unheard", "the speaker \"Guest Kato\" is not heard before the words"),
                Map.entry("good-table", ""),
                Map.entry("bad-table", "no caption"),
                Map.entry("bad-table-named", "is not its caption \"Beds of the case\""),
                Map.entry("bad-table-hidden-headers", "2 header cell(s) not in the accessibility tree"),
                Map.entry("good-scroll-table", ""),
                Map.entry(
                        "bad-scroll-table",
                        "scrolls sideways in a box that is not a focusable region named by its caption"),
                Map.entry("good-lang", ""),
                Map.entry("bad-lang", "not the language's own name \"English\"")));
        assertEquals(expected.keySet(), byId.keySet(), () -> "components found on the control:\n" + snapshot);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            List<String> p = byId.get(e.getKey());
            if (e.getValue().isEmpty()) {
                assertEquals(List.of(), p, () -> e.getKey() + " is right but was reported:\n" + snapshot);
            } else {
                assertTrue(
                        p.stream().anyMatch(s -> s.contains(e.getValue())),
                        () -> e.getKey() + " should be reported with \"" + e.getValue() + "\":\n" + snapshot);
            }
        }
        List<String> badTable = byId.get("bad-table");
        assertTrue(
                badTable.stream().anyMatch(s -> s.contains("no header cells")),
                () -> "the table without header cells was not reported:\n" + snapshot);
        List<String> named = byId.get("bad-table-named");
        assertTrue(
                named.stream().anyMatch(s -> s.contains("a header cell has no name")),
                () -> "the empty header cell was not reported:\n" + snapshot);
        List<String> keypoint = byId.get("bad-keypoint");
        assertTrue(
                keypoint.stream().anyMatch(s -> s.contains("not region or group")),
                () -> "the unnamed key-point box was not reported as no region:\n" + snapshot);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Opens {@code url}, marks its key components and reads what the accessibility tree gives of each. */
    @SuppressWarnings("unchecked")
    List<Heard> hear(String url, int width) {
        browser.viewport(width, HEIGHT, width < 1000);
        browser.open(url);
        Map<String, Object> shown = (Map<String, Object>) browser.js(MARK);
        Map<String, Long> backend = backendIds();
        List<AxNode>[] tree = new List[] {List.of()};
        try {
            browser.waitUntil("the accessibility tree of " + url + " with a node for every key component", () -> {
                tree[0] = axTree();
                return !tree[0].isEmpty()
                        && "RootWebArea".equals(tree[0].get(0).role())
                        && String.valueOf(shown.get("title"))
                                .equals(tree[0].get(0).name())
                        && tree[0].stream()
                                .map(AxNode::backend)
                                .collect(Collectors.toSet())
                                .containsAll(backend.values());
            });
        } catch (AssertionError e) {
            // go on with the last tree read: what is missing is reported below, component by component
        }
        return new Hearing(tree[0], backend, languageNames).hear(shown);
    }

    /** data-ax mark to the element's backend node id, from the whole DOM tree. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> backendIds() {
        Map<String, Object> doc =
                browser.driver.executeCdpCommand("DOM.getDocument", Map.of("depth", -1, "pierce", false));
        Map<String, Long> out = new HashMap<>();
        Deque<Map<String, Object>> todo = new ArrayDeque<>();
        todo.push((Map<String, Object>) doc.get("root"));
        while (!todo.isEmpty()) {
            Map<String, Object> n = todo.pop();
            List<Object> attrs = (List<Object>) n.getOrDefault("attributes", List.of());
            for (int i = 0; i + 1 < attrs.size(); i += 2) {
                if ("data-ax".equals(attrs.get(i))) {
                    out.put(String.valueOf(attrs.get(i + 1)), ((Number) n.get("backendNodeId")).longValue());
                }
            }
            for (Object c : (List<Object>) n.getOrDefault("children", List.of())) {
                todo.push((Map<String, Object>) c);
            }
        }
        return out;
    }

    /** The page's whole accessibility tree, root first. */
    @SuppressWarnings("unchecked")
    private List<AxNode> axTree() {
        browser.driver.executeCdpCommand("Accessibility.enable", Map.of());
        Map<String, Object> r = browser.driver.executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        List<AxNode> nodes = new ArrayList<>();
        for (Object o : (List<Object>) r.get("nodes")) {
            Map<String, Object> n = (Map<String, Object>) o;
            nodes.add(new AxNode(
                    String.valueOf(n.get("nodeId")),
                    Boolean.TRUE.equals(n.get("ignored")),
                    value(n.get("role")),
                    value(n.get("name")),
                    ((List<Object>) n.getOrDefault("childIds", List.of()))
                            .stream().map(String::valueOf).toList(),
                    n.get("backendDOMNodeId") instanceof Number b ? b.longValue() : -1));
        }
        return nodes;
    }

    private static String value(Object axValue) {
        return axValue instanceof Map<?, ?> m && m.get("value") != null ? String.valueOf(m.get("value")) : "";
    }

    /** The snapshot a reviewer reads: the components in reading order, with role, name, what else is heard. */
    static String snapshot(String page, List<Heard> heard, int width) {
        StringBuilder sb = new StringBuilder();
        sb.append("# What a screen reader is given on ")
                .append(page)
                .append(" (Chromium accessibility tree, ")
                .append(width)
                .append("x")
                .append(HEIGHT)
                .append("): key components in reading order\n");
        sb.append("# order  role \"name\"  [component]; then what else is heard; !! marks a problem\n");
        if (heard.isEmpty()) {
            sb.append("(no key-point box, dialogue turn, table or language link on this page)\n");
        }
        for (Heard h : heard) {
            sb.append(String.format(
                    "%5s  %s \"%s\"  [%s%s]%n",
                    h.order() < 0 ? "-" : String.valueOf(h.order()),
                    h.role().isEmpty() ? "(none)" : h.role(),
                    h.name(),
                    h.kind(),
                    h.id().isEmpty() ? "" : " #" + h.id()));
            for (String d : h.details()) {
                sb.append("         ").append(d).append('\n');
            }
            for (String p : h.problems()) {
                sb.append("         !! ").append(p).append('\n');
            }
        }
        return sb.toString();
    }

    /** The checks, on one page's tree: pure functions of the tree and what the page shows. */
    static final class Hearing {
        static final Set<String> BOX_ROLES = Set.of("region", "group");
        static final Set<String> TABLE_ROLES = Set.of("table", "grid", "treegrid");
        static final Set<String> HEADER_ROLES = Set.of("columnheader", "rowheader");

        private final Map<String, AxNode> byId = new HashMap<>();
        private final Map<Long, AxNode> byBackend = new HashMap<>();
        private final Map<String, Integer> order = new HashMap<>();
        private final Map<String, Long> backend;
        private final Map<String, String> languageNames;

        Hearing(List<AxNode> nodes, Map<String, Long> backend, Map<String, String> languageNames) {
            this.backend = backend;
            this.languageNames = languageNames;
            for (AxNode n : nodes) {
                byId.put(n.id(), n);
                if (n.backend() >= 0) {
                    byBackend.merge(n.backend(), n, (a, b) -> a.ignored() && !b.ignored() ? b : a);
                }
            }
            if (!nodes.isEmpty()) { // depth-first, children in order: the order a screen reader reads in
                Deque<String> todo = new ArrayDeque<>();
                todo.push(nodes.get(0).id());
                while (!todo.isEmpty()) {
                    AxNode n = byId.get(todo.pop());
                    if (n == null || order.containsKey(n.id())) {
                        continue;
                    }
                    order.put(n.id(), order.size());
                    List<String> c = n.children();
                    for (int i = c.size() - 1; i >= 0; i--) {
                        todo.push(c.get(i));
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        List<Heard> hear(Map<String, Object> shown) {
            List<Heard> out = new ArrayList<>();
            for (Object o : (List<Object>) shown.get("links")) {
                out.add(languageLink((Map<String, Object>) o));
            }
            for (Object o : (List<Object>) shown.get("keypoints")) {
                out.add(keypoint((Map<String, Object>) o));
            }
            for (Object o : (List<Object>) shown.get("tables")) {
                out.add(table((Map<String, Object>) o));
            }
            for (Object o : (List<Object>) shown.get("turns")) {
                out.add(turn((Map<String, Object>) o));
            }
            out.sort(Comparator.comparingInt(Heard::order));
            return out;
        }

        /** The element's node in the tree, or null when it has none or (unless {@code container}) it is ignored. */
        private AxNode node(Object mark, boolean container) {
            Long b = backend.get(String.valueOf(mark));
            AxNode n = b == null ? null : byBackend.get(b);
            return n == null || n.ignored() && !container ? null : n;
        }

        private AxNode node(Object mark) {
            return node(mark, false);
        }

        private Heard heard(
                AxNode n, String kind, Map<String, Object> shown, List<String> details, List<String> problems) {
            if (n == null) {
                problems.add(0, "not in the accessibility tree (hidden from screen readers, or not rendered)");
            }
            return new Heard(
                    n == null ? -1 : order.getOrDefault(n.id(), -1),
                    kind,
                    String.valueOf(shown.getOrDefault("id", "")),
                    n == null ? "" : n.ignored() ? "(ignored: " + n.role() + ")" : n.role(),
                    n == null ? "" : n.name(),
                    details,
                    problems);
        }

        Heard keypoint(Map<String, Object> shown) {
            AxNode n = node(shown.get("mark"));
            String category = String.valueOf(shown.get("category"));
            List<String> details = new ArrayList<>(List.of("category shown: \"" + category + "\""));
            List<String> problems = new ArrayList<>();
            if (n != null) {
                if (!BOX_ROLES.contains(n.role())) {
                    problems.add(
                            "role " + n.role() + ", not region or group (a <section> is a region only when named)");
                }
                if (category.isEmpty()) {
                    problems.add("the box shows no category as this case's (.keypoint__category.is-current)");
                } else if (!squash(n.name()).contains(squash(category))) {
                    problems.add("its name \"" + n.name() + "\" does not include its category \"" + category + "\"");
                }
            }
            return heard(n, "key-point box", shown, details, problems);
        }

        /**
         * A turn is a container only: what matters is the order in which its content is heard. Chromium leaves the
         * turn's {@code <p>} out as "uninteresting" under the theme's grid layout (its content is then read as part
         * of the dialogue, in the same order), so an ignored node is accepted here; aria-hidden content inside it
         * is still not heard.
         */
        Heard turn(Map<String, Object> shown) {
            AxNode n = node(shown.get("mark"), true);
            String speaker = String.valueOf(shown.get("speaker"));
            String words = String.valueOf(shown.get("words"));
            List<String> details = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            if (n != null) {
                String text = text(n);
                details.add("heard: \"" + clip(text, 70) + "\"");
                String heard = squash(text);
                String wordsStart =
                        squash(words).substring(0, Math.min(12, squash(words).length()));
                int w = wordsStart.isEmpty() ? -1 : heard.indexOf(wordsStart);
                if (speaker.isEmpty()) {
                    problems.add("the turn shows no speaker's name (.speaker__name)");
                } else if (!saidInOrder(heard.substring(0, Math.max(w, 0)), speaker)) {
                    problems.add(
                            w >= 0 && saidInOrder(heard, speaker)
                                    ? "the words are heard before the speaker \"" + speaker + "\""
                                    : "the speaker \"" + speaker + "\" is not heard before the words");
                }
                if (w < 0) {
                    problems.add("the words (\"" + clip(words, 20) + "\") are not heard");
                }
            }
            return heard(n, "dialogue turn", shown, details, problems);
        }

        @SuppressWarnings("unchecked")
        Heard table(Map<String, Object> shown) {
            AxNode n = node(shown.get("mark"));
            String caption = String.valueOf(shown.get("caption"));
            List<String> details = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            details.add(caption.isEmpty() ? "no caption shown" : "caption from " + shown.get("source"));
            List<Object> headers = (List<Object>) shown.get("headers");
            if (n != null) {
                if (!TABLE_ROLES.contains(n.role())) {
                    problems.add("role " + n.role() + ", not table (a layout table, or its semantics were lost)");
                }
                if (caption.isEmpty()) {
                    problems.add("no caption (neither a <caption> nor aria-labelledby a visible heading)");
                } else if (!squash(n.name()).equals(squash(caption))) {
                    problems.add("its name \"" + n.name() + "\" is not its caption \"" + caption + "\"");
                }
                if (headers.isEmpty()) {
                    problems.add("no header cells (th)");
                }
            }
            int unheard = 0;
            for (Object h : headers) {
                AxNode c = node(h);
                if (c == null) {
                    unheard++;
                    continue;
                }
                details.add(c.role() + " \"" + c.name() + "\"");
                if (!HEADER_ROLES.contains(c.role())) {
                    problems.add("the header cell \"" + c.name() + "\" is " + c.role()
                            + ", not a columnheader or rowheader");
                }
                if (c.name().isBlank()) {
                    problems.add("a header cell has no name");
                }
            }
            if (unheard > 0) {
                problems.add(unheard + " header cell(s) not in the accessibility tree");
            }
            String scroller = String.valueOf(shown.getOrDefault("scroller", ""));
            if (!scroller.isEmpty()) {
                AxNode r = node(scroller);
                boolean focusable = Boolean.TRUE.equals(shown.get("focusable"));
                details.add("scrolls sideways in: "
                        + (r == null ? "(nothing in the tree)" : r.role() + " \"" + r.name() + "\"")
                        + (focusable ? ", focusable" : ", not focusable"));
                if (r == null
                        || !"region".equals(r.role())
                        || !squash(r.name()).equals(squash(caption))
                        || !focusable) {
                    problems.add("scrolls sideways in a box that is not a focusable region named by its caption"
                            + " (keyboard users cannot scroll it, or do not hear what it holds)");
                }
            }
            return heard(n, "table", shown, details, problems);
        }

        Heard languageLink(Map<String, Object> shown) {
            AxNode n = node(shown.get("mark"));
            String hreflang = String.valueOf(shown.get("hreflang"));
            String lang = String.valueOf(shown.get("lang"));
            String expected = languageNames.get(hreflang);
            List<String> details = new ArrayList<>(List.of("hreflang=" + hreflang + " lang=" + lang));
            List<String> problems = new ArrayList<>();
            if (n != null) {
                if (!"link".equals(n.role())) {
                    problems.add("role " + n.role() + ", not link");
                }
                if (expected == null) {
                    problems.add("hreflang \"" + hreflang + "\" is not one of the site's languages "
                            + languageNames.keySet());
                } else if (!expected.equals(n.name().strip())) {
                    problems.add("named \"" + n.name() + "\", not the language's own name \"" + expected + "\"");
                }
                if (!lang.equals(hreflang)) {
                    problems.add("lang=\"" + lang + "\": the name is not marked as " + hreflang
                            + ", so it is read with the wrong voice");
                }
            }
            return heard(n, "language link", shown, details, problems);
        }

        /** The text a screen reader reads out inside {@code n}, in order: its static text nodes, depth-first. */
        String text(AxNode n) {
            StringBuilder sb = new StringBuilder();
            Deque<String> todo = new ArrayDeque<>();
            todo.push(n.id());
            while (!todo.isEmpty()) {
                AxNode c = byId.get(todo.pop());
                if (c == null) {
                    continue;
                }
                if (!c.ignored() && "StaticText".equals(c.role())) {
                    sb.append(c.name());
                }
                List<String> ch = c.children();
                for (int i = ch.size() - 1; i >= 0; i--) {
                    todo.push(ch.get(i));
                }
            }
            return sb.toString().replaceAll("\\s+", " ").strip();
        }

        /**
         * Whether {@code heard} says each word of the name as shown, in order: the name read out may be fuller than
         * the one shown (the English edition adds each person's name in Japanese: "Sano Miki (佐野 美貴) and …").
         */
        static boolean saidInOrder(String heard, String shownName) {
            int at = 0;
            for (String word : shownName.strip().split("\\s+")) {
                int i = heard.indexOf(word, at);
                if (i < 0) {
                    return false;
                }
                at = i + word.length();
            }
            return true;
        }

        /** Text compared without white space (line breaks and spaces differ between the DOM and the tree). */
        static String squash(String s) {
            return s.replaceAll("\\s+", "");
        }

        static String clip(String s, int n) {
            return s.length() <= n ? s : s.substring(0, n) + "…";
        }
    }
}
