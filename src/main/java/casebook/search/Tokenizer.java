package casebook.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts normalised text ({@link SearchNormalizer}) into runs, the same way for the index and for the query
 * ({@code search.js}, function {@code runs}): a run of CJK characters (Han, hiragana, katakana, hangul and the
 * long-vowel mark) is indexed as its overlapping bigrams and its single characters; a run of other letters
 * and digits is a word (digits joined across "," and "." between digits, the commas dropped; a light English
 * plural stem: policies → policy, nurses → nurse). Everything else separates runs.
 */
public final class Tokenizer {
    private Tokenizer() {}

    /** A run of normalised text: CJK or a word, with its position in the normalised text. */
    public record Run(String text, boolean cjk, int start, int end) {}

    public static List<Run> runs(String norm) {
        List<Run> out = new ArrayList<>();
        int n = norm.length();
        int i = 0;
        while (i < n) {
            int c = norm.codePointAt(i);
            if (isCjk(c)) {
                int j = i;
                while (j < n && isCjk(norm.codePointAt(j))) {
                    j += Character.charCount(norm.codePointAt(j));
                }
                out.add(new Run(norm.substring(i, j), true, i, j));
                i = j;
            } else if (isWordChar(c)) {
                int j = i;
                StringBuilder w = new StringBuilder();
                while (j < n) {
                    int d = norm.codePointAt(j);
                    if (isWordChar(d) && !isCjk(d)) {
                        w.appendCodePoint(d);
                        j += Character.charCount(d);
                    } else if ((d == ',' || d == '.')
                            && j > i
                            && isDigit(norm.charAt(j - 1))
                            && j + 1 < n
                            && isDigit(norm.charAt(j + 1))) {
                        if (d == '.') {
                            w.append('.');
                        }
                        j++;
                    } else {
                        break;
                    }
                }
                out.add(new Run(stem(w.toString()), false, i, j));
                i = j;
            } else {
                i += Character.charCount(c);
            }
        }
        return out;
    }

    /**
     * The index terms of a run: a word, or a CJK run's overlapping bigrams and its last character alone. Every
     * other character of the run starts a bigram, so a one-character query finds each of its occurrences among
     * the terms that start with it (all in one shard: {@link Shards#key}), without a single-character term for
     * every position.
     */
    public static void terms(Run r, List<String> into) {
        if (!r.cjk()) {
            into.add(r.text());
            return;
        }
        String t = r.text();
        int k = 0;
        while (k < t.length()) {
            int a = Character.charCount(t.codePointAt(k));
            if (k + a >= t.length()) {
                into.add(t.substring(k));
                break;
            }
            int b = Character.charCount(t.codePointAt(k + a));
            into.add(t.substring(k, k + a + b));
            k += a;
        }
    }

    /** Receives the index terms of a text, in order ({@link #forEachTerm}). */
    public interface TermSink {
        /** A CJK bigram, or with {@code second} 0 the last character of a CJK run alone. */
        void cjk(int first, int second);

        /** A word. */
        void word(String word);

        /** A word held in {@code w[0, n)}, which the caller reuses: a sink that keeps it copies it. */
        default void word(char[] w, int n) {
            word(new String(w, 0, n));
        }
    }

    /**
     * The index terms of normalised text, the same as {@link #runs} followed by {@link #terms} for each run, in
     * the same order, without making a string for each CJK term (the index builder's path).
     */
    public static void forEachTerm(String norm, TermSink sink) {
        forEachTerm(norm.toCharArray(), norm.length(), sink);
    }

    /** {@link #forEachTerm(String, TermSink)} over normalised text held in {@code a[0, n)}. */
    static void forEachTerm(char[] a, int n, TermSink sink) {
        int i = 0;
        char[] w = null; // a word's characters, reused from one word to the next
        while (i < n) {
            int k = kind(a[i]);
            if (k == CJK) {
                i = cjkRun(a, i, n, a[i], sink);
            } else if (k == OTHER) {
                i++;
            } else {
                if (w == null) {
                    w = new char[64];
                }
                i = rare(a, i, n, sink, w);
            }
        }
    }

    /** The terms of the CJK run that starts at {@code i} with {@code first} (a BMP character); returns its end. */
    private static int cjkRun(char[] a, int i, int n, int first, TermSink sink) {
        int j = i + 1;
        int prev = first;
        while (j < n) {
            char d = a[j];
            if (kind(d) != CJK) {
                if (!Character.isHighSurrogate(d)) {
                    break;
                }
                int cp = Character.codePointAt(a, j, n);
                if (!isCjk(cp)) {
                    break;
                }
                sink.cjk(prev, cp);
                prev = cp;
                j += Character.charCount(cp);
                continue;
            }
            sink.cjk(prev, d);
            prev = d;
            j++;
        }
        sink.cjk(prev, 0);
        return j;
    }

