package casebook.text;

import java.util.regex.Matcher;

/** Escaping for text we write ourselves, with Japanese runs marked {@code lang="ja"} on non-Japanese pages. */
public final class HtmlText {
    private HtmlText() {}

    public static String escape(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escapeInto(s, out);
        return out.toString();
    }

    public static void escapeInto(CharSequence s, StringBuilder out) {
        int from = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > '>' || c != '&' && c != '<' && c != '>' && c != '"') {
                continue;
            }
            out.append(s, from, i);
            out.append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&quot;");
            from = i + 1;
        }
        out.append(s, from, n);
    }

    /** Escapes {@code s}; when {@code mark} is set, wraps each Japanese run in {@code <span lang="ja">}. */
    public static String escapeMarked(String s, boolean mark) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escapeMarkedInto(s, mark, out);
        return out.toString();
    }

    public static void escapeMarkedInto(String s, boolean mark, StringBuilder out) {
        if (!mark || !Cjk.containsJapanese(s)) {
            escapeInto(s, out);
            return;
        }
        Matcher m = Cjk.RUN.matcher(s);
        int last = 0;
        while (m.find()) {
            escapeInto(s.subSequence(last, m.start()), out);
            out.append("<span lang=\"ja\">");
            escapeInto(m.group(), out);
            out.append("</span>");
            last = m.end();
        }
        escapeInto(s.subSequence(last, s.length()), out);
    }
}
