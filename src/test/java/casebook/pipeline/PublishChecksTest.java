package casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.output.OutputTree;
import casebook.publish.PageWeights;
import casebook.testing.SiteFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page-weight budget on a built site: what the generated pages load, and what an over-budget error says. */
class PublishChecksTest {
    static final String CONTENT = "-- site.yaml --\n" + SiteFixture.SITE_YAML + """
            order: [alpha]
            -- index.ja.md --
            ---
            title: 事例集
            ---
            事例集のトップです。
            -- glossary.yaml --
            - id: public-health-center
              ja: 保健所
              en: public health center
              definition: {ja: 地域の保健の拠点。, en: A regional public health office.}
            -- alpha/index.ja.md --
            ---
            title: アルファ市
            ---
            ## 基本情報 {#basic-info}

            :::basic-info
            :::
            -- alpha/data.yaml --
            category: core-city
            basic_info:
              - item: population
                value: 500000
                unit: people
              - item: beds
                value: 400
                unit: beds
            """;

    private static BuildResult build(Path content, String baseUrl) {
        BuildOptions o = BuildOptions.defaults()
                .withContent(content)
                .withOut(content.resolveSibling("site"))
                .withWrite(false);
        return Build.run(baseUrl == null ? o : o.withBaseUrl(baseUrl));
    }

    private static PageWeights.Weight weight(List<PageWeights.Weight> ws, String page) {
        return ws.stream().filter(w -> w.page().equals(page)).findFirst().orElseThrow(() -> new AssertionError(page));
    }

    private static long sizeOf(OutputTree out, List<String> files) {
        long n = 0;
        for (String f : files) {
            n += out.get(f).length;
        }
        return n;
    }

    @Test
    void theSearchPageCountsItsIndexAndThe404ItsAbsoluteAssets(@TempDir Path tmp) {
        Path content = SiteFixture.write(tmp.resolve("content"), CONTENT);
        String base = "https://www.example.go.jp/casebook/";
        BuildResult r = build(content, base);
        assertEquals(List.of(), SiteFixture.errors(r), SiteFixture.messages(r));
        OutputTree out = r.output();
        List<PageWeights.Weight> ws = PublishChecks.run(
                out, content, r.site(), base, 500, PublishChecks.References.DIRECT, new Diagnostics());

        PageWeights.Weight search = weight(ws, "ja/search/index.html");
        assertTrue(search.loads().contains("ja/search/index.js"), "the index search.js loads: " + search.loads());
        assertTrue(search.loads().contains("assets/search.js") && search.loads().contains("assets/style.css"));
        assertFalse(search.loads().contains("en/search/index.js"), "only its own language's index");
        assertEquals(sizeOf(out, search.loads()), search.assets());
        assertTrue(search.assets() > out.get("ja/search/index.js").length, "the index and the page's own files");

        String notFound = new String(out.get("404.html"), StandardCharsets.UTF_8);
        assertTrue(notFound.contains(base + "assets/style.css"), "the 404 page links its stylesheet by address");
        PageWeights.Weight nf = weight(ws, "404.html");
        assertTrue(nf.loads().contains("assets/style.css"), "the absolute URL is the site's file: " + nf.loads());
        assertEquals(sizeOf(out, nf.loads()), nf.assets());

        // the same output weighed without knowing the address: the absolute URLs leave the site
        List<PageWeights.Weight> unknown = PublishChecks.run(
                out, content, r.site(), null, 500, PublishChecks.References.DIRECT, new Diagnostics());
        assertFalse(weight(unknown, "404.html").loads().contains("assets/style.css"));
    }

    @Test
    void aGeneratedPageOverBudgetPointsAtWhatTheEditorCanChange(@TempDir Path tmp) {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                CONTENT.replace("published: 2025-03", "published: 2025-03\npage_budget_kb: 20"));
        BuildResult r = build(content, null);
        List<String> errors =
                SiteFixture.errors(r).stream().map(Diagnostic::toString).toList();
        Path yaml = content.resolve("site.yaml");
        int line = 6; // the line after published in SITE_YAML
        assertEquals(
                "page_budget_kb: 20",
                SiteFixture.read(yaml).lines().toList().get(line - 1),
                "the test knows the budget's line");

        String compare = find(errors, "ja/compare/index.html weighs");
        assertTrue(compare.startsWith(yaml + ":" + line + ":1: error: the comparison page "), compare);
        assertTrue(compare.contains(content.resolve("alpha/data.yaml").toString()), "names the data file: " + compare);
        assertTrue(compare.contains("raise page_budget_kb in " + yaml + " (now 20)"), compare);
        assertFalse(compare.contains("pictures"), "no advice about pictures it does not have: " + compare);

        String data = find(errors, "en/data/index.html weighs");
        assertTrue(data.startsWith(yaml + ":" + line + ":1: error: the open-data page "), data);

        String search = find(errors, "ja/search/index.html weighs");
        assertTrue(search.startsWith(yaml + ":" + line + ":1:"), search);
        assertTrue(search.contains("ja/search/index.js"), "names the index: " + search);

        String glossary = find(errors, "ja/glossary/index.html weighs");
        assertTrue(glossary.startsWith(content.resolve("glossary.yaml") + ":1:1:"), glossary);

        String top = find(errors, "ja/index.html weighs");
        assertTrue(top.startsWith(content.resolve("index.ja.md") + ":1:1:"), top);
        String enTop = find(errors, "en/index.html weighs");
        assertTrue(enTop.startsWith(yaml + ":" + line + ":1:"), "no index.en.md: the budget's line: " + enTop);

        String theme = find(errors, " 404.html weighs");
        assertTrue(theme.startsWith(yaml + ":" + line + ":1:") && theme.contains("made by the theme"), theme);

        String page = find(errors, "ja/alpha/index.html weighs");
        assertTrue(page.startsWith(content.resolve("alpha/index.ja.md") + ":1:1:"), page);
        for (String e : errors) {
            assertFalse(e.matches("^[a-z]{2}/.*|^404\\.html.*|^index\\.html.*"), "no output path as the place: " + e);
        }
    }

    @Test
    void withoutABudgetLineTheHintSaysToAddOne(@TempDir Path tmp) {
        Path content = SiteFixture.write(tmp.resolve("content"), CONTENT);
        BuildResult r = build(content, null);
        Diagnostics d = new Diagnostics();
        PublishChecks.run(r.output(), content, r.site(), null, 20, PublishChecks.References.DIRECT, d);
        String compare = find(d.kept().stream().map(Diagnostic::toString).toList(), "ja/compare/index.html weighs");
        assertTrue(compare.startsWith(content.resolve("site.yaml") + ":1:1:"), compare);
        assertTrue(compare.contains("add page_budget_kb to " + content.resolve("site.yaml") + " (now 20)"), compare);
    }

    private static String find(List<String> errors, String part) {
        return errors.stream()
                .filter(e -> e.contains(part))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no error with " + part + " in " + errors));
    }
}
