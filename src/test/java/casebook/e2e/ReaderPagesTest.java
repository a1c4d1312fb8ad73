package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theme's answers to what readers saw in the browser: the collection contents carry no automatic
 * numbers, the page contents sit in a disclosure box that is open without JavaScript, the 404 page works
 * at any depth, and no figure promises words that are not there.
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
    @TempDir Path tmp;

    static Document parse(Path p) throws IOException {
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    private Path build(String siteYaml) {
        Path content = SiteFixture.write(tmp.resolve("content"), "-- site.yaml --\n" + siteYaml + "order: [b, a]\n"
                + "groups:\n  cases: {ja: 取組事例, en: Cases}\n" + PAGES);
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
        assertEquals(List.of("寄稿", "取組事例① 事例A"), contents.select("a.contents__link").eachText());
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
        Document nf = parse(build(SiteFixture.SITE_YAML).resolve("404.html"));
        assertTrue(nf.select("link[rel=stylesheet], script[src]").isEmpty(), nf.head().outerHtml());
        Element style = nf.selectFirst("head style");
        assertNotNull(style, "inline stylesheet");
        assertTrue(style.data().contains(".site-header"), "the theme's stylesheet, inline");
        assertTrue(nf.select(".site-footer a").isEmpty(), "no footer link that would break below the site root");
        assertEquals(List.of("ja/index.html", "en/index.html"), nf.select("nav.not-found__nav[aria-label] a").eachAttr("href"),
                "the way to each language's top is a labelled navigation");
        assertTrue(nf.selectFirst("[lang=ja] .not-found__top").text().contains("ja/index.html"), nf.body().outerHtml());
        assertTrue(nf.selectFirst("[lang=en] .not-found__top").text().contains("en/index.html"), nf.body().outerHtml());
    }

    @Test
    void withABaseUrlEveryLinkOfThe404PageIsAbsolute() throws IOException {
        String base = "https://www.example.go.jp/casebook/";
        Document nf = parse(build(SiteFixture.SITE_YAML + "base_url: " + base + "\n").resolve("404.html"));
        List<String> urls = nf.select("[href], [src]").stream().map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
                .filter(u -> !u.startsWith("#")).toList();
        assertTrue(urls.contains(base + "assets/style.css"), urls.toString());
        assertTrue(urls.contains(base + "ja/index.html") && urls.contains(base + "en/index.html"), urls.toString());
        assertTrue(urls.stream().allMatch(u -> u.startsWith(base)), urls.toString());
        assertTrue(nf.select(".not-found__top, head style").isEmpty(), "the links work, so no workaround is shown");
    }

    /** Every figure of the real collection either gives words from the source or says plainly that it cannot. */
    @Test
    void noFigurePromisesWordsThatAreNotThere() throws IOException {
        Path out = tmp.resolve("real");
        BuildResult r = SiteFixture.build(Path.of("content"), out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        int figures = 0;
        for (String page : List.of("ja/saitama", "en/saitama", "ja/hasuda", "en/hasuda", "ja/kawaguchi", "en/kawaguchi")) {
            for (Element f : parse(out.resolve(page + "/index.html")).select("figure.figure")) {
                figures++;
                Element body = f.selectFirst(".figure__body").clone();
                body.select(".figure__omitted, .credit, .note").remove();
                assertFalse(body.text().isBlank(), () -> page + ": a figure shows only its credit: " + f.outerHtml());
                String omitted = f.selectFirst(".figure__omitted").text();
                assertFalse(omitted.contains("以下に掲載") || omitted.contains("given below"),
                        () -> page + ": the fixed notice must not promise what follows: " + omitted);
            }
        }
        assertTrue(figures >= 10, "figures found: " + figures);
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
            List<String> cases = new java.util.ArrayList<>();
            for (Element a : home.select("a.contents__link")) {
                Path target = out.resolve(lang).resolve(a.attr("href")).normalize();
                if (java.nio.file.Files.isRegularFile(target) && parse(target).selectFirst("section.keypoint") != null
                        && !cases.contains(a.attr("href"))) cases.add(a.attr("href"));
            }
            assertFalse(cases.isEmpty(), "the real content has cases");
            assertEquals(cases, cards.stream().map(c -> c.selectFirst("a.contents__link").attr("href")).toList());
            List<String> categories = new java.util.ArrayList<>();
            for (Element card : cards) {
                String modifier = card.classNames().stream().filter(x -> x.startsWith("case-card--")).findFirst().orElse("");
                assertFalse(modifier.isEmpty(), card.outerHtml());
                String category = modifier.substring("case-card--".length());
                if (!categories.contains(category)) categories.add(category);
                String href = card.selectFirst("a.contents__link").attr("href");
                Document page = parse(out.resolve(lang + "/" + href));
                assertEquals(page.selectFirst(".keypoint__headline").text(), card.selectFirst(".case-card__headline").text(), href);
                assertEquals(page.selectFirst(".keypoint__category.is-current").ownText(), card.selectFirst(".case-card__category").ownText(), href);
                assertEquals(page.select("table.basic-info th").eachText(), card.select(".case-card__figures dt").eachText(), href);
            }
            // the filter: a labelled group of radio buttons, one per category present, "all" checked
            Element filter = home.selectFirst("fieldset.case-filter");
            assertNotNull(filter.selectFirst("legend"));
            // one button per category present, in the booklet's order of categories
            List<String> values = new java.util.ArrayList<>(List.of("all"));
            for (String c : List.of("prefecture", "core-city", "general-city")) if (categories.contains(c)) values.add(c);
            assertEquals(values, filter.select("input[type=radio]").eachAttr("value"));
            assertTrue(filter.selectFirst("input[value=all]").hasAttr("checked"));
            for (Element in : filter.select("input")) assertNotNull(filter.selectFirst("label[for=" + in.id() + "]"), in.id());
        }
        // English cards keep Japanese runs in lang="ja", as the pages do
        for (Element headline : parse(out.resolve("en/index.html")).select(".case-card__headline")) {
            for (org.jsoup.nodes.TextNode t : headline.textNodes()) {
                assertFalse(t.text().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA), "Japanese outside lang=ja: " + headline.outerHtml());
            }
        }
    }
}
