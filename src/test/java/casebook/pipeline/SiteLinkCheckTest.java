package casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.testing.SiteFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link stage knows a page's template ids from the theme's templates, as the templates write them. */
class SiteLinkCheckTest {
    @TempDir
    Path tmp;

    static final String CONTENT = "-- site.yaml --\n" + SiteFixture.SITE_YAML + """
            order: [a, b]
            -- index.ja.md --
            ---
            title: 事例集
            ---
            トップ。
            -- a/index.ja.md --
            ---
            title: A
            ---
            [検索欄](../b/index.html#site-search-q)、[本文](../b/index.html#main)、[上へ](#top)、[目次](../b/index.html#page-toc)
            -- b/index.ja.md --
            ---
            title: B
            ---
            B の本文。
            """;

    @Test
    void anchorsTheTemplatesWriteResolveAndOthersDoNot() throws Exception {
        Path content = SiteFixture.write(tmp.resolve("content"), CONTENT);
        BuildResult r = Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("site"))
                .withWrite(false));
        List<String> errors =
                SiteFixture.errors(r).stream().map(Diagnostic::toString).toList();
        // only the anchor no template writes is reported: #page-toc was once listed by hand, but no template has it
        assertEquals(1, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).contains("#page-toc"), errors.get(0));
        assertTrue(errors.get(0).contains("a/index.ja.md:4:"), errors.get(0));
        // the anchors that passed are in the page as rendered
        Document b = Jsoup.parse(new String(r.output().get("ja/b/index.html"), StandardCharsets.UTF_8));
        for (String id : List.of("site-search-q", "main", "top")) {
            assertEquals(1, b.select("[id=" + id + "]").size(), id);
        }
        assertEquals(0, b.select("[id=page-toc]").size());
    }
}
