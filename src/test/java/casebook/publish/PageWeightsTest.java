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
