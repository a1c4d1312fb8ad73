package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theme's answers to what readers saw in the browser: the collection contents carry no automatic
 * numbers, the page contents sit in a disclosure box that is open without JavaScript, the 404 page works
 * at any depth, no figure promises words that are not there, the glossary is in reading order, every footer
 * gives the publication facts, each printed sheet its address and date, each dialogue turn its speaker's
 * name, and no sitemap is written without the site's address.
 */
class ReaderPagesTest {
    static final String PAGES = """
            -- a/index.ja.md --
            ---
            title: 事例A
            label: 取組事例①
            group: cases
            ---
            ## 一 {#one}
            ### 一の一 {#one-one}
            本文
            ## 二 {#two}
            本文
            -- b/index.ja.md --
            ---
            title: 寄稿
            ---
            本文
            """;

    @TempDir
    Path tmp;

    static Document parse(Path p) throws IOException {
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    private Path build(String siteYaml) {
        return build(siteYaml, "");
    }

    /** An about page (group: about), which every footer links to. */
    static final String ABOUT = """
            -- accessibility/index.ja.md --
            ---
            title: アクセシビリティ
            group: about
            ---
            本文
            -- accessibility/index.en.md --
            ---
            title: Accessibility
            group: about
            ---
            Text
            """;

    private Path build(String siteYaml, String extraFiles) {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + siteYaml + "order: [b, a]\n" + "groups:\n  cases: {ja: 取組事例, en: Cases}\n" + PAGES
                        + extraFiles);
        Path out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        return out;
    }

    @Test
    void theContentsListHasNoAutomaticNumbersAndKeepsThePagesOwnLabels() throws IOException {
        Document home = parse(build(SiteFixture.SITE_YAML).resolve("ja/index.html"));
        Element contents = home.selectFirst("nav.contents");
        assertNotNull(contents);
        assertTrue(contents.select("ol").isEmpty(), contents.outerHtml());
        assertEquals(
                List.of("寄稿", "取組事例① 事例A"), contents.select("a.contents__link").eachText());
    }

    @Test
    void pageContentsAreADisclosureOpenWithoutScript() throws IOException {
        Document page = parse(build(SiteFixture.SITE_YAML).resolve("ja/a/index.html"));
        Element details = page.selectFirst("nav.page-toc[aria-labelledby=page-toc-title] > details");
        assertNotNull(details, page.select("nav.page-toc").outerHtml());
        assertTrue(details.hasAttr("open"), "readable without JavaScript: the box is open in the HTML");
        assertNotNull(details.selectFirst("> summary > h2#page-toc-title"));
        assertEquals(List.of("#one", "#one-one", "#two"), details.select("a").eachAttr("href"));
    }

    @Test
    void withoutABaseUrlThe404PageCarriesItsOwnStyleAndSaysHowToReachTheTop() throws IOException {
        Document nf = parse(build(SiteFixture.SITE_YAML, ABOUT).resolve("404.html"));
        assertTrue(
                nf.select("link[rel=stylesheet], script[src]").isEmpty(),
                nf.head().outerHtml());
        Element style = nf.selectFirst("head style");
        assertNotNull(style, "inline stylesheet");
        assertTrue(style.data().contains(".site-header"), "the theme's stylesheet, inline");
        // like every page's footer, it links to the glossary and the about pages, of every language, from the root
        // (where the page's own home links lead too; the advice below says what to do when they do not open)
        List<String> expected = List.of("ja/accessibility/index.html", "en/accessibility/index.html");
        assertEquals(
                expected,
                nf.select(".site-footer__nav a").eachAttr("href"),
                nf.selectFirst("footer").outerHtml());
        assertEquals(
                List.of("ja/index.html", "en/index.html"),
                nf.select("nav.not-found__nav[aria-label] a").eachAttr("href"),
                "the way to each language's top is a labelled navigation");
        assertTrue(
                nf.selectFirst("[lang=ja] .not-found__top").text().contains("ja/index.html"),
                nf.body().outerHtml());
        assertTrue(
                nf.selectFirst("[lang=en] .not-found__top").text().contains("en/index.html"),
                nf.body().outerHtml());
    }

