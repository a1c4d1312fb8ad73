package casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The index builder's fast paths give what the plain paths give: {@link SearchNormalizer#normalize} (no offsets,
 * skips the long-vowel pass when there is no long-vowel mark) equals the text of
 * {@link SearchNormalizer#normalizeWithOffsets}; {@link Tokenizer#forEachTerm} yields {@link Tokenizer#runs} then
 * {@link Tokenizer#terms}, in order; {@link TextExtractor#squash}'s early return changes nothing. Fed every line
 * of the content and random strings of characters chosen to hit each branch.
 */
class IndexPathOracleTest {

    /** Characters that take each branch: combining marks, half-width kana, dashes, iteration marks, surrogates. */
    private static final String[] PIECES = {
        "a",
        "Z",
        "7",
        ",",
        ".",
        " ",
        "\t",
        "\u00A0",
        "-",
        "ー",
        "ｰ",
        "‐",
        "―",
        "−",
        "々",
        "〻",
        "ゝ",
        "ゞ",
        "ヽ",
        "ヾ",
        "か",
        "カ",
        "ｶ",
        "ﾞ",
        "ﾟ",
        "\u3099",
        "\u0301",
        "é",
        "e\u0301",
        "保",
        "健",
        "師",
        "、",
        "。",
        "「",
        "」",
        "（",
        "Ａ",
        "１",
        "①",
        "㍻",
        "ﷺ",
        "\uD840\uDC0B",
        "\uD83D\uDE00",
        "\uD800",
        "\uDC0B",
        "\uD840\uDC0B\uD840\uDC0B",
        "한",
        "ß",
        "İ",
        "Σ",
        "ǅ",
        "8050",
        "1,000",
        "3.5",
        "nurses",
        "policies",
        "　",
        "〜",
        "・",
        "\u302A",
        "&",
        "<"
    };

    @Test
    void fastPathsAgreeOnRandomText() {
        Random r = new Random(20261128);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(12);
            for (int k = 0; k < n; k++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            agree(sb.toString());
        }
    }

    /** Any UTF-16 units at all, and now and then a piece that takes a branch, a pair or a lone surrogate. */
    @Test
    void fastPathsAgreeOnRandomUnits() {
        Random r = new Random(20261129);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(12);
            for (int k = 0; k < n; k++) {
                if (r.nextInt(3) == 0) {
                    sb.append(PIECES[r.nextInt(PIECES.length)]);
                } else {
                    sb.append((char) r.nextInt(0x10000));
                }
            }
            agree(sb.toString());
        }
    }

    @Test
    void fastPathsAgreeOnEveryLineOfTheContent() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".md") || p.toString().endsWith(".yaml"))
                    .toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        assertTrue(lines.size() > 500, "the content was read");
        for (String line : lines) {
            agree(line);
        }
    }

    private static void agree(String s) {
        String norm = SearchNormalizer.normalizeWithOffsets(s).text();
        assertEquals(norm, SearchNormalizer.normalize(s), () -> "normalize " + escaped(s));
        List<String> expected = new ArrayList<>();
        for (Tokenizer.Run run : Tokenizer.runs(norm)) {
            Tokenizer.terms(run, expected);
        }
        List<String> actual = new ArrayList<>();
        Tokenizer.forEachTerm(norm, new Tokenizer.TermSink() {
            @Override
            public void cjk(int first, int second) {
                actual.add(IndexBuilder.cjkTerm(IndexBuilder.cjkKey(first, second)));
            }

            @Override
            public void word(String word) {
                actual.add(word);
            }
        });
        assertEquals(expected, actual, () -> "terms of " + escaped(s));
        assertEquals(plainSquash(s), TextExtractor.squash(s), () -> "squash " + escaped(s));
    }

    /** White space runs as one space, none at either end: the plain way. */
    private static String plainSquash(String s) {
        return s.replaceAll("[ \\n\\t\\r\\u00A0\\f]+", " ").replaceAll("^ | $", "");
    }

    private static String escaped(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars()
                .forEach(
                        c -> sb.append(c < 0x80 && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return sb.toString();
    }
}
