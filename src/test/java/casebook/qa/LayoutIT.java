package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.OutputType;

/**
 * Gate: what a reader sees. Every page of the built site, in both languages, at 320, 390 and 1280 CSS pixels:
 * no text run inside a paragraph, list item, dialogue turn, definition or table cell is laid out in a box
 * narrower than three characters over two or more lines (the round-table grid bug, names broken inside a
 * table cell, a collapsed table column), nothing makes the page scroll sideways, each dialogue turn's words sit
 * in one box right of or below the speaker, and a case page's key points start within the first two screens
 * (they follow the page contents, which start closed on a phone); no one-word label (an English word such as
 * "Publisher") is split across lines, and the header shows the site's title whole (nothing in it clipped, ellipsised
 * or clamped, at 320 px too, in both languages), keeps its title, language switch and search box apart, and takes at
 * most a quarter of the screen; Japanese title-like text (headings, captions, terms, box titles, participants' roles,
 * breadcrumbs and contents links) breaks only between phrases, and no breadcrumb separator starts a line; a size or a
 * count keeps its number and unit on one line (「10,592バイト」, "352 KB"), an organisation's name in Japanese (the
 * publisher, the contact) breaks only between its units (「精神・障害保健課」 whole), and on a desktop each field name of
 * the data dictionary lies on one line. A control page
 * (src/test/resources/qa-controls/layout-bad.html) that breaks every rule must be flagged by the same check.
 * A screenshot of each whole page at each width is kept in target/qa/layout/ (JPEG).
 */
