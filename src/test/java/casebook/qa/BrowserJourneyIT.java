package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;

/**
 * A reader's journey in real headless Chromium, by keyboard alone, with the site hosted under a sub-path
 * (/portal/casebook/) on a loopback HTTP server; screenshots of every page at both widths; Japanese glyphs render.
 */
@ExtendWith(RequiresBrowser.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneyIT {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Path site;
    private StaticServer server;
    private Browser browser;

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        site = QaSite.build(tmp);
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

    private void key(CharSequence k) {
        browser.press(k);
    }

    /** Presses Tab until the focused element matches the CSS selector; fails after 150 presses. */
    private void tabTo(String selector) {
        for (int i = 0; i < 150; i++) {
            key(Keys.TAB);
            if (Boolean.TRUE.equals(js("return document.activeElement.matches(arguments[0])", selector))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector + " on " + browser.driver.getCurrentUrl());
    }

    /** Tabs to a link and follows it with Enter; returns when the page it leads to is loaded (a new document). */
    private void tabToAndEnter(String selector) {
        tabTo(selector);
        String before = browser.driver.getCurrentUrl();
        browser.followWith(Keys.ENTER);
        assertNotEquals(before, browser.driver.getCurrentUrl(), "Enter on " + selector + " did not navigate");
    }

    private String path() {
        String url = browser.driver.getCurrentUrl();
        assertTrue(url.startsWith(server.base), () -> "left the sub-path: " + url);
        return url.substring(server.base.length());
    }

    private String h1() {
        return ((String) js("return document.querySelector('h1').innerText"))
                .replaceAll("\\s+", " ")
                .strip();
    }

    private boolean visible(String selector) {
        return Boolean.TRUE.equals(js(
                "const e=document.querySelector(arguments[0]); if(!e) return false;"
                        + "const r=e.getBoundingClientRect(); return r.width>0 && r.height>0 && getComputedStyle(e).visibility!=='hidden'",
                selector));
    }

    /** A page of the built site, parsed, by its path relative to the site root. */
    private Document built(String page) {
        try {
            return Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resolve(String from, String href) {
        return URI.create(from).resolve(href).toString();
    }

    private static String text(Element e) {
        return e.text().strip();
    }

    /**
     * The route is read from the built site, not written here: the site's root, which is the Japanese top page
     * itself (no click and no redirect before the contents), then the first page in its contents that has a next
     * page and an English twin with an on-page table of contents. Expected headings are those of the built files,
     * so the journey holds for any valid collection.
     */
    @Test
    void keyboardJourneyUnderSubPath() {
        Document root = built("index.html");
        String jaTop =
                root.selectFirst("link[rel=alternate][hreflang=x-default]").attr("href");
        String from = null, fromHref = null, next = null, twin = null, section = null;
        for (Element link : root.select(".contents__link")) {
            String p = resolve("index.html", link.attr("href"));
            Document d = built(p);
            Element n = d.selectFirst(".pager a[rel=next]"), en = d.selectFirst(".lang-switch a[hreflang=en]");
            if (n == null || en == null) {
                continue;
            }
            String t = resolve(p, en.attr("href"));
            Element toc = built(t).selectFirst(".page-toc a[href^=#]:not([href=#keypoint])");
            if (toc == null) {
                continue;
            }
            from = p;
            fromHref = link.attr("href");
            next = resolve(p, n.attr("href"));
            twin = t;
            section = toc.attr("href").substring(1);
            break;
        }
        assertTrue(
                from != null,
                "no page in the Japanese contents has a next page and an English twin with a table of contents");
        final String fromPage = from, fromLink = fromHref, nextPage = next, twinPage = twin, id = section;

        browser.viewport(1280, 800, false);
        browser.open(server.base); // the directory URL of the site's root
        browser.keyboardFromTop();
        assertEquals("", path());
        // the root is the Japanese top page: its heading and contents, with no step in between
        assertEquals("ja", js("return document.documentElement.lang"));
        assertEquals(text(built(jaTop).selectFirst("h1")), h1(), "the root shows the Japanese top page");
        assertTrue(visible("nav.contents"), "the table of contents is shown");

        tabToAndEnter(".contents__link[href='" + fromLink + "']");
        assertEquals(fromPage, path());
        assertEquals(text(built(fromPage).selectFirst("h1")), h1());

        tabToAndEnter(".pager a[rel=next]");
        assertEquals(nextPage, path());
        assertEquals(text(built(nextPage).selectFirst("h1")), h1(), "next page heading");

        tabToAndEnter(".pager a[rel=prev]");
        assertEquals(fromPage, path());

        tabToAndEnter(".lang-switch a[hreflang=en]");
        assertEquals(twinPage, path(), "the language switch lands on the twin page");
        assertEquals("en", js("return document.documentElement.lang"));
        assertEquals(text(built(twinPage).selectFirst("h1")), h1(), "English heading");

        tabTo(".page-toc a[href='#" + id + "']");
        key(Keys.ENTER); // same document: focus and scroll move to the section
        assertTrue(browser.driver.getCurrentUrl().endsWith(twinPage + "#" + id), browser.driver.getCurrentUrl());
        assertEquals(
                true,
                js(
                        "const r=document.getElementById(arguments[0]).getBoundingClientRect(); return r.top>=-1 && r.top<innerHeight/2",
                        id),
                "the section heading is scrolled into view");
        // the next Tab continues from the section, not from the table of contents
        key(Keys.TAB);
        assertEquals(
                true,
                js(
                        "return !!(document.getElementById(arguments[0]).compareDocumentPosition(document.activeElement)"
                                + " & Node.DOCUMENT_POSITION_FOLLOWING)",
                        id),
                "sequential focus continues after the target section");

        // switching language from inside a section lands on the same section of the twin page
        tabToAndEnter(".lang-switch a[hreflang=ja]");
        assertTrue(browser.driver.getCurrentUrl().endsWith(fromPage + "#" + id), browser.driver.getCurrentUrl());
        assertEquals(
                text(built(fromPage).getElementById(id)),
                js("return document.getElementById(arguments[0]).textContent.replace(/\\s+/g, ' ').trim()", id));
    }

    /**
     * The root page sends no reader elsewhere and costs no click: it is the default language's top page, its links
     * lead into that language's folder, and every other edition is one link away, named in its own language, in
     * the header's switch and under the title. It works from the sub-path and opened from disk.
     */
    @Test
    void theRootIsTheJapaneseTopAndOffersEveryEdition() {
        Document root = built("index.html");
        Document jaTop = built("ja/index.html");
        assertEquals(text(jaTop.selectFirst("h1")), text(root.selectFirst("h1")));
        assertEquals(
                jaTop.select(".contents__link").eachAttr("href").stream()
                        .map(h -> "ja/" + h)
                        .toList(),
                root.select(".contents__link").eachAttr("href"),
                "the root's contents lead to the pages of the Japanese edition");
        browser.viewport(390, 844, true);
        browser.open(server.base);
        browser.keyboardFromTop();
        assertTrue(visible(".cover__editions a[hreflang=en]"), "the English edition is offered under the title");
        assertEquals(
                true,
                js("return document.querySelector('.cover__editions a[hreflang=en]').getBoundingClientRect().bottom"
                        + " <= 2 * innerHeight"),
                "the English edition is offered within the first two screens of a phone");
        tabToAndEnter(".cover__editions a[hreflang=en]");
        assertEquals("en/index.html", path());
        assertEquals(text(built("en/index.html").selectFirst("h1")), h1(), "the English top page");
        browser.open(server.base);
        browser.keyboardFromTop();
        tabToAndEnter(".lang-switch a[hreflang=en]");
        assertEquals("en/index.html", path(), "the header's switch leads to the English top page");

        // opened from disk: styled, and its contents lead to the Japanese pages (file: URLs, no server)
        String first = root.selectFirst(".contents__link").attr("href");
        browser.open(site.resolve("index.html").toUri().toString());
        assertEquals(
                true,
                js("return getComputedStyle(document.querySelector('.skip-link')).position === 'absolute'"),
                "the stylesheet loads from disk");
        browser.driver
                .findElement(By.cssSelector(".contents__link[href='" + first + "']"))
                .click();
        assertTrue(
                browser.driver.getCurrentUrl().endsWith("/" + first),
                () -> "from disk the contents lead to " + first + ", not " + browser.driver.getCurrentUrl());
        assertEquals(text(built(first).selectFirst("h1")), h1());
    }

    /** Waits for a condition in the page with the shared helper ({@link Browser#waitUntil}, 30 s); no fixed sleep. */
    private void waitFor(String what, String script, Object... args) {
        browser.waitUntil(what + " on " + browser.driver.getCurrentUrl(), () -> Boolean.TRUE.equals(js(script, args)));
    }

    /**
     * The pages the language switch is tried on, read from the built site: the pages of the Japanese top's
     * contents that have an English twin, in reading order.
     */
    private List<String> bilingualPages() {
        List<String> out = built("ja/index.html").select("nav.contents a.contents__link").eachAttr("href").stream()
                .filter(h -> Files.isRegularFile(site.resolve("en/" + h)))
                .toList();
        assertTrue(!out.isEmpty(), "no page of the Japanese contents has an English twin");
        return out;
    }

    /**
     * A page to scroll in and a section of it that both editions have, in the middle of the page (so that it can
     * be scrolled to the top of the window): of the bilingual pages, the one with the most such sections.
     */
    private String[] pageAndMiddleSection() {
        String best = null;
        List<String> bestIds = List.of();
        for (String page : bilingualPages()) {
            List<String> en = built("en/" + page).select("main h2[id]").eachAttr("id");
            List<String> ids = built("ja/" + page).select("main h2[id]").eachAttr("id").stream()
                    .filter(en::contains)
                    .toList();
            if (ids.size() > bestIds.size()) {
                best = page;
                bestIds = ids;
            }
        }
        assertTrue(bestIds.size() >= 3, "no bilingual page has three sections: " + bestIds);
        return new String[] {best, bestIds.get(bestIds.size() / 2)};
    }

    @Test
    void languageSwitchListsBothLanguagesAndKeepsTheSectionTheReaderScrolledTo() {
        String[] at = pageAndMiddleSection();
        String page = at[0];
        String section = at[1];
        browser.viewport(390, 844, true);
        browser.open(server.base + "ja/" + page);
        // both languages, the current one marked and not a link; the other a link to the twin page's top
        assertEquals(
                List.of("日本語", "English"),
                js("return [...document.querySelectorAll('.lang-switch li')].map(l=>l.textContent.trim())"));
        assertEquals(
                "日本語",
                js("const c=document.querySelectorAll('.lang-switch [aria-current=true]');"
                        + " return c.length===1 && c[0].tagName!=='A' ? c[0].textContent : null"));
        assertEquals(
                "../../en/" + page,
                js("return document.querySelector('.lang-switch a[hreflang=en]').getAttribute('href')"));

        // the reader scrolls into section 5 and stops to read
        js("document.getElementById(arguments[0]).scrollIntoView()", section);
        waitFor(
                "the switch carries the section being read",
                "return document.querySelector('.lang-switch a[hreflang=en]').getAttribute('href').endsWith('#' + arguments[0])",
                section);
        // ... then scrolls back to the top, where the switch is, and uses it
        js("scrollTo(0, 0)");
        browser.driver
                .findElement(By.cssSelector(".lang-switch a[hreflang=en]"))
                .click();
        waitFor(
                "the English page opens at the same section",
                "return location.pathname.endsWith('/en/' + arguments[0])"
                        + " && location.hash==='#' + arguments[1] && document.readyState==='complete'",
                page,
                section);
        assertEquals(
                true,
                js(
                        "const r=document.getElementById(arguments[0]).getBoundingClientRect();"
                                + " return r.top>=-1 && r.top<innerHeight/2",
                        section),
                "the section is scrolled into view");
        assertEquals("English", js("return document.querySelector('.lang-switch [aria-current=true]').textContent"));
    }

    /**
     * A reader who scrolls down into a section and goes straight back up to the switch, without the pause a
     * delayed handler would need, lands on the same section: the place is worked out when the link is reached
     * for, not a second after the scrolling stops. Waits for the page's own scroll events, never for a time.
     */
    @Test
    void aSwitchClickedRightAfterScrollingKeepsThePlace() {
        String[] at = pageAndMiddleSection();
        String page = at[0];
        String section = at[1];
        browser.viewport(390, 844, true);
        browser.open(server.base + "ja/" + page);
        // counts the scroll events the page has handled (this listener runs after the theme's own)
        js("window.__scrolls = 0; addEventListener('scroll', () => window.__scrolls++, {passive: true})");
        js("document.getElementById(arguments[0]).scrollIntoView()", section);
        waitFor("the page to handle the scroll down", "return window.__scrolls > 0");
        js("window.__scrolls = 0; scrollTo(0, 0)");
        waitFor("the page to handle the scroll back up", "return window.__scrolls > 0 && scrollY === 0");
        browser.driver
                .findElement(By.cssSelector(".lang-switch a[hreflang=en]"))
                .click();
        waitFor(
                "the English page opens at the section read last",
                "return location.pathname.endsWith('/en/' + arguments[0])"
                        + " && location.hash==='#' + arguments[1] && document.readyState==='complete'",
                page,
                section);
        // and, from the top of a page the reader has not scrolled, the switch leads to the twin page's top
        String fresh = bilingualPages().get(0);
        browser.open(server.base + "ja/" + fresh);
        browser.driver
                .findElement(By.cssSelector(".lang-switch a[hreflang=en]"))
                .click();
        waitFor(
                "the English page opens at its top",
                "return location.pathname.endsWith('/en/' + arguments[0]) && location.hash===''"
                        + " && document.readyState==='complete'",
                fresh);
    }

    List<String> pages() {
        return QaSite.pages(site);
    }

    @ParameterizedTest(name = "screenshots at 1280x800 and 390x844: {0}")
    @MethodSource("pages")
    void screenshots(String page) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (Object[] v :
                List.of(new Object[] {"desktop", 1280, 800, false}, new Object[] {"mobile", 390, 844, true})) {
            int w = (Integer) v[1], h = (Integer) v[2];
            browser.viewport(w, h, (Boolean) v[3]);
            browser.open(server.base + page); // loaded, styled and fonts ready before the picture is taken
            byte[] png = browser.driver.getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(QaSite.key(page) + "-" + v[0] + ".png"), png);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(w, img.getWidth(), page + " screenshot width");
            assertEquals(h, img.getHeight(), page + " screenshot height");
        }
    }

    @ParameterizedTest(name = "Japanese renders (no tofu): {0}")
    @MethodSource("japanesePages")
    void japaneseGlyphs(String page) {
        browser.viewport(1280, 800, false);
        browser.open(server.base + page);
        // draws in the page's own font: three different characters, and a codepoint no font has (U+0378 is unassigned)
        @SuppressWarnings("unchecked")
        Map<String, Object> r =
                (Map<String, Object>) js("const font='40px '+getComputedStyle(document.body).fontFamily;"
                        + "function px(ch){const c=document.createElement('canvas');c.width=c.height=48;const g=c.getContext('2d');"
                        + "g.font=font;g.fillText(ch,2,42);return c.toDataURL();}"
                        + "function w(s){const g=document.createElement('canvas').getContext('2d');g.font=font;return g.measureText(s).width;}"
                        + "const a=px('\u6f22'),b=px('\u5b57'),c=px('\u3042'),missing=px('\u0378');"
                        + "return {distinct:a!==b&&b!==c&&a!==c, notMissing:a!==missing&&b!==missing&&c!==missing,"
                        + " width:w('\u5730\u57df\u5305\u62ec'), missingWidth:w('\u0378\u0378\u0378\u0378'),"
                        + " fontReady:document.fonts.check(font,'\u5730\u57df')}");
        assertEquals(
                true,
                r.get("distinct"),
                () -> page + ": Japanese characters render as identical boxes (tofu): " + r
                        + "; install fonts-noto-cjk");
        assertEquals(
                true, r.get("notMissing"), () -> page + ": Japanese characters render as the missing-glyph box: " + r);
        assertNotEquals(
                ((Number) r.get("missingWidth")).doubleValue(),
                ((Number) r.get("width")).doubleValue(),
                () -> page + ": Japanese text has the width of missing glyphs: " + r);
    }

    /** The root page and every Japanese page, found in the built HTML. */
    List<String> japanesePages() {
        return QaSite.pagesWith(site, "html[lang=ja]");
    }

    @Test
    void subPathHostingServesAssetsAndNotFound() {
        browser.viewport(1280, 800, false);
        String page = QaSite.languagePages(site).get(0);
        browser.open(server.base + page);
        assertEquals(
                true,
                js(
                        "return [...document.styleSheets].some(s=>s.href && s.href.endsWith('/portal/casebook/assets/style.css') && s.cssRules.length>0)"),
                () -> page + ": the stylesheet does not load from the sub-path");
        browser.open(server.base + "no/such/page.html");
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("h1", h1());
        assertEquals(text(built("404.html").selectFirst("h1")), h1(), () -> "404 page: " + seen);
    }
}
