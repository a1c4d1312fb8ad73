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

    /** The normalised text alone (no offsets kept). */
    public static String normalize(String s) {
        Buffer b = new Buffer();
        normalizeInto(s, b);
        return new String(b.out, 0, b.length);
    }

    /**
     * Arrays reused from one text to the next by one thread (the index builder normalises every section of every
     * page): the normalised text is {@code out[0, length)}.
     */
    static final class Buffer {
        char[] in = new char[256];
        char[] out = new char[256];
        int length;
    }

    /**
     * {@link #normalize} into {@code b}. The characters most text is made of (ASCII, kanji, hiragana, katakana,
     * the long-vowel mark, none followed by a combining mark) are folded here in one step; every other cluster
     * goes through the same steps as {@link #normalizeWithOffsets} ({@link #normalizeWithOffsets} keeps the
     * general path alone, and the tests compare the two).
     */
    static void normalizeInto(String s, Buffer b) {
        int n = s.length();
        if (b.in.length <= n) {
            b.in = new char[Math.max(n + 1, b.in.length * 2)];
        }
        char[] in = b.in;
        s.getChars(0, n, in, 0);
        in[n] = 0; // so the character after the last is there to look at (and joins nothing)
        // room for one output character per input character; the general path makes more room when it needs it
        char[] out = b.out.length < n + 8 ? new char[Math.max(n + 8, b.out.length * 2)] : b.out;
        int len = 0;
        boolean longs = false;
        int i = 0;
        while (i < n) {
            char f = FAST[in[i]];
            if (f != 0 && !JOINS[in[i + 1]]) {
                longs |= f == LONG;
                out[len++] = f;
                i++;
            } else {
                b.out = out;
                i = general(s, i, b, len);
                out = b.out;
                len = b.length;
                longs = true; // the general path may have made a long-vowel mark: step 5 looks
            }
        }
        b.out = out;
        b.length = longs ? dropEndingLongs(out, len) : len;
    }

    /**
     * The general steps for the cluster at {@code i}, written to {@code b.out} from {@code len} (made larger if the
     * rest of the text might not fit, one output character per input character): sets {@code b.length} to the new
     * end and returns the cluster's end. Kept out of {@link #normalizeInto}'s loop, which most text never leaves.
     */
    private static int general(String s, int i, Buffer b, int len) {
        int j = clusterEnd(s, i);
        String folded = folded(s, i, j);
        int count = folded.length();
        char[] out = b.out;
        int need = len + count + (s.length() - j) + 8;
        if (need > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, need));
            b.out = out;
        }
        for (int k = 0; k < count; k++) {
            out[len] = fold(folded.charAt(k), len == 0 ? 0 : out[len - 1]);
            len++;
        }
        b.length = len;
        return j;
    }

    /**
     * For each UTF-16 unit: what {@link #normalizeInto}'s fast path folds it to when no combining mark follows it,
     * or 0 for the general steps. ASCII (upper case to lower case; {@code -}, which may become the long-vowel
     * mark, takes the general steps), kanji, hiragana, katakana (to hiragana), the long-vowel mark, 、 and 。.
     */
    private static final char[] FAST = new char[0x10000];
    /** For each UTF-16 unit: whether it may be (or begin) a combining mark ({@link #mayCombine}, as a table). */
    private static final boolean[] JOINS = new boolean[0x10000];

    static {
        for (int c = 1; c < 0x80; c++) {
            FAST[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : (char) c;
        }
        FAST['-'] = 0;
        for (int c = 0x4E00; c <= 0x9FFF; c++) {
            FAST[c] = (char) c;
        }
        for (int c = 0x3041; c <= 0x3096; c++) {
            FAST[c] = (char) c;
        }
        for (int c = 0x30A1; c <= 0x30F6; c++) {
            FAST[c] = (char) (c - 0x60);
        }
        FAST[0x30FC] = 0x30FC; // the long-vowel mark
        FAST[0x3001] = 0x3001;
        FAST[0x3002] = 0x3002;
        // mayCombine as ranges: from U+0300 on, but for the ranges it rules out
        Arrays.fill(JOINS, 0x300, 0x10000, true);
        Arrays.fill(JOINS, 0x4E00, 0x9FFF + 1, false);
        Arrays.fill(JOINS, 0x3000, 0x3029 + 1, false);
        Arrays.fill(JOINS, 0x3041, 0x3096 + 1, false);
        Arrays.fill(JOINS, 0x30A1, 0x30FF + 1, false);
        Arrays.fill(JOINS, 0x2000, 0x206F + 1, false);
        Arrays.fill(JOINS, 0xFF00, 0xFF9D + 1, false);
    }

    /** {@link #JOINS}: the table {@link #normalizeInto} reads instead of calling {@link #mayCombine}. */
    static boolean joins(char c) {
        return JOINS[c];
    }

    /** {@link #FAST}: what the fast path makes of {@code c} when nothing joins it, or 0. */
    static char fast(char c) {
        return FAST[c];
    }

    /** Step 5 in place: a long-vowel mark that ends a kana word goes. The new length. */
    private static int dropEndingLongs(char[] out, int len) {
        // writing at kept <= k leaves out[k - 1] and out[k + 1] as they were when position k is read
        int kept = 0;
        for (int k = 0; k < len; k++) {
            if (!endsKanaWord(out, k, len)) {
                out[kept++] = out[k];
            }
        }
        return kept;
    }

    /** Whether {@code out[k]} is a long-vowel mark that ends a kana word (of {@code out[0, len)}). */
    private static boolean endsKanaWord(char[] out, int k, int len) {
        return out[k] == LONG
                && k > 0
                && isHiragana(out[k - 1])
                && (k + 1 == len || !isHiragana(out[k + 1]) && out[k + 1] != LONG);
    }

    /** The end of the cluster that starts at {@code i}: a character and the combining marks after it. */
    private static int clusterEnd(String s, int i) {
        int n = s.length();
        int j = i + 1;
        if (Character.isHighSurrogate(s.charAt(i)) || j < n && JOINS[s.charAt(j)] && isCombining(s.codePointAt(j))) {
            j = i + Character.charCount(s.codePointAt(i));
            while (j < n && isCombining(s.codePointAt(j))) {
                j += Character.charCount(s.codePointAt(j));
            }
        }
        return j;
    }

    /** Step 1 for the cluster {@code s[i, j)}: its NFKC lower case. */
    private static String folded(String s, int i, int j) {
        if (j == i + 1) {
            char only = s.charAt(i);
            if (isStable(only)) {
                return String.valueOf(only);
            }
            if (only >= 'A' && only <= 'Z') {
                return String.valueOf((char) (only + 32));
            }
            return foldedChar(only);
        }
        return foldCluster(s.substring(i, j));
    }

    /** The normalised text with offsets, every cluster through the general steps (the query's path). */
    public static Result normalizeWithOffsets(String s) {
        return withOffsets(s);
    }

    /** Every cluster through the general steps, each output unit with the input range it came from. */
    private static Result withOffsets(String s) {
        int n = s.length();
        char[] out = new char[n + 8];
        int[] start = new int[n + 8];
        int[] end = new int[n + 8];
        int len = 0;
        int i = 0;
        while (i < n) {
            int j = clusterEnd(s, i);
            String folded = folded(s, i, j);
            int count = folded.length();
            if (len + count >= out.length) {
                int size = Math.max(out.length * 2, len + count + 8);
                out = Arrays.copyOf(out, size);
                start = Arrays.copyOf(start, size);
                end = Arrays.copyOf(end, size);
            }
            for (int k = 0; k < count; k++) {
                out[len] = fold(folded.charAt(k), len == 0 ? 0 : out[len - 1]);
                start[len] = i;
                end[len] = j;
                len++;
            }
            i = j;
        }
        // step 5 in place, as in dropEndingLongs, the offsets moving with their characters
        int kept = 0;
        for (int k = 0; k < len; k++) {
            if (!endsKanaWord(out, k, len)) {
                out[kept] = out[k];
                start[kept] = start[k];
                end[kept] = end[k];
                kept++;
            }
        }
        return new Result(new String(out, 0, kept), Arrays.copyOf(start, kept), Arrays.copyOf(end, kept));
    }

    /**
     * False for characters that are surely not combining marks (a speed-up only): below U+0300, general
     * punctuation, CJK punctuation up to U+3029, kana, kanji, full-width forms up to U+FF9D.
     */
    static boolean mayCombine(char c) {
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
