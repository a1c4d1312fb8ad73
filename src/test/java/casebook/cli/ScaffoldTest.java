package casebook.cli;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.build.BuildResult;
import casebook.testing.SiteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldTest {
    @TempDir Path tmp;

    @Test
    void newCaseCreatesEveryConstructAndBuilds() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), "-- site.yaml --\n" + SITE_YAML
                + "groups:\n  cases: {ja: 取組事例, en: Case studies}\norder:\n  - intro\n-- intro/index.ja.md --\n---\ntitle: 序\n---\n");
        assertEquals(0, Main.run(new String[] {"new", "case", "nagano", "--content", c.toString(), "--quiet"}));
        assertTrue(Files.isRegularFile(c.resolve("nagano/index.ja.md")));
        assertTrue(Files.isRegularFile(c.resolve("nagano/index.en.md")));
        assertTrue(Files.isRegularFile(c.resolve("nagano/data.yaml")));
        assertTrue(Files.readString(c.resolve("site.yaml")).contains("  - intro\n  - nagano\n"));
        BuildResult r = SiteFixture.build(c, tmp.resolve("out"));
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        assertEquals(0, r.diagnostics().warningCount(), () -> SiteFixture.messages(r));
        Document d = Jsoup.parse(tmp.resolve("out/ja/nagano/index.html").toFile(), "UTF-8");
        assertEquals(3, d.select(".keypoint__points li").size());
        assertEquals(4, d.select("table.basic-info tr").size());
        assertEquals("../intro/index.html", d.selectFirst("a[rel=prev]").attr("href"));
    }

    @Test
    void existingOrInvalidSlugIsRefused() {
        Path c = SiteFixture.write(tmp.resolve("c"), "-- site.yaml --\n" + SITE_YAML + "-- taken/index.ja.md --\n---\ntitle: x\n---\n");
        assertEquals(2, Main.run(new String[] {"new", "case", "taken", "--content", c.toString()}));
        assertEquals(2, Main.run(new String[] {"new", "page", "Bad Slug", "--content", c.toString()}));
        assertEquals(2, Main.run(new String[] {"new", "thing", "x", "--content", c.toString()}));
        assertEquals(0, Main.run(new String[] {"new", "page", "about", "--content", c.toString(), "--quiet"}));
    }
}
