package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.safety.UrlPolicy;
import casebook.testing.SiteFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * README: "nothing is loaded from another site". A picture or anything else a browser loads without a click
 * (img src and srcset, video and audio sources, poster, object, embed, input type=image, SVG image href,
 * stylesheets) from another site is an error at its line and column with the fix, and is not on the page:
 * the in-memory output of check is parsed and no element in it loads anything from another origin. Links to
 * other sites stay.
 */
class ForeignResourcesTest {
    @TempDir
    Path tmp;

    static final String PAGE = "a/index.ja.md";

    /** One page whose body starts on line 5. */
    static String page(String body) {
        return "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a]\n-- " + PAGE + " --\n---\ntitle: ページA\n---\n\n"
                + body + "\n";
    }

    record Case(String name, String body, List<String> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, String body, String... errors) {
        return new Case(name, body, List.of(errors));
    }

    static String image(int line, int col, String url) {
        return ":" + line + ":" + col + ": error: image \"" + url + "\" is on another site: " + UrlPolicy.RESOURCE_RULE
                + " (fix: " + UrlPolicy.RESOURCE_HINT + ")";
    }

    static String raw(int line, int col, String what) {
        return ":" + line + ":" + col + ": error: raw HTML removed: " + what + " (" + UrlPolicy.RESOURCE_RULE
                + ") (fix: " + UrlPolicy.RESOURCE_HINT + ")";
    }

    static String warning(int line, int col, String what) {
        return ":" + line + ":" + col + ": warning: raw HTML removed: " + what;
    }

    static Stream<Case> cases() {
        return Stream.of(
                c(
                        "markdown image over http",
                        "![pixel](http://tracker.example/p.png?id=reader)",
                        image(5, 1, "http://tracker.example/p.png?id=reader")),
                c(
                        "markdown image in a paragraph",
                        "本文 ![pixel](https://tracker.example/p.png) 本文",
                        image(5, 4, "https://tracker.example/p.png")),
                c(
                        "reference image",
                        "![pixel][t]\n\n[t]: HTTPS://tracker.example/p.png",
                        image(5, 1, "HTTPS://tracker.example/p.png")),
                c(
                        "raw img",
                        "<img src=\"https://tracker.example/q.gif\" alt=\"\">",
                        raw(5, 11, "src=\"https://tracker.example/q.gif\" from <img>")),
                c(
                        "inline raw img",
                        "前 <img alt=\"x\" src=https://tracker.example/q.gif> 後",
                        raw(5, 20, "src=\"https://tracker.example/q.gif\" from <img>")),
                c(
                        "img srcset",
                        "<img src=\"a.png\" srcset=\"a.png 1x, https://tracker.example/b.png 2x\" alt=\"\">\n-- a/a.png --\npng",
                        raw(5, 26, "srcset=\"a.png 1x, https://tracker.example/b.png 2x\" from <img>")),
                c(
                        "video src and poster",
                        "<video src=\"https://tracker.example/v.mp4\" poster=\"https://tracker.example/p.jpg\"></video>",
                        warning(5, 1, "<video>"),
                        raw(5, 13, "src=\"https://tracker.example/v.mp4\" from <video>"),
                        raw(5, 52, "poster=\"https://tracker.example/p.jpg\" from <video>")),
                c(
                        "audio, source and track",
                        "<audio><source src=\"https://tracker.example/a.mp3\"><track src=\"https://tracker.example/t.vtt\"></audio>",
                        warning(5, 1, "<audio>"),
                        warning(5, 8, "<source>"),
                        raw(5, 21, "src=\"https://tracker.example/a.mp3\" from <source>"),
                        warning(5, 52, "<track>"),
                        raw(5, 64, "src=\"https://tracker.example/t.vtt\" from <track>")),
                c(
                        "object and embed",
                        "<object data=\"https://tracker.example/o.swf\"></object><embed src=\"https://tracker.example/e.swf\">",
                        warning(5, 1, "<object>"),
                        raw(5, 15, "data=\"https://tracker.example/o.swf\" from <object>"),
                        warning(5, 55, "<embed>"),
                        raw(5, 67, "src=\"https://tracker.example/e.swf\" from <embed>")),
                c(
                        "input type=image",
                        "<p><input type=\"image\" src=\"https://tracker.example/i.png\"></p>",
                        warning(5, 4, "<input>"),
                        raw(5, 29, "src=\"https://tracker.example/i.png\" from <input>")),
                c(
                        "svg image href",
                        "<p><svg><image href=\"https://tracker.example/s.png\"/><image xlink:href=\"https://tracker.example/x.png\"/></svg></p>",
                        warning(5, 4, "<svg>"),
                        warning(5, 9, "<image>"),
                        raw(5, 22, "href=\"https://tracker.example/s.png\" from <image>"),
                        warning(5, 54, "<image>"),
                        raw(5, 73, "xlink:href=\"https://tracker.example/x.png\" from <image>")),
                c(
                        "stylesheet from another site",
                        "<link rel=\"stylesheet\" href=\"https://tracker.example/s.css\">",
                        warning(5, 1, "<link>"),
                        raw(5, 30, "href=\"https://tracker.example/s.css\" from <link>")));
    }