@ExtendWith(RequiresBrowser.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayoutIT {
    static final int[] WIDTHS = {320, 390, 1280};
    static final Path SHOTS = QaResults.DIR.resolve("layout");
    static final Path CONTROL = Path.of("src/test/resources/qa-controls/layout-bad.html");

    /**
     * Called with the viewport's CSS width and height (a phone zooms out on an overflowing page, so innerWidth and
     * innerHeight would move with the fault). Returns the squeezed runs (narrow), scrollWidth, the boxes past the
     * right edge (wide), the malformed dialogue turns (turns) and where the key points start. A text run is one text node; its line boxes are the rects of a
     * Range over it. Its laid-out box is the union of those rects: a run that wraps inside a normal block spans
     * the block's width (one line ends at the right edge, the next starts at the left), so only a run squeezed
     * into a narrow column is narrower than three of its own characters (measured with a hidden probe in the
     * same font: three ideographs if the run holds Japanese, else three letters).
     */
    static final String CHECK = """
            const W = arguments[0], H = arguments[1];
            const CONTAINERS = 'p, li, dt, dd, td, th, .turn';
            const JA = /[\\u3000-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef]/;
            const narrow = [], split = [];
            const widths = new Map();
            const charWidth = (el, ja) => {
              const key = el.tagName + '|' + getComputedStyle(el).font + '|' + ja;
              if (widths.has(key)) return widths.get(key);
              const probe = document.createElement('span');
              probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;left:0;top:0';
              probe.textContent = ja ? '国国国' : 'nnn';
              el.appendChild(probe);
              const w = probe.getBoundingClientRect().width / 3;
              probe.remove();
              widths.set(key, w);
              return w;
            };
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const text = n.textContent.replace(/\\s+/g, ' ').trim();
              if (text.length < 2) continue;
              const el = n.parentElement;
              if (!el || !el.closest(CONTAINERS) || el.closest('.visually-hidden, [hidden], script, style')) continue;
              range.selectNodeContents(n);
              const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
              if (rects.length < 2) continue;
              const lines = new Set(rects.map(r => Math.round(r.top))).size;
              if (lines < 2) continue;
              // a run that is one English word (a label such as "Publisher") laid out over two lines is split inside the word
              if (/^[A-Za-z]{2,}$/.test(text)) split.push(el.tagName.toLowerCase() + ': "' + text + '" over ' + lines + ' lines');
              const left = Math.min(...rects.map(r => r.left)), right = Math.max(...rects.map(r => r.right));
              const cw = charWidth(el, JA.test(text));
              if (right - left < 3 * cw - 0.5) {
                const c = el.closest(CONTAINERS);
                narrow.push(c.tagName.toLowerCase() + (c.className ? '.' + c.className.split(' ')[0] : '')
                  + ': "' + text.slice(0, 24) + '" ' + Math.round(right - left) + 'px wide over ' + lines
                  + ' lines (3 characters = ' + Math.round(3 * cw) + 'px)');
              }
            }
            const doc = document.documentElement;
            const wide = [...document.body.querySelectorAll('*')].filter(e => {
              const r = e.getBoundingClientRect();
              return r.width > 0 && r.right > W + 1 && !e.closest('.visually-hidden, .skip-link');
            }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
              + ' right edge ' + Math.round(e.getBoundingClientRect().right) + 'px');
            // each dialogue turn: its words in one box, to the right of or below the speaker
            const turns = [...document.querySelectorAll('.dialogue .turn')].map((t, i) => {
              const sp = t.querySelector('.speaker'), tx = t.querySelector('.turn__text');
              if (!sp || !tx) return 'turn ' + i + ': no speaker or no words box';
              const a = sp.getBoundingClientRect(), b = tx.getBoundingClientRect();
              return b.left >= a.right - 1 || b.top >= a.bottom - 1 ? null
                : 'turn ' + i + ': words overlap or precede the speaker';
            }).filter(x => x);
            // the site's header stays compact: no taller than a quarter of the screen (the title's lines are reported)
            const header = document.querySelector('.site-header');
            const headerHeight = header ? Math.round(header.getBoundingClientRect().height) : 0;
            const title = document.querySelector('.site-header__title');
            let titleLines = 0;
            if (title) {
              range.selectNodeContents(title);
              titleLines = new Set([...range.getClientRects()].filter(r => r.width > 0 && r.height > 0)
                .map(r => Math.round(r.top))).size;
            }
            // the site's title is shown whole, in every header of the page: no box in it holds more text than it
            // shows (scrollWidth or scrollHeight past its client box: an ellipsis, a line clamp, text cut by its own
            // overflow), no box that clips its overflow (the title's own boxes or an ancestor) cuts a line of it, and no
            // line runs past the viewport's edges; the title, the language switch and the search box never lie over one
            // another or outside their header, and the search box keeps room to type (five characters at least)
            const headerFaults = [];
            const label = e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '');
            document.querySelectorAll('.site-header__title').forEach((t, k) => {
              const where = 'title ' + (k + 1) + ' ("' + t.textContent.trim().slice(0, 24) + '"): ';
              for (const e of [t, ...t.querySelectorAll('*')]) {
                const s = getComputedStyle(e);
                if (s.display === 'inline' || s.display === 'none') continue; // an inline box has no scroll size of its own
                const clamp = s.getPropertyValue('-webkit-line-clamp');
                if (e.scrollWidth > e.clientWidth + 1)
                  headerFaults.push(where + label(e) + ' shows ' + e.clientWidth + 'px of ' + e.scrollWidth + 'px of text'
                    + (s.textOverflow === 'ellipsis' ? ' (text-overflow: ellipsis)' : ''));
                if (e.scrollHeight > e.clientHeight + 1)
                  headerFaults.push(where + label(e) + ' shows ' + e.clientHeight + 'px of ' + e.scrollHeight + 'px of lines'
                    + (clamp && clamp !== 'none' ? ' (line clamp ' + clamp + ')' : ''));
              }
              const texts = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
              const cutBy = new Set();
              for (let n = texts.nextNode(); n; n = texts.nextNode()) {
                if (!n.textContent.trim()) continue;
                range.selectNodeContents(n);
                const lines = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
                for (const r of lines) {
                  if (r.left < -1 || r.right > W + 1) cutBy.add('the viewport');
                  for (let a = n.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
                    const s = getComputedStyle(a);
                    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
                    const b = a.getBoundingClientRect();
                    const x0 = b.left + a.clientLeft, y0 = b.top + a.clientTop;
                    if (r.left < x0 - 1 || r.right > x0 + a.clientWidth + 1 || r.top < y0 - 1 || r.bottom > y0 + a.clientHeight + 1)
                      cutBy.add(label(a) + ' (overflow ' + s.overflowX + ' ' + s.overflowY + ')');
                  }
                }
              }
              cutBy.forEach(c => headerFaults.push(where + 'a line of it is cut by ' + c));
            });
            document.querySelectorAll('.site-header').forEach((h, k) => {
              const hb = h.getBoundingClientRect();
              const parts = [...h.querySelectorAll('.site-header__title, .lang-switch, .site-search')]
                .filter(e => e.getClientRects().length > 0);
              const boxes = parts.map(e => e.getBoundingClientRect());
              parts.forEach((e, i) => {
                const b = boxes[i];
                if (b.left < hb.left - 1 || b.right > hb.right + 1 || b.top < hb.top - 1 || b.bottom > hb.bottom + 1)
                  headerFaults.push('header ' + (k + 1) + ': ' + label(e) + ' lies outside the header');
                for (let j = i + 1; j < parts.length; j++) {
                  const c = boxes[j];
                  if (Math.min(b.right, c.right) - Math.max(b.left, c.left) > 1 && Math.min(b.bottom, c.bottom) - Math.max(b.top, c.top) > 1)
                    headerFaults.push('header ' + (k + 1) + ': ' + label(e) + ' overlaps ' + label(parts[j]));
                }
              });
              const q = h.querySelector('.site-search__input');
              if (q && q.getClientRects().length > 0 && q.clientWidth < 5 * parseFloat(getComputedStyle(q).fontSize))
                headerFaults.push('header ' + (k + 1) + ': the search box is ' + q.clientWidth + 'px wide (less than five characters)');
              const b = h.querySelector('.site-search__button');
              if (b && b.getClientRects().length > 0 && b.scrollWidth > b.clientWidth + 1)
                headerFaults.push('header ' + (k + 1) + ': the search button\\'s label is cut');
            });
            // the comparison and open-data tables: where the text keeps its words (word-break: keep-all), a Japanese
            // phrase (a text node; the build puts <wbr> between phrases) lies on one line, and a description in the data dictionary is at least eight ideographs wide
            const phraseBreaks = [];
            const phraseWalker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = phraseWalker.nextNode(); n; n = phraseWalker.nextNode()) {
              const text = n.textContent.trim();
              const el = n.parentElement;
              if (text.length < 2 || /\s/.test(text) || !JA.test(text) || !el
                  || !el.closest('.compare-table th, .compare-table td') || el.closest('.visually-hidden')
                  || getComputedStyle(el).wordBreak !== 'keep-all') continue; // running text (a description) may break anywhere
              range.selectNodeContents(n);
              const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (tops.size > 1) phraseBreaks.push(el.closest('th, td').tagName.toLowerCase() + ': "' + text + '" over ' + tops.size + ' lines');
            }
            const squeezed = [...document.querySelectorAll('.compare-table--fields td:last-child')].filter(td => {
              const cs = getComputedStyle(td);
              return td.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) < 8 * charWidth(td, true) - 0.5;
            }).slice(0, 5).map(td => 'td: "' + td.textContent.slice(0, 16) + '" ' + td.clientWidth + 'px wide');
            // Japanese title-like text (headings, table and figure captions, terms, box titles, participants' roles and
            // affiliations, breadcrumbs, contents and pager links) breaks only between phrases: every line break between two
            // of its characters, where one is Japanese, falls at a <wbr>, at a space, next to a symbol (÷), after punctuation
            // or a closing bracket (not before a particle), or before an opening bracket; unless the run it splits (the characters between two
            // such places) is one phrase wider than its block, which then breaks it anywhere rather than overflow. A run
            // with a particle before a kanji or katakana in it (「あたりの精神科」) is more than one phrase: text the build
            // gave no break opportunities, which must not break anywhere either
            const TITLE_LIKE = 'h1, h2, h3, h4, h5, h6, th, caption, figcaption, dt, .infocard__title, .participant__role,'
              + ' .participant__affiliation, .breadcrumbs li, .contents__link, .contents__sections a, .page-toc__list a,'
              + ' .pager__title, .case-card__category, .site-header__title, .site-footer__links a';
            const AFTER = /[、。，．・：；！？」』）］〉》】〕｝”)\\]]/, BEFORE = /[「『（［〈《【〔｛“(\\[]/, PARTICLE = /[のがをにへとでやはもな]/;
            const symbol = c => !JA.test(c) && !/[\\p{L}\\p{N}]/u.test(c); // ÷, ×, /: not part of a word
            const titleBreaks = [];
            const blockOf = e => { while (e.parentElement && getComputedStyle(e).display.startsWith('inline')) e = e.parentElement; return e; };
            for (const el of document.querySelectorAll(TITLE_LIKE)) {
              if (!JA.test(el.textContent) || el.parentElement.closest(TITLE_LIKE) || el.closest('.visually-hidden, [hidden]')
                  || el.getClientRects().length === 0) continue;
              const chars = []; // {c, r (its box), wbr (a <wbr> before it)}
              let wbr = false;
              const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
              for (let n = w.nextNode(); n; n = w.nextNode()) {
                if (n.nodeType === 1) { if (n.tagName === 'WBR') wbr = true; continue; }
                if (n.parentElement.closest('.visually-hidden')) continue;
                const t = n.textContent;
                for (let i = 0; i < t.length; i++) {
                  if (/\\s/.test(t[i])) { chars.push({c: ' ', r: null, wbr: true}); wbr = false; continue; }
                  range.setStart(n, i); range.setEnd(n, i + 1);
                  const r = [...range.getClientRects()].find(x => x.width > 0 && x.height > 0);
                  if (!r) continue;
                  chars.push({c: t[i], r: r, wbr: wbr});
                  wbr = false;
                }
              }
              const allowed = k => { // may a line end between chars[k - 1] and chars[k]?
                const p = chars[k - 1], c = chars[k];
                return c.wbr || p.c === ' ' || c.c === ' ' || !JA.test(p.c) && !JA.test(c.c) || symbol(p.c) || symbol(c.c)
                  || AFTER.test(p.c) && !PARTICLE.test(c.c) || BEFORE.test(c.c);
              };
              const b = blockOf(el), bs = getComputedStyle(b);
              const room = b.clientWidth - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight);
              for (let k = 1; k < chars.length; k++) {
                const p = chars[k - 1], c = chars[k];
                if (!p.r || !c.r || (c.r.top + c.r.bottom) / 2 <= p.r.bottom || allowed(k)) continue;
                let from = k - 1, to = k;
                while (from > 0 && !allowed(from)) from--;
                while (to + 1 < chars.length && !allowed(to + 1)) to++;
                const phrase = chars.slice(from, to + 1);
                const width = phrase.reduce((a, x) => a + (x.r ? x.r.width : 0), 0);
                const word = phrase.map(x => x.c).join('');
                if (width > room - 1 && !/[のがをにへとでやはもな][\\u30a0-\\u30ff\\u3400-\\u9fff]/.test(word)) continue;
                titleBreaks.push(label(el) + ': "' + chars.slice(Math.max(from, k - 8), k).map(x => x.c).join('') + '／'
                  + chars.slice(k, Math.min(to + 1, k + 8)).map(x => x.c).join('') + '" (the run ' + Math.round(width)
                  + 'px wide, the line ' + Math.round(room) + 'px)');
              }
            }
            // the breadcrumbs' separator never starts a line: a crumb that starts a line carries none before it
            const separatorStarts = [];
            document.querySelectorAll('.breadcrumbs li').forEach((li, i) => {
              const ol = li.parentElement, first = li.getClientRects()[0];
              const before = getComputedStyle(li, '::before').content;
              if (i > 0 && first && before !== 'none' && before !== 'normal'
                  && first.left <= ol.getBoundingClientRect().left + parseFloat(getComputedStyle(ol).paddingLeft) + 1)
                separatorStarts.push('"' + li.textContent.trim().slice(0, 16) + '" starts a line with ' + before);
            });
            // a size or a count keeps its number and its unit on one line (「10,592バイ／ト」, "352 / KB"), in any text
            const unitBreaks = [];
            const UNIT = /\\d[\\d,.]*[ \\u00a0]?(?:KB|MB|GB|bytes?|rows?|バイト|行(?=[）)、]))/g;
            const unitWalker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = unitWalker.nextNode(); n; n = unitWalker.nextNode()) {
              if (!n.parentElement || n.parentElement.closest('.visually-hidden, [hidden], script, style')) continue;
              for (const m of n.textContent.matchAll(UNIT)) {
                range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
                const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (tops.size > 1) unitBreaks.push(label(n.parentElement) + ': "' + m[0] + '" over ' + tops.size + ' lines');
              }
            }
            // an organisation's name in Japanese (the publisher, the contact) breaks only between its units, the words
            // between its spaces (「精神・障害保健課」 stays whole), unless a unit is wider than its line
            const orgBreaks = [];
            for (const el of document.querySelectorAll('.site-footer__publisher, .site-footer__contact, .cover__publisher')) {
              if (!JA.test(el.textContent) || el.getClientRects().length === 0) continue;
              const units = [[]];
              const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let n = w.nextNode(); n; n = w.nextNode()) {
                const t = n.textContent;
                for (let i = 0; i < t.length; i++) {
                  if (/\\s/.test(t[i])) { units.push([]); continue; }
                  range.setStart(n, i); range.setEnd(n, i + 1);
                  const r = [...range.getClientRects()].find(x => x.width > 0 && x.height > 0);
                  if (r) units[units.length - 1].push({c: t[i], r: r});
                }
              }
              const bs = getComputedStyle(el);
              const room = el.clientWidth - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight);
              for (const u of units.filter(u => u.length > 1)) {
                const tops = new Set(u.map(x => Math.round(x.r.top)));
                const width = u.reduce((a, x) => a + x.r.width, 0);
                if (tops.size > 1 && width <= room - 1)
                  orgBreaks.push(label(el) + ': "' + u.map(x => x.c).join('') + '" over ' + tops.size + ' lines ('
                    + Math.round(width) + 'px wide, the line ' + Math.round(room) + 'px)');
              }
            }
            // on a desktop (60em and wider) each field's name in the data dictionary lies on one line
            const fieldBreaks = W < 960 ? [] : [...document.querySelectorAll('.compare-table--fields tbody th')].filter(th => {
              const tops = new Set(), t = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
              for (let n = t.nextNode(); n; n = t.nextNode()) {
                range.selectNodeContents(n);
                [...range.getClientRects()].filter(r => r.width > 0).forEach(r => tops.add(Math.round(r.top + r.height / 2)));
              }
              return tops.size > 1;
            }).slice(0, 5).map(th => 'th: "' + th.textContent.trim() + '"');
            const kp = document.querySelector('.keypoint');
            const keypointTop = kp ? Math.round(kp.getBoundingClientRect().top + scrollY) : -1;
            return {narrow: narrow.slice(0, 20), narrowCount: narrow.length, turns: turns.slice(0, 10),
                    split: split.slice(0, 10), headerHeight: headerHeight, titleLines: titleLines,
                    headerFaults: headerFaults.slice(0, 20),
                    phraseBreaks: phraseBreaks.slice(0, 10), squeezed: squeezed,
                    titleBreaks: titleBreaks.slice(0, 10), separatorStarts: separatorStarts,
                    unitBreaks: unitBreaks.slice(0, 10), orgBreaks: orgBreaks.slice(0, 10), fieldBreaks: fieldBreaks,
                    keypointTop: keypointTop, screen: H,
                    scrollWidth: doc.scrollWidth, viewport: W, wide: wide};
            """;

    /** Resolves once the layout has been through two frames (after {@link Browser#open}, load and fonts are ready already). */
    static final String SETTLED = """
            const done = arguments[arguments.length - 1];
            const go = () => document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));
            if (document.readyState === 'complete') go(); else addEventListener('load', go, {once: true});
            """;

    private Path site;
    private StaticServer server;
    private Browser browser;

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        site = QaSite.build(tmp);
        server = new StaticServer(site);
        browser = new Browser();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void tearDown() throws Exception {
        Browser.closeAll(browser, server);
    }

    /** Every page of the built site (both languages, the landing page, the 404 page), at each width. */
    Stream<Arguments> pagesAndWidths() {
        List<Arguments> out = new ArrayList<>();
        List<String> pages = QaSite.pages(site);
        assertTrue(
                pages.stream().anyMatch(p -> p.startsWith("ja/"))
                        && pages.stream().anyMatch(p -> p.startsWith("en/")),
                "the built site must hold both languages: " + pages);
        for (String p : pages) {
            for (int w : WIDTHS) {
                out.add(Arguments.of(p, w));
            }
        }
        return out.stream();
    }

    /** The screen's height at each width: a phone's 800 CSS px, a desktop's 900. */
    static int height(int width) {
        return width < 1000 ? 800 : 900;
    }

    /**
     * The whole page as a reader scrolls through it, not only the first screen: Chromium lays the page out beyond
     * the viewport for the capture (JPEG, as a long page in PNG takes seconds to encode).
     */
    private byte[] wholePage() {
        Map<String, Object> shot = browser.driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of("format", "jpeg", "quality", 70, "captureBeyondViewport", true, "fromSurface", true));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> measure(String url, int width) {
        int height = height(width);
        browser.viewport(width, height, width < 1000);
        browser.open(url); // the new document loaded, styled, fonts ready (Browser's own wait)
        browser.driver.executeAsyncScript(SETTLED);
        return (Map<String, Object>) browser.js(CHECK, width, height);
    }

    @ParameterizedTest(name = "layout: {0} at {1}px")
    @MethodSource("pagesAndWidths")
    void textIsNeverSqueezedAndNothingScrollsSideways(String page, int width) throws IOException {
        Map<String, Object> r = measure(server.base + page, width);
        Files.write(SHOTS.resolve(QaSite.key(page) + "-" + width + ".jpg"), wholePage());
        assertEquals(
                List.of(),
                r.get("narrow"),
                () -> page + " at " + width + "px: " + r.get("narrowCount")
                        + " text run(s) laid out narrower than three characters over two or more lines");
        assertEquals(List.of(), r.get("turns"), () -> page + " at " + width + "px: dialogue turns out of shape");
        assertEquals(List.of(), r.get("split"), () -> page + " at " + width + "px: English words split across lines");
        assertEquals(
                List.of(),
                r.get("phraseBreaks"),
                () -> page + " at " + width + "px: Japanese phrases broken inside in the comparison or data tables");
        assertEquals(
                List.of(),
                r.get("titleBreaks"),
                () -> page + " at " + width + "px: Japanese words of title-like text split across lines");
        assertEquals(
                List.of(),
                r.get("separatorStarts"),
                () -> page + " at " + width + "px: a breadcrumb separator starts a line");
        assertEquals(
                List.of(),
                r.get("unitBreaks"),
                () -> page + " at " + width + "px: a number parted from its unit across lines");
        assertEquals(
                List.of(),
                r.get("orgBreaks"),
                () -> page + " at " + width + "px: a unit of an organisation's name split across lines");
        assertEquals(
                List.of(),
                r.get("fieldBreaks"),
                () -> page + " at " + width + "px: data dictionary field names split across lines on a desktop");
        assertEquals(
                List.of(),
                r.get("squeezed"),
                () -> page + " at " + width + "px: data dictionary descriptions narrower than eight characters");
        assertEquals(
                List.of(),
                r.get("headerFaults"),
                () -> page + " at " + width + "px: the site's title in the header is not shown whole, or the header's"
                        + " parts lie over one another");
        assertTrue(
                4 * ((Number) r.get("headerHeight")).longValue() <= height(width),
                () -> page + " at " + width + "px: the header is " + r.get("headerHeight") + "px tall (the title "
                        + r.get("titleLines") + " lines), more than a quarter of the " + height(width) + "px screen");
        long keypoint = ((Number) r.get("keypointTop")).longValue();
        long screen = ((Number) r.get("screen")).longValue();
        assertTrue(
                keypoint < 2 * screen,
                () -> page + " at " + width + "px: the key points start at " + keypoint
                        + "px, below the first two screens (" + 2 * screen + "px)");
        assertTrue(
                ((Number) r.get("scrollWidth")).longValue() <= width,
                () -> page + " at " + width + "px scrolls sideways: scrollWidth " + r.get("scrollWidth")
                        + " > viewport " + width + "; wider than the viewport: " + r.get("wide"));
    }

    Stream<String> glossaryPages() {
        return QaSite.pagesWith(site, "dl.glossary dt[id]").stream();
    }

    Stream<String> dialoguePages() {
        return QaSite.pagesWith(site, ".dialogue .speaker-mark").stream();
    }

    /** A reader who follows a glossary link sees which entry it leads to: the entry that is the URL's target is marked. */
    @ParameterizedTest(name = "glossary target: {0}")
    @MethodSource("glossaryPages")
    void theEntryAGlossaryLinkLeadsToIsMarked(String page) throws IOException {
        List<String> ids = Jsoup.parse(site.resolve(page).toFile(), "UTF-8")
                .select("dl.glossary dt[id]")
                .eachAttr("id");
        assertTrue(ids.size() >= 3, page + ": entries " + ids);
        String id = ids.get(ids.size() / 2);
        browser.viewport(390, 800, true);
        browser.open(server.base + page + "#" + id);
        browser.driver.executeAsyncScript(SETTLED);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) browser.js("""
                const t = document.getElementById(arguments[0]).closest('.glossary__entry');
                const others = [...document.querySelectorAll('.glossary__entry')].filter(e => e !== t);
                return {target: getComputedStyle(t).backgroundColor,
                        others: [...new Set(others.map(e => getComputedStyle(e).backgroundColor))],
                        top: Math.round(t.getBoundingClientRect().top)};
                """, id);
        Files.write(
                SHOTS.resolve(QaSite.key(page) + "-target-390.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        assertEquals(1, ((List<?>) r.get("others")).size(), () -> page + ": the other entries should look alike: " + r);
        assertTrue(
                !((List<?>) r.get("others")).contains(r.get("target")),
                () -> page + "#" + id + ": the target entry is not marked: " + r);
        long top = ((Number) r.get("top")).longValue();
        assertTrue(top >= 0 && top < 800, () -> page + "#" + id + ": the target entry is not in view: " + r);
    }

    /**
     * The speaker marks that vanish on paper: printed without background graphics (the browsers' default), a
     * mark's text must contrast with white paper (4.5:1) and the mark must keep a frame.
     */
    @SuppressWarnings("unchecked")
    List<String> unprintableMarks(String url) {
        browser.media("print");
        try {
            browser.viewport(1280, 900, false);
            browser.open(url);
            return (List<String>) browser.js("""
                    const lum = c => { const v = c.match(/[\\d.]+/g).slice(0, 3).map(x => { x = x / 255;
                      return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                      return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
                    return [...document.querySelectorAll('.speaker-mark')].filter(m => {
                      const s = getComputedStyle(m);
                      const contrast = 1.05 / (lum(s.color) + 0.05);
                      return contrast < 4.5 || parseFloat(s.borderTopWidth) < 2 || s.borderTopStyle === 'none';
                    }).map(m => m.className + ' "' + m.textContent + '"').slice(0, 10);
                    """);
        } finally {
            browser.media("");
        }
    }

    @ParameterizedTest(name = "print marks: {0}")
    @MethodSource("dialoguePages")
    void everySpeakerMarkPrintsWithoutBackgrounds(String page) {
        assertEquals(
                List.of(), unprintableMarks(server.base + page), () -> page + ": speaker marks that vanish on paper");
    }

    /** The control of the print check: the white moderator mark on a coloured background must be flagged. */
    @Test
    void theMarkCheckFlagsAWhiteMarkOnAColouredBackground() {
        List<String> bad = unprintableMarks(CONTROL.toAbsolutePath().toUri().toString());
        assertTrue(
                bad.stream().anyMatch(b -> b.contains("speaker-mark--mod")),
                () -> "the white moderator mark was not flagged: " + bad);
    }

    /** The control: the same check must flag a page that breaks every rule, or a green run proves nothing. */
    @Test
    void theCheckFlagsAKnownBadPage() {
        assertTrue(Files.isRegularFile(CONTROL), "control page missing: " + CONTROL);
        for (int w : WIDTHS) {
            Map<String, Object> r = measure(CONTROL.toAbsolutePath().toUri().toString(), w);
            @SuppressWarnings("unchecked")
            List<String> narrow = (List<String>) r.get("narrow");
            assertTrue(
                    narrow.stream().anyMatch(s -> s.startsWith("p.turn")),
                    () -> "at " + w + "px the grid turn was not flagged: " + narrow);
            assertTrue(
                    narrow.stream().anyMatch(s -> s.startsWith("td")),
                    () -> "at " + w + "px the collapsed name cell was not flagged: " + narrow);
            assertTrue(
                    ((Number) r.get("scrollWidth")).longValue() > w,
                    () -> "at " + w + "px the overflowing box was not flagged: " + r);
            assertEquals(List.of("turn 0: no speaker or no words box"), r.get("turns"), () -> "at " + w + "px: " + r);
            assertTrue(
                    ((Number) r.get("keypointTop")).longValue() >= 2 * ((Number) r.get("screen")).longValue(),
                    () -> "at " + w + "px the key points below two screens were not flagged: " + r);
            assertTrue(
                    String.valueOf(r.get("split")).contains("dt: \"Publisher\" over "),
                    () -> "at " + w + "px the split label was not flagged: " + r);
            assertTrue(
                    String.valueOf(r.get("phraseBreaks")).contains("入院精神障害者数"),
                    () -> "at " + w + "px the header broken inside its phrase was not flagged: " + r);
            String titleBreaks = String.valueOf(r.get("titleBreaks"));
            assertTrue(
                    titleBreaks.contains("figcaption.phrase-bad: \""),
                    () -> "at " + w + "px the caption broken inside a word was not flagged: " + titleBreaks);
            assertTrue(
                    !titleBreaks.contains("phrase-ok") && !titleBreaks.contains("phrase-long"),
                    () -> "at " + w + "px a caption broken only between phrases (or a phrase longer than its line) was"
                            + " flagged: " + titleBreaks);
            assertTrue(
                    String.valueOf(r.get("separatorStarts")).matches("(?s).*\"埼玉県・[^\"]*\" starts a line.*"),
                    () -> "at " + w + "px the separator starting a line was not flagged: " + r.get("separatorStarts"));
            assertTrue(
                    String.valueOf(r.get("unitBreaks")).contains("10,592バイト"),
                    () -> "at " + w + "px the size parted from its unit was not flagged: " + r.get("unitBreaks"));
            assertTrue(
                    String.valueOf(r.get("orgBreaks")).contains("精神・障害保健課"),
                    () -> "at " + w + "px the division's name split after its middle dot was not flagged: "
                            + r.get("orgBreaks"));
            assertTrue(
                    !String.valueOf(r.get("orgBreaks")).contains("障害保健福祉部"),
                    () -> "at " + w + "px a unit on one line was flagged: " + r.get("orgBreaks"));
            if (w >= 960) {
                assertTrue(
                        String.valueOf(r.get("fieldBreaks")).contains("inpatients_per_100000_note_ja"),
                        () -> "at " + w + "px the field name split on a desktop was not flagged: " + r);
            }
            assertTrue(
                    String.valueOf(r.get("squeezed")).contains("事例の名称"),
                    () -> "at " + w + "px the squeezed description was not flagged: " + r);
            assertTrue(
                    4 * ((Number) r.get("headerHeight")).longValue() > height(w),
                    () -> "at " + w + "px the tall header was not flagged: " + r);
            String faults = String.valueOf(r.get("headerFaults"));
            for (String expected : List.of(
                    "title 2 (\"Support Project for Buil\"): p.site-header__title shows",
                    "(text-overflow: ellipsis)",
                    "(line clamp 2)",
                    "a line of it is cut by header.site-header.site-header--cut",
                    "header 5: nav.lang-switch overlaps",
                    "header 5: the search box is")) {
                assertTrue(
                        faults.contains(expected),
                        () -> "at " + w + "px the header fault \"" + expected + "\" was not flagged: " + faults);
            }
            assertTrue(
                    !faults.contains("title 1 ") && !faults.contains("header 1:"),
                    () -> "at " + w + "px the tall but whole title was flagged as cut: " + faults);
        }
    }
}
