package casebook.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one normalisation of search text, applied to the index at build time and to the query in the browser
 * ({@code search.js}, function {@code normalize}, the same steps in the same order):
 * <ol>
 * <li>the text is cut into clusters (a character and the combining marks after it; the half-width voiced marks
 *     U+FF9E and U+FF9F count as combining), and each cluster goes through NFKC (full-width Latin and digits,
 *     half-width katakana, circled numbers) and lower case;</li>
 * <li>katakana becomes hiragana (U+30A1–U+30F6, and the iteration marks ヽヾ);</li>
 * <li>a dash after kana (ｰ, ‐, ―, −, -) is the long-vowel mark ー;</li>
 * <li>iteration marks repeat the character before them: 々 and 〻 after a kanji, ゝ and ゞ (voiced) after kana;</li>
 * <li>a long-vowel mark that ends a kana word is dropped (サーバー and サーバ both become さーば).</li>
 * </ol>
 * Each output character remembers the cluster of the input it came from ({@link Result#start}, {@link Result#end}),
 * so a match in normalised text can be highlighted in the original.
 */
public final class SearchNormalizer {
    private SearchNormalizer() {}

    /** Normalised text and, for each of its UTF-16 units, the input range [start, end) it came from. */
    public record Result(String text, int[] start, int[] end) {}

    /** The normalised text alone (the index's path: no offsets kept). */
    public static String normalize(String s) {
        return run(s, false).text();
    }

    public static Result normalizeWithOffsets(String s) {
        return run(s, true);
    }

    private static Result run(String s, boolean offsets) {
        int n = s.length();
        char[] out = new char[n + 8];
        int len = 0;
        int[] start = offsets ? new int[n + 8] : null;
        int[] end = offsets ? new int[n + 8] : null;
        boolean longs = false;
        int i = 0;
        while (i < n) {
            char only = s.charAt(i);
            int j = i + 1;
            if (Character.isHighSurrogate(only) || j < n && mayCombine(s.charAt(j)) && isCombining(s.codePointAt(j))) {
                j = i + Character.charCount(s.codePointAt(i));
                while (j < n && isCombining(s.codePointAt(j))) {
                    j += Character.charCount(s.codePointAt(j));
                }
                only = j == i + 1 ? only : 0;
            }
            String folded;
            if (only != 0 && isStable(only)) {
                folded = null; // NFKC and lower case leave it as it is
            } else if (only >= 'A' && only <= 'Z') {
                folded = null;
                only = (char) (only + 32); // lower case, as toLowerCase would make it
            } else if (only != 0) {
                folded = foldedChar(only);
            } else {
                folded = foldCluster(s.substring(i, j));
            }
            int count = folded == null ? 1 : folded.length();
            if (len + count >= out.length) {
                int size = Math.max(out.length * 2, len + count + 8);
                out = Arrays.copyOf(out, size);
                if (offsets) {
                    start = Arrays.copyOf(start, size);
                    end = Arrays.copyOf(end, size);
                }
            }
            for (int k = 0; k < count; k++) {
                char c = fold(folded == null ? only : folded.charAt(k), len == 0 ? 0 : out[len - 1]);
                longs |= c == LONG;
                if (offsets) {
                    start[len] = i;
                    end[len] = j;
                }
                out[len++] = c;
            }
            i = j;
        }
        if (!longs && !offsets) {
            return new Result(new String(out, 0, len), null, null);
        }
        // a long-vowel mark that ends a kana word goes
        char[] text = new char[len];
        int kept = 0;
        int[] st = offsets ? new int[len] : null;
        int[] en = offsets ? new int[len] : null;
        for (int k = 0; k < len; k++) {
            char c = out[k];
            if (c == LONG
                    && k > 0
                    && isHiragana(out[k - 1])
                    && (k + 1 == len || !isHiragana(out[k + 1]) && out[k + 1] != LONG)) {
                continue;
            }
            if (offsets) {
                st[kept] = start[k];
                en[kept] = end[k];
            }
            text[kept++] = c;
        }
        String t = new String(text, 0, kept);
        return offsets ? new Result(t, Arrays.copyOf(st, kept), Arrays.copyOf(en, kept)) : new Result(t, null, null);
    }

    /**
     * False for characters that are surely not combining marks (a speed-up only): below U+0300, general
     * punctuation, CJK punctuation up to U+3029, kana, kanji, full-width forms up to U+FF9D.
     */
    private static boolean mayCombine(char c) {
        return c >= 0x300
                && !(c >= 0x4E00 && c <= 0x9FFF
                        || c >= 0x3000 && c <= 0x3029
                        || c >= 0x3041 && c <= 0x3096
                        || c >= 0x30A1 && c <= 0x30FF
                        || c >= 0x2000 && c <= 0x206F
                        || c >= 0xFF00 && c <= 0xFF9D);
    }

    static final char LONG = '\u30FC';

    /**
     * Characters NFKC and lower case leave unchanged, checked without calling either (a speed-up only: the
     * result is the same): ASCII digits, lower-case letters and punctuation, hiragana, katakana, the
     * long-vowel mark, CJK unified ideographs and the ideographic comma and full stop.
     */
    private static boolean isStable(char c) {
        if (c < 0x80) {
            return c < 'A' || c > 'Z';
        }
        return c >= 0x3041 && c <= 0x3096
                || c >= 0x30A1 && c <= 0x30FA
                || c == 0x30FC
                || c >= 0x4E00 && c <= 0x9FFF
                || c == 0x3001
                || c == 0x3002;
    }

    /**
     * NFKC and lower case of one character alone, worked out once per character and kept (a speed-up only:
     * a page of Japanese text holds a few dozen brackets and middle dots, each of which would otherwise go
     * through {@link Normalizer}). Filled from several threads; a race only computes the same string twice.
     */
    private static final String[] FOLDED = new String[0x10000];

    private static String foldedChar(char c) {
        String f = FOLDED[c];
        if (f == null) {
            f = foldCluster(String.valueOf(c));
            FOLDED[c] = f;
        }
        return f;
    }

    private static String foldCluster(String cluster) {
        return isPlainAscii(cluster)
                ? cluster.toLowerCase(Locale.ROOT)
                : Normalizer.normalize(cluster, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Marks that belong to the character before them. */
    static boolean isCombining(int c) {
        if (c < 0x300) {
            return false;
        }
        if (c == 0xFF9E || c == 0xFF9F) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK
                || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    static boolean isHiragana(char c) {
        return c >= 0x3041 && c <= 0x3096;
    }

    /** Steps 2 to 4 for one character, given the output so far. */
    private static char fold(char c, char prev) {
        if (c >= 0x30A1 && c <= 0x30F6) {
            c = (char) (c - 0x60);
        } else if (c == 0x30FD || c == 0x30FE) {
            c = (char) (c - 0x60);
        }
        if (isDash(c) && (isHiragana(prev))) {
            return LONG;
        }
        if ((c == 0x3005 || c == 0x303B)
                && prev != 0
                && Character.UnicodeScript.of(prev) == Character.UnicodeScript.HAN
                && prev != 0x3005) {
            return prev;
        }
        if (c == 0x309D && isHiragana(prev)) {
            return prev;
        }
        if (c == 0x309E && isHiragana(prev)) {
            String voiced = Normalizer.normalize(prev + "\u3099", Normalizer.Form.NFC);
            return voiced.length() == 1 ? voiced.charAt(0) : prev;
        }
        return c;
    }

    private static boolean isDash(char c) {
        return c == LONG || c == '-' || c >= 0x2010 && c <= 0x2015 || c == 0x2212;
    }
}
