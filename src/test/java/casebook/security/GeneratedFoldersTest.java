package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A page folder of the content cannot take a folder the site's own pages are made in (glossary, search,
 * compare, data): it would be replaced by the generated page and its body published nowhere. Each is an error
 * at the page's file, and the build publishes nothing.
 */
class GeneratedFoldersTest {
    @TempDir
    Path tmp;

    private BuildResult build(String slug) {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a, " + slug + "]\n"
                        + "-- glossary.yaml --\n- id: term\n  ja: 用語\n  reading: {ja: ようご}\n  en: term\n  definition: {ja: 定義, en: definition}\n"
                        + "-- a/index.ja.md --\n---\ntitle: ページA\n---\n\n本文。\n"
                        + "-- " + slug + "/index.ja.md --\n---\ntitle: 隠れるページ\n---\n\n隠れる本文。\n");
        return SiteFixture.build(content, tmp.resolve("site"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"glossary, glossary page", "compare, comparison page", "data, open-data page", "search, search page"})
    void aPageFolderNamedLikeAGeneratedPageIsAnError(String folder, String what) {
        BuildResult r = build(folder);
        String messages = SiteFixture.messages(r);
        String file =
                tmp.resolve("content/" + folder + "/index.ja.md").toString().replace('\\', '/');
        String expected = file + ":1:1: error: the page folder \"" + folder + "\" is taken by the site's " + what
                + " (fix: rename the folder content/" + folder + "/";
        assertTrue(messages.contains(expected), () -> "expected\n" + expected + "\nin\n" + messages);
        List<Diagnostic> here = SiteFixture.errors(r).stream()
                .filter(e -> e.toString().startsWith(file))
                .toList();
        assertEquals(1, here.size(), messages);
        assertFalse(Files.exists(tmp.resolve("site")), "a failed build publishes nothing");
    }

    @Test
    void aFolderInsideOneIsAnErrorToo() {
        BuildResult r = build("data/x");
        String file = tmp.resolve("content/data/x/index.ja.md").toString().replace('\\', '/');
        assertTrue(
                SiteFixture.messages(r)
                        .contains(file + ":1:1: error: the page folder \"data\" is taken by the site's open-data page"),
                SiteFixture.messages(r));
    }

    @Test
    void aSimilarNameIsAPage() throws Exception {
        BuildResult r = build("glossary-notes");
        assertFalse(r.diagnostics().hasErrors(), SiteFixture.messages(r));
        Document page =
                Jsoup.parse(tmp.resolve("site/ja/glossary-notes/index.html").toFile(), "UTF-8");
        assertTrue(page.select("main").text().contains("隠れる本文。"), page.outerHtml());
        Document glossary =
                Jsoup.parse(tmp.resolve("site/ja/glossary/index.html").toFile(), "UTF-8");
        assertTrue(glossary.select("main").text().contains("用語"), glossary.outerHtml());
    }
}
