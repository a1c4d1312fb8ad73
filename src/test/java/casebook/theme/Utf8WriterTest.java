package casebook.theme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {
    private static final List<String> TEXTS = List.of(
            "",
            "<p class=\"x\">plain ASCII</p>\n",
            "café – naïve",
            "精神障害にも対応した地域包括ケア",
            "mixed 埼玉県 text, then ASCII",
            "emoji \uD83D\uDE00 and 𠮷野家",
            "lone high \uD83D here",
            "lone low \uDE00 here",
            "two highs \uD83D\uD83D\uDE00",
            "ends high \uD83D");

    @Test
    void writesWhatStringGetBytesWrites() {
        for (String s : TEXTS) {
            Utf8Writer w = new Utf8Writer(4);
            w.write(s);
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), w.toByteArray(), s);
        }
    }

    @Test
    void piecesWrittenSeparatelyJoinUpIncludingSplitSurrogatePairs() {
        String all = String.join("", TEXTS).replace("ends high \uD83D", "");
        for (int cut = 0; cut <= all.length(); cut++) {
            Utf8Writer w = new Utf8Writer(1);
            w.write(all, 0, cut);
            char[] rest = all.substring(cut).toCharArray();
            w.write(rest, 0, rest.length);
            assertArrayEquals(all.getBytes(StandardCharsets.UTF_8), w.toByteArray(), "cut at " + cut);
        }
        Utf8Writer w = new Utf8Writer(1);
        for (int i = 0; i < all.length(); i++) {
            w.write(all.charAt(i));
        }
        w.append("!").append('?').append("abc", 1, 2);
        assertArrayEquals((all + "!?b").getBytes(StandardCharsets.UTF_8), w.toByteArray());
    }

    @Test
    void keepsTheWriterContractForRangesAndNull() {
        Utf8Writer w = new Utf8Writer(1);
        w.append(null, 1, 3);
        assertArrayEquals("ul".getBytes(StandardCharsets.UTF_8), w.toByteArray());
        Assertions.assertThrows(IndexOutOfBoundsException.class, () -> w.write("abc", 2, 5));
        Assertions.assertThrows(IndexOutOfBoundsException.class, () -> w.write(new char[3], 1, -1));
        assertArrayEquals(
                "ul".getBytes(StandardCharsets.UTF_8), w.toByteArray(), "nothing written by a rejected range");
    }

    @Test
    void longWritesAreEncodedInPieces() {
        String s = "日本語 text ".repeat(10_000) + "\uD83D\uDE00";
        Utf8Writer w = new Utf8Writer(16);
        w.write(s);
        w.write(s.toCharArray(), 0, s.length());
        // a surrogate pair across the boundary of two pieces
        String edge = "a".repeat(8191) + "\uD83D\uDE00" + "b";
        w.write(edge);
        w.write(edge.toCharArray(), 0, edge.length());
        assertArrayEquals((s + s + edge + edge).getBytes(StandardCharsets.UTF_8), w.toByteArray());
    }
}