    @Test
    void withABaseUrlEveryLinkOfThe404PageIsAbsolute() throws IOException {
        String base = "https://www.example.go.jp/casebook/";
        Document nf = parse(
                build(SiteFixture.SITE_YAML + "base_url: " + base + "\n", ABOUT).resolve("404.html"));
        List<String> urls = nf.select("[href], [src]").stream()
                .map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
                .filter(u -> !u.startsWith("#"))
                .toList();
        assertTrue(urls.contains(base + "assets/style.css"), urls.toString());
        assertTrue(urls.contains(base + "ja/index.html") && urls.contains(base + "en/index.html"), urls.toString());
        assertTrue(urls.stream().allMatch(u -> u.startsWith(base)), urls.toString());
        assertEquals(
                List.of(base + "ja/accessibility/index.html", base + "en/accessibility/index.html"),
                nf.select(".site-footer__nav a").eachAttr("href"),
                "the footer's links, absolute");
        assertTrue(nf.select(".not-found__top, head style").isEmpty(), "the links work, so no workaround is shown");
    }

    /** Every figure of the real collection either gives words from the source or says plainly that it cannot. */
    @Test
    void noFigurePromisesWordsThatAreNotThere() throws IOException {
        Path out = tmp.resolve("real");
        BuildResult r = SiteFixture.build(Path.of("content"), out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        int figures = GateChecks.noFigureShowsOnlyItsCredit(out);
        // as many as the pages' Markdown holds
        long written;
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            written = files.filter(f -> f.getFileName().toString().matches("index\\.[a-z]{2,3}\\.md"))
                    .map(SiteFixture::read)
                    .filter(text -> !text.matches("(?s)---\\n.*?\\ndraft: *true\\n.*"))
                    .flatMap(String::lines)
                    .filter(l -> l.matches(":::figure( .*)?"))
                    .count();
        }
        assertEquals(written, figures, "figures published");
    }

    /** Each case gets a card on its language's top: category, key-point headline and basic figures, filterable without script. */
    @Test
    void eachCaseHasACardWithCategoryHeadlineAndFigures() throws IOException {
        Path out = tmp.resolve("real");
        BuildResult r = SiteFixture.build(Path.of("content"), out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        for (String lang : List.of("ja", "en")) {
            Document home = parse(out.resolve(lang + "/index.html"));
            List<Element> cards = home.select("li.case-card");
            // one card per case, in the order of the contents: a case is a page with a key-point box
            List<String> cases = new ArrayList<>();
            for (Element a : home.select("a.contents__link")) {
                Path target = out.resolve(lang).resolve(a.attr("href")).normalize();
                if (Files.isRegularFile(target)
                        && parse(target).selectFirst("section.keypoint") != null
                        && !cases.contains(a.attr("href"))) {
                    cases.add(a.attr("href"));
                }
            }
            assertFalse(cases.isEmpty(), "the real content has cases");
            assertEquals(
                    cases,
                    cards.stream()
                            .map(c -> c.selectFirst("a.contents__link").attr("href"))
                            .toList());
            List<String> categories = new ArrayList<>();
            for (Element card : cards) {
                String modifier = card.classNames().stream()
                        .filter(x -> x.startsWith("case-card--"))
                        .findFirst()
                        .orElse("");
                assertFalse(modifier.isEmpty(), card.outerHtml());
                String category = modifier.substring("case-card--".length());
                if (!categories.contains(category)) {
                    categories.add(category);
                }
                String href = card.selectFirst("a.contents__link").attr("href");
                Document page = parse(out.resolve(lang + "/" + href));
                assertEquals(
                        page.selectFirst(".keypoint__headline").text(),
                        card.selectFirst(".case-card__headline").text(),
                        href);
                assertEquals(
                        page.selectFirst(".keypoint__category.is-current").ownText(),
                        card.selectFirst(".case-card__category").ownText(),
                        href);
                assertEquals(
                        page.select("table.basic-info th").eachText(),
                        card.select(".case-card__figures dt").eachText(),
                        href);
            }
            // the filter: a labelled group of radio buttons, one per category present, "all" checked
            Element filter = home.selectFirst("fieldset.case-filter");
            assertNotNull(filter.selectFirst("legend"));
            // one button per category present, in the booklet's order of categories
            List<String> values = new ArrayList<>(List.of("all"));
            for (String c : List.of("prefecture", "core-city", "general-city")) {
                if (categories.contains(c)) {
                    values.add(c);
                }
            }
            assertEquals(values, filter.select("input[type=radio]").eachAttr("value"));
            assertTrue(filter.selectFirst("input[value=all]").hasAttr("checked"));
            for (Element in : filter.select("input")) {
                assertNotNull(filter.selectFirst("label[for=" + in.id() + "]"), in.id());
            }
        }
        // English cards keep Japanese runs in lang="ja", as the pages do
        for (Element headline : parse(out.resolve("en/index.html")).select(".case-card__headline")) {
            for (TextNode t : headline.textNodes()) {
                assertFalse(
                        t.text()
                                .codePoints()
                                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA),
                        "Japanese outside lang=ja: " + headline.outerHtml());
            }
        }
    }

