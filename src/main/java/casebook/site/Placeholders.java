package casebook.site;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import casebook.diag.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds text an editor has yet to replace. The scaffolds ({@code new case}, {@code new page}) write
 * every title, sentence, caption and figure an editor must supply as {@value #MARK}…{@code )} (in
 * {@code data.yaml}, as a comment after the value), and nothing else in casebook writes that mark, so
 * finished content never matches by accident. A file holding one is reported once, at its first
 * placeholder, with the lines of the others: an error, or a warning with {@code --drafts} so a
 * half-written page can be previewed. An English (or other translated) scaffold left as written is
 * reported the same way, with the hint to delete it for a page published in the original language only.
 */
public final class Placeholders {
    /** The mark that opens a placeholder. */
    public static final String MARK = "TODO(";
    /** At most this many further lines are listed in the message. */
    private static final int LINES_LISTED = 12;

    private Placeholders() {}

    /**
     * Scans one content file.
     *
     * @param lang        the page's language, or null for a data file
     * @param defaultLang the site's original language (a page in another language is a translation)
     * @param drafts      {@code --drafts}: report a warning instead of an error
     */
    public static void scan(Path display, String text, String lang, String defaultLang, boolean drafts, Diagnostics d) {
        if (text.indexOf(MARK) < 0) {
            return;
        }
        List<int[]> found = new ArrayList<>(); // line, column, offset, end
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == 'T' && text.startsWith(MARK, i)) {
                found.add(new int[] {line, i - lineStart + 1, i, end(text, i + MARK.length())});
                i += MARK.length() - 1;
            }
        }
        int[] first = found.get(0);
        String shown = text.substring(first[2], first[3]);
        if (shown.length() > 60) {
            shown = shown.substring(0, 59) + "…";
        }
        StringBuilder message = new StringBuilder("placeholder \"" + shown + "\" left from the scaffold");
        List<Integer> others = new ArrayList<>();
        for (int k = 1; k < found.size(); k++) {
            int l = found.get(k)[0];
            if (l != first[0] && !others.contains(l)) {
                others.add(l);
            }
        }
        if (found.size() > 1) {
            message.append(" (").append(found.size() - 1).append(" more in this file");
            if (!others.isEmpty()) {
                message.append(", at line").append(others.size() == 1 ? " " : "s ");
                for (int k = 0; k < Math.min(others.size(), LINES_LISTED); k++) {
                    message.append(k == 0 ? "" : ", ").append(others.get(k));
                }
                if (others.size() > LINES_LISTED) {
                    message.append(", …");
                }
            }
            message.append(')');
        }
        String hint;
        if (lang == null) {
            hint = "write the real value in place of the example and delete the " + MARK + "…) comment";
        } else if (lang.equals(defaultLang)) {
            hint = "replace each " + MARK + "…) with the real text"
                    + (drafts
                            ? ""
                            : "; to see the page while you write it, preview it with serve, which shows"
                                    + " placeholders as warnings and publishes nothing");
        } else {
            hint = "translate the page, replacing each " + MARK + "…); to publish the page in " + defaultLang
                    + " only, delete " + display.getFileName();
        }
        d.report(new Diagnostic(
                drafts ? Severity.WARNING : Severity.ERROR,
                SourcePosition.of(display, first[0], first[1]),
                message.toString(),
                hint));
    }

    /** The end of a placeholder: after its closing parenthesis (nested ones included), or at the end of its line. */
    private static int end(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (c == '(') {
                depth++;
            }
            if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }
}
