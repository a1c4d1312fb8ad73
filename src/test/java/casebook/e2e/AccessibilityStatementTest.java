package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
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
 * writes (and no other), each with its edition, from the gates' figures in data.yaml, or, for a page added since
 * they were recorded, in its list of pages not yet tested ({@link GateChecks}); and the English top page gives
 * the collection's title once below the header.
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

    private static Document parse(Path p) throws IOException {
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> recorded(Map<String, Object> data) {
        return (Map<String, Map<String, Object>>) data.get("pages");
    }

    /**
     * Each statement names every page the build writes: with the results recorded in data.yaml, or as not yet
     * tested (a page added since the last refresh); data.yaml's totals agree with its own pages.
     */
    @Test
    void everyPageTheBuildWritesIsRecordedOrListedAsNotYetTested() throws IOException {
        List<String> statements = GateChecks.statementAccountsForEveryPage(site);
        assertEquals(2, statements.size(), "a statement in each language: " + statements);
        Map<String, Object> data = new Yaml().load(Files.readString(Path.of("content/accessibility/data.yaml")));
        TreeSet<String> tested = new TreeSet<>();
        recorded(data).values().forEach(p -> tested.add(String.valueOf(p.get("path"))));
        for (String statement : statements) {
            TreeSet<String> listed = new TreeSet<>();
            parse(site.resolve(statement))
                    .select("dl.page-results > dt")
                    .forEach(dt -> listed.add(GateChecks.pathOf(dt)));
            TreeSet<String> expected = new TreeSet<>(tested);
            expected.retainAll(GateChecks.builtPages(site));
            assertEquals(
                    expected, listed, statement + ": the recorded pages the build still writes, with their results");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> html = (Map<String, Object>) data.get("html");
        assertEquals(tested.size(), ((Number) html.get("pages")).intValue(), "html.pages: the pages data.yaml records");
    }

    /**
     * A page the results do not name (here the first recorded page of the collection, taken out of a copy's
     * data.yaml) is listed as not yet tested in both statements, and check notes it once, at the results file, with
     * the refresh command;
     * a recorded page the collection no longer has is left out.
     */
    @Test
    void aPageWithoutResultsIsListedAsNotYetTestedAndNoted(@TempDir Path tmp) throws IOException {
        Path content = NewCaseOnACopyTest.copy(Path.of("content"), tmp.resolve("content"));
        Path dataFile = content.resolve("accessibility/data.yaml");
        Map<String, Object> data = new Yaml().load(Files.readString(dataFile));
        Map<String, Map<String, Object>> pages = recorded(data);
        String key = pages.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("path")).matches("ja/[^/]+/index\\.html")
                        && !String.valueOf(e.getValue().get("path")).startsWith("ja/accessibility/")
                        && Files.isDirectory(content.resolve(
                                String.valueOf(e.getValue().get("path")).split("/")[1])))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        String untested = String.valueOf(pages.remove(key).get("path"));
        pages.put(
                "ja-gone",
                new LinkedHashMap<>(Map.of("path", "ja/gone-page/index.html", "lang", "ja", "title", "消えたページ")));
        Files.writeString(dataFile, new Yaml().dump(data));
        Path out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        String messages = SiteFixture.messages(r).replace('\\', '/');
        // once, at the results file both statements read (not once per statement)
        assertEquals(
                1,
                messages.lines()
                        .filter(l -> l.contains("accessibility/data.yaml:1:1: note: not yet tested: ")
                                && l.contains(untested)
                                && l.contains("cp target/qa/results.yaml "
                                        + dataFile.toString().replace('\\', '/')))
                        .count(),
                messages);
        assertEquals(
                1, messages.lines().filter(l -> l.contains("not yet tested: ")).count(), messages);
        assertFalse(messages.contains("gone-page"), messages);
        List<String> statements = GateChecks.statementAccountsForEveryPage(out);
        assertEquals(2, statements.size(), statements.toString());
        for (String statement : statements) {
            Document d = parse(out.resolve(statement));
            // (besides any page the committed results do not name yet)
            List<String> listed = d.select("ul.page-results__untested > li").stream()
                    .map(GateChecks::pathOf)
                    .toList();
            assertTrue(listed.contains(untested), statement + ": " + listed);
            assertFalse(
                    d.select("dl.page-results > dt").stream()
                            .map(GateChecks::pathOf)
                            .anyMatch(untested::equals),
                    statement + ": " + untested + " has no results to show");
            assertFalse(d.text().contains("gone-page"), statement + ": a page the collection no longer has");
        }
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
