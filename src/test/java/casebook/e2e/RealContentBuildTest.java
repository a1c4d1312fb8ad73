package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.build.BuildResult;
import casebook.diag.Diagnostic;
import casebook.markdown.Cjk;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the real content/ into a temporary folder and checks what a reader would see. */
class RealContentBuildTest {
    static final List<String> SLUGS = List.of("foreword", "saitama", "kawaguchi", "hasuda", "roundtable");
    @TempDir static Path tmp;
    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() {
        out = tmp.resolve("site");
        result = SiteFixture.build(Path.of("content"), out);
        assertFalse(result.diagnostics().hasErrors(), () -> SiteFixture.messages(result));
    }

    static Document page(String path) {
        try {
            return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
        } catch (IOException e) {
            throw new AssertionError(path + " cannot be read", e);
        }
    }

    @Test
    void everyPageExistsInBothLanguages() {
        for (String lang : List.of("ja", "en")) {
            assertTrue(Files.isRegularFile(out.resolve(lang + "/index.html")));
            for (String slug : SLUGS) assertTrue(Files.isRegularFile(out.resolve(lang + "/" + slug + "/index.html")), lang + "/" + slug);
        }
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(Files.isRegularFile(out.resolve("404.html")));
        assertTrue(Files.isRegularFile(out.resolve("assets/style.css")));
        assertTrue(Files.isRegularFile(out.resolve("sitemap.xml")));
    }

    @Test
    void keyPointBoxesHaveTheirCategoryAndPoints() {
        Map<String, Integer> points = Map.of("saitama", 3, "kawaguchi", 4, "hasuda", 4);
        Map<String, String> category = Map.of("saitama", "都道府県", "kawaguchi", "中核市", "hasuda", "一般市");
        for (var e : points.entrySet()) {
            Document ja = page("ja/" + e.getKey() + "/index.html");
            Element box = ja.selectFirst("section.keypoint");
            assertNotNull(box, e.getKey());
            assertEquals("取組のポイント", box.selectFirst("h2").text());
            assertEquals(e.getValue(), box.select(".keypoint__points > li").size(), e.getKey());
            assertEquals(3, box.select(".keypoint__category").size());
            Element current = box.selectFirst(".keypoint__category.is-current");
            assertTrue(current.text().contains(category.get(e.getKey())), current.text());
            assertTrue(current.selectFirst(".visually-hidden") != null, "current category is announced, not shown by colour alone");
            assertFalse(box.selectFirst(".keypoint__headline").text().isBlank());
            Document en = page("en/" + e.getKey() + "/index.html");
            assertEquals(e.getValue(), en.select("section.keypoint .keypoint__points > li").size(), "en " + e.getKey());
        }
    }

    @Test
    void basicInformationFiguresAreFormattedPerLanguage() {
        Element ja = page("ja/saitama/index.html").selectFirst("table.basic-info");
        assertEquals("人口", ja.selectFirst("tr th").text());
        assertEquals("7,326,804人", ja.selectFirst("tr td").text());
        assertEquals(4, ja.select("tr th[scope=row]").size());
        Element en = page("en/saitama/index.html").selectFirst("table.basic-info");
        assertEquals("7,326,804 people", en.selectFirst("tr td").text());
        String kawaguchi = page("ja/kawaguchi/index.html").selectFirst("table.basic-info").text();
        assertTrue(kawaguchi.contains("607,651人（令和6年10月1日現在）"), kawaguchi);
        assertTrue(kawaguchi.contains("438床（認知症病床を含む）"), kawaguchi);
        String hasuda = page("ja/hasuda/index.html").selectFirst("table.basic-info").text();
        assertTrue(hasuda.contains("75人（2023年6月30日時点）"), hasuda);
        assertTrue(page("en/kawaguchi/index.html").selectFirst("table.basic-info").text().contains("607,651 people (as of 1 October 2024)"));
    }

    @Test
    void topPageHasTitleBlockAndTableOfContents() {
        Document ja = page("ja/index.html");
        assertTrue(ja.selectFirst("h1").text().contains("取組事例集"));
        assertTrue(ja.text().contains("厚生労働省 社会・援護局 障害保健福祉部 精神・障害保健課"));
        assertTrue(ja.text().contains("2025(令和7)年3月"));
        Element toc = ja.selectFirst("nav.contents");
        List<String> hrefs = toc.select("a.contents__link").eachAttr("href");
        assertEquals(SLUGS.stream().map(s -> s + "/index.html").toList(), hrefs.subList(0, SLUGS.size()));
        assertTrue(toc.select("a[href='saitama/index.html#basic-info']").size() == 1, "main sections listed");
        assertEquals("取組事例", toc.selectFirst("#group-cases").text());
    }

    @Test
    void previousAndNextFollowCollectionOrder() {
        for (int i = 0; i < SLUGS.size(); i++) {
            Document d = page("ja/" + SLUGS.get(i) + "/index.html");
            Element prev = d.selectFirst("a[rel=prev]");
            Element next = d.selectFirst("a[rel=next]");
            if (i == 0) assertEquals(null, prev); else assertEquals("../" + SLUGS.get(i - 1) + "/index.html", prev.attr("href"));
            if (i == SLUGS.size() - 1) assertEquals(null, next); else assertEquals("../" + SLUGS.get(i + 1) + "/index.html", next.attr("href"));
        }
    }

