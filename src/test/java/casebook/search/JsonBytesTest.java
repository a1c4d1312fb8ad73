package casebook.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The page files written as bytes are the bytes of the JSON text they replace, escapes and encoding alike. */
class JsonBytesTest {

    private static final String[] PIECES = {
        "a",
        "Z",
        " ",
        "\"",
        "\\",
        "\n",
        "\t",
        "\r",
        "\u0000",
        "\u001f",
        "<",
        ">",
        "&",
        "/",
        "'",
        "é",
        "ß",
        "\u07ff",
        "\u0800",
        "保健師",
        "ー",
        "「",
        "\u2028",
        "\u2029",
        "\uD840\uDC0B",
        "\uD83D\uDE00",
        "\uD800",
        "\uDC00",
        "\uFFFF",
        "\uFEFF",
        "8050"
    };

    private static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(10);
        for (int k = 0; k < n; k++) {
            sb.append(r.nextInt(4) == 0 ? String.valueOf((char) r.nextInt(0x10000)) : PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void stringsAreTheirJsonInUtf8() {
        Random r = new Random(20261129);
        for (int i = 0; i < 20_000; i++) {
            String s = random(r);
            byte[] expected = IndexBuilder.json(s).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, new JsonBytes(1).string(s).bytes(), () -> "json of " + escaped(s));
        }
    }

    @Test
    void pageFilesAreThePageJsonInUtf8() {
        Random r = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            List<PageText.Section> sections = List.of(
                    new PageText.Section("", random(r), random(r) + random(r), ""),
                    new PageText.Section(random(r), random(r), random(r), random(r)));
            PageText p = new PageText(random(r), random(r), i % 3 == 0 ? List.of() : sections);
            byte[] expected = ("casebookSearch.p(" + i + "," + IndexBuilder.pageJson(new StringBuilder(), p) + ");\n")
                    .getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, IndexBuilder.pageFile(i, p), () -> "page file of " + p);
        }
    }

    private static String escaped(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(String.format("\\u%04X", c)));
        return sb.toString();
    }
}
