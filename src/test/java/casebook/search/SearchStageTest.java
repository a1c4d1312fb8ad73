package casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The search stage in a real build: the index, the search page, the header box, search: false. */
class SearchStageTest {
    static final String CONTENT = SiteFixture.SITE_YAML + """
            order: [alpha, beta]
            -- glossary.yaml --
            - id: phn
              ja: 保健師
              en: public health nurse
              definition: {ja: 地域の専門職。, en: A community nurse.}
            -- alpha/index.ja.md --
            ---
            title: アルファ市
            ---
            ## 体制 {#staff}

            保健師が5名いる。ピアサポーターも活動する。
            -- alpha/index.en.md --
            ---
            title: Alpha City
            ---
            ## Staff {#staff}

            Five public health nurses work here.
            -- beta/index.ja.md --
            ---
            title: ベータ町
            search: false
            ---
            ## 秘密 {#secret}

            検索に出ない文。
            """;

    private static Document html(Path p) throws IOException {
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    private static Searcher searcher(Path lang) {
        return new Searcher(rel -> {
            try {
                Path f = lang.resolve("search").resolve(rel);
                return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static BuildResult build(Path tmp, String content) {
        Path c = SiteFixture.write(tmp.resolve("content"), "-- site.yaml --\n" + content);
        return SiteFixture.build(c, tmp.resolve("site"));
    }

    @Test
    void eachLanguageGetsAnIndexAndASearchPage(@TempDir Path tmp) throws IOException {
        BuildResult r = build(tmp, CONTENT);
        assertTrue(SiteFixture.errors(r).isEmpty(), SiteFixture.messages(r));
        Path site = tmp.resolve("site");
        for (String lang : List.of("ja", "en")) {
            assertTrue(Files.isRegularFile(site.resolve(lang + "/search/index.js")), lang);
            Document page = html(site.resolve(lang + "/search/index.html"));
            Element input = page.selectFirst("main input[type=search]#search-q");
            assertNotNull(input, lang);
            assertNotNull(page.selectFirst("label[for=search-q]"), "the field is labelled");
            assertNotNull(page.selectFirst("[aria-live=polite]#search-status"), "results are announced");
            Element nojs = page.selectFirst("#search-nojs");
            assertEquals(
                    List.of("../index.html", "../glossary/index.html"),
                    nojs.select("a").eachAttr("href"),
                    "without JavaScript the page links to the contents and the glossary");
            assertEquals(
                    "../../assets/search.js", page.select("script[src]").last().attr("src"));
            assertNull(page.selectFirst("header form.site-search"), "no second search box in the search page's header");
        }
        assertTrue(Files.isRegularFile(site.resolve("assets/search.js")));
    }

    @Test
    void everyPageHeaderHasASearchBoxLeadingToItsLanguagesSearchPage(@TempDir Path tmp) throws IOException {
        build(tmp, CONTENT);
        Path site = tmp.resolve("site");
        for (String p :
                List.of("ja/alpha/index.html", "en/alpha/index.html", "ja/index.html", "ja/glossary/index.html")) {
            Element form = html(site.resolve(p)).selectFirst("header.site-header form[role=search]");
            assertNotNull(form, p);
            String lang = p.substring(0, 2);
            Path target =
                    site.resolve(p).getParent().resolve(form.attr("action")).normalize();
            assertEquals(site.resolve(lang + "/search/index.html"), target, p);
            assertEquals("q", form.selectFirst("input").attr("name"));
            assertEquals(
                    form.selectFirst("input").id(), form.selectFirst("label").attr("for"), p + ": labelled");
        }
    }

    @Test
    void theIndexFindsPagesAndLeavesOutSearchFalse(@TempDir Path tmp) {
        BuildResult r = build(tmp, CONTENT);
        Path site = tmp.resolve("site");
        Searcher ja = searcher(site.resolve("ja"));
        assertEquals("alpha/index.html", ja.search("ピアサポーター").get(0).url());
        assertEquals("staff", ja.search("ピアサポーター").get(0).sections().get(0).id());
        assertEquals(List.of(), ja.search("検索に出ない"), "a page with search: false is not indexed");
        assertEquals("glossary/index.html", ja.search("地域の専門職").get(0).url(), "the glossary is indexed");
        Searcher.Answer bridged = ja.answer("public health nurse", 10);
        assertTrue(bridged.results().stream().anyMatch(x -> x.url().equals("alpha/index.html")));
        assertEquals("保健師", bridged.notes().get(0)[1]);
        assertTrue(
                SiteFixture.messages(r).contains("note: left out of the site search (search: false)"),
                SiteFixture.messages(r));
        assertTrue(
                SiteFixture.messages(r).contains("beta/index.ja.md:3:"),
                "at the line of the key: " + SiteFixture.messages(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "no", "off", "yes"})
    void aSearchValueThatIsNotTrueOrFalseIsAnError(String value, @TempDir Path tmp) {
        BuildResult r = build(tmp, CONTENT.replace("search: false", "search: " + value));
        assertTrue(
                SiteFixture.messages(r).contains("error: search must be true or false, not \"" + value + "\""),
                SiteFixture.messages(r));
    }

    @Test
    void aPageCannotTakeTheSearchPagesFolder(@TempDir Path tmp) {
        BuildResult r = build(
                tmp,
                CONTENT.replace("order: [alpha, beta]", "order: [alpha, beta, search]")
                        + "-- search/index.ja.md --\n---\ntitle: 検索\n---\n本文\n");
        assertTrue(
                SiteFixture.messages(r).contains("the page folder \"search\" is taken by the site's search page"),
                SiteFixture.messages(r));
        assertFalse(r.diagnostics().errorCount() == 0);
    }
}
