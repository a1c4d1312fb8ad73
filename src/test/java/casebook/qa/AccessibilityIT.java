package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;

/**
 * Gate: WCAG 2.1 A/AA (JIS X 8341-3:2016 AA) in real headless Chromium. axe-core on every page at a desktop and a
 * mobile viewport, plus what axe cannot see: skip link, landmarks, visible focus, reflow at 320px, 200% zoom,
 * reading order of the key-point box and of the round-table dialogue.
 */
@ExtendWith(RequiresBrowser.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT {
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    record Viewport(String name, int width, int height, boolean mobile) {
        @Override
        public String toString() {
            return name + " " + width + "x" + height;
        }
    }

    static final Viewport DESKTOP = new Viewport("desktop", 1280, 800, false);
    static final Viewport MOBILE = new Viewport("mobile", 390, 844, true);

    private Path site;
    private StaticServer server;
    private Browser browser;
    private String axeVersion = "axe-core";
    private final Map<String, Map<String, Object>> axeResults = new TreeMap<>();
    private final Map<String, Object> manualResults = new TreeMap<>();

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        site = QaSite.build(tmp);
        server = new StaticServer(site);
        browser = new Browser();
    }

    @AfterAll
    void tearDown() throws Exception {
        try {
            record();
        } finally {
            if (browser != null) {
                browser.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    List<String> pages() {
        return QaSite.pages(site);
    }

    List<String> languagePages() {
        return QaSite.languagePages(site);
    }

    Stream<Arguments> pagesAndViewports() {
        return pages().stream().flatMap(p -> Stream.of(Arguments.of(p, DESKTOP), Arguments.of(p, MOBILE)));
    }

    /** Opens a page of the built site (or a control page, by full URL) as a fresh document at viewport {@code v}. */
    private void open(String pageOrUrl, Viewport v) {
        browser.viewport(v.width, v.height, v.mobile);
        browser.open(pageOrUrl.startsWith("http") ? pageOrUrl : server.base + pageOrUrl);
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    // ---------------------------------------------------------------- axe-core

    /** axe's violations on {@code url} at {@code v}, one line each; empty when there are none. */
    List<String> axeProblems(String url, Viewport v) {
        open(url, v);
        List<String> problems = new ArrayList<>();
        Object width = js("return window.innerWidth");
        if (!Long.valueOf(v.width).equals(width)) {
            problems.add("viewport width " + width + ", expected " + v.width);
        }
        // only the violations are read: axe then keeps no node lists for its passes and incomplete results
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        Results r = new AxeBuilder().withOptions(options).withTags(TAGS).analyze(browser.driver);
        if (r.isErrored()) {
            problems.add("axe did not run: " + r.getErrorMessage());
        }
        axeVersion = "axe-core " + r.getTestEngine().getVersion();
        for (Rule x : r.getViolations()) {
            problems.add(x.getId() + " (" + x.getImpact() + "): " + x.getHelp() + " at "
                    + x.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget()))
                            .collect(Collectors.joining(", ")));
        }
        return problems;
    }

    @ParameterizedTest(name = "axe {1}: {0}")
    @MethodSource("pagesAndViewports")
    void axe(String page, Viewport v) {
        List<String> problems = axeProblems(server.base + page, v);
        axeResults.computeIfAbsent(page, k -> new LinkedHashMap<>()).put(v.name, problems.size());
        assertTrue(
                problems.isEmpty(),
                () -> "axe violations on " + page + " at " + v + ":\n  " + String.join("\n  ", problems));
    }

    /** The control: a page with an image without alt, low-contrast text and a nameless button must fail axe. */
    @Test
    void axeControl() {
        List<String> problems = axeProblems(server.controls + "axe-violations.html", DESKTOP);
        for (String rule : List.of("image-alt", "color-contrast", "button-name")) {
            assertTrue(
                    problems.stream().anyMatch(p -> p.startsWith(rule + " ")),
                    () -> rule + " not reported: " + problems);
        }
    }

    // ---------------------------------------------------------------- what axe cannot see

    /** Runs one browser check on a page of the real site, records pass/fail for the published results, asserts no problems. */
    private void check(String name, String page, Supplier<List<String>> body) {
        String key = name + " " + page;
        manualResults.put(key, "fail");
        List<String> problems = body.get();
        assertEquals(List.of(), problems, () -> page + ": " + name);
        manualResults.put(key, "pass");
    }

    private String active() {
        return (String) js("const e=document.activeElement; return e ? '<' + e.tagName.toLowerCase()"
                + " + (e.id ? ' id=' + e.id : '') + (e.className ? ' class=' + e.className : '') + '>' : 'nothing'");
    }

    /**
     * The skip link: the first Tab from the top of the page reaches it, it is visible when focused, and Enter
     * moves focus to {@code #main}. Tab and Enter go through chromedriver's Input.dispatchKeyEvent, which returns
     * once the page has handled the key (focus moved, default action done), so the state is read right after.
     */
    List<String> skipLinkProblems(String url) {
        open(url, DESKTOP);
        browser.keyboardFromTop();
        browser.tab();
        List<String> problems = new ArrayList<>();
        if (!"skip-link".equals(js("return document.activeElement.className"))) {
            problems.add("first Tab must reach the skip link (class skip-link), reached " + active());
            return problems;
        }
        if (!"#main".equals(js("return document.activeElement.getAttribute('href')"))) {
            problems.add("the skip link does not point at #main");
        }
        if (!Boolean.TRUE.equals(js("const r=document.activeElement.getBoundingClientRect();"
                + "return r.top>=0 && r.bottom<=innerHeight && r.width>0"))) {
            problems.add("focused skip link is not visible");
        }
        browser.press(Keys.ENTER);
        if (!"MAIN".equals(js("return document.activeElement.tagName"))
                || !"main".equals(js("return document.activeElement.id"))) {
            problems.add("Enter on the skip link must focus <main id=main>, focused " + active());
        }
        return problems;
    }

    @ParameterizedTest(name = "skip link first and moves focus to #main: {0}")
    @MethodSource("pages")
    void skipLink(String page) {
        check("skip-link", page, () -> skipLinkProblems(server.base + page));
    }

    /**
     * Visible focus: Tab from the top through the first 12 stops; each must look different focused and unfocused
     * (outline, box-shadow or background). A page where Tab reaches nothing is a problem too.
     */
    List<String> focusProblems(String url) {
        open(url, DESKTOP);
        browser.keyboardFromTop();
        // after each real Tab, one script: the focused element's look, its look once blurred, then focus back on it
        // (so the next Tab continues from here); null past the last stop
        String look = "const el=document.activeElement;if(!el||el===document.body)return null;"
                + "const st=()=>{const s=getComputedStyle(el);"
                + "return [s.outlineStyle,s.outlineWidth,s.outlineColor,s.boxShadow,s.backgroundColor].join('|')};"
                + "const focused=st();el.blur();const blurred=st();el.focus();"
                + "return [focused,blurred,el.outerHTML.slice(0,120)]";
        List<String> problems = new ArrayList<>();
        int stops = 0;
        for (int i = 0; i < 12; i++) {
            browser.tab();
            @SuppressWarnings("unchecked")
            List<String> seen = (List<String>) js(look);
            if (seen == null) {
                break;
            } // past the last stop
            stops++;
            if (seen.get(0).equals(seen.get(1))) {
                problems.add("focus not visible: " + seen.get(2) + " focused=" + seen.get(0));
            }
        }
        if (stops == 0) {
            problems.add("nothing reachable by Tab (focus stayed on " + active() + ")");
        }
        return problems;
    }

    @ParameterizedTest(name = "visible focus style: {0}")
    @MethodSource("pages")
    void focusVisible(String page) {
        check("focus-visible", page, () -> focusProblems(server.base + page));
    }

    /** The controls of the keyboard gate: no skip link, nothing focusable, focus that cannot be seen. */
    @Test
    void keyboardControl() {
        List<String> noSkip = skipLinkProblems(server.controls + "no-skip-link.html");
        assertTrue(
                noSkip.size() == 1
                        && noSkip.get(0).startsWith("first Tab must reach the skip link (class skip-link), reached <a"),
                () -> "no-skip-link.html: " + noSkip);
        List<String> nothing = focusProblems(server.controls + "nothing-focusable.html");
        assertTrue(
                nothing.size() == 1 && nothing.get(0).startsWith("nothing reachable by Tab"),
                () -> "nothing-focusable.html: " + nothing);
        List<String> invisible = focusProblems(server.controls + "focus-invisible.html");
        assertEquals(
                2,
                invisible.stream()
                        .filter(p -> p.startsWith("focus not visible: <a href=\"#"))
                        .count(),
                () -> "focus-invisible.html: " + invisible);
        // and the real site's first page passes the same checks in the same browser session
        assertEquals(List.of(), skipLinkProblems(server.base + "index.html"));
    }

    @ParameterizedTest(name = "landmarks: {0}")
    @MethodSource("pages")
    void landmarks(String page) {
        check(
                "landmarks",
                page,
                () -> asserting(() -> {
                    open(page, DESKTOP);
                    // banner and contentinfo only count when header/footer are not inside
                    // article/aside/main/nav/section
                    String outside = "(el=>el && !el.parentElement.closest('article,aside,main,nav,section'))";
                    assertEquals(
                            true,
                            js("return " + outside + "(document.querySelector('body > header, [role=banner]'))"),
                            page + ": no banner landmark");
                    assertEquals(
                            true,
                            js("return " + outside + "(document.querySelector('body > footer, [role=contentinfo]'))"),
                            page + ": no contentinfo landmark");
                    assertEquals(
                            1L,
                            js("return document.querySelectorAll('main, [role=main]').length"),
                            page + ": exactly one main landmark");
                    assertTrue(
                            (Long) js("return document.querySelectorAll('nav, [role=navigation]').length") >= 1,
                            page + ": no navigation landmark");
                    assertEquals(
                            0L,
                            js("return [...document.querySelectorAll('nav')].filter(n=>!n.getAttribute('aria-label')"
                                    + " && !n.getAttribute('aria-labelledby')).length"),
                            page + ": every nav needs a label (there are several)");
                }));
    }

    @ParameterizedTest(name = "no horizontal scrolling at 320px: {0}")
    @MethodSource("pages")
    void reflow320(String page) {
        check(
                "reflow-320",
                page,
                () -> asserting(() -> {
                    open(page, new Viewport("narrow", 320, 640, true));
                    long sw = (Long) js("return document.documentElement.scrollWidth");
                    assertTrue(sw <= 320, () -> page + ": scrollWidth " + sw + " > 320; widest: " + widest());
                }));
    }

    @ParameterizedTest(name = "200% zoom (1280px at 200% = 640 CSS px): {0}")
    @MethodSource("pages")
    void zoom200(String page) {
        check(
                "zoom-200",
                page,
                () -> asserting(() -> {
                    open(page, new Viewport("zoom200", 640, 400, false));
                    long sw = (Long) js("return document.documentElement.scrollWidth");
                    assertTrue(sw <= 640, () -> page + ": scrollWidth " + sw + " > 640; widest: " + widest());
                    Object clipped = js("return [...document.querySelectorAll('body *')].filter(e=>{"
                            + "if(e.closest('.visually-hidden')) return false;"
                            // the same out-of-sight pattern written for one element (a stacked table's header row):
                            // positioned, 1 px square, clipped
                            + "for(let a=e;a;a=a.parentElement){const r=a.getBoundingClientRect(), t=getComputedStyle(a);"
                            + " if(t.position==='absolute'&&r.width<=1&&r.height<=1&&t.overflow==='hidden') return false;}"
                            + "const s=getComputedStyle(e); if(s.display==='none'||s.visibility==='hidden') return false;"
                            + "const ox=s.overflowX, oy=s.overflowY;"
                            + "const clipX=(ox==='hidden'||ox==='clip')&&e.scrollWidth>e.clientWidth+1;"
                            + "const clipY=(oy==='hidden'||oy==='clip')&&e.scrollHeight>e.clientHeight+1;"
                            + "return (clipX||clipY)&&e.textContent.trim()!=='';}).map(e=>e.tagName+'.'+e.className)");
                    assertEquals(List.of(), clipped, page + ": text clipped at 200% zoom");
                }));
    }

    /** A check written as assertions: its first failed assertion becomes its one problem. */
    private static List<String> asserting(Runnable assertions) {
        try {
            assertions.run();
            return List.of();
        } catch (AssertionError e) {
            return List.of(String.valueOf(e.getMessage()));
        }
    }

    private String widest() {
        return String.valueOf(
                js("return [...document.querySelectorAll('body *')].filter(e=>e.getBoundingClientRect().right>"
                        + "document.documentElement.clientWidth+0.5).slice(-5).map(e=>e.tagName+'.'+e.className+' right='+"
                        + "Math.round(e.getBoundingClientRect().right))"));
    }

    /** Every page with a key-point box (the case pages), found in the built HTML. */
    List<String> casePages() {
        return QaSite.pagesWith(site, ".keypoint");
    }

    @ParameterizedTest(name = "key-point box reading order: {0}")
    @MethodSource("casePages")
    void keypointReadingOrder(String page) {
        check(
                "keypoint-order",
                page,
                () -> asserting(() -> {
                    open(page, MOBILE);
                    @SuppressWarnings("unchecked")
                    List<String> order = (List<String>) js("const box=document.querySelector('.keypoint');"
                            + "return box ? [...box.children].map(e=>e.className) : null");
                    assertTrue(order != null, page + ": no .keypoint box");
                    assertEquals(
                            List.of(
                                    "keypoint__title",
                                    "keypoint__categories",
                                    "keypoint__headline",
                                    "keypoint__points"),
                            order,
                            page + ": DOM order of the key-point box");
                    assertEquals(
                            "H2",
                            js("return document.querySelector('.keypoint > :first-child').tagName"),
                            page + ": the box starts with its heading");
                    // visual order follows DOM order (no CSS reordering), at the mobile and the desktop viewport
                    for (Viewport v : List.of(MOBILE, DESKTOP)) {
                        open(page, v);
                        assertEquals(
                                true,
                                js(
                                        "const t=[...document.querySelector('.keypoint').children].map(e=>e.getBoundingClientRect().top);"
                                                + "return t.every((x,i)=>i===0||x>t[i-1])"),
                                page + ": visual order differs from DOM order at " + v);
                    }
                    assertEquals(
                            1L,
                            js("return document.querySelectorAll('.keypoint__category.is-current').length"),
                            page + ": exactly one current category");
                    assertFalse(
                            ((String)
                                            js(
                                                    "return document.querySelector('.keypoint__category.is-current .visually-hidden').textContent"))
                                    .isBlank(),
                            page + ": the current category must be announced in text, not by colour alone");
                }));
    }

    /** Every page with a dialogue (the round-table pages), found in the built HTML. */
    List<String> roundtablePages() {
        return QaSite.pagesWith(site, ".dialogue .turn");
    }

    @ParameterizedTest(name = "round-table turns begin with the speaker: {0}")
    @MethodSource("roundtablePages")
    void dialogueReadingOrder(String page) {
        check(
                "dialogue-speaker",
                page,
                () -> asserting(() -> {
                    open(page, MOBILE);
                    @SuppressWarnings("unchecked")
                    List<String> bad = (List<String>) js("const norm=s=>s.replace(/\\s+/g,' ').trim();"
                            // participants: speaker id -> {role, names}, from the list (one entry per person)
                            + "const who={};"
                            + "for (const li of document.querySelectorAll('ul.participants > li.participant')) {"
                            + "  const m=li.querySelector('.participant__mark .speaker-mark');"
                            + "  const id=[...m.classList].find(x=>x.startsWith('speaker-mark--')).slice(14);"
                            + "  const dd=s=>{const e=li.querySelector(s+' dd'); return e?norm(e.textContent):'';};"
                            + "  who[id]=who[id]||{role:'',names:[]}; who[id].names.push(dd('.participant__name'));"
                            + "  if (dd('.participant__role')) who[id].role=dd('.participant__role'); }"
                            // accessible text of a turn: its text without aria-hidden parts
                            + "const acc=e=>{const k=e.cloneNode(true); k.querySelectorAll('[aria-hidden=true]').forEach(x=>x.remove()); return norm(k.textContent);};"
                            + "const turns=[...document.querySelectorAll('.dialogue .turn')]; if(!turns.length) return ['no turns'];"
                            + "return turns.map(t=>{const sid=[...t.classList].find(x=>x.startsWith('turn--')).slice(6);"
                            + "  const p=who[sid]; if(!p) return 'unknown speaker '+sid; const text=acc(t);"
                            + "  const head=(p.role?p.role+' ':'')+p.names[0].replace(/氏$/,'');"
                            + "  const label=text.slice(0, p.names.join(' ').length+p.role.length+8);"
                            + "  const ok=text.startsWith(head) && p.names.every(n=>label.includes(n.replace(/氏$/,'')));"
                            + "  return ok?null:('expected \"'+head+'\" first: '+text.slice(0,80));}).filter(x=>x)");
                    assertEquals(
                            List.of(),
                            bad,
                            page + ": dialogue turns whose accessible text does not begin with the speaker");
                }));
    }

    private void record() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "tools",
                Map.of(
                        "axe",
                        axeVersion + " (tags " + String.join(", ", TAGS) + ")",
                        "browser",
                        "Chromium " + browser.version()));
        int violations = axeResults.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToInt(o -> (Integer) o)
                .sum();
        int runs = axeResults.values().stream().mapToInt(Map::size).sum();
        out.put("axe", Map.of("runs", runs, "violations", violations));
        long failed = manualResults.values().stream().filter("fail"::equals).count();
        out.put("manual", Map.of("checks", manualResults.size(), "failed", (int) failed));
        Map<String, Object> pages = new TreeMap<>();
        axeResults.forEach((p, m) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", p);
            e.put("axe_desktop", m.getOrDefault("desktop", "not run"));
            e.put("axe_mobile", m.getOrDefault("mobile", "not run"));
            List<String> fails = manualResults.entrySet().stream()
                    .filter(x -> x.getKey().endsWith(" " + p) && "fail".equals(x.getValue()))
                    .map(x -> x.getKey().substring(0, x.getKey().length() - p.length() - 1))
                    .toList();
            e.put("checks_failed", fails.size());
            if (!fails.isEmpty()) {
                System.out.println("[QA] " + p + " failed: " + String.join(", ", fails));
            }
            pages.put(QaSite.key(p), e);
        });
        out.put("pages", pages);
        if (!axeResults.isEmpty()) {
            QaResults.write("accessibility", out);
        }
    }
}