    /**
     * A word, or a character outside the BMP, at {@code i}: its terms, the word's characters gathered in {@code w}
     * (a longer word in a larger copy); returns where the next run may start.
     */
    private static int rare(char[] a, int i, int n, TermSink sink, char[] w) {
        int c = Character.codePointAt(a, i, n);
        if (isCjk(c)) {
            return cjkRun(a, i + Character.charCount(c) - 1, n, c, sink);
        }
        if (!isWordChar(c)) {
            return i + Character.charCount(c);
        }
        int wl = 0;
        int j = i;
        while (j < n) {
            int d = a[j];
            int k = kind(a[j]);
            if (k == WORD) { // most of a word: a BMP letter or digit that is not CJK
                if (wl == w.length) {
                    w = Arrays.copyOf(w, w.length * 2);
                }
                w[wl++] = (char) d;
                j++;
                continue;
            }
            if (k == PAIR) {
                d = Character.codePointAt(a, j, n);
            }
            if (k == PAIR && isWordChar(d) && !isCjk(d)) {
                if (wl + 2 > w.length) {
                    w = Arrays.copyOf(w, w.length * 2);
                }
                wl += Character.toChars(d, w, wl);
                j += Character.charCount(d);
            } else if ((d == ',' || d == '.') && j > i && isDigit(a[j - 1]) && j + 1 < n && isDigit(a[j + 1])) {
                if (d == '.') {
                    if (wl + 1 > w.length) {
                        w = Arrays.copyOf(w, w.length * 2);
                    }
                    w[wl++] = '.';
                }
                j++;
            } else {
                break;
            }
        }
        sink.word(w, stem(w, wl));
        return j;
    }

    /**
     * What a UTF-16 unit is, for {@link #forEachTerm}: CJK, a letter or digit that is not CJK, a surrogate (to be
     * read as a pair), or none of these.
     */
    private static final byte UNKNOWN = 0, CJK = 1, OTHER = 2, WORD = 3, PAIR = 4;
    /** {@link #kind} of each UTF-16 unit, learnt as it is first met (from several threads: a race learns it twice). */
    private static final byte[] KINDS = new byte[0x10000];

    private static int kind(char c) {
        byte k = KINDS[c];
        return k != UNKNOWN ? k : learn(c);
    }

    private static byte learn(char c) {
        byte k = Character.isSurrogate(c) ? PAIR : isCjk(c) ? CJK : isWordChar(c) ? WORD : OTHER;
        KINDS[c] = k;
        return k;
    }

    /**
     * The terms a query looks up for a run: a word, or a CJK run's bigrams; a single CJK character stands for
     * every term that starts with it.
     */
    public static List<String> queryTerms(Run r) {
        List<String> out = new ArrayList<>();
        if (!r.cjk()) {
            out.add(r.text());
            return out;
        }
        int[] cps = r.text().codePoints().toArray();
        if (cps.length == 1) {
            out.add(r.text());
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            out.add(new String(cps, k, 2));
        }
        return out;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Han, hiragana, katakana, hangul, and the long-vowel mark (whose script is Common). */
    public static boolean isCjk(int c) {
        if (c < 0x1100) {
            return false;
        }
        // the common ranges first (the same answer as the script lookup below, sooner)
        if (c >= 0x4E00 && c <= 0x9FFF || c >= 0x3041 && c <= 0x3096 || c >= 0x30A1 && c <= 0x30FA || c == 0x30FC) {
            return true;
        }
        if (c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFF65) {
            return c == 0x3005
                    || c == 0x3007
                    || c >= 0x3021 && c <= 0x3029
                    || c >= 0x3038 && c <= 0x303B
                    || c == 0x302E
                    || c == 0x302F;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN
                || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL;
    }

    /** Letters, digits and marks (Unicode categories L, N and M). */
    static boolean isWordChar(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }

    /** A light plural stem for words of ASCII letters: policies → policy, nurses → nurse (not -ss, -us, -is). */
    static String stem(String w) {
        char[] a = w.toCharArray();
        int n = stem(a, a.length);
        return n == a.length ? w : new String(a, 0, n);
    }

    /** {@link #stem(String)} of the word {@code w[0, n)}, in place: the stem's length. */
    static int stem(char[] w, int n) {
        if (n < 4 || w[n - 1] != 's') {
            return n;
        }
        for (int i = 0; i < n; i++) {
            if (w[i] < 'a' || w[i] > 'z') {
                return n;
            }
        }
        if (n > 4 && w[n - 3] == 'i' && w[n - 2] == 'e') {
            w[n - 3] = 'y'; // -ies → -y
            return n - 2;
        }
        char before = w[n - 2];
        return before == 's' || before == 'u' || before == 'i' ? n : n - 1;
    }
}
