package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Each removal is reported at its line": what the HTML parser drops on its own (a doctype, end tags that close
 * nothing) is a warning at its line and column saying what and why, and the page is as the warning says; raw HTML
 * that loses nothing gets no warning.
 */
class SilentRemovalsTest {
    @TempDir
    Path tmp;

    static final String PAGE = "a/index.ja.md";

    record Case(String name, String body, List<String> warnings, String mainHtml) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String w(int line, int col, String what) {
        return ":" + line + ":" + col + ": warning: raw HTML removed: " + what;
    }

    static final String STRAY = " (it closes no element that is open here, so the browser ignores it)";

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "doctype in Markdown",
                        "<!DOCTYPE html><p>q</p>",
                        List.of(w(5, 1, "<!DOCTYPE html> (a page has one doctype, the theme's")),
                        "<p>q</p>"),
                new Case(
                        "stray end tags in a paragraph",
                        "z </div> w </span>",
                        List.of(w(5, 3, "</div>" + STRAY), w(5, 12, "</span>" + STRAY)),
                        "<p>z w</p>"),
                new Case(
                        "end tags after a tag Markdown reads as text",
                        "<a/href=x>t</a></b>",
                        List.of(w(5, 12, "</a>" + STRAY), w(5, 16, "</b>" + STRAY)),
                        "<p>&lt;a/href=x&gt;t</p>"),
                new Case(
                        "an end tag whose start is in another paragraph",
                        "<span>x\n\ny</span>",
                        List.of(w(7, 2, "</span>" + STRAY)),
                        "<p><span>x</span></p><p>y</p>"),
                new Case("balanced inline tags", "前 <span>中</span> <b>強</b> 後", List.of(), null),
                new Case("a div around Markdown", "<div class=\"box\">\n\n*x*\n\n</div>", List.of(), null),
                new Case(
                        "void and self-closed tags",
                        "a<br>b<br/>c <img src=\"p.png\" alt=\"\"/>\n-- a/p.png --\npng",
                        List.of(),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void whatTheParserDropsIsReportedAtItsLine(Case c) throws Exception {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a]\n-- " + PAGE
                        + " --\n---\ntitle: ページA\n---\n\n" + c.body() + "\n");
        Path out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        String messages = SiteFixture.messages(r);
        String page = content.resolve(PAGE).toString().replace('\\', '/');
        for (String e : c.warnings()) {
            assertTrue(messages.contains(page + e), "expected\n" + page + e + "\nin\n" + messages);
        }
        List<Diagnostic> here = r.diagnostics().kept().stream()
                .filter(d -> d.severity() != Severity.NOTE)
                .filter(d -> d.toString().startsWith(page + ":"))
                .toList();
        assertEquals(c.warnings().size(), here.size(), messages);
        assertFalse(r.diagnostics().hasErrors(), messages);
        assertEquals(!c.warnings().isEmpty(), r.failed(true), "a removal fails the build under --strict");
        if (c.mainHtml() != null) {
            Document doc = Jsoup.parse(out.resolve("ja/a/index.html").toFile(), "UTF-8");
            String body = doc.selectFirst("main").html().replaceAll(">\\s+<", "><");
            assertTrue(body.contains(c.mainHtml()), body);
        }
    }
}
