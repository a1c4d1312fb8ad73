package casebook.markdown;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image without alternative text is an error at the image, unless it is marked decorative. */
class ImageAltTest {
    @TempDir
    Path tmp;

    private BuildResult build(String body, String... images) throws Exception {
        Path c = SiteFixture.write(
                tmp.resolve("c"),
                "-- site.yaml --\n" + SITE_YAML + "order:\n  - a\n" + "-- a/index.ja.md --\n---\ntitle: ページA\n---\n"
                        + body);
        for (String f : images) {
            Files.write(c.resolve("a").resolve(f), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        }
        return SiteFixture.build(c, tmp.resolve("out"));
    }

    private List<String> problems(BuildResult r) {
        return r.diagnostics().kept().stream()
                .filter(d -> d.severity() != Severity.NOTE)
                .map(Diagnostic::toString)
                .toList();
    }

    @Test
    void anEmptyAltIsAnErrorAtTheImageWithTheFix() throws Exception {
        BuildResult r = build("本文\n\n図は次のとおり。![](figure1.png)\n\n![ ](figure2.png)\n", "figure1.png", "figure2.png");
        Path page = tmp.resolve("c/a/index.ja.md");
        assertEquals(
                List.of(
                        page + ":6:9: error: image \"figure1.png\" has no alternative text, so a screen reader cannot"
                                + " say what it shows (fix: describe the image in the brackets: ![…](figure1.png); if it"
                                + " only decorates the page, mark it: ![](figure1.png \"decorative\"))",
                        page + ":8:1: error: image \"figure2.png\" has no alternative text, so a screen reader cannot"
                                + " say what it shows (fix: describe the image in the brackets: ![…](figure2.png); if it"
                                + " only decorates the page, mark it: ![](figure2.png \"decorative\"))"),
                problems(r));
        assertFalse(Files.exists(tmp.resolve("out/ja/a/index.html")), "an error publishes nothing");
    }

    @Test
    void aDecorativeImageIsPublishedWithAnEmptyAltAndNoWarning() throws Exception {
        BuildResult r =
                build("![](line.png \"decorative\")\n\n![体制図](figure1.png \"図1\")\n", "line.png", "figure1.png");
        assertEquals(List.of(), problems(r));
        Document d = Jsoup.parse(tmp.resolve("out/ja/a/index.html").toFile(), "UTF-8");
        Element line = d.selectFirst("img[src=line.png]");
        assertTrue(line.hasAttr("alt"), line.outerHtml());
        assertEquals("", line.attr("alt"));
        assertFalse(line.hasAttr("title"), "the marker is not shown to readers: " + line.outerHtml());
        Element fig = d.selectFirst("img[src=figure1.png]");
        assertEquals("体制図", fig.attr("alt"));
        assertEquals("図1", fig.attr("title"), "other titles are kept");
    }
}
