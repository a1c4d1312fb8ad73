package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page's script in headless Chromium on a collection whose text is hostile: a title, heading,
 * paragraph and glossary term that display as {@code <img src=x onerror=…>} and {@code "><svg onload=…>}, and
 * queries in {@code ?q=} that are markup themselves. Every payload would set {@code window.__pwned}; the page
 * must show each as text, build result links only from the index's relative paths, and put only text inside
 * the {@code <mark>} of a snippet.
 */
@ExtendWith(RequiresBrowser.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSearchIT {
    static final String IMG = "<img src=x onerror=window.__pwned=1>";
    static final String SVG = "\"><svg onload=window.__pwned=2>";
    static final String TITLE = "Hyperlink " + IMG + " '\u2028 </script>";

    private Path site;
    private StaticServer server;
    private Browser browser;

    static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u2028", "\\L") + "\"";
    }

    static String md(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                """
                -- site.yaml --
                """ + SiteFixture.SITE_YAML
                        + """
                order: [alpha]
                -- glossary.yaml --
                - id: evil
                  ja: %s
                  en: %s
                  definition: {ja: 定義, en: Definition}
                -- alpha/index.ja.md --
                ---
                title: %s
                ---
                hyperlink 本文 %s hyperlink

                ## hyperlink 見出し%s {#h1}

                hyperlink %s 悪意
                """.formatted(yaml("悪意" + IMG), yaml("Evil" + SVG), yaml(TITLE), md(IMG), md(SVG), md(SVG)));
        site = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, site);
        assertTrue(r.published(), () -> SiteFixture.messages(r));
        server = new StaticServer(site);
        browser = new Browser();
    }

    @AfterAll
    void tearDown() throws Exception {
        Browser.closeAll(browser, server);
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private void search(String query) {
        browser.open(server.base + "ja/search/index.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        browser.waitUntil(
                "the search results to be announced",
                () -> Boolean.TRUE.equals(
                        js("const s = document.getElementById('search-status'); return !!s && s.textContent.length > 0"
                                + " && !document.getElementById('search').hasAttribute('aria-busy')")));
        // a broken image's onerror fires within a few milliseconds; give it ample time
        js("return new Promise(r => setTimeout(r, 500))");
    }

    private void assertNothingRan() {
        assertEquals(null, js("return window.__pwned === undefined ? null : String(window.__pwned)"), "a payload ran");
        assertEquals(
                0L,
                js(
                        "return document.querySelectorAll('main img, main svg, main script, main iframe, [onerror], [onload]').length"),
                "no element was made from text");
    }

    @Test
    void hostileTitlesHeadingsAndTextAreShownAsTextWithMarksOfTextOnly() {
        search("hyperlink");
        assertNothingRan();
        @SuppressWarnings("unchecked")
        List<String> titles = (List<String>)
                js("return [...document.querySelectorAll('.search-result__title a')].map(a => a.textContent)");
        assertEquals(List.of(TITLE), titles, "the title, as text");
        assertTrue(
                (Long) js("return document.querySelectorAll('#search-results mark').length") > 0, "matches are marked");
        assertEquals(
                Boolean.TRUE,
                js("return [...document.querySelectorAll('#search-results mark')].every(m =>"
                        + " [...m.childNodes].every(n => n.nodeType === Node.TEXT_NODE))"),
                "a mark holds text only");
        String text = (String) js("return document.getElementById('search-results').textContent");
        assertTrue(text.contains(IMG) && text.contains(SVG), "the payloads are shown as the page shows them: " + text);
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>)
                js("return [...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href'))");
        assertFalse(hrefs.isEmpty());
        for (String h : hrefs) {
            assertTrue(h.startsWith("../alpha/index.html"), "a link to a page of the site only: " + h);
        }
        @SuppressWarnings("unchecked")
        List<String> resolved = (List<String>)
                js("return [...document.querySelectorAll('#search-results a')].map(a => a.protocol + '//' + a.host)");
        for (String r : resolved) {
            assertEquals(server.base.substring(0, server.base.indexOf('/', "http://".length())), r);
        }
    }

    @Test
    void aQueryInTheAddressIsShownAsTextAndRunsNothing() {
        for (String q : List.of(IMG, SVG, "</script><script>window.__pwned=3</script>", "{q}{n}" + IMG)) {
            search(q);
            assertNothingRan();
            assertEquals(q, js("return document.getElementById('search-q').value"), "the query is the box's value");
            String status = (String) js("return document.getElementById('search-status').textContent");
            assertFalse(status.isEmpty());
        }
        search(IMG + " 悪意");
        assertNothingRan();
        String status = (String) js("return document.getElementById('search-status').textContent");
        assertFalse(status.isEmpty(), status);
    }

    @Test
    void aGlossaryTermFullOfMarkupIsShownAsTextInTheSearchNote() {
        search("Evil" + SVG);
        assertNothingRan();
        String note = (String) js("return document.getElementById('search-note').textContent");
        assertTrue(
                note.contains("Evil" + SVG) || note.contains("悪意" + IMG), "the note names the term as text: " + note);
        assertEquals(0L, js("return document.getElementById('search-note').children.length"), "the note is text only");
    }
}
