package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Gate: the print stylesheet, under emulated print media: navigation chrome hidden, external links show their URL. */
@ExtendWith(RequiresBrowser.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintStylesheetIT {
    static final List<String> CHROME = List.of(".lang-switch", ".breadcrumbs", ".page-toc", ".pager", ".skip-link");

    private Path site;
    private StaticServer server;
    private Browser browser;

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        site = QaSite.build(tmp);
        server = new StaticServer(site);
        browser = new Browser();
        browser.viewport(1280, 800, false);
        // Emulation.setEmulatedMedia before each load (Browser.open sets it again), then open() waits until
        // matchMedia('print') matches in the loaded page before anything reads a computed style
        browser.media("print");
    }

    @AfterAll
    void tearDown() throws Exception {
        Browser.closeAll(browser, server);
    }

    List<String> pages() {
        return QaSite.languagePages(site);
    }

    /** What is wrong with {@code url} in print; empty when its print stylesheet does what it should. */
    List<String> printProblems(String url) {
        browser.open(url);
        List<String> problems = new ArrayList<>();
        for (String sel : CHROME) {
            Object shown = browser.js(
                    "return [...document.querySelectorAll(arguments[0])]"
                            + ".filter(e=>getComputedStyle(e).display!=='none').map(e=>e.className)",
                    sel);
            if (!List.of().equals(shown)) {
                problems.add(sel + " printed");
            }
        }
        if ((Long) browser.js("return document.querySelectorAll('.site-footer a[href^=http]').length") == 0) {
            problems.add("no external link in .site-footer to check");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) browser.js(
                "return [...document.querySelectorAll('.article__body a[href^=http], .site-footer a[href^=http]')]"
                        + ".map(a=>({href:a.getAttribute('href'), after:getComputedStyle(a,'::after').content}))");
        for (Map<String, Object> l : links) {
            if (!String.valueOf(l.get("after")).contains((String) l.get("href"))) {
                problems.add("printed link does not show its URL: " + l);
            }
        }
        Object bg = browser.js(
                "const h=document.querySelector('.site-header'); return h ? getComputedStyle(h).backgroundImage : 'no .site-header'");
        if (!"none".equals(bg)) {
            problems.add(".site-header prints a background: " + bg);
        }
        return problems;
    }

    @ParameterizedTest(name = "print: {0}")
    @MethodSource("pages")
    void print(String page) {
        List<String> problems = printProblems(server.base + page);
        assertEquals(List.of(), problems, () -> page + ": print stylesheet problems");
    }

    /** The control: a page with no print rules must fail every part of the check above. */
    @Test
    void printControl() {
        List<String> problems = printProblems(server.controls + "print-shows-nav.html");
        for (String sel : CHROME) {
            assertTrue(problems.contains(sel + " printed"), () -> sel + " not reported: " + problems);
        }
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("printed link does not show its URL")),
                problems::toString);
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith(".site-header prints a background")), problems::toString);
    }
}
