package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The published accessibility statement against the real build: its results by page name every page the build
 * writes (and no other), each with its edition, from the gates' figures in data.yaml; and the English top page
 * gives the collection's title once below the header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityStatementTest {
    private Path site;

    @BeforeAll
    void build(@TempDir Path tmp) {
        site = tmp.resolve("site");
        BuildResult r = SiteFixture.build(Path.of("content"), site);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
    }

    private TreeSet<String> builtPages() throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
        }
    }

    private static Document parse(Path p) throws IOException {
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    @Test
    void theTestedPagesAreExactlyThePagesTheBuildWrites() throws IOException {
        Map<String, Object> data = new Yaml().load(Files.readString(Path.of("content/accessibility/data.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> pages = (Map<String, Map<String, Object>>) data.get("pages");
        TreeSet<String> tested = new TreeSet<>();
        pages.values().forEach(p -> tested.add(String.valueOf(p.get("path"))));
        assertEquals(
                builtPages(),
                tested,
                "content/accessibility/data.yaml must hold the gates' results for every page the build writes:"
                        + " run the gates and publish target/qa/results.yaml (docs/accessibility.md)");
        @SuppressWarnings("unchecked")
        Map<String, Object> html = (Map<String, Object>) data.get("html");
        assertEquals(builtPages().size(), ((Number) html.get("pages")).intValue(), "html.pages");
    }

    @Test
    void eachStatementListsEveryPageWithItsEdition() throws IOException {
        TreeSet<String> built = builtPages();
        for (String lang : List.of("ja", "en")) {
            Document d = parse(site.resolve(lang + "/accessibility/index.html"));
            List<Element> dts = d.select("dl.page-results > dt");
            TreeSet<String> listed = new TreeSet<>();
            for (Element dt : dts) {
                String path = dt.selectFirst(".page-results__path").text().replaceAll("^[（( ]+|[）)]+$", "");
                listed.add(path);
                String label = dt.text();
                if (path.startsWith("ja/")) {
                    assertTrue(label.startsWith(lang.equals("ja") ? "日本語版：" : "Japanese edition: "), label);
                } else if (path.startsWith("en/")) {
                    assertTrue(label.startsWith(lang.equals("ja") ? "英語版：" : "English edition: "), label);
                }
                assertFalse(label.contains("言語選択") || label.contains("Language selection"), label);
            }
            assertEquals(built, listed, lang + ": the results by page");
            assertEquals(
                    List.of("index.html", "404.html"),
                    List.of(listed.size() > 0 ? pathOf(dts.get(0)) : "", pathOf(dts.get(dts.size() - 1))),
                    lang + ": the root first, the 404 page last");
        }
    }

    private static String pathOf(Element dt) {
        return dt.selectFirst(".page-results__path").text().replaceAll("^[（( ]+|[）)]+$", "");
    }

    @Test
    void theEnglishTopGivesTheTitleOnceBelowTheHeader() throws IOException {
        Document en = parse(site.resolve("en/index.html"));
        String title = en.selectFirst("h1").text();
        Element cover = en.selectFirst("main .cover");
        assertEquals(1, cover.text().split(Pattern.quote(title), -1).length - 1, cover.text());
        Element line = cover.selectFirst(".cover__subtitle");
        assertTrue(line == null || !title.contains(line.text()) && line.text().length() < 20, String.valueOf(line));
    }
}
