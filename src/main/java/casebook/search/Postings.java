package casebook.search;

import java.util.Arrays;

/**
 * The text encoding of posting lists in the index files (decoded by {@code search.js}, function
 * {@code decode}). A posting is a section of a page with the weight class of the term there; a list is
 * written in page order as two numbers per posting: the page number minus the previous posting's, and
 * {@code section * 4 + weight class}. Each number is written in base 32, most significant digit first: the
 * last digit from {@code 0-9a-v}, the others from {@code w-zA-Z-_}, so a small number takes one character
 * and the text needs no escaping inside a JavaScript string.
 */
public final class Postings {
    private Postings() {}

    static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    /** Weight classes: body text, body text used three times or more, key point or glossary term, heading or title. */
    public static final int BODY = 0, BODY_REPEATED = 1, STRONG = 2, HEADING = 3;

    static void number(StringBuilder out, int n) {
        if (n < 32) {
            out.append(DIGITS.charAt(n));
            return;
        }
        int shift = 0;
        while ((n >>> shift) >= 32) {
            shift += 5;
        }
        for (; shift > 0; shift -= 5) {
            out.append(DIGITS.charAt(32 + ((n >>> shift) & 31)));
        }
        out.append(DIGITS.charAt(n & 31));
    }

    /** Decodes a posting list into triples {page, section, weight class}. */
    public static int[] decode(String s) {
        int[] out = new int[s.length() / 2 * 3 + 3];
        int count = 0;
        int acc = 0;
        int page = 0;
        boolean first = true;
        for (int i = 0; i < s.length(); i++) {
            int d = DIGITS.indexOf(s.charAt(i));
            if (d < 0) {
                throw new IllegalArgumentException("not a posting list: " + s);
            }
            acc = acc * 32 + (d & 31);
            if (d >= 32) {
                continue;
            }
            if (first) {
                page += acc;
            } else {
                out[count++] = page;
                out[count++] = acc >>> 2;
                out[count++] = acc & 3;
            }
            first = !first;
            acc = 0;
        }
        return Arrays.copyOf(out, count);
    }
}