    private BuildResult buildWith(String siteYaml, String files) {
        Path content = SiteFixture.write(tmp.resolve("content"), "-- site.yaml --\n" + siteYaml + files);
        return SiteFixture.build(content, tmp.resolve("site"));
    }

    @Test
    void withoutABaseUrlNoSitemapIsWrittenAndCheckSaysHowToSetIt() throws IOException {
        BuildResult built = buildWith(SiteFixture.SITE_YAML, PAGES);
        assertFalse(built.diagnostics().hasErrors(), () -> SiteFixture.messages(built));
        assertFalse(
                Files.exists(tmp.resolve("site/sitemap.xml")), "a sitemap with relative <loc>s breaks the protocol");
        assertTrue(
                built.diagnostics().kept().stream().noneMatch(d -> d.toString().contains("sitemap")),
                () -> "a build does not repeat it: " + SiteFixture.messages(built));
        BuildResult r = Build.run(
                BuildOptions.defaults().withContent(tmp.resolve("content")).withWrite(false));
        List<String> notes = r.diagnostics().kept().stream()
                .map(Object::toString)
                .filter(m -> m.contains("sitemap.xml"))
                .toList();
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(
                notes.get(0).contains("site.yaml:1:1: note: sitemap.xml is not written")
                        && notes.get(0).contains("base_url:")
                        && notes.get(0).contains("--base-url"),
                notes.get(0));

        BuildResult withBase = buildWith(SiteFixture.SITE_YAML + "base_url: https://www.example.go.jp/cb/\n", PAGES);
        assertTrue(
                withBase.diagnostics().kept().stream()
                        .noneMatch(d -> d.toString().contains("sitemap")),
                () -> SiteFixture.messages(withBase));
        Document sitemap = Jsoup.parse(SiteFixture.read(tmp.resolve("site/sitemap.xml")), "", Parser.xmlParser());
        List<String> locs = sitemap.select("loc").eachText();
        assertTrue(locs.contains("https://www.example.go.jp/cb/ja/a/"), locs.toString());
        assertTrue(locs.stream().allMatch(u -> u.startsWith("https://www.example.go.jp/cb/")), locs.toString());
    }

    static final String GLOSSARY = """
            -- glossary.yaml --
            - id: public-health-center
              ja: 保健所
              reading: { ja: ほけんじょ }
              en: public health center
              definition: {ja: 保健所の説明。, en: About public health centers.}
            - id: core-city
              ja: 中核市
              reading: { ja: ちゅうかくし }
              en: core city
              definition: {ja: 中核市の説明。, en: About core cities.}
            - id: consultation-forum
              ja: 協議の場
              reading: { ja: きょうぎのば }
              en: consultation forum
              definition: {ja: 協議の場の説明。, en: About consultation forums.}
            - id: general-city
              ja: 一般市
              reading: { ja: いっぱんし }
              en: General city
              definition: {ja: 一般市の説明。, en: About general cities.}
            """;

    /** File order, character-code order and reading order all differ here, so only a sort by reading passes. */
    @Test
    void theGlossaryIsInReadingOrderInJapaneseAndAlphabeticalInEnglish() throws IOException {
        BuildResult r = buildWith(SiteFixture.SITE_YAML, PAGES + GLOSSARY);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        assertEquals(
                List.of("一般市", "協議の場", "中核市", "保健所"),
                parse(tmp.resolve("site/ja/glossary/index.html"))
                        .select(".glossary dt dfn")
                        .eachText());
        assertEquals(
                List.of("consultation forum", "core city", "General city", "public health center"),
                parse(tmp.resolve("site/en/glossary/index.html"))
                        .select(".glossary dt dfn")
                        .eachText());
        // each entry keeps its id, so links still reach it; the stylesheet marks the entry a link leads to
        assertEquals(
                List.of("general-city", "consultation-forum", "core-city", "public-health-center"),
                parse(tmp.resolve("site/ja/glossary/index.html"))
                        .select(".glossary dt")
                        .eachAttr("id"));
        String css = SiteFixture.read(tmp.resolve("site/assets/style.css"));
        assertTrue(css.contains(".glossary dt:target"), "the linked entry is marked");
    }

