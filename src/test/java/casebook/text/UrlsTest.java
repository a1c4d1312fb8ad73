package casebook.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlsTest {
    @TempDir
    Path tmp;

    @Test
    void aPageTwoFoldersDeepLinksUpToItsLanguageAndToTheRoot() {
        String page = Urls.page("ja", "saitama");
        assertEquals("ja/saitama/index.html", page);
        assertEquals("saitama/index.html", Urls.inLanguage("saitama"));
        assertEquals(2, Urls.depth(page));
        assertEquals("../../", Urls.toRoot(page));
        assertEquals("../", Urls.relative(page, Urls.languageFolder("ja")));
        assertEquals("../index.html", Urls.relative(page, Urls.languageTop("ja")));
        assertEquals("../hasuda/index.html", Urls.relative(page, Urls.page("ja", "hasuda")));
        assertEquals("../glossary/index.html", Urls.relative(page, Urls.glossary("ja")));
        assertEquals("../../en/hasuda/index.html", Urls.relative(page, Urls.page("en", "hasuda")));
        assertEquals("../../en/saitama/index.html", Urls.viaRoot(page, Urls.page("en", "saitama")));
        // through the root even to itself: the language switcher's and the alternates' form
        assertEquals("../../ja/saitama/index.html", Urls.viaRoot(page, page));
        assertEquals("../../data/cases.csv", Urls.relative(Urls.openData("ja"), Urls.dataFile("cases.csv")));
        assertEquals("../compare/index.html", Urls.relative(Urls.openData("ja"), Urls.compare("ja")));
        assertEquals("../../assets/style.css", Urls.relative(page, Urls.asset("style.css")));
    }

    @Test
    void aLinkAnEditorWritesIsNeverEmpty() {
        String page = Urls.page("ja", "saitama");
        assertEquals("./", Urls.relativeLink(page, "ja/saitama/"));
        assertEquals("./", Urls.relativeLink(Urls.languageTop("ja"), Urls.languageFolder("ja")));
        assertEquals("../", Urls.relativeLink(page, Urls.languageFolder("ja")));
        assertEquals("../hasuda/", Urls.relativeLink(page, "ja/hasuda/"));
        assertEquals("fig.png", Urls.relativeLink(page, "ja/saitama/fig.png"));
        assertEquals("../../en/hasuda/index.html", Urls.relativeLink(page, Urls.page("en", "hasuda")));
    }

    @Test
    void aLanguageTopIsOneFolderDeepAndItsOwnFolderIsTheEmptyPrefix() {
        String top = Urls.languageTop("en");
        assertEquals("en/index.html", top);
        assertEquals("en/index.html", Urls.page("en", ""));
        assertEquals("index.html", Urls.inLanguage(""));
        assertEquals(1, Urls.depth(top));
        assertEquals("../", Urls.toRoot(top));
        assertEquals("", Urls.relative(top, Urls.languageFolder("en")));
        assertEquals("glossary/index.html", Urls.relative(top, Urls.glossary("en")));
        assertEquals("search/index.html", Urls.relative(top, Urls.search("en")));
        assertEquals("../ja/saitama/index.html", Urls.relative(top, Urls.page("ja", "saitama")));
        assertEquals("en/search/index.js", Urls.searchFile("en", "index.js"));
        assertEquals("en/casebook.pdf", Urls.booklet("en", "casebook"));
        assertEquals("casebook.pdf", Urls.relative(top, Urls.booklet("en", "casebook")));
    }

    @Test
    void theSiteRootLinksDownWithoutClimbing() {
        assertEquals("index.html", Urls.LANDING);
        assertEquals(0, Urls.depth(Urls.LANDING));
        assertEquals("", Urls.toRoot(Urls.LANDING));
        assertEquals("ja/", Urls.relative(Urls.LANDING, Urls.languageFolder("ja")));
        assertEquals("ja/index.html", Urls.relative(Urls.LANDING, Urls.languageTop("ja")));
        assertEquals("assets/style.css", Urls.relative(Urls.LANDING, Urls.asset("style.css")));
        assertEquals("en/glossary/index.html", Urls.viaRoot(Urls.LANDING, Urls.glossary("en")));
    }

    @Test
    void theNotFoundPageSitsAtTheRootAndAbsoluteUrlsDropIndexHtml() {
        assertEquals("404.html", Urls.NOT_FOUND);
        assertEquals("", Urls.toRoot(Urls.NOT_FOUND));
        assertEquals("ja/", Urls.relative(Urls.NOT_FOUND, Urls.languageFolder("ja")));
        String base = "https://example.org/cases/";
        assertEquals("https://example.org/cases/404.html", Urls.absolute(base, Urls.NOT_FOUND));
        assertEquals("https://example.org/cases/", Urls.absolute(base, Urls.LANDING));
        assertEquals("https://example.org/cases/ja/", Urls.absolute(base, Urls.languageTop("ja")));
        assertEquals("https://example.org/cases/ja/saitama/", Urls.absolute(base, Urls.page("ja", "saitama")));
        assertEquals("https://example.org/cases/data/cases.csv", Urls.absolute(base, Urls.dataFile("cases.csv")));
        assertEquals("ja/saitama/", Urls.folderOf("ja/saitama/index.html"));
    }

    /** The links of a built site, at every depth, lead to files the build wrote: the paths agree with the links. */
    @Test
    void everyRelativeLinkOfABuiltSiteResolvesToAWrittenFile() throws IOException {
        Path content = SiteFixture.write(
                tmp.resolve("content"), "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a, b]\n" + """
                        -- a/index.ja.md --
                        ---
                        title: 事例A
                        ---
                        本文。[事例B](../b/)

                        ## 見出し {#midashi}
                        -- a/index.en.md --
                        ---
                        title: Case A
                        translated_from: {}
                        ---
                        Text. [Case B](../../ja/b/)

                        ## Heading {#midashi}
                        -- b/index.ja.md --
                        ---
                        title: 事例B
                        ---
                        本文。
                        """);
        Path out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));

        List<String> pages = List.of(
                Urls.LANDING,
                Urls.NOT_FOUND,
                Urls.languageTop("ja"),
                Urls.languageTop("en"),
                Urls.page("ja", "a"),
                Urls.page("en", "a"),
                Urls.page("ja", "b"),
                Urls.search("ja"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (String page : pages) {
            assertTrue(Files.isRegularFile(out.resolve(page)), page);
            Document doc = Jsoup.parse(out.resolve(page).toFile(), "UTF-8");
            for (Element e : doc.select("a[href], link[href]")) {
                String href = e.attr("href");
                if (href.isEmpty() || href.startsWith("#") || href.contains(":")) {
                    continue;
                }
                String path = href.replaceFirst("#.*$", "");
                String target = LinkTargets.resolve(page, path.isEmpty() ? "./" : path);
                if (target == null || !Files.isRegularFile(out.resolve(target.isEmpty() ? Urls.INDEX : target))) {
                    broken.add(page + " → " + href);
                }
                checked++;
            }
        }
        assertTrue(broken.isEmpty(), () -> String.join("\n", broken));
        assertTrue(checked > 30, "links checked: " + checked);

        // the page's own links are the ones Urls computes
        Document a = Jsoup.parse(out.resolve(Urls.page("ja", "a")).toFile(), "UTF-8");
        Element next = a.selectFirst("a[rel=next]");
        assertNotNull(next);
        assertEquals(Urls.relative(Urls.page("ja", "a"), Urls.page("ja", "b")), next.attr("href"));
        Element en = a.selectFirst("link[rel=alternate][hreflang=en]");
        assertNotNull(en);
        assertEquals(Urls.viaRoot(Urls.page("ja", "a"), Urls.page("en", "a")), en.attr("href"));
        Document enTop = Jsoup.parse(out.resolve(Urls.languageTop("en")).toFile(), "UTF-8");
        // b is not translated: the English top links to the original, one folder up and into ja/
        assertTrue(
                enTop.select("a[href]")
                        .eachAttr("href")
                        .contains(Urls.relative(Urls.languageTop("en"), Urls.page("ja", "b"))),
                () -> enTop.select("a[href]").eachAttr("href").toString());
        try (Stream<Path> files = Files.walk(out.resolve("assets"))) {
            assertTrue(files.anyMatch(f -> f.endsWith("style.css")));
        }
    }
}
