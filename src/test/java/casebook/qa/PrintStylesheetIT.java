package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
    }

    @AfterAll
    void tearDown() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    List<String> pages() { return QaSite.languagePages(site); }

    @ParameterizedTest(name = "print: {0}")
    @MethodSource("pages")
    void print(String page) {
        browser.media("print");
        try {
            browser.driver.get(server.base + page);
            for (String sel : CHROME) {
                assertEquals(List.of(), browser.js("return [...document.querySelectorAll(arguments[0])]"
                        + ".filter(e=>getComputedStyle(e).display!=='none').map(e=>e.className)", sel), page + ": " + sel + " printed");
            }
            assertTrue((Long) browser.js("return document.querySelectorAll('.site-footer a[href^=http]').length") > 0, page + ": no external link to check");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> links = (List<Map<String, Object>>) browser.js(
                    "return [...document.querySelectorAll('.article__body a[href^=http], .site-footer a[href^=http]')]"
                    + ".map(a=>({href:a.getAttribute('href'), after:getComputedStyle(a,'::after').content}))");
            for (Map<String, Object> l : links) {
                assertTrue(String.valueOf(l.get("after")).contains((String) l.get("href")),
                        () -> page + ": printed link does not show its URL: " + l);
            }
            assertEquals("none", browser.js("return getComputedStyle(document.querySelector('.site-header')).backgroundImage"));
        } finally {
            browser.media("");
        }
    }
}
