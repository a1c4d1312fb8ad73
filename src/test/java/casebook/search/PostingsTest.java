package casebook.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PostingsTest {

    @Test
    void numbersRoundTrip() {
        int[][] postings = {{0, 0, 3}, {0, 5, 1}, {31, 2, 0}, {1000, 7, 2}, {1_000_000, 4000, 3}};
        StringBuilder sb = new StringBuilder();
        int prev = 0;
        for (int[] p : postings) {
            Postings.number(sb, p[0] - prev);
            Postings.number(sb, p[1] * 4 + p[2]);
            prev = p[0];
        }
        int[] d = Postings.decode(sb.toString());
        int[] flat = new int[postings.length * 3];
        for (int i = 0; i < postings.length; i++) {
            System.arraycopy(postings[i], 0, flat, i * 3, 3);
        }
        assertArrayEquals(flat, d);
    }

    @Test
    void smallNumbersTakeOneCharacter() {
        StringBuilder sb = new StringBuilder();
        Postings.number(sb, 31);
        assertEquals("v", sb.toString());
        sb.setLength(0);
        Postings.number(sb, 32);
        assertEquals("x0", sb.toString(), "32 = 1 * 32 + 0: continuation digit 1, last digit 0");
    }
}