    @Test
    void languageSwitcherAndAlternatesPointAtTheTwin() {
        Document ja = page("ja/hasuda/index.html");
        assertEquals("ja", ja.selectFirst("html").attr("lang"));
        assertEquals("../../en/hasuda/index.html", ja.selectFirst(".lang-switch a[hreflang=en]").attr("href"));
        assertEquals(3, ja.select("link[rel=alternate][hreflang]").size());
        assertEquals("en", page("en/hasuda/index.html").selectFirst("html").attr("lang"));
    }

    @Test
    void everyInternalLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Document> cache = new HashMap<>();
        List<Path> pages;
        try (Stream<Path> s = Files.walk(out)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path p : pages) {
            Document d = cache.computeIfAbsent(p, RealContentBuildTest::parse);
            for (Element el : d.select("[href], [src]")) {
                String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                URI uri = URI.create(ref);
                if (uri.getScheme() != null) continue;
                assertFalse(ref.startsWith("/"), "root-relative link " + ref + " in " + p);
                Path target = uri.getPath() == null || uri.getPath().isEmpty() ? p : p.getParent().resolve(uri.getPath()).normalize();
                if (Files.isDirectory(target)) { broken.add(out.relativize(p) + ": " + ref + " (a folder: breaks from disk)"); continue; }
                if (!Files.isRegularFile(target)) { broken.add(out.relativize(p) + ": " + ref); continue; }
                String frag = uri.getFragment();
                if (frag != null && !frag.isEmpty() && target.toString().endsWith(".html")
                        && cache.computeIfAbsent(target, RealContentBuildTest::parse).getElementById(frag) == null) {
                    broken.add(out.relativize(p) + ": " + ref + " (no such id)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    private static Document parse(Path p) {
        try {
            return Jsoup.parse(p.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void englishPagesHaveNoJapaneseOutsideLangJa() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out.resolve("en"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".html")).sorted().toList()) {
                Document d = parse(p);
                d.select("head").remove();
                d.traverse((Node n, int depth) -> {
                    if (n instanceof TextNode t && Cjk.containsJapanese(t.text())) {
                        Element owner = (Element) t.parent();
                        boolean ja = false;
                        for (Element e = owner; e != null; e = e.parent()) {
                            if (e.hasAttr("lang")) { ja = e.attr("lang").equals("ja"); break; }
                        }
                        if (!ja) found.add(out.relativize(p) + ": " + t.text().strip());
                    }
                });
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void translationsMatchTheOriginalsInStructure() {
        List<String> parity = result.diagnostics().sorted().stream().map(Diagnostic::toString)
                .filter(m -> m.contains("parity:")).toList();
        assertEquals(List.of(), parity);
        for (String slug : SLUGS) {
            Document ja = page("ja/" + slug + "/index.html");
            Document en = page("en/" + slug + "/index.html");
            assertEquals(ja.select("main h2[id], main h3[id]").eachAttr("id"), en.select("main h2[id], main h3[id]").eachAttr("id"), slug);
            assertEquals(ja.select(".article__body li").size(), en.select(".article__body li").size(), slug);
            assertEquals(ja.select(".turn").size(), en.select(".turn").size(), slug);
        }
    }

    @Test
    void roundTableMarksEverySpeaker() {
        Document d = page("ja/roundtable/index.html");
        List<Element> turns = d.select(".dialogue .turn");
        assertEquals(27, turns.size());
        for (Element t : turns) {
            assertNotNull(t.selectFirst(".speaker-mark[aria-hidden=true]"));
            assertFalse(t.selectFirst(".speaker .visually-hidden").text().isBlank(), "screen readers hear who speaks");
        }
        assertTrue(d.selectFirst(".turn--mod .visually-hidden").text().contains("岩上洋一氏"));
        // one entry per person (川 stands for two), each naming mark, name and affiliation; no table
        assertEquals(6, d.select("ul.participants > li.participant").size());
        assertTrue(d.select("table.participants").isEmpty());
        for (Element p : d.select("li.participant")) {
            assertNotNull(p.selectFirst(".participant__mark .speaker-mark"), p.outerHtml());
            assertFalse(p.select(".participant__name dd").text().isBlank(), p.outerHtml());
            assertFalse(p.select(".participant__affiliation dd").text().isBlank(), p.outerHtml());
        }
        assertEquals("司会", d.selectFirst(".participant--mod .participant__role dd").text());
    }

    @Test
    void japaneseLineBreaksDoNotBecomeSpaces() {
        String intro = page("ja/index.html").selectFirst(".intro").text();
        assertTrue(intro.contains("構築支援事業に関する情報は、下記のポータルサイト"), intro);
        String en = page("en/index.html").selectFirst(".intro").text();
        assertTrue(en.contains("Community-Based Integrated Care"), en);
    }

    @Test
    void glossaryTermsLinkOnFirstUse() {
        Document d = page("ja/saitama/index.html");
        List<Element> links = d.select("a.term[href$=#public-health-center]");
        assertEquals(1, links.size(), "only the first use links");
        assertTrue(Files.isRegularFile(out.resolve("ja/glossary/index.html")));
        assertNotNull(page("en/glossary/index.html").getElementById("public-health-center"));
    }
}
