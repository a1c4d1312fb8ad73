package casebook.markdown;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stable, unique heading ids that work for Japanese. The rule (documented in the content guide):
 * <ol>
 * <li>an explicit {@code {#id}} at the end of the heading wins (it must be ASCII letters, digits,
 *     hyphens or underscores);</li>
 * <li>otherwise the text is NFKC-normalised and lower-cased; letters and digits of every script
 *     (kanji and kana included) are kept, every other run of characters becomes one hyphen, and
 *     hyphens at either end are dropped; an empty result becomes {@code section};</li>
 * <li>a second heading with the same id gets {@code -2}, a third {@code -3}, in document order.</li>
 * </ol>
 */
public final class HeadingIds {
    public static final Pattern EXPLICIT = Pattern.compile("\\s*\\{#([^}]*)\\}\\s*$");
    public static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final Set<String> used = new HashSet<>();
    /** For each id asked for more than once, the next suffix to try: n headings of one text cost O(n), not O(n²). */
    private final Map<String, Integer> next = new HashMap<>();

    /** The line of the file each id was claimed at, where it came from the editor's text. */
    private final Map<String, Integer> lines = new HashMap<>();

    /** Registers an id for the page; returns it, made unique. */
    public String claim(String wanted) {
        if (used.add(wanted)) {
            return wanted;
        }
        int n = next.getOrDefault(wanted, 2);
        String id = wanted + "-" + n++;
        while (!used.add(id)) {
            id = wanted + "-" + n++;
        }
        next.put(wanted, n);
        return id;
    }

    /** {@link #claim(String)} for a heading or element written at {@code line}, so a second use can name it. */
    public String claim(String wanted, int line) {
        String id = claim(wanted);
        lines.putIfAbsent(id, line);
        return id;
    }

    /** The line the id was first claimed at, or 0 when it is unknown or unused. */
    public int lineOf(String id) {
        return lines.getOrDefault(id, 0);
    }

    public boolean isUsed(String id) {
        return used.contains(id);
    }

    public static String slugify(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                dash = false;
                out.appendCodePoint(c);
            } else {
                dash = true;
            }
        }
        return out.length() == 0 ? "section" : out.toString();
    }
}
