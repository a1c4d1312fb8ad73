package casebook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a page loads with itself, and its weight. */
class PageWeightsTest {

    @Test
    void countsWhatThePageLoadsOnceAndNotWhatItLinksTo() {
        Map<String, byte[]> files = new HashMap<>();
        files.put(
                "ja/a/index.html",
                ("<link rel=\"stylesheet\" href=\"../../assets/s.css\"><LINK REL='icon' href='../../i.svg'>"
                                + "<link rel=\"alternate\" href=\"../../en/a/index.html\">"
                                + "<img src=\"p.png\" srcset=\"p.png 1x, q.png 2x\"><script src=\"../../assets/s.css\"></script>"
                                + "<a href=\"../b/index.html\">b</a><imgx src=\"x.png\">")
                        .getBytes(StandardCharsets.UTF_8));
        files.put("assets/s.css", new byte[1000]);
        files.put("i.svg", new byte[10]);
        files.put("ja/a/p.png", new byte[200]);
        files.put("ja/a/q.png", new byte[300]);
        files.put("ja/a/x.png", new byte[5000]);
        files.put("ja/b/index.html", new byte[7]);
        files.put("en/a/index.html", new byte[9]);
        List<PageWeights.Weight> w = PageWeights.of(files.keySet(), files::get, p -> files.get(p).length);
        PageWeights.Weight a = w.stream()
                .filter(x -> x.page().equals("ja/a/index.html"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("assets/s.css", "i.svg", "ja/a/p.png", "ja/a/q.png"), a.loads());
        assertEquals(1510, a.assets());
        assertEquals("ja/a/index.html", w.get(0).page(), "largest first");
    }

    @Test
    void countsWhatItsStylesheetsAndStylesLoad() {
        Map<String, byte[]> files = new HashMap<>();
        files.put(
                "ja/a/index.html",
                ("<link rel=\"stylesheet\" href=\"../../assets/s.css\">"
                                + "<style>/* url(never.png) */ .x { background: url('bg.png') }</style>"
                                + "<div style=\"background-image: url(&quot;hero.png&quot;)\"></div>"
                                + "<p>url(text.png) in the text is not loaded</p>")
                        .getBytes(StandardCharsets.UTF_8));
        files.put(
                "assets/s.css",
                ("@import \"more.css\"; @font-face { src: url(fonts/a.woff2) format('woff2') }"
                                + " .i { background: url(\"data:image/svg+xml,<svg/>\") } .f { filter: url(#f) }")
                        .getBytes(StandardCharsets.UTF_8));
        files.put("assets/more.css", ".b { background: URL( ../pics/b.png ) }".getBytes(StandardCharsets.UTF_8));
        files.put("assets/fonts/a.woff2", new byte[4000]);
        files.put("pics/b.png", new byte[300]);
        files.put("ja/a/bg.png", new byte[20]);
        files.put("ja/a/hero.png", new byte[40]);
        files.put("ja/a/never.png", new byte[50_000]);
        files.put("ja/a/text.png", new byte[50_000]);
        PageWeights.Weight a = PageWeights.of(files.keySet(), files::get, p -> files.get(p).length).stream()
                .filter(x -> x.page().equals("ja/a/index.html"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(
                        "assets/fonts/a.woff2",
                        "assets/more.css",
                        "assets/s.css",
                        "ja/a/bg.png",
                        "ja/a/hero.png",
                        "pics/b.png"),
                a.loads());
        long css = files.get("assets/s.css").length + files.get("assets/more.css").length;
        assertEquals(css + 4000 + 300 + 20 + 40, a.assets());
    }

    @Test
    void absoluteUrlsUnderTheSitesAddressAreItsFiles() {
        String base = "https://www.example.go.jp/casebook/";
        assertEquals("assets/style.css", PageWeights.resolve("404.html", base + "assets/style.css", base));
        assertEquals(
                "assets/style.css",
                PageWeights.resolve("404.html", "HTTPS://WWW.example.go.jp/casebook/assets/style.css", base));
        assertEquals(
                "assets/style.css",
                PageWeights.resolve("404.html", "https://www.example.go.jp:443/casebook/assets/style.css", base));
        assertEquals("assets/style.css", PageWeights.resolve("ja/a/index.html", "/casebook/assets/style.css", base));
        assertEquals(
                "assets/style.css",
                PageWeights.resolve("ja/a/index.html", "//www.example.go.jp/casebook/assets/style.css", base));
        assertEquals("ja/a/p.png", PageWeights.resolve("404.html", base + "ja/a/p.png?v=2#x", base));
        assertEquals(null, PageWeights.resolve("404.html", "https://www.example.go.jp/other/assets/style.css", base));
        assertEquals(null, PageWeights.resolve("404.html", "http://www.example.go.jp/casebook/assets/style.css", base));
        assertEquals(null, PageWeights.resolve("404.html", "https://cdn.example.com/casebook/assets/style.css", base));
        assertEquals(null, PageWeights.resolve("404.html", base + "../secret.css", base));
        assertEquals(null, PageWeights.resolve("404.html", base + "assets/style.css", null), "unknown address");
        assertEquals(null, PageWeights.resolve("404.html", "/assets/style.css", null));
        assertEquals(
                "assets/style.css",
                PageWeights.resolve("404.html", "https://example.go.jp/assets/style.css", "https://example.go.jp"),
                "an address without a path is the root");

        Map<String, byte[]> files = new HashMap<>();
        files.put(
                "404.html",
                ("<link rel=\"stylesheet\" href=\"" + base + "assets/style.css\"><script src=\"/casebook/assets/x.js\">"
                                + "</script><img src=\"https://elsewhere.example/p.png\">")
                        .getBytes(StandardCharsets.UTF_8));
        files.put("assets/style.css", new byte[1000]);
        files.put("assets/x.js", new byte[100]);
        files.put("p.png", new byte[7]);
        PageWeights.Weight nf = PageWeights.of(
                        files.keySet(),
                        files::get,
                        p -> files.get(p).length,
                        PageWeights::references,
                        base,
                        p -> List.of())
                .get(0);
        assertEquals(List.of("assets/style.css", "assets/x.js"), nf.loads());
        assertEquals(1100, nf.assets());
    }

    @Test
    void countsWhatThePageLoadsOnUseWhenTheCallerNamesIt() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("ja/search/index.html", "<script src=\"../../s.js\"></script>".getBytes(StandardCharsets.UTF_8));
        files.put("s.js", new byte[10]);
        files.put("ja/search/index.js", new byte[5000]);
        files.put("ja/other/index.html", new byte[3]);
        List<PageWeights.Weight> w = PageWeights.of(
                files.keySet(),
                files::get,
                p -> files.get(p).length,
                PageWeights::references,
                null,
                p -> p.equals("ja/search/index.html") ? List.of("ja/search/index.js", "ja/search/gone.js") : List.of());
        assertEquals("ja/search/index.html", w.get(0).page());
        assertEquals(List.of("ja/search/index.js", "s.js"), w.get(0).loads(), "a named file that is not there is not");
        assertEquals(5010, w.get(0).assets());
        assertEquals(0, w.get(1).assets());
    }

    /** The scan before it was written by hand: a regular expression over the whole page. */
    private static final Pattern TAG = Pattern.compile(
            "<(link|script|img|source|video|audio|track|iframe|embed|object|input|image|use)\\b([^>]*)>",
            Pattern.CASE_INSENSITIVE);

    private static List<String> tagsByRegex(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT) + m.group(2));
        }
        return out;
    }

    @Test
    void theHandWrittenScanFindsWhatTheRegexFound() throws IOException {
        String[] pieces = {
            "<",
            ">",
            "link",
            "LINK",
            "img",
            "image",
            "imgx",
            "use",
            "user",
            "use-x",
            " rel=\"stylesheet\"",
            " href=\"a.css\"",
            " src='b.png'",
            "é",
            "_",
            "script",
            "<a href=\"c\">",
            " ",
            "\n",
            "1"
        };
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(14); k > 0; k--) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String html = sb.toString();
            assertEquals(byRegex(html), PageWeights.references(html), () -> "references of " + html);
        }
        int pages = 0;
        try (Stream<Path> site = Files.walk(Path.of("site"))) {
            for (Path p : site.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(p);
                assertEquals(byRegex(html), PageWeights.references(html), p::toString);
                pages++;
            }
        }
        assertTrue(pages > 10, "the published pages were read");
    }

    /** references() with the regular expression's tags. */
    private static List<String> byRegex(String html) {
        List<String> out = new ArrayList<>();
        for (String tag : tagsByRegex(html)) {
            // the tag name and its attributes, given to the hand-written path one tag at a time
            int cut = 0;
            while (cut < tag.length() && Character.isLetter(tag.charAt(cut))) {
                cut++;
            }
            out.addAll(PageWeights.references("<" + tag.substring(0, cut) + tag.substring(cut) + ">"));
        }
        return out;
    }
}