    @Test
    void aReadingThatIsNotKanaIsWarnedAtItsLine() {
        BuildResult r = buildWith(
                SiteFixture.SITE_YAML, PAGES + GLOSSARY.replace("reading: { ja: ほけんじょ }", "reading: { ja: 保健所 }"));
        String m = SiteFixture.messages(r);
        assertTrue(
                m.contains("glossary.yaml:3:18: ")
                        && m.contains(
                                "warning: the reading of glossary entry \"public-health-center\" should be in kana"),
                m);
        String latin = SiteFixture.messages(buildWith(
                SiteFixture.SITE_YAML, PAGES + GLOSSARY.replace("reading: { ja: ほけんじょ }", "reading: { ja: hokenjo }")));
        assertTrue(
                latin.contains("warning: the reading of glossary entry \"public-health-center\" should be in kana, not"
                        + " \"hokenjo\""),
                "a reading in Latin letters alone is not kana either: " + latin);
        BuildResult list =
                buildWith(SiteFixture.SITE_YAML, PAGES + GLOSSARY.replace("reading: { ja: ほけんじょ }", "reading: ほけんじょ"));
        assertTrue(
                SiteFixture.messages(list)
                        .contains(
                                "error: reading: of glossary entry \"public-health-center\" must give the reading by language"),
                SiteFixture.messages(list));
    }

    /**
     * Every page's footer: publisher, publication date (machine-readable), the contact, the portal and the
     * copyright line ("© year holder", the year from published), in the page's language.
     */
    @Test
    void everyFooterGivesThePublisherThePublicationDateAndThePortal() throws IOException {
        BuildResult r = buildWith(
                SiteFixture.SITE_YAML + "portal: https://portal.example.jp/\n"
                        + "contact: {ja: 問い合わせ課, en: Enquiries Division}\n"
                        + "copyright: {ja: 発行省, en: The Ministry}\n",
                PAGES);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        for (String page : List.of("ja/index.html", "ja/a/index.html", "en/index.html", "ja/b/index.html")) {
            Element facts = parse(tmp.resolve("site/" + page)).selectFirst("footer.site-footer dl.site-footer__facts");
            assertNotNull(facts, page);
            boolean en = page.startsWith("en/");
            assertEquals(
                    en ? "Publisher" : "発行者",
                    facts.selectFirst(".site-footer__publisher").text(),
                    page);
            assertEquals("2025-03", facts.selectFirst("time").attr("datetime"), page);
            assertEquals(
                    en ? "March 2025" : "2025(令和7)年3月",
                    facts.selectFirst("time").text(),
                    page);
            assertEquals("https://portal.example.jp/", facts.selectFirst("a").attr("href"), page);
            assertEquals(
                    en ? "Enquiries Division" : "問い合わせ課",
                    facts.selectFirst(".site-footer__contact").text(),
                    page);
            assertEquals(
                    en ? "\u00a9 2025 The Ministry" : "\u00a9 2025 発行省",
                    parse(tmp.resolve("site/" + page))
                            .selectFirst("footer .site-footer__copyright")
                            .text(),
                    page);
        }
        // the pages for readers of every language give the footer in every language
        for (String page : List.of("index.html", "404.html")) {
            Document d = parse(tmp.resolve("site/" + page));
            assertEquals(
                    List.of("ja", "en"),
                    d.select("footer dl.site-footer__facts").eachAttr("lang"),
                    page);
            assertEquals(
                    List.of("発行者", "Publisher"),
                    d.select("footer .site-footer__publisher").eachText(),
                    page);
            assertEquals(
                    List.of("\u00a9 2025 発行省", "\u00a9 2025 The Ministry"),
                    d.select("footer .site-footer__copyright").eachText(),
                    page);
        }
    }

