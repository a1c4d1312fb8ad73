package casebook.diag;

import java.util.Locale;

/**
 * One problem found in the input, with where it is and, when we know it, how to fix it.
 * Printed as {@code path:line:col: error: message (fix: hint)}, on one line: control characters that came from
 * the content (an escape sequence that would clear the editor's terminal, a newline that would fake a second
 * problem, a bidirectional override that would reorder the line) are shown as escapes such as {@code \u001b}.
 */
public record Diagnostic(Severity severity, SourcePosition at, String message, String hint) {

    @Override
    public String toString() {
        String text = at + ": " + severity.label() + ": " + message;
        return printable(hint == null || hint.isEmpty() ? text : text + " (fix: " + hint + ")");
    }

    /** {@code s} with C0 and C1 controls, DEL, line and paragraph separators and bidi controls escaped. */
    static String printable(String s) {
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                sb.append(c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20
                || c >= 0x7F && c <= 0x9F
                || c == 0x2028
                || c == 0x2029
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069;
    }
}
