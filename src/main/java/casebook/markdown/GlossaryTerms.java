package casebook.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The glossary as the renderer needs it: per language, the forms to look for and the entry id each
 * links to, longest form first so that a longer term wins over a shorter one it contains.
 *
 * <p>How a form is found in a text ({@link #next}):
 * <ul>
 * <li>the earliest occurrence wins, and among occurrences at the same place the longest form, so the
 *     alias "health center" is never found inside "public health center";</li>
 * <li>a form that begins or ends with a Latin letter or digit matches whole words only: "nurse" is not
 *     found in "nursery", "city" not in "ethnicity"; a form written in Japanese needs no boundary;</li>
 * <li>an English plural belongs to the match ("nurse" covers "nurses", "approach" "approaches",
 *     "core city" "core cities"), so a link never stops before the plural ending;</li>
 * <li>a form written in lower case also matches with a capital first letter at the start of a sentence
 *     ("Public health centers …"), not inside a name ("Saitama Prefecture").</li>
 * </ul>
 * Forms are trimmed, so a link never begins or ends with a space.
 */
public record GlossaryTerms(List<Term> terms) {
    public static final GlossaryTerms NONE = new GlossaryTerms(List.of());

    public record Term(String form, String id) {}

    /** One occurrence: the text from {@code start} to {@code end} (exclusive, plural included) is {@code term}. */
    public record Hit(int start, int end, Term term) {}

    public GlossaryTerms {
        List<Term> clean = new ArrayList<>();
        for (Term t : terms) {
            String f = t.form() == null ? "" : t.form().strip();
            if (!f.isEmpty()) {
                clean.add(f.equals(t.form()) ? t : new Term(f, t.id()));
            }
        }
        clean.sort(Comparator.comparingInt((Term t) -> -t.form().length()));
        terms = List.copyOf(clean);
    }

    /**
     * The first occurrence of any form in {@code s} at or after {@code from}, the longest form where
     * several start at the same place; {@code null} when there is none.
     */
    public Hit next(String s, int from) {
        Hit best = null;
        for (Term t : terms) {
            String f = t.form();
            Hit h = find(s, from, f, t);
            // at the start of a sentence: "Public health centers" is "public health center"
            char c = f.charAt(0);
            if (latin(c) && Character.isLowerCase(c)) {
                String capital = Character.toUpperCase(c) + f.substring(1);
                Hit cap = find(s, from, capital, t);
                while (cap != null && !sentenceStart(s, cap.start())) {
                    cap = find(s, cap.start() + 1, capital, t);
                }
                if (cap != null && (h == null || cap.start() < h.start())) {
                    h = cap;
                }
            }
            if (h != null
                    && (best == null
                            || h.start() < best.start()
                            || h.start() == best.start()
                                    && t.form().length() > best.term().form().length())) {
                best = h;
            }
        }
        return best;
    }

    private static Hit find(String s, int from, String pattern, Term t) {
        Hit h = find(s, from, pattern, t, true);
        // -y → -ies: "core city" covers "core cities"
        int n = pattern.length();
        if (n > 1 && pattern.charAt(n - 1) == 'y' && latin(pattern.charAt(n - 2))) {
            Hit y = find(s, from, pattern.substring(0, n - 1) + "ies", t, false);
            if (y != null && (h == null || y.start() < h.start())) {
                h = y;
            }
        }
        return h;
    }

    private static Hit find(String s, int from, String pattern, Term t, boolean plural) {
        for (int i = s.indexOf(pattern, from); i >= 0; i = s.indexOf(pattern, i + 1)) {
            int end = wordEnd(s, i, pattern, plural);
            if (end >= 0) {
                return new Hit(i, end, t);
            }
        }
        return null;
    }

    /** Where a match of {@code f} at {@code i} ends (plural included), or -1 when it is not a whole word. */
    static int wordEnd(String s, int i, String f, boolean plural) {
        if (latin(f.charAt(0)) && i > 0 && latin(s.charAt(i - 1))) {
            return -1;
        }
        int end = i + f.length();
        if (!latin(f.charAt(f.length() - 1))) {
            return end;
        }
        if (end >= s.length() || !latin(s.charAt(end))) {
            return end;
        }
        if (!plural) {
            return -1;
        }
        // an English plural: -s or -es
        int after = s.charAt(end) == 's' ? end + 1 : s.startsWith("es", end) ? end + 2 : -1;
        if (after >= 0 && (after >= s.length() || !latin(s.charAt(after)))) {
            return after;
        }
        return -1;
    }

    /** Whether {@code i} starts a sentence: nothing but spaces before it, or a full stop, colon, bracket or quote. */
    private static boolean sentenceStart(String s, int i) {
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
            j--;
        }
        return j < 0 || ".!?:;(\"\u201c\u2018[".indexOf(s.charAt(j)) >= 0;
    }

    /** A letter or digit of a Latin-script word (Japanese characters are not word characters here). */
    private static boolean latin(char c) {
        return c < 0x3000 && Character.isLetterOrDigit(c);
    }
}
