package casebook.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance, for misspelt keys and names. */
public final class Suggestions {
    private Suggestions() {}

    /** The closest candidate within a distance of about a third of the word, or null. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(1, Math.max(word.length(), 3) / 3 + 1);
        return bestDistance <= limit ? best : null;
    }

    /**
     * Where {@code text} holds a misspelling of {@code term}: a run of whole words, in any case, one edit from the
     * term (two for a term of ten letters or more), never the term itself or its plural. Only for a term of five characters or
     * more written in Latin letters: a Japanese term of three characters is "misspelt" by too many real words.
     * Each span is {start, end}, in order, none overlapping.
     */
    public static List<int[]> misspellings(String text, String term) {
        List<int[]> out = new ArrayList<>();
        String t = term.strip().toLowerCase(Locale.ROOT);
        if (t.length() < 5 || !latin(t.charAt(0)) || !latin(t.charAt(t.length() - 1))) {
            return out;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= 0x3000) {
                return out;
            }
        }
        int limit = t.length() >= 10 ? 2 : 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (!latin(text.charAt(i)) || i > 0 && latin(text.charAt(i - 1))) {
                continue;
            }
            // the term itself, plural included ("centers", "cities"), is no misspelling
            if (text.regionMatches(true, i, t, 0, t.length())) {
                i += t.length() - 1;
                continue;
            }
            if (t.endsWith("y")
                    && text.regionMatches(true, i, t.substring(0, t.length() - 1) + "ies", 0, t.length() + 2)) {
                i += t.length() + 1;
                continue;
            }
            int bestEnd = -1;
            int best = limit + 1;
            for (int len = t.length() - limit; len <= t.length() + limit; len++) {
                int end = i + len;
                if (len <= 0 || end > n || !latin(text.charAt(end - 1)) || end < n && latin(text.charAt(end))) {
                    continue;
                }
                int d = distance(text.substring(i, end).toLowerCase(Locale.ROOT), t);
                if (d < best) {
                    best = d;
                    bestEnd = end;
                }
            }
            if (bestEnd < 0) {
                continue;
            }
            if (best > 0) {
                out.add(new int[] {i, bestEnd});
            }
            i = bestEnd - 1;
        }
        return out;
    }

    /** A letter or digit of a Latin-script word. */
    private static boolean latin(char c) {
        return c < 0x3000 && Character.isLetterOrDigit(c);
    }

    /** Damerau-Levenshtein (optimal string alignment) distance, so "titel" is one step from "title". */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