    /**
     * A Japanese organisation's name (the publisher, the contact) is given as its units, so that a line breaks only
     * between them (「精神・障害保健課」 is not split after its middle dot); an English name is left as it is.
     */
    @Test
    void aJapaneseOrganisationsNameIsWrittenAsItsUnits() throws IOException {
        BuildResult r = buildWith(
                SiteFixture.SITE_YAML.replace(
                                "publisher: {ja: 発行者, en: Publisher}",
                                "publisher: {ja: 厚生労働省 社会・援護局 精神・障害保健課, en: \"Mental Health Division, Ministry\"}")
                        + "contact: {ja: 厚生労働省 精神・障害保健課, en: Enquiries Division}\n",
                PAGES);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        for (String page : List.of("index.html", "ja/index.html", "ja/a/index.html", "404.html")) {
            Document d = parse(tmp.resolve("site/" + page));
            Element publisher = d.selectFirst("footer .site-footer__facts[lang=ja] .site-footer__publisher, "
                    + "footer .site-footer__facts:not([lang]) .site-footer__publisher");
            assertNotNull(publisher, page);
            assertEquals(
                    List.of("厚生労働省", "社会・援護局", "精神・障害保健課"),
                    publisher.select(".org-unit").eachText(),
                    page);
            assertEquals("厚生労働省 社会・援護局 精神・障害保健課", publisher.text(), page);
            assertEquals(
                    List.of("厚生労働省", "精神・障害保健課"),
                    d.selectFirst("footer .site-footer__contact")
                            .select(".org-unit")
                            .eachText(),
                    page);
        }
        assertEquals(
                List.of("厚生労働省", "社会・援護局", "精神・障害保健課"),
                parse(tmp.resolve("site/ja/index.html"))
                        .select(".cover__publisher .org-unit")
                        .eachText());
        Element en = parse(tmp.resolve("site/en/index.html")).selectFirst("footer .site-footer__publisher");
        assertEquals("Mental Health Division, Ministry", en.text());
        assertTrue(en.select(".org-unit").isEmpty(), en::outerHtml);
    }

    /**
     * With a short_title, every page's header holds the whole title and the short name (the stylesheet shows the
     * short one on a phone), in the page's language; without one, the header holds the title alone.
     */
    @Test
    void theHeaderCarriesTheShortTitleForPhonesWhenSiteYamlGivesOne() throws IOException {
        BuildResult r = buildWith(SiteFixture.SITE_YAML + "short_title: {ja: 短い名, en: Short Name}\n", PAGES);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        assertTrue(r.diagnostics().kept().stream().noneMatch(x -> x.toString().contains("short_title")));
        for (String page : List.of("ja/index.html", "ja/a/index.html", "en/index.html")) {
            Element title = parse(tmp.resolve("site/" + page)).selectFirst("header .site-header__title a");
            assertNotNull(title, page);
            boolean en = page.startsWith("en/");
            assertEquals(
                    en ? "Short Name" : "短い名",
                    title.selectFirst(".site-header__short").text(),
                    page);
            assertEquals(
                    en ? "Test collection" : "テスト事例集",
                    title.selectFirst(".site-header__full").text(),
                    page);
        }
        String css = Files.readString(tmp.resolve("site/assets/style.css"));
        assertTrue(css.contains(".site-header__title .site-header__short { display: inline; }"), "the phone rule");

        // markup in a short title is text, never an element
        BuildResult hostile = buildWith(
                SiteFixture.SITE_YAML
                        + "short_title: {ja: \"<script>alert(1)</script><img src=x onerror=alert(1)>\", en: x}\n",
                PAGES);
        assertFalse(hostile.diagnostics().hasErrors(), () -> SiteFixture.messages(hostile));
        Element shortTitle = parse(tmp.resolve("site/ja/index.html")).selectFirst("header .site-header__short");
        assertNotNull(shortTitle);
        assertTrue(shortTitle.select("script, img").isEmpty(), shortTitle::outerHtml);
        assertEquals("<script>alert(1)</script><img src=x onerror=alert(1)>", shortTitle.text());

        buildWith(SiteFixture.SITE_YAML, PAGES);
        Element plain = parse(tmp.resolve("site/ja/index.html")).selectFirst("header .site-header__title a");
        assertNotNull(plain);
        assertTrue(plain.select("span").isEmpty(), plain::outerHtml);
        assertEquals("テスト事例集", plain.text());
    }

