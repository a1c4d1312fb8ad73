package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    private Object js(String script, Object... args) { return browser.js(script, args); }

    private void key(CharSequence k) { browser.press(k); }

    /** Presses Tab until the focused element matches the CSS selector; fails after 150 presses. */
    private void tabTo(String selector) {
        for (int i = 0; i < 150; i++) {
            key(Keys.TAB);
            if (Boolean.TRUE.equals(js("return document.activeElement.matches(arguments[0])", selector))) return;
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

    private String h1() { return ((String) js("return document.querySelector('h1').innerText")).strip(); }

    private boolean visible(String selector) {
        return Boolean.TRUE.equals(js("const e=document.querySelector(arguments[0]); if(!e) return false;"
                + "const r=e.getBoundingClientRect(); return r.width>0 && r.height>0 && getComputedStyle(e).visibility!=='hidden'", selector));
    }

    @Test
    void keyboardJourneyUnderSubPath() {
        browser.viewport(1280, 800, false);
        browser.open(server.base); // the directory URL of the landing page
        browser.keyboardFromTop();
        assertEquals("", path());
        assertTrue(visible(".edition__link[hreflang=ja]"), "landing page shows the Japanese edition");

        tabToAndEnter(".edition__link[hreflang=ja]");
        assertEquals("ja/index.html", path());
        assertEquals("ja", js("return document.documentElement.lang"));
        assertTrue(h1().startsWith("精神障害にも対応した地域包括ケアシステム"), () -> "top page heading: " + h1());
        assertTrue(visible("nav.contents"), "the table of contents is shown");

        tabToAndEnter(".contents__link[href='saitama/index.html']");
        assertEquals("ja/saitama/index.html", path());
        assertEquals("埼玉県・埼玉県立精神保健福祉センター", h1());
        assertTrue(visible(".keypoint"), "the key-point box is shown");

        tabToAndEnter(".pager a[rel=next]");
        assertEquals("ja/kawaguchi/index.html", path());
        String kawaguchi = h1();
        assertTrue(kawaguchi.contains("川口市"), () -> "next page heading: " + kawaguchi);

        tabToAndEnter(".pager a[rel=prev]");
        assertEquals("ja/saitama/index.html", path());

        tabToAndEnter(".lang-switch a[hreflang=en]");
        assertEquals("en/saitama/index.html", path(), "the language switch lands on the twin page");
        assertEquals("en", js("return document.documentElement.lang"));
        assertTrue(h1().contains("Saitama"), () -> "English heading: " + h1());

        tabTo(".page-toc a[href='#basic-info']");
        key(Keys.ENTER);
        assertTrue(browser.driver.getCurrentUrl().endsWith("en/saitama/index.html#basic-info"), browser.driver.getCurrentUrl());
        assertEquals(true, js("const r=document.getElementById('basic-info').getBoundingClientRect(); return r.top>=-1 && r.top<innerHeight/2"),
                "the section heading is scrolled into view");
        // the next Tab continues from the section, not from the table of contents
        key(Keys.TAB);
        assertEquals(true, js("return !!(document.getElementById('basic-info').compareDocumentPosition(document.activeElement)"
                + " & Node.DOCUMENT_POSITION_FOLLOWING)"), "sequential focus continues after the target section");

        // switching language from inside a section lands on the same section of the twin page
        tabToAndEnter(".lang-switch a[hreflang=ja]");
        assertTrue(browser.driver.getCurrentUrl().endsWith("ja/saitama/index.html#basic-info"), browser.driver.getCurrentUrl());
        assertEquals("1. 基本情報", js("return document.getElementById('basic-info').textContent.trim()"));
    }

    List<String> pages() { return QaSite.pages(site); }

    @ParameterizedTest(name = "screenshots at 1280x800 and 390x844: {0}")
    @MethodSource("pages")
    void screenshots(String page) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (Object[] v : List.of(new Object[] {"desktop", 1280, 800, false}, new Object[] {"mobile", 390, 844, true})) {
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
        Map<String, Object> r = (Map<String, Object>) js(
                "const font='40px '+getComputedStyle(document.body).fontFamily;"
                + "function px(ch){const c=document.createElement('canvas');c.width=c.height=48;const g=c.getContext('2d');"
                + "g.font=font;g.fillText(ch,2,42);return c.toDataURL();}"
                + "function w(s){const g=document.createElement('canvas').getContext('2d');g.font=font;return g.measureText(s).width;}"
                + "const a=px('\u6f22'),b=px('\u5b57'),c=px('\u3042'),missing=px('\u0378');"
                + "return {distinct:a!==b&&b!==c&&a!==c, notMissing:a!==missing&&b!==missing&&c!==missing,"
                + " width:w('\u5730\u57df\u5305\u62ec'), missingWidth:w('\u0378\u0378\u0378\u0378'),"
                + " fontReady:document.fonts.check(font,'\u5730\u57df')}");
        assertEquals(true, r.get("distinct"), () -> page + ": Japanese characters render as identical boxes (tofu): " + r
                + "; install fonts-noto-cjk");
        assertEquals(true, r.get("notMissing"), () -> page + ": Japanese characters render as the missing-glyph box: " + r);
        assertNotEquals(((Number) r.get("missingWidth")).doubleValue(), ((Number) r.get("width")).doubleValue(),
                () -> page + ": Japanese text has the width of missing glyphs: " + r);
    }

    /** The landing page and every Japanese page, found in the built HTML. */
    List<String> japanesePages() {
        return QaSite.pagesWith(site, "html[lang=ja]");
    }

    @Test
    void subPathHostingServesAssetsAndNotFound() {
        browser.viewport(1280, 800, false);
        browser.open(server.base + "ja/saitama/index.html");
        assertEquals(true, js("return [...document.styleSheets].some(s=>s.href && s.href.endsWith('/portal/casebook/assets/style.css') && s.cssRules.length>0)"),
                "the stylesheet loads from the sub-path");
        browser.open(server.base + "no/such/page.html");
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("h1", h1());
        assertTrue(h1().contains("ページが見つかりません"), () -> "404 page: " + seen);
    }
}