    /** Attributes whose URL a browser loads by itself, whatever the element. */
    static final Set<String> LOADING = Set.of("src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc");

    /** Every URL in {@code html} that a browser would load from another origin without a click. */
    static List<String> foreignLoads(String html) {
        List<String> found = new ArrayList<>();
        for (Element e : Jsoup.parse(html).getAllElements()) {
            e.attributes().forEach(a -> {
                String key = a.getKey().toLowerCase();
                boolean loads = LOADING.contains(key)
                        || (key.equals("href") || key.equals("xlink:href"))
                                && Set.of("link", "image", "use", "feimage", "script")
                                        .contains(e.normalName());
                if (!loads) {
                    return;
                }
                for (String candidate : a.getValue().split(",")) {
                    String url = candidate.strip().split("\\s+", 2)[0];
                    if (!url.isEmpty() && !UrlPolicy.isRelative(url)) {
                        found.add(e.normalName() + " " + key + "=" + url);
                    }
                }
            });
        }
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aResourceFromAnotherSiteIsAnErrorAndNeverOnThePage(Case c) throws Exception {
        Path content = SiteFixture.write(tmp.resolve("content"), page(c.body()));
        Path out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        String messages = SiteFixture.messages(r);
        String page = content.resolve(PAGE).toString().replace('\\', '/');
        for (String e : c.errors()) {
            assertTrue(messages.contains(page + e), "expected\n" + page + e + "\nin\n" + messages);
        }
        List<Diagnostic> here = r.diagnostics().kept().stream()
                .filter(d -> d.severity() != Severity.NOTE)
                .filter(d -> d.toString().startsWith(page + ":"))
                .toList();
        assertEquals(c.errors().size(), here.size(), messages);
        assertTrue(r.diagnostics().hasErrors(), messages);
        assertFalse(Files.exists(out.resolve("ja/a/index.html")), "a build with errors publishes nothing");
        // what check and the preview server render, errors or not
        BuildResult memory = Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("memory"))
                .withWrite(false));
        String html = new String(memory.output().files().get("ja/a/index.html"), StandardCharsets.UTF_8);
        assertEquals(List.of(), foreignLoads(html), html);
        assertTrue(html.contains("<main") || html.contains("<article"), "the page was rendered");
    }

    @Test
    void linksToOtherSitesAndPicturesOfTheSiteStay() throws Exception {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                page("[省のサイト](https://www.mhlw.go.jp/) <a href=\"https://example.jp/\">例</a>\n\n"
                                + "![図1](figure1.png)\n\n<img src=\"figure1.png\" alt=\"図1\">")
                        + "-- a/figure1.png --\npng\n");
        Path out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        assertFalse(r.diagnostics().hasErrors(), SiteFixture.messages(r));
        Map<String, String> hrefs = new TreeMap<>();
        var doc = Jsoup.parse(out.resolve("ja/a/index.html").toFile(), "UTF-8");
        doc.select("main a[href^=https]").forEach(a -> hrefs.put(a.text(), a.attr("href")));
        assertEquals(Map.of("省のサイト", "https://www.mhlw.go.jp/", "例", "https://example.jp/"), hrefs);
        assertEquals(2, doc.select("main img[src=figure1.png]").size());
        assertEquals(List.of(), foreignLoads(doc.outerHtml()));
    }
}