    /**
     * The site's root is the default language's top page itself (no splash page, no redirect): the same heading
     * and contents, its links leading into the language's folder (the introduction's too), the editions as its
     * alternates, the Japanese top as its canonical URL, and every other edition offered in its own language.
     */
    @Test
    void theRootIsTheDefaultLanguagesTopPageAndOffersEveryEdition() throws IOException {
        String intro = """
                -- index.ja.md --
                ---
                title: テスト事例集
                ---
                [事例B](b/index.html)から読むこともできます。
                """;
        BuildResult r = buildWith(SiteFixture.SITE_YAML, PAGES + GLOSSARY + intro);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        Document d = parse(tmp.resolve("site/index.html"));
        Document ja = parse(tmp.resolve("site/ja/index.html"));
        assertEquals("ja", d.selectFirst("html").attr("lang"));
        assertEquals(ja.selectFirst("h1").text(), d.selectFirst("h1").text());
        assertEquals(
                List.of("ja", "en", "x-default"),
                d.select("head link[rel=alternate]").eachAttr("hreflang"));
        assertEquals(
                List.of("ja/index.html", "en/index.html", "ja/index.html"),
                d.select("head link[rel=alternate]").eachAttr("href"));
        // the same contents, each link one folder deeper; every link of the page names an existing file
        assertEquals(
                ja.select("main a").eachAttr("href").stream()
                        .map(h -> h.startsWith("../") ? h.substring(3) : "ja/" + h)
                        .toList(),
                d.select("main a").eachAttr("href"));
        assertTrue(
                d.select("main .intro a").eachAttr("href").contains("ja/b/index.html"),
                d.select(".intro").html());
        for (String href : d.select("a[href]").eachAttr("href")) {
            if (!href.startsWith("#") && !href.contains(":")) {
                assertTrue(Files.isRegularFile(tmp.resolve("site").resolve(href.replaceAll("#.*", ""))), href);
            }
        }
        // every other edition, in its own language, under the title (on the root and on each language's top)
        assertEquals(List.of("en/index.html"), d.select(".cover__editions a").eachAttr("href"));
        assertEquals(List.of("en"), d.select(".cover__editions li").eachAttr("lang"));
        assertEquals(
                "Read the English edition", d.selectFirst(".cover__editions a").text());
        assertEquals(
                List.of("../en/index.html"), ja.select(".cover__editions a").eachAttr("href"));
        Document en = parse(tmp.resolve("site/en/index.html"));
        assertEquals(
                List.of("../ja/index.html"), en.select(".cover__editions a").eachAttr("href"));
        assertEquals("日本語版を読む", en.selectFirst(".cover__editions a").text());
        // the header's switch: Japanese marked as current, English a link
        assertEquals("ja", d.selectFirst(".lang-switch [aria-current]").attr("lang"));
        assertEquals(List.of("en/index.html"), d.select(".lang-switch a").eachAttr("href"));
        // its footer links to the pages about the site in every language, each marked with its language
        assertEquals(
                List.of("ja/glossary/index.html", "en/glossary/index.html"),
                d.select("footer .site-footer__links a").eachAttr("href"));
        assertEquals(
                List.of("", "en"),
                d.select("footer .site-footer__links a").stream()
                        .map(a -> a.attr("lang"))
                        .toList());
        // with the site's address known, the canonical URL of the root is the Japanese top's
        buildWith(SiteFixture.SITE_YAML + "base_url: https://www.example.go.jp/cb/\n", PAGES + intro);
        assertEquals(
                "https://www.example.go.jp/cb/ja/",
                parse(tmp.resolve("site/index.html"))
                        .selectFirst("link[rel=canonical]")
                        .attr("href"));
        assertEquals(
                "https://www.example.go.jp/cb/ja/",
                parse(tmp.resolve("site/ja/index.html"))
                        .selectFirst("link[rel=canonical]")
                        .attr("href"));
    }

    /** Each printed sheet names the page's address and the publication date (a rule for the page's bottom margin). */
    @Test
    void eachPrintedSheetNamesThePageAddressAndThePublicationDate() throws IOException {
        BuildResult r = buildWith(SiteFixture.SITE_YAML, PAGES);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        Document ja = parse(tmp.resolve("site/ja/a/index.html"));
        String rule = ja.selectFirst("head style[data-print-page]").data();
        assertTrue(rule.contains("@bottom-left") && rule.contains("\"ja/a/index.html  発行年月 2025(令和7)年3月\""), rule);
        assertEquals(
                "ja/a/index.html",
                ja.selectFirst(".site-footer__address.print-only [data-page-url]")
                        .text());
        buildWith(SiteFixture.SITE_YAML + "base_url: https://www.example.go.jp/cb/\n", PAGES);
        Document en = parse(tmp.resolve("site/en/index.html"));
        assertTrue(
                en.selectFirst("head style[data-print-page]")
                        .data()
                        .contains("\"https://www.example.go.jp/cb/en/  Date of publication March 2025\""),
                en.head().outerHtml());
        // the pages that are not read on paper carry no such rule
        assertTrue(parse(tmp.resolve("site/404.html"))
                .select("style[data-print-page], .site-footer__address")
                .isEmpty());
    }

    @Test
    void withoutABaseUrlThe404PageCarriesTheFaviconInline() throws IOException {
        buildWith(SiteFixture.SITE_YAML, PAGES);
        Element icon = parse(tmp.resolve("site/404.html")).selectFirst("head link[rel=icon]");
        assertNotNull(icon, "without a favicon link browsers ask the server root for /favicon.ico");
        assertTrue(icon.attr("href").startsWith("data:image/svg+xml;base64,"), icon.outerHtml());
        String svg = new String(
                Base64.getDecoder()
                        .decode(icon.attr("href").substring(icon.attr("href").indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg") && !svg.contains("<script"), svg);
    }

    static final String ROUNDTABLE = """
            -- talk/index.ja.md --
            ---
            title: 座談会
            ---
            ## 参加者 {#participants}

            :::participants
            - id: mod
              mark: 司
              role: 司会
              people:
                - name: 岩上洋一氏
            - id: city
              mark: 川
              people:
                - name: 佐野 美貴氏
                - name: 小林 三沙氏
            :::

            :::dialogue
            mod: 変化はありましたか？
            city: 「ありました。」
            :::
            -- talk/index.en.md --
            ---
            title: Roundtable
            ---
            ## Participants {#participants}

            :::participants
            - id: mod
              mark: Mod
              role: Moderator
              people:
                - name: "Iwagami Yoichi (岩上洋一)"
            - id: city
              mark: Kaw
              people:
                - name: "Sano Miki (佐野 美貴)"
                - name: "Kobayashi Misa (小林 三沙)"
            :::

            :::dialogue
            mod: Has anything changed?
            city: "It has."
            :::
            """;

    /** The mark is a visual aid: each turn shows its speaker's name, on English pages as the English text gives it. */
    @Test
    void eachTurnShowsItsSpeakersNameRomanisedOnEnglishPages() throws IOException {
        BuildResult r = buildWith(SiteFixture.SITE_YAML, PAGES + ROUNDTABLE);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        Document en = parse(tmp.resolve("site/en/talk/index.html"));
        assertEquals(
                List.of("Moderator Iwagami Yoichi", "Sano Miki and Kobayashi Misa"),
                en.select(".turn .speaker__name").eachText());
        // read out once: the shown name is hidden from screen readers, the label keeps the original script
        assertEquals(List.of("true", "true"), en.select(".turn .speaker__name").eachAttr("aria-hidden"));
        assertEquals(
                "Moderator Iwagami Yoichi (岩上洋一):",
                en.selectFirst(".turn .speaker .visually-hidden").text());
        assertEquals(
                "ja",
                en.selectFirst(".turn .speaker .visually-hidden span[lang]").attr("lang"));
        Document ja = parse(tmp.resolve("site/ja/talk/index.html"));
        assertEquals(
                List.of("司会 岩上洋一氏", "佐野 美貴氏、小林 三沙氏"),
                ja.select(".turn .speaker__name").eachText());
    }

    /** Japanese headings and titles break between phrases (<wbr>, with keep-all), not inside a word such as センター. */
    @Test
    void japaneseHeadingsAndTitlesBreakOnlyBetweenPhrases() throws IOException {
        BuildResult r = buildWith(
                SiteFixture.SITE_YAML,
                PAGES.replace("title: 事例A", "title: 埼玉県立精神保健福祉センター").replace("## 二 {#two}", "## 参加者と凡例 {#two}"));
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        Document page = parse(tmp.resolve("site/ja/a/index.html"));
        assertEquals("埼玉県立<wbr>精神保健福祉<wbr>センター", page.selectFirst("h1").html());
        assertEquals("参加者と<wbr>凡例", page.selectFirst("h2#two").html());
        assertEquals("埼玉県立精神保健福祉センター | テスト事例集", page.title(), "the document title has no markup");
        assertTrue(
                page.selectFirst(".article__body p").html().indexOf("<wbr>") < 0,
                "running text is left to the browser");
        assertTrue(SiteFixture.read(tmp.resolve("site/assets/style.css")).contains("word-break: keep-all"));
    }
}
